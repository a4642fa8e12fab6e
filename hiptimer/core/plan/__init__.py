"""The weekly plan and its reminders (no Qt): plan model, due times, snooze, desk breaks."""
