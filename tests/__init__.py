"""HipTimer tests."""
