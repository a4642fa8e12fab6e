"""HipTimer: a guided timer for home hip exercise programs."""

__version__ = "0.1.0"
APP_TITLE = "HipTimer"  # the name in window titles and dialogs
# The desktop entry's name and its icon's (packaging/linux): what a desktop knows HipTimer by.
APP_ID = "io.github.hiptimer.HipTimer"
