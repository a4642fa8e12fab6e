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
    and a long name never widens the window. Signals: none.
    """

    def __init__(self, tabs: QTabWidget, elastic: int = 0) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._elastic = elastic
        self._titles: list[str] = []
        self._fitting = False
        self._cut = False  # the elastic tab's title ends in "…": its tooltip shows it whole
        tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        tabs.setUsesScrollButtons(False)  # cut short, never hidden behind scroll arrows
        tabs.installEventFilter(self)
        tabs.tabBar().installEventFilter(self)  # its font is the style sheet's once polished

    def set_titles(self, titles: Sequence[str]) -> None:
        self._titles = list(titles)
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
        return as_html(whole) if self._cut and index == self._elastic else ""

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
        for index, title in enumerate(self._titles):
            if index != elastic and bar.tabText(index) != title:
                bar.setTabText(index, title)  # (each setTabText lays the bar out again)
        if not 0 <= elastic < min(bar.count(), len(self._titles)):
            return
        others = sum(self._width(t) for i, t in enumerate(self._titles) if i != elastic)
        room = self._tabs.width() - others - self._width("") - SLACK_PX
        full = self._titles[elastic]
        shown = self._metrics().elidedText(full, Qt.TextElideMode.ElideRight, max(room, 0))
        text = shown or "\u2026"
        if bar.tabText(elastic) != text:
            bar.setTabText(elastic, text)
        self._cut = shown != full
        bar.setAccessibleTabName(elastic, full.replace("&&", "&"))  # the tab's "&&" shows one "&"

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
