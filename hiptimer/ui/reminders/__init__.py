"""Reminders and the weekly plan on screen: notifications, the tray, the plan dialog."""
