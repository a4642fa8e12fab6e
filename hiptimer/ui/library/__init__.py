"""The start screen: the routine library."""
