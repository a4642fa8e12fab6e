"""Sound without Qt: pyttsx3 speech, its worker thread, voice tracks and synthesized beeps."""
