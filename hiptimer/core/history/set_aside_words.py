"""The rows set aside in the history, in words: once for the window, every run for the CLI."""

from __future__ import annotations

from hiptimer.core.history.repair import FOLLOWERS, SetAside, went_with
from hiptimer.i18n import _, n_


def _items(rows: list[SetAside], limit: int) -> tuple[str, int]:
    """'sessions row 2 (doses_json is not a JSON object) with its 4 sets; ...' for up to
    `limit` items, and how many rows are left unnamed."""
    followers: dict[int, dict[str, int]] = {}
    for row in rows:
        if row.table == "sessions":
            followers[row.row_id] = {}
    items: list[str] = []
    for row in rows:
        sid = next((s for s in followers if row.reason == went_with(s)), None)
        if row.table in FOLLOWERS and sid is not None:
            followers[sid][row.table] = followers[sid].get(row.table, 0) + 1
    for row in rows:
        if row.table in FOLLOWERS and any(row.reason == went_with(s) for s in followers):
            continue
        with_them = ""
        if row.table == "sessions" and (went := followers.get(row.row_id)):
            with_them = " with its " + " and ".join(
                f"{n} {table[:-1]}{'s' * (n != 1)}" for table, n in went.items()
            )
        items.append(f"{row.table} row {row.row_id} ({row.reason}){with_them}")
    named = items[:limit]
    unnamed = sum(
        1 + (sum(followers.get(int(i.split()[2]), {}).values()) if i.startswith("sessions") else 0)
        for i in items[limit:]
    )
    return "; ".join(named), unnamed


def _count(rows: list[SetAside], one: str, many: str) -> str:
    return f"1 damaged row {one}" if len(rows) == 1 else f"{len(rows)} damaged rows {many}"


def _named(rows: list[SetAside], limit: int, *, translated: bool = True) -> str:
    """Up to `limit` items, then "; and N more" (not translated for describe_left_out, whose
    sentences stay as written)."""
    shown, unnamed = _items(rows, limit)
    if not unnamed:
        return shown
    more = _("{items}; and {n} more") if translated else "{items}; and {n} more"
    return more.format(items=shown, n=unnamed)


def describe(found: list[SetAside], limit: int = 5) -> str | None:
    """What was set aside now, for the user (a sentence on the rows left out, one on the
    sets kept with a value emptied), or None."""
    left = [r for r in found if not r.kept]
    kept = [r for r in found if r.kept]
    said = []
    if left:
        said.append(
            n_(
                "{n} damaged row was set aside in the history's set_aside table and left out "
                "({items}); everything else is as it was.",
                "{n} damaged rows were set aside in the history's set_aside table and left "
                "out ({items}); everything else is as it was.",
                len(left),
            ).format(n=len(left), items=_named(left, limit))
        )
    if kept:
        said.append(
            n_(
                "{n} set had a value HipTimer cannot read ({items}): the set counts as "
                "before, with that value empty; the row as it was is in the history's "
                "set_aside table.",
                "{n} sets had values HipTimer cannot read ({items}): they count as before, "
                "with those values empty; the rows as they were are in the history's "
                "set_aside table.",
                len(kept),
            ).format(n=len(kept), items=_named(kept, limit))
        )
    return " ".join(said) or None


def describe_left_out(rows: list[SetAside], limit: int = 10) -> str | None:
    """What every list and export leaves out, and which sets they show with a value
    emptied, in a sentence each; or None."""
    left = [r for r in rows if not r.kept]
    kept = [r for r in rows if r.kept]
    said = []
    if left:
        were = "it was" if len(left) == 1 else "they were"
        said.append(
            f"{_count(left, 'is', 'are')} left out (kept as {were} in the history's set_aside"
            f" table): {_named(left, limit, translated=False)}."
        )
    if kept:
        sets = "1 set is" if len(kept) == 1 else f"{len(kept)} sets are"
        said.append(
            f"{sets} counted with a value HipTimer cannot read left empty (the rows as they"
            f" were are in the history's set_aside table): {_named(kept, limit, translated=False)}."
        )
    return " ".join(said) or None
