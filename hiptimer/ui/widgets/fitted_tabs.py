"""Tab titles that fit their bar: one tab's long title ends in "…", the other tabs stay whole."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QStyle, QStyleOptionTab, QTabWidget, QToolTip

from hiptimer.ui.widgets.plain import as_html

SLACK_PX = 8  # a little room to spare, so rounding never leaves the title a pixel too wide


class FittedTabTitles(QObject):
    """Shows titles on a QTabWidget's tabs: the `elastic` tab's title (a name of any length)
    is cut to the room the others leave and ends in "…", with the whole title as its tooltip
    and its accessible name; the others are short words we wrote and stay whole.

    The tooltip is shown here on hover rather than set with setTabToolTip: Qt hands a tab's
    tooltip to a screen reader as its description, markup and all (QAccessibleTabButton::text
    in qtbase's src/widgets/accessible/complexwidgets.cpp), and Orca read the "<p style=...>"
    that keeps a name from being read as rich text. The accessible name is whole already.

    Qt's own elision shares the cut among all tabs: a long exercise name left "R…" of
    "Routine details", and its own text, drawn bold as the selected tab, overflowed and was cut
    at both ends. Qt's elide mode stays on as a floor, so the tabs' minimum width stays small
    and a long name never widens the window.

    Each title may have a short form ("Exercise 1" for "Exercise 1: Bridge", "Routine" for
    "Routine details"): where the room left would show less of the elastic title than its
    short form (at 640 x 480 in Spanish large print it read "…" alone), the elastic tab shows
    its short form whole, and where even that does not fit the other tabs show theirs too.
    A shortened tab has its whole title as its tooltip and accessible name. Signals: none.
    """

    def __init__(self, tabs: QTabWidget, elastic: int = 0) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._elastic = elastic
        self._titles: list[str] = []
        self._short: list[str] = []  # each title's short form (the title itself where none)
        self._fitting = False
        self._cut: set[int] = set()  # tabs not showing their whole title: a tooltip shows it
        tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        tabs.setUsesScrollButtons(False)  # cut short, never hidden behind scroll arrows
        tabs.installEventFilter(self)
        tabs.tabBar().installEventFilter(self)  # its font is the style sheet's once polished

    def set_titles(self, titles: Sequence[str], short: Sequence[str] = ()) -> None:
        """Show `titles`, falling back to their `short` forms (in order, by tab) on a narrow
        bar."""
        self._titles = list(titles)
        self._short = [*short, *titles[len(short) :]]
        self.fit()

    def full_title(self, index: int) -> str:
        return self._titles[index] if 0 <= index < len(self._titles) else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and watched is self._tabs.tabBar():
            return self._tip(event)
        kinds = (QEvent.Type.Resize, QEvent.Type.StyleChange, QEvent.Type.FontChange)
        if event.type() in kinds:
            self.fit()
        return False

    def tooltip(self, index: int) -> str:
        """What hovering the tab shows: the whole title where it is cut, as rich text that
        shows a name as written ("<b>" and all), else nothing."""
        whole = self.full_title(index).replace("&&", "&")  # the tab's "&&" shows one "&"
        return as_html(whole) if index in self._cut else ""

    def _tip(self, event: QEvent) -> bool:
        assert isinstance(event, QHelpEvent)
        bar = self._tabs.tabBar()
        index = bar.tabAt(event.pos())
        tip = self.tooltip(index)
        if not tip:
            QToolTip.hideText()
            return False  # the bar's own, for the tabs without one (none)
        QToolTip.showText(event.globalPos(), tip, bar, bar.tabRect(index))
        return True

    def fit(self) -> None:
        if self._fitting:  # a title set below may resize the tabs again
            return
        self._fitting = True
        try:
            self._fit()
        finally:
            self._fitting = False

    def _fit(self) -> None:
        bar, elastic = self._tabs.tabBar(), self._elastic
        if not 0 <= elastic < min(bar.count(), len(self._titles)):
            for index, title in enumerate(self._titles):
                if index < bar.count() and bar.tabText(index) != title:
                    bar.setTabText(index, title)
            return
        shown = self._fitted(self._titles) or self._fitted(self._short)
        if shown is None:  # even the short forms do not fit: the short ones, the name cut
            shown = list(self._short)
            shown[elastic] = self._elided(self._short, self._short[elastic]) or "\u2026"
        self._cut = set()
        for index, (text, full) in enumerate(zip(shown, self._titles, strict=True)):
            if bar.tabText(index) != text:
                bar.setTabText(index, text)  # (each setTabText lays the bar out again)
            if text != full:
                self._cut.add(index)
            bar.setAccessibleTabName(index, full.replace("&&", "&"))  # "&&" shows one "&"

    def _fitted(self, others: Sequence[str]) -> list[str] | None:
        """The titles shown with these titles on the other tabs: the elastic title whole, cut
        where that still shows more than its short form, or its short form whole; None where
        none of those fits."""
        full, short = self._titles[self._elastic], self._short[self._elastic]
        cut = self._elided(others, full)
        if cut == full or len(cut.rstrip("\u2026")) > len(short) + 2:  # ": " and a letter
            text = cut
        elif self._elided(others, short) == short:
            text = short
        else:
            return None
        return [text if i == self._elastic else t for i, t in enumerate(others)]

    def _elided(self, others: Sequence[str], title: str) -> str:
        """`title` cut to the room these other titles leave ("" where none of it fits)."""
        room = self._tabs.width() - self._width("") - SLACK_PX
        room -= sum(self._width(t) for i, t in enumerate(others) if i != self._elastic)
        return self._metrics().elidedText(title, Qt.TextElideMode.ElideRight, max(room, 0))

    def _metrics(self) -> QFontMetrics:
        """The selected tab's font (bold in the editor's style sheet), the widest it is drawn."""
        font = self._tabs.tabBar().font()
        font.setBold(True)
        return QFontMetrics(font)

    def _width(self, text: str) -> int:
        """A tab's width with this title when selected, as the style sizes it (padding, border
        and the style sheet's :selected font included), by the bar's own measure."""
        bar = self._tabs.tabBar()
        option = QStyleOptionTab()
        option.initFrom(bar)
        option.shape = bar.shape()
        option.text = text
        option.state |= QStyle.StateFlag.State_Selected
        inner = QSize(bar.fontMetrics().horizontalAdvance(text), bar.fontMetrics().height())
        kind = QStyle.ContentsType.CT_TabBarTab
        return bar.style().sizeFromContents(kind, option, inner, bar).width()
