"""Room for the steps beside the countdown in large print: the caption, Up next and the
countdown give it before the steps come out smaller than at the normal text size."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QLabel, QLayout

from hiptimer.ui.session.coaching_panel import CoachingPanel
from hiptimer.ui.theme import set_exact_px, text_scale
from hiptimer.ui.widgets.italic import italic_where_drawn
from hiptimer.ui.widgets.layout_fit import MOST

CAPTION_SHARE = 0.042  # of the page's height: the caption's words, at the normal text size
NEXT_SHARE = 0.036  # Up next's
STEPS_SHARE = 0.036  # the steps' largest size (CoachingPanel fits them to their room)
TIMER_STRETCH = 10  # the countdown's share of the row beside the steps ...
# ... and the steps', from the normal 5 : 6 to 1 : 4: at 5 : 9, 150 % on 1024 x 600, the steps
# and caution of two English exercises and nine Spanish ones were 14 px, small from the mat; at
# 1 : 3, five Spanish ones 16 px (four are 17 px at 1 : 4, their countdown still ~110 px high).
STEPS_STRETCH = (12, 14, 16, 18, 22, 26, 30, 35, 40)


class StepsRoom(QObject):
    """Sizes the caption and Up next, and shares the row between the countdown and the steps.

    At 150 % on 1024 x 768 the caption (two lines) and Up next took 85 px of the steps'
    height, and the steps came out at 21 px where they had 24 px at 100 %. While the steps
    show in large print, they get the room to be at least the largest size the normal text
    size gives them (so never smaller than at 100 %), from what is less useful there, in
    turn: the caption and Up next keep their normal size; the steps take more of the row's
    width (the countdown, bound by the height under the figure, mostly keeps its size, and
    stays by far the largest thing); and Up next, which repeats the name and side shown
    above it, folds away while they show.

    Signals: none of its own.
    """

    def __init__(
        self,
        page: QLayout,
        row: QBoxLayout,
        coaching: CoachingPanel,
        caption: QLabel,
        next_line: QLabel,
    ) -> None:
        super().__init__(coaching)
        self._page, self._row = page, row
        self._coaching = coaching
        self._caption, self._next_line = caption, next_line
        self._height = 300
        self._sharing = False
        row.setStretch(0, TIMER_STRETCH)
        row.setStretch(1, STEPS_STRETCH[0])
        coaching.fitted.connect(self._share)  # its room changed (a caption's second line)

    @property
    def next_folded(self) -> bool:
        """Whether Up next gave its line to the steps."""
        return self._next_line.maximumHeight() == 0

    def fit(self, height: int) -> None:
        """Size the words for a page `height` px tall, then make room for the steps (after a
        resize, or the steps shown, hidden or changed)."""
        self._height = h = max(300, height)
        grow = 1.0 if not self._coaching.isHidden() else text_scale()
        set_exact_px(self._caption, h * CAPTION_SHARE * grow, italic=True)
        italic_where_drawn(self._caption)
        set_exact_px(self._next_line, h * NEXT_SHARE * grow)
        self._page.activate()  # the steps' height with these words
        self._share()

    def _share(self) -> None:
        """The least of the trades above that makes the steps large enough, tried in turn
        and laid out at once (each try fits the steps again: `fitted`, ignored meanwhile)."""
        if self._sharing:
            return
        self._sharing = True
        try:
            self._fold_next(False)
            trade = self._coaching.isVisible() and text_scale() > 1  # on screen: room known
            for stretch in STEPS_STRETCH if trade else STEPS_STRETCH[:1]:
                self._row.setStretch(1, stretch)
                self._row.activate()
                if self._large_enough():
                    return
            if trade:
                self._fold_next(True)
        finally:
            self._sharing = False

    def _large_enough(self) -> bool:
        """As whole pixels, as fonts are set: 25.8 px shows as 25.9 does. Steps in pages never
        are: each page has its own size, and a row that moved with it cut the parts anew."""
        fits = int(self._coaching.font_px) >= int(self._height * STEPS_SHARE)
        return fits and not self._coaching.paged

    def _fold_next(self, folded: bool) -> None:
        """Up next to no height, or back. Not hidden: PromptSwitch shows and hides it (and
        the caption) around the pain question, and would show it again."""
        if folded != self.next_folded:
            self._next_line.setMaximumHeight(0 if folded else MOST)
            self._page.activate()  # the steps' new height now
