"""The CSV export's columns, each with what it holds: the header and its documentation in one
place (docs/history.md's table has the same words; tests/docs/test_history.py holds them equal)."""

from __future__ import annotations

# One row per set. (name, meaning) pairs: the header and the documentation in one place.
CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("session_id", "Number of the session (the same for every set of one session)"),
    ("session_started", "When the session started: ISO 8601 local time with UTC offset"),
    ("routine_id", "Identifier of the routine"),
    ("routine_title", "Title of the routine when the session was done"),
    ("exercise_id", "Identifier of the exercise within the routine"),
    ("exercise", "Name of the exercise when the session was done"),
    (
        "side",
        "'right', 'left', or empty for exercises without sides and alternating ones (both sides in one set)",
    ),
    ("set_number", "Set number within the exercise, from 1"),
    ("planned_hold_s", "Planned hold in seconds (hold exercises), else empty"),
    ("actual_hold_s", "Seconds actually held, else empty"),
    ("planned_reps", "Planned repetitions (rep exercises), else empty"),
    ("actual_reps", "Repetitions actually done, else empty"),
    ("completed", "1 if the set was done in full, 0 if it was ended early or skipped"),
    ("skipped", "1 if the set was skipped, else 0"),
    ("pain", "Pain rating after the set, 0 (none) to 10 (worst), empty if not rated"),
    ("pain_choice", "What was chosen after a pain warning: 'stop', 'lower', 'continue' or empty"),
    (
        "adjustment",
        "Quick dose adjustments in force, e.g. 'hold 30 -> 35 s' or 'reps 10 -> 11', or empty",
    ),
    ("set_started", "When the set started: ISO 8601 local time with UTC offset"),
    ("set_ended", "When the set ended: ISO 8601 local time with UTC offset"),
    ("session_note", "The note written for the session, or empty"),
    ("outcome", "This attempt: 'done' (in full), 'partly_done' (ended early) or 'skipped'"),
    ("counted", "1 on the one row per set that decides its outcome (the best attempt), else 0"),
    ("pain_as_given", "The rating first given, when it was changed later, else empty"),
    ("pain_changed_at", "When the rating was last changed (ISO 8601 local), else empty"),
    (
        "session_end",
        "How the session ended: completed, ended_early, interrupted, partial, or empty",
    ),
    ("sets_planned", "Sets the session was to have, if known"),
    ("sets_done", "Of those, done in full (each set once)"),
    ("sets_partly_done", "Begun and ended early"),
    ("sets_skipped", "Skipped"),
    (
        "sets_not_reached",
        "Not reached: the session ended before them (or, while session_end is empty, has not"
        " reached them yet: a session running or cut off)",
    ),
    ("morning_pain", "Pain at the next-morning check-in, 0-10, or empty"),
    ("morning_stiffness", "Stiffness at the next-morning check-in, 0-10, or empty"),
    ("morning_at", "When the check-in was given (ISO 8601 local), or empty"),
    ("not_representative", "1 if the user marked the session as not representative, else 0"),
    ("not_representative_reason", "The reason given with that mark, or empty"),
    ("note_as_written", "The note as first written, when it was changed later, else empty"),
    ("note_changed_at", "When the note was last changed (ISO 8601 local), else empty"),
    (
        "result",
        "A re-test's result (movements counted, seconds held, a value measured), else empty",
    ),
    (
        "result_unit",
        "The result's unit: 's' for seconds, else the routine's (e.g. 'stands', 'cm');"
        " empty without a result",
    ),
    (
        "morning_pain_as_given",
        "The next-morning pain first given, when it was changed later, else empty",
    ),
    (
        "morning_stiffness_as_given",
        "The next-morning stiffness first given, when it was changed later, else empty",
    ),
    ("morning_changed_at", "When the check-in was last changed (ISO 8601 local), else empty"),
    (
        "unreadable",
        "Values of the set HipTimer could not read in the file, left empty on this row"
        " (e.g. pain; see A row with a value HipTimer cannot use), else empty",
    ),
    ("session_ended", "When the session ended (ISO 8601 local), or empty while it has no end"),
    (
        "session_time_s",
        "The session's time in whole seconds, as the history window and hiptimer history list"
        " give it (in minutes there): from its start to its end (or to its last set, while it"
        " has no end), less a stop before a resumption (stopped_s)",
    ),
    (
        "pain_skipped",
        "1 if the rating was left out on purpose (K on the pain question, or no rating chosen"
        " in History), else 0: a set with no pain and 0 here was never rated (the set was"
        " skipped or not asked about, HipTimer stopped on its question, or it was recorded"
        " before HipTimer kept a K)",
    ),
)

CSV_HEADER = [name for name, _ in CSV_COLUMNS]
