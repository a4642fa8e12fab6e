"""Tests for the Qt-free core."""
