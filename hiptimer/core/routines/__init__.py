"""Routines: the model, reading, validating and writing files, the library catalog."""
