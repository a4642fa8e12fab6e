"""Tests for the Qt layer (pytest-qt, offscreen)."""
