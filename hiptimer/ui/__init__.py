"""The thin Qt layer: windows, widgets and the Qt drivers around the core."""

from hiptimer.ui.pyside_scan import skip_source_scan

skip_source_scan()  # before any other Qt module of ours is imported (hiptimer/ui/pyside_scan.py)
