"""HipTimer: a guided timer for home hip exercise programs."""

__version__ = "0.1.0"
