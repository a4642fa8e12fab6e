"""The end of a session: what was done, skipped and rated, and the doses changed on the way."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hiptimer.core.history.outcome import done_text, planned_text
from hiptimer.core.history.wording import CHOICE_WORDS
from hiptimer.core.routines.model import Routine, estimated_seconds, format_duration, half_up
from hiptimer.core.routines.user_routines import DoseChange
from hiptimer.core.session.dose_adjust import net_changes
from hiptimer.core.session.events import EndReason, SetRecord
from hiptimer.core.session.set_outcome import SetCounts, count_sets, deciding
from hiptimer.core.session.steps import Side
from hiptimer.i18n import N_, _, translate
from hiptimer.ui.key_words import key_hint
from hiptimer.ui.keys import KEY_NAMES, Action, Mode, first_key
from hiptimer.ui.pain_colours import pain_fill, pain_ink
from hiptimer.ui.session.pain_prompt import set_label
from hiptimer.ui.session.workout_text import minutes_text
from hiptimer.ui.theme import BODY_SHARE, READABLE_PX, current, set_px
from hiptimer.ui.widgets.flow_layout import FlowLayout
from hiptimer.ui.widgets.item_lines import unbroken_items
from hiptimer.ui.widgets.page_middle import PageMiddle
from hiptimer.ui.widgets.plain import (
    ElidedLabel,
    in_our_direction,
    may_cut,
    plain,
    show_wrapped,
    units_kept,
)
from hiptimer.ui.widgets.tab_order import tab_after, tab_stops
from hiptimer.ui.widgets.table_rows import AllRowsTable

COLUMNS = (
    N_("Exercise"),
    N_("Side"),
    N_("Set"),
    N_("Planned"),
    N_("Done"),
    N_("Pain"),
    N_("Choice"),
)
SIDE_COLUMN = 1
SET_COLUMN = 2
PLANNED_COLUMN = 3
DONE_COLUMN = 4
PAIN_COLUMN = 5
CHOICE_COLUMN = 6
HEADING_MARGINS = 2 * 24 + 8  # the page's margins either side, and a little air
MIN_HEADING_PX = 16


@dataclass(frozen=True)
class SessionResult:
    """What the summary shows, gathered when the session ended."""

    routine: Routine  # with this session's dose changes applied
    records: tuple[SetRecord, ...]
    reason: EndReason
    total_s: float  # from start to end, pauses included
    started_with: Routine | None = None  # the routine as the session (first) started
    planned_s: float | None = None  # its estimated length at the start, lead-ins as run
    # Whether planned_s counted the voice's lead-ins, where the voice failed, or was muted or
    # unmuted, during the session (its lead-ins then ran otherwise); None: it did not change.
    planned_with_voice: bool | None = None
    sets_planned: int | None = None  # the sets the session was to have (None: as recorded)
    # The pain limit the session ran with (its pain prompts used it); one changed in Settings
    # meanwhile waits for the next session, so the summary judges the session by this one.
    pain_limit: int | None = None

    @property
    def max_pain(self) -> int | None:
        pains = [r.pain for r in self.records if r.pain is not None]
        return max(pains) if pains else None

    @property
    def counts(self) -> SetCounts:
        """Each set once, by its outcome, as the history counts it."""
        return count_sets(self.records, self.sets_planned)

    def dose_changes(self) -> list[DoseChange]:
        """The doses the session left changed, one per exercise and field (net_changes)."""
        if self.started_with is None:
            return []
        return net_changes(self.started_with, self.routine)

    def adjustment_lines(self) -> list[str]:
        """'Bridge: reps 10 \u2192 17' for each dose changed, in routine order, as Keep lists it."""
        return [str(change) for change in self.dose_changes()]


def record_row(record: SetRecord, counted: bool = True) -> tuple[str, ...]:
    """One table row: exercise, side, set, planned, actual, pain, choice."""
    planned, actual = planned_text(record), done_text(record, counted)
    side = side_word(record.side)
    # A K reads as History reads it; a question never answered (the session ended on it) is empty.
    pain = f"{record.pain}/10" if record.pain is not None else ""
    pain = _("no rating") if record.pain_skipped and record.pain is None else pain
    choice = translate(CHOICE_WORDS[record.pain_choice.value]) if record.pain_choice else ""
    return (record.exercise_name, side, str(record.set_number), planned, actual, pain, choice)


def named_set(record: SetRecord) -> str:
    """'Bridge, set 2, right side' for a table with no Side and Set columns: broken only in
    the name and after a comma, never in "set" / "2" (at 800 px the cell read "serie" / "1,")."""
    label = set_label(record)
    head, name, tail = label.partition(record.exercise_name)
    if not name:
        return label
    return head + name + tail.replace(" ", "\u00a0").replace(",\u00a0", ", ")


def detailed_set(record: SetRecord, counted: bool = True) -> str:
    """'Bridge, set 2, right side' / 'Planned 10 reps · Done 8 reps' for a table with no
    Planned and Done columns either, each value after its column's title as History's sets
    table writes them folded."""
    values = ((PLANNED_COLUMN, planned_text(record)), (DONE_COLUMN, done_text(record, counted)))
    parts = [f"{translate(COLUMNS[column])} {units_kept(value)}" for column, value in values]
    return named_set(record) + "\n" + " \u00b7 ".join(parts)  # the plan and outcome a line apart


def side_word(side: Side | None) -> str:
    """A set's side for a table: "left", "right", or nothing."""
    if side is None:
        return ""
    return _("left") if side is Side.LEFT else _("right")


