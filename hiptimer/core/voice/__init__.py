"""What the voice says: cue wording and a whole session's timed cue script."""
