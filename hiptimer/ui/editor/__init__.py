"""The routine editor: its window, forms, files, imports and the Routines menu of the main window.

Nothing is imported here, so installing the drop filter at start-up does not load the whole
editor (about 40 ms here).
"""
