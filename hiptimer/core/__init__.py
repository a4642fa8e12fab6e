"""Qt-free core: routine model, session engine, cue wording, pain rules, history store."""
