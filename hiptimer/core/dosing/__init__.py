"""Pain-guided dosing: the rules, dose steps, their inputs from history, decisions and words."""
