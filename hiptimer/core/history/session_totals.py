"""Each session's set aggregates in a table of their own, kept by triggers on `sets`.

The sessions list (History's table, `hiptimer history list`, get_session) summed every set
of every session it showed: 130-170 ms of CPU on ten years (248,000 sets) at each filter
change, most of what History's 'All' cost (docs/performance.md, session 15). The database
now keeps the sums per session as its sets change, whoever writes them (HipTimer, the
command line, a database tool: triggers live in the file), so a listing reads one row a
session. The aggregates are the same SQL over the same rows as before, so the figures are.
"""

from __future__ import annotations

from hiptimer.core.history.outcome import DONE_SQL, PARTLY_DONE_SQL, SKIPPED_SQL

TABLE = "session_totals"

# The columns have no type, so that no affinity changes a value: each is kept exactly as
# the aggregate gave it (an average of 3.0 stays 3.0, not 3).
CREATE_TABLE = """
CREATE TABLE session_totals (
    session_id INTEGER PRIMARY KEY,
    attempts, repeats, done, partly_done, skipped, max_pain, avg_pain, last_ended
)
"""

# One session's row, from its sets (the covering index sets_by_session_set answers).
_AGGREGATES = (
    "t.session_id, count(*), coalesce(sum(t.tried_before), 0),"
    f" coalesce(sum({DONE_SQL}), 0), coalesce(sum({PARTLY_DONE_SQL}), 0),"
    f" coalesce(sum({SKIPPED_SQL}), 0), max(t.pain), avg(t.pain), max(t.ended_at)"
)


def _count_again(session: str, when: str = "1") -> str:
    """Statements that count one session's row again (none left when it has no set)."""
    return (
        f"DELETE FROM session_totals WHERE session_id = {session} AND {when};"
        f" INSERT INTO session_totals SELECT {_AGGREGATES} FROM sets AS t"
        f" WHERE t.session_id = {session} AND {when} GROUP BY t.session_id;"
    )


# Counted again, not added to: a session has a few dozen sets, so that costs microseconds,
# and the row is the very aggregate of its sets whatever the change was.
TRIGGERS = (
    "CREATE TRIGGER session_totals_insert AFTER INSERT ON sets"
    f" BEGIN {_count_again('NEW.session_id')} END",
    "CREATE TRIGGER session_totals_delete AFTER DELETE ON sets"
    f" BEGIN {_count_again('OLD.session_id')} END",
    "CREATE TRIGGER session_totals_update AFTER UPDATE OF"
    " session_id, completed, skipped, pain, ended_at, tried_before ON sets"
    f" BEGIN {_count_again('OLD.session_id')}"
    f" {_count_again('NEW.session_id', 'NEW.session_id IS NOT OLD.session_id')} END",
)

# Every session counted again: when the table is made, and when it or a trigger was missing
# (a database tool dropped it; the sets may have changed meanwhile).
COUNT_ALL = (
    "DELETE FROM session_totals",
    f"INSERT INTO session_totals SELECT {_AGGREGATES} FROM sets AS t GROUP BY t.session_id",
)

# The sessions list's columns from the table: a session without sets has no row there.
COLUMNS = (
    "coalesce(g.attempts, 0), coalesce(g.repeats, 0), coalesce(g.done, 0),"
    " coalesce(g.partly_done, 0), coalesce(g.skipped, 0), g.max_pain, g.avg_pain, g.last_ended"
)
JOIN = "LEFT JOIN session_totals AS g ON g.session_id = s.id"
