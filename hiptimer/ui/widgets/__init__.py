"""Small widgets of the workout screen."""
