"""Small widgets and Qt helpers shared by the pages and windows: the exercise figure, text
fitted to its room, fields, layouts, file dialogs, and what a screen reader is told."""
