"""The workout on screen: the engine driver, session controller, workout, pain, summary and resume pages."""
