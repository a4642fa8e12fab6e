"""End-to-end tests: the real app in a real window under Xvfb."""
