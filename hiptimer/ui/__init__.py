"""The thin Qt layer: windows, widgets and the Qt drivers around the core."""
