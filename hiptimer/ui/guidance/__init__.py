"""Pain guidance on screen: the morning check-in and dose suggestions the user answers."""
