"""Tests for the workout screen's small widgets."""
