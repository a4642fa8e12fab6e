"""A guided session: steps, the engine on an injected clock, its events, view and resume."""
