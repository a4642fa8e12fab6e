"""The history window's filters, folded behind a Filters button where the window is short."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from hiptimer.i18n import _
from hiptimer.ui.widgets.flow_layout import FlowLayout, FlowRow
from hiptimer.ui.widgets.tab_order import tab_stops

FOLDED, OPEN = "\u25b8", "\u25be"  # the disclosure's arrows: right, down


class FilterFold(QWidget):
    """The filters' rows (filter_bar) where the window has the height for them; where it is
    short, folded, and a Filters button (`toggle`, which the window puts beside its status
    line) opens and folds them again; it says what they are set to ("All routines · 8 Sep
    2026 – 7 Dec 2026") in its tooltip and to a screen reader.

    Why: at 800 x 600 in large print in Spanish the three rows took 160 px of 556, and the
    chosen session's heading and sets were below the sessions tab's fold; a line of their
    own for the button still left the first set cut. The user's choice (open or folded)
    stands while the window is short. Signals: none of its own.
    """

    def __init__(self, bar: FlowLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QPushButton()
        self.toggle.setObjectName("filters-toggle")
        self.toggle.setAccessibleName(_("Filters"))  # not the arrow's name before it
        self.toggle.setCheckable(True)
        self.rows = FlowRow(bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.rows)
        self._short = False
        self._opened_by_user = False  # the button's last click, while short
        self.toggle.clicked.connect(self._clicked)
        self._show()

    def lead_tab(self) -> None:
        """Put the button right before the filters in Tab's order (call once the window holds
        both): Filters pressed, Tab goes into the filters it opened above the tabs, not on to
        Export CSV beside it. Hidden where the window has the room, the button leaves Tab's
        order as it reads: the filters, the tabs, the exports."""
        stops = tab_stops(self.rows)
        if not stops:
            return
        # After the Tab stop before the filters, round the window (Export PDF): Qt places a
        # widget after a label or a box that Tab passes by only as it likes.
        before = stops[0].previousInFocusChain()
        while before not in (None, stops[0]) and not before.focusPolicy() & Qt.FocusPolicy.TabFocus:
            before = before.previousInFocusChain()
        if before is not None and before not in (self.toggle, stops[0]):
            QWidget.setTabOrder(before, self.toggle)

    def set_summary(self, routine: str, since: str, until: str) -> None:
        """What the filters are set to, in the button's tooltip and said with it."""
        text = _("{routine} · {since} – {until}").format(routine=routine, since=since, until=until)
        self.toggle.setToolTip(
            _("Show or hide the routine and dates the sessions are from ({now})").format(now=text)
        )
        self.toggle.setAccessibleDescription(text)

    def fold_if(self, short: bool) -> None:
        """Folded where the window is `short` (unless the user opened them)."""
        if short != self._short:
            self._short = short
            # The choice stood while short: kept past a tall spell, filters opened at
            # 800 x 600 were open again when the window came back from maximised.
            self._opened_by_user = False
            self._show()

    def fit(self, page: int, width: int, spacing: int, needed: int) -> bool:
        """Fold where the page below, `page` px tall now, would be less than `needed` with
        the rows open at `width` (and `spacing` above them); whether it would."""
        shown = 0 if self.isHidden() else self.height() + spacing
        short = page + shown - self.open_height(width) - spacing < needed
        self.fold_if(short)
        return short

    def open_height(self, width: int) -> int:
        """How tall the filters' rows are at this width, shown or not."""
        layout = self.rows.layout()
        return layout.heightForWidth(width) if layout is not None else 0

    def _clicked(self, opened: bool) -> None:
        self._opened_by_user = opened
        self._show()

    def _show(self) -> None:
        opened = not self._short or self._opened_by_user
        for widget, shown in ((self.toggle, self._short), (self, opened)):
            if widget.parentWidget() is not None or not shown:  # never a window of its own
                widget.setVisible(shown)
        self.toggle.setChecked(opened)
        arrow = OPEN if opened else FOLDED
        self.toggle.setText(f"{arrow} {_('Filters')}")
