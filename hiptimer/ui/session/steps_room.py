"""Room for the steps beside the countdown in large print: the caption, Up next, the set line
and the countdown give it before the steps come out smaller than at the normal text size."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QBoxLayout, QLabel, QLayout

from hiptimer.ui.session.caption_label import CaptionLabel
from hiptimer.ui.session.coaching_look import PAGED_PX
from hiptimer.ui.session.coaching_panel import CoachingPanel
from hiptimer.ui.session.timer_column import TimerColumn
from hiptimer.ui.theme import set_exact_px, set_px, text_scale
from hiptimer.ui.widgets.italic import italic_where_drawn
from hiptimer.ui.widgets.layout_fit import MOST

CAPTION_SHARE = 0.042  # of the page's height: the caption's words, at the normal text size
NEXT_SHARE = 0.036  # Up next's
STEPS_SHARE = 0.036  # the steps' largest size (CoachingPanel fits them to their room)
LINE_SHARE, LINE_MOST_SHARE = 0.05, 0.055  # the set and rep lines', at most in large print
TIMER_STRETCH = 10  # the countdown's share of the row beside the steps ...
# ... and the steps', from the normal 5 : 6 to 1 : 4: at 5 : 9, 150 % on 1024 x 600, the steps
# and caution of two English exercises and nine Spanish ones were 14 px, small from the mat; at
# 1 : 3, five Spanish ones 16 px (four are 17 px at 1 : 4, their countdown still ~110 px high).
STEPS_STRETCH = (12, 14, 16, 18, 22, 26, 30, 35, 40)
# In a pause (get-ready, rest) the countdown only says when the next set starts, and the voice
# and the beeps say it too: the steps may take more, up to 1 : 10, as long as the countdown
# keeps PAUSE_COUNT_PX.
PAUSE_STRETCH = (50, 60, 80, 100)
# The least the countdown is drawn at in a pause while the steps take its room: 60 px digits
# are ~44 px of ink, 9.5-11.5 mm on a 96-120 dpi screen, ~17-20 arc minutes from 2 m: over
# three times what 20/20 eyes need and above what 20/60 eyes (large print's users) need, twice
# the set line's size over it and more than three times the steps' 18 px. Under it (session
# 25: 36 px at 1024 x 600) the count read as one more line of words from the mat.
PAUSE_COUNT_PX = 60


class StepsRoom(QObject):
    """Sizes the caption and Up next, and shares the row between the countdown and the steps.

    At 150 % on 1024 x 768 the caption (two lines) and Up next took 85 px of the steps'
    height, and the steps came out at 21 px where they had 24 px at 100 %. While the steps
    show in large print, they get the room to be at least the largest size the normal text
    size gives them (so never smaller than at 100 %), from what is less useful there, in
    turn: the caption and Up next keep their normal size; the steps take more of the row's
    width (the countdown, bound by the height under the figure, mostly keeps its size, and
    stays by far the largest thing); Up next, which repeats the name and side shown above
    it, folds away while they show; and in a pause, the set line over the countdown comes
    down to the steps' normal size (at 800 x 600 in Spanish, "A continuación, serie 2 de 2"
    at 28 px held the countdown's column 482 px wide, and the steps were 14 px). In a pause
    the steps take up to nine tenths of the row, the countdown never under PAUSE_COUNT_PX
    (its column gives it the height for that first: TimerColumn.set_count_floor). Before any
    of these, a caption with nothing said gives its row (words said take it back). At the
    normal text size the row is shared only in a pause whose steps had not a line's room
    beside the caution (CoachingPanel shows it alone then), were shown a page at a time or
    under the body text's size (PAGED_PX), until they are not or the countdown is at its floor.

    Signals: none of its own.
    """

    def __init__(
        self,
        page: QLayout,
        row: QBoxLayout,
        coaching: CoachingPanel,
        caption: CaptionLabel,
        next_line: QLabel,
        timer: TimerColumn,
    ) -> None:
        super().__init__(coaching)
        self._page, self._row = page, row
        self._coaching, self._timer = coaching, timer
        self._caption, self._next_line = caption, next_line
        self._height = 300
        self._sharing = False
        self._pause = False
        self._count_unknown = False  # shared while the countdown had no digits (count_shown)
        row.setStretch(0, TIMER_STRETCH)
        row.setStretch(1, STEPS_STRETCH[0])
        coaching.fitted.connect(self._share)  # its room changed (a caption's second line)
        caption.shown.connect(self._share)  # words in a folded caption: its row back
        # Shown: its room is known only now. A page's first step was fitted and shared as the
        # page was laid out, still hidden, and nothing shared it again: the first get-ready's
        # steps were 17 px at 1024 x 600 in Spanish large print (18 px with a caption shown).
        coaching.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is QEvent.Type.Show:
            self._share()
        return super().eventFilter(watched, event)

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
        self._size_lines(small=False)  # (_share sizes them again: it may have made them small)
        self._page.activate()  # the steps' height with these words
        self._share()

    def set_pause(self, pause: bool) -> None:
        """Whether the page shows a pause (get-ready, rest): its countdown may give more."""
        if pause != self._pause:
            self._pause = pause
            self._share()

    def count_shown(self) -> None:
        """The countdown shows its digits: share the row again if it was shared without them.
        The first get-ready's steps are shown, and the row shared, before the session's clock
        starts: its count, still empty, measured 148 px in a 54 px column at 640 x 480 in
        large print, so the steps took the widest share; "43" then showed at 37 px, under
        PAUSE_COUNT_PX, and nothing shared the row again."""
        if self._count_unknown and self._timer.big.template:
            self._share()

    def _share(self) -> None:
        """The least of the trades above that makes the steps large enough, tried in turn
        and laid out at once (each try fits the steps again: `fitted`, ignored meanwhile)."""
        if self._sharing:
            return
        self._sharing = True
        self._count_unknown = not self._timer.big.template
        try:
            self._fold_next(False)
            self._fold_caption(False)
            self._size_lines(small=False)
            shown = self._coaching.isVisible()  # on screen: room known
            if not shown or text_scale() <= 1:
                self._row.setStretch(1, STEPS_STRETCH[0])
                self._row.activate()
            # At the normal text size, only a pause whose steps are left out for want of a
            # line's room (Spanish at 640 x 480: the panel 142 px wide, the caution cut), shown
            # a page at a time or under the body text's size (at 800 x 600 in Spanish the hip
            # hiker's rest showed one step of four at 14 px beside a 247 px countdown).
            trade = shown and (text_scale() > 1 or (self._pause and self._short_of_room()))
            floor = PAUSE_COUNT_PX if trade and self._pause else 0
            self._timer.set_count_floor(floor)
            if not trade or self._widen(STEPS_STRETCH[:1], floor):
                return
            self._fold_caption(not self._caption.text())  # an empty row: nothing lost
            if self._widen(STEPS_STRETCH, floor):
                return
            self._fold_next(True)
            ladder = STEPS_STRETCH + PAUSE_STRETCH if floor else STEPS_STRETCH
            if floor:
                if self._widen(ladder, floor):
                    return
                self._size_lines(small=True)
                if self._widen(ladder, floor):
                    return
            self._give_back(ladder)
        finally:
            self._sharing = False

    def _widen(self, ladder: tuple[int, ...], floor: float) -> bool:
        """The steps' share of the row up the ladder: the first rung where they are large
        enough (True), or the one below the first where the countdown would go under `floor`,
        or the ladder's top (False).

        Found by halves, the top tried first, as each try lays the page out and fits the
        steps again: walked rung by rung from the foot, steps in pages (never large enough)
        tried every rung, 36 layouts a Down press in a pause, ~1 s of CPU. The same rung as
        that walk, as both tests keep their answer up the ladder: more stretch never gives
        the steps less room (nor smaller, nor more pages) nor the countdown more."""
        top = len(ladder) - 1
        cause = self._try(ladder, top, floor)
        if cause is None:
            return False
        low, stop = 0, top  # the first rung that stops the walk is in [low, stop]
        tried = top  # the rung laid out last
        while low < stop:
            mid = tried = (low + stop) // 2
            found = self._try(ladder, mid, floor)
            if found is None:
                low = mid + 1
            else:
                stop, cause = mid, found
        if tried != stop:  # as the walk left it: laid out and measured at that rung
            self._try(ladder, stop, floor)
        if cause == "count":  # one rung back, where the countdown kept its floor
            self._row.setStretch(1, ladder[stop - 1])
            self._row.activate()
            return False
        return True

    def _give_back(self, ladder: tuple[int, ...]) -> None:
        """Steps never large enough: the row back down the ladder to the least rung that
        shows them as large, whole pixels, and on one page. The walk had taken its top for a
        pixel or none: at 1024 x 600 in large print the tour's get-ready had 17 px steps at
        80 : 10 and at 100 : 10, and the countdown 73 px or 60 px (16.9 px steps from 50 : 10
        under a notice: 111 px or 60 px). Not while paged: a row that moved with each page
        cut the parts anew (_large_enough)."""
        shown = self._row.stretch(1)
        if text_scale() <= 1 or self._coaching.paged or shown not in ladder:
            return
        size = int(self._coaching.font_px)
        low, stop = 0, ladder.index(shown)  # the least rung as good is in [low, stop]
        tried = stop
        while low < stop:
            mid = tried = (low + stop) // 2
            self._row.setStretch(1, ladder[mid])
            self._row.activate()
            if int(self._coaching.font_px) >= size and not self._coaching.paged:
                stop = mid
            else:
                low = mid + 1
        if tried != stop:  # laid out at the rung found, as the walk leaves it
            self._row.setStretch(1, ladder[stop])
            self._row.activate()
        self._timer.refit()

    def _try(self, ladder: tuple[int, ...], rung: int, floor: float) -> str | None:
        """The ladder's `rung` laid out: "count" where the countdown goes under `floor` (not
        at the foot, from which the walk has nowhere back), "large" where the steps are large
        enough, or None."""
        self._row.setStretch(1, ladder[rung])
        self._row.activate()
        if floor and rung > 0 and self._count_px() < floor:
            return "count"
        return "large" if self._large_enough() else None

    def _count_px(self) -> int:
        """The countdown's size once its column has placed the figure for its new width."""
        self._timer.refit()
        return self._timer.big.pixel_size()

    def _size_lines(self, *, small: bool) -> None:
        """The set and rep lines: already large, in large print no larger than leaves the
        side's pill its room; `small`, the steps' size at the normal text size, and the set
        line broken after its comma (TimerColumn.break_set_line)."""
        h = self._height
        self._timer.break_set_line(small)
        for line in (self._timer.set_line, self._timer.rep_line):
            if small:
                set_exact_px(line, h * STEPS_SHARE, bold=True)
            else:
                set_px(line, h * LINE_SHARE, bold=True, most=h * LINE_MOST_SHARE)
        if small:
            self._page.activate()

    def _large_enough(self) -> bool:
        """As whole pixels, as fonts are set: 25.8 px shows as 25.9 does. Steps in pages never
        are: each page has its own size, and a row that moved with it cut the parts anew. At
        the normal text size, steps shown at all are."""
        if text_scale() <= 1:
            return not (self._short_of_room() if self._pause else self._left_out())
        fits = int(self._coaching.font_px) >= int(self._height * STEPS_SHARE)
        return fits and not self._coaching.paged

    def _short_of_room(self) -> bool:
        """At the normal text size, whether a pause's steps are left out, shown a page at a
        time, or smaller than the body text (PAGED_PX, or their own largest where less)."""
        body = min(PAGED_PX, int(self._height * STEPS_SHARE))
        small = int(self._coaching.font_px) < body
        return self._left_out() or self._coaching.paged or small

    def _left_out(self) -> bool:
        """Whether the panel shows its caution alone, not a line of a step having room."""
        rows = self._coaching.rows
        return bool(rows) and all(row.isHidden() for row in rows)

    def _fold_caption(self, folded: bool) -> None:
        """The caption's row to no height while it has no words, or back: empty, it kept
        ~30 px of a pause's height from the steps (24 px and the page's spacing)."""
        if folded != (self._caption.maximumHeight() == 0):
            self._caption.setMaximumHeight(0 if folded else MOST)
            self._page.activate()

    def _fold_next(self, folded: bool) -> None:
        """Up next to no height, or back. Not hidden: PromptSwitch shows and hides it (and
        the caption) around the pain question, and would show it again."""
        if folded != self.next_folded:
            self._next_line.setMaximumHeight(0 if folded else MOST)
            self._page.activate()  # the steps' new height now
