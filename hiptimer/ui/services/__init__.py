"""The services a session talks to (voice, beeps, history, screen saver) and their status strips."""
