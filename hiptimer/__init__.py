"""HipTimer: a guided timer for home hip exercise programs."""

__version__ = "0.1.0"
APP_TITLE = "HipTimer"  # the name in window titles and dialogs