def stats_line(result: SessionResult) -> str:
    # Rounded as History rounds it (halves up); minutes_text alone would round every part up.
    parts = [_("Total time {time}").format(time=minutes_text(half_up(result.total_s)))]
    parts += result.counts.parts()  # each set once, by outcome, as every view words it
    top = result.max_pain
    parts.append(_("no pain ratings") if top is None else _("highest pain {n}/10").format(n=top))
    return "  \u00b7  ".join(parts)


class SummaryPage(QWidget):
    """Shows a SessionResult; it changes nothing itself.

    Signals: library_requested(), done_requested(),
    keep_doses_requested(Routine, list) with the routine as adjusted and its net dose changes.
    """

    library_requested = Signal()
    done_requested = Signal()
    keep_doses_requested = Signal(object, object)

    def __init__(self, result: SessionResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = result
        self.setObjectName("page")
        completed = result.reason is EndReason.COMPLETED
        self.heading = QLabel(
            _("Session complete") if completed else _("Session ended early"), self
        )
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = ElidedLabel(
            planned_line(result),
            self,
        )
        self.subtitle.cut_first(result.routine.title)  # the planned time reads whole
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setProperty("role", "muted")
        # Every outcome and the pain: wider than the window, it wraps between them.
        self.stats = QLabel(unbroken_items(stats_line(result)), self)
        self.stats.setAccessibleName(stats_line(result))
        self.stats.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stats.setWordWrap(True)
        self.table = self._build_table(result.records)
        self.adjustments = QLabel("", self)
        self.adjustments.setWordWrap(True)
        plain(self.adjustments)  # the exercises' names
        may_cut(self.adjustments)
        lines = result.adjustment_lines()
        listed = "\n".join(f"\u2022 {line}" for line in lines)
        heading = _("Doses changed this session:")
        # Each dose on one line ("hold 6 s" / "\u2192 1 s"), as the suggestion cards write them.
        show_wrapped(self.adjustments, in_our_direction(units_kept(f"{heading}\n{listed}")))
        self.adjustments.setVisible(bool(lines))
        keep_key = first_key(Action.KEEP_DOSES, Mode.SUMMARY)
        self.keep_button = QPushButton(
            _("Keep these doses for next time?") + f"   [{keep_key}]", self
        )
        tip = _("Make the doses changed in this session the routine's doses from now on")
        self.keep_button.setToolTip(tip)
        # Read as the other buttons are ("Key: Y"), after what its tooltip says.
        self.keep_button.setAccessibleDescription(f"{tip} {key_hint(keep_key)}")
        self.keep_button.setVisible(bool(lines))
        self.keep_button.clicked.connect(
            lambda: self.keep_doses_requested.emit(result.routine, result.dose_changes())
        )
        # The primary action goes back to the library; quitting is the explicit, quieter one.
        self.library_button = QPushButton(
            _("Back to library") + f"   [{first_key(Action.LIBRARY, Mode.SUMMARY)}]", self
        )
        self.library_button.setProperty("role", "primary")
        self.library_button.clicked.connect(self.library_requested.emit)
        self.done_button = QPushButton(_("Quit HipTimer") + f"   [{KEY_NAMES[Action.DONE]}]", self)
        self.done_button.clicked.connect(self.done_requested.emit)
        for button in (self.keep_button, self.library_button, self.done_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        tab_after(self.keep_button, [self.done_button, self.library_button])  # as they read

        # In two rows when the window is narrow or the text large, never cut.
        buttons = FlowLayout(spacing=12, align="right")
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.library_button)
        # The heading and the buttons stay; what is between scrolls as one on a short screen
        # (960 x 540 in large print), the table as tall as its rows.
        self.middle = PageMiddle(self)
        for part in (self.subtitle, self.stats, self.table, self.adjustments):
            part.setParent(self.middle.body)
            self.middle.parts.addWidget(part)
        self.middle.parts.addStretch(1)  # a short session: the parts at the top, together
        self.middle.follow_current_cell(self.table)  # the arrows' cell stays on screen
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 8, 24, 8)  # 1920 x 1080 at 200 % in large print: 496 px
        layout.addWidget(self.heading)
        layout.addWidget(self.middle, 1)
        layout.addLayout(buttons)

    def _build_table(self, records: tuple[SetRecord, ...]) -> QTableWidget:
        table = AllRowsTable(len(records), len(COLUMNS), self)
        table.setAccessibleName(_("Sets of this session"))
        table.setHorizontalHeaderLabels([translate(c) for c in COLUMNS])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        counted = deciding(records)
        for row, record in enumerate(records):
            for col, value in enumerate(record_row(record, counted[row])):
                item = QTableWidgetItem(value)
                if record.skipped:
                    item.setForeground(QColor(current().disabled))
                elif col == PAIN_COLUMN and record.pain is not None:
                    # The one pain colour scale: 3/10 is amber here as in History and the PDF.
                    item.setBackground(QColor(pain_fill(record.pain)))
                    item.setForeground(QColor(pain_ink(record.pain)))
                table.setItem(row, col, item)
        # A session with no each-side exercise leaves Side empty: its room goes to the names,
        # which large print on a 1024 px screen cut to "Standing …".
        table.setColumnHidden(SIDE_COLUMN, all(r.side is None for r in records))
        header = table.horizontalHeader()
        for col in range(1, len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # The names, what was planned and done and the choice take more lines rather than be cut.
        table.wrap_where_narrow(0, PLANNED_COLUMN, DONE_COLUMN, CHOICE_COLUMN)
        # Where even so the table is wider than the page, a row's side and set join its name.
        table.fold_where_narrow((SIDE_COLUMN, SET_COLUMN), [named_set(r) for r in records])
        # Where still it is, what was planned and done join them: at 640 x 480 in large print
        # in Spanish the titles alone took 669 px of 564, Decisión out of sight.
        table.fold_where_narrow(
            (PLANNED_COLUMN, DONE_COLUMN),
            [detailed_set(r, counted[row]) for row, r in enumerate(records)],
        )
        return table

    def keep_answered(self, kept: bool) -> None:
        """The keep question was answered (Keep saved, or Not now, which also closes the offer
        the library would make again): the button says which, greyed, and Y asks no more."""
        said = _("Doses kept for next time") if kept else _("Doses not kept")
        why = (
            _("The next session starts from the doses of this session.")
            if kept
            else _("You answered Not now: the next session starts from the routine's doses.")
        )
        self._keep_closed(said, why)

    def suggestion_saved(self) -> None:
        """A dose suggestion was accepted under the summary: keeping this session's doses would
        start from the routine as it was, so the keep button says what happened instead of
        asking ("Keep these doses for next time? [Y]" stayed, greyed)."""
        self._keep_closed(
            _("Suggested dose saved"),
            _(
                "You accepted a suggested dose: the next session starts from the routine with "
                "it, not from the doses of this session."
            ),
        )

    def _keep_closed(self, said: str, why: str) -> None:
        self.keep_button.setEnabled(False)
        self.keep_button.setText(said)
        self.keep_button.setAccessibleName(said)
        self.keep_button.setToolTip(why)
        self.keep_button.setAccessibleDescription(why)

    def add_section(self, widget: QWidget) -> None:
        """Show one more part (the dose suggestions) under the table, above the buttons, in
        the part that scrolls: as tall as its contents, it must not scroll on its own."""
        widget.setParent(self.middle.body)
        parts = self.middle.parts
        parts.insertWidget(parts.count() - 1, widget)  # before the closing stretch
        tab_after(self.table, tab_stops(widget))  # Tab reaches it before the buttons

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        h = max(300, self.height())
        set_px(self.heading, h * 0.07, bold=True)
        fit_width(self.heading, self.width() - HEADING_MARGINS)
        set_px(self.subtitle, h * 0.032)
        set_px(self.stats, h * 0.038, bold=True)
        body = max(h * BODY_SHARE, READABLE_PX)  # a short page scrolls rather than shrink it
        set_px(self.table, body)
        set_px(self.adjustments, body)
        for button in (self.keep_button, self.library_button, self.done_button):
            set_px(button, h * 0.03, bold=button is self.library_button)


def fit_width(label: QLabel, room: int) -> None:
    """A smaller font for a one-line label whose words are wider than `room`: in Spanish at
    1280 x 800 in large print "Sesión terminada antes de tiempo" was cut at both ends,
    "sión terminada antes de tiem"."""
    font = label.font()
    while font.pixelSize() > MIN_HEADING_PX and QFontMetrics(font).horizontalAdvance(
        label.text()
    ) > max(room, 1):
        font.setPixelSize(font.pixelSize() - 1)
    label.setFont(font)


def planned_line(result: SessionResult) -> str:
    """'Hips — planned 25:30'; where the voice changed during the session, the planned time
    is the one set out at its start, and says so (docs/routine-format.md, Rests)."""
    title, time = result.routine.title, format_duration(_planned(result))
    if result.planned_with_voice is None:
        return _("{title} \u2014 planned {time}").format(title=title, time=time)
    if result.planned_with_voice:
        # Translators: the voice failed or was muted during the session, so its pauses
        # ran shorter than planned.
        text = _("{title} \u2014 planned {time} at the start, with the voice")
    else:
        # Translators: the voice was unmuted during the session: its pauses ran longer.
        text = _("{title} \u2014 planned {time} at the start, without the voice")
    return text.format(title=title, time=time)


def _planned(result: SessionResult) -> float:
    if result.planned_s is not None:
        return result.planned_s
    return estimated_seconds(result.routine)
