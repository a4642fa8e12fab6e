"""The history window, its charts and tables, and the clinician's PDF report."""
