"""The history: the SQLite store, its schema, queries, review and exports."""
