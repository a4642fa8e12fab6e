"""The settings dialog, its look, and applying its choices to the running app."""
