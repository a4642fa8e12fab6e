"""The countdown's column: set line, side, the huge numbers, and the figure beside or above them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from hiptimer.core.session.view import SessionView
from hiptimer.i18n import _
from hiptimer.ui.session.announcements import name_the_count
from hiptimer.ui.session.paused_count import CountLabel
from hiptimer.ui.session.workout_text import WorkoutText
from hiptimer.ui.theme import text_scale
from hiptimer.ui.widgets.figure_view import INSET, FigureView
from hiptimer.ui.widgets.fit_label import FitLabel
from hiptimer.ui.widgets.layout_fit import MOST
from hiptimer.ui.widgets.plain import plain

# The count read from the mat at least this many times the set line's words: else the key
# hint under it folds away (at 1024 x 600 in large print, steps shown, it left it 28 px).
COUNT_OVER_LINE = 2.0
LEAST_HEIGHT = 20  # FitLabel's own least height


class TimerColumn(QWidget):
    """Lays out the parts of the countdown and the exercise's figure; the page fills them in.

    The figure goes beside the countdown, or above it while the steps take the other half of
    the page (`place_figure`), so that all three keep their size.
    """

    def __init__(
        self, routine_path: str, steps_px: Callable[[], float], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.side = FitLabel("", self, template="RIGHT", height_share=0.8)
        # Its width is fixed (size_side); an Ignored width counts as none in the row, which
        # then runs it off the screen in Spanish ("DERECHA"), over the rep line:
        # https://doc.qt.io/qt-6/qsizepolicy.html#Policy-enum
        self.side.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Ignored)
        self.big = CountLabel(self, template="0:00")  # dimmed, a pause sign beside, paused
        self.big_caption = QLabel("", self)
        self.big_caption.setWordWrap(True)  # the count's key hint, long in large print
        # A re-test counting stands: its time left as huge as the count, beside it.
        self.big_time = CountLabel(self, template="00")
        self.big_time_caption = QLabel("", self)
        self.set_line = QLabel("", self)
        self.rep_line = QLabel("", self)
        self.tempo = FitLabel("", self, template=_("HOLD") + " 0 / 0", height_share=0.9)
        plain(self.big_caption, self.big_time_caption, self.set_line, self.rep_line)
        for label in (self.big_caption, self.big_time_caption):  # side by side: top lines level
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)

        # The set line, the side and the rep line: over the count, or across the whole column
        # where the figure beside the count would be squeezed by it (_place_info).
        self.info = info = QHBoxLayout()  # centred as a group, whichever parts are there
        info.setSpacing(28)
        info.addStretch(1)
        info.addWidget(self.set_line)
        info.addWidget(self.side)
        info.addWidget(self.rep_line)
        info.addStretch(1)
        counts = QVBoxLayout()
        counts.setContentsMargins(0, 0, 0, 0)
        counts.setSpacing(0)
        counts.addLayout(info, 2)
        numbers, captions = QHBoxLayout(), QHBoxLayout()
        numbers.addWidget(self.big, 1)
        numbers.addWidget(self.big_time, 1)
        captions.addWidget(self.big_caption, 1)
        captions.addWidget(self.big_time_caption, 1)
        counts.addLayout(numbers, 12)
        counts.addLayout(captions, 1)
        counts.addWidget(self.tempo, 3)
        # The exercise's figure beside the countdown (issue 14); it hides when it has none.
        self.figure = FigureView(self, routine_path=routine_path)
        self.figure_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.figure_row.addWidget(self.figure, 2)
        self.figure_row.addLayout(counts, 3)
        self._counts = counts
        self._whole = QVBoxLayout(self)  # the info line on top, where it goes there
        self._whole.setContentsMargins(0, 0, 0, 0)
        self._whole.setSpacing(0)
        self._whole.addLayout(self.figure_row, 1)
        self.sized = (self.big, self.big_time, self.tempo, self.side)  # fitted to their room
        self._steps_px = steps_px
        self._with_steps = False
        self._fitted: object = None
        self.count_floor = 0.0  # px: the least the count is drawn at (set_count_floor)
        self._set_text, self._set_broken = "", False

    def set_count_floor(self, px: float) -> None:
        """The count never under `px` (0: no floor): its label keeps the height for it, taken
        from the figure above it, and the figure goes beside it where only that keeps it."""
        if px != self.count_floor:
            self.count_floor = px
            self.big.setMinimumHeight(self.big.height_for(px) if px else LEAST_HEIGHT)
            self._fitted = None

    def show_count(self, view: SessionView, text: WorkoutText) -> None:
        """The count's name for a reader, and whether it shows a pause (dimmed, the sign)."""
        name_the_count(self.big, view, text)
        paused = view.paused and not view.ended
        # A re-test's count beside its time: one sign, by the time that stopped.
        self.big.set_paused(paused, sign=not text.big_time)
        self.big_time.set_paused(paused)

    def show_set_line(self, text: str) -> None:
        """The set line, broken after its first comma where the steps' room asks it to be
        (break_set_line)."""
        self._set_text = text
        self.set_line.setText(text.replace(", ", ",\n", 1) if self._set_broken else text)

    def break_set_line(self, broken: bool) -> None:
        """The set line on two lines, after its first comma, or on one. In a pause it says
        what comes next beside the steps: "A continuación, serie 2 de 2" on one line held
        this column 482 px wide at 800 x 600 in large print, and the steps were 14 px. A break,
        not a word wrap: a wrapped label's height for its width moved the figure's placement
        between two measures (test_workout_figure, session 25)."""
        if broken != self._set_broken:
            self._set_broken = broken
            self.show_set_line(self._set_text)

    @property
    def figure_above(self) -> bool:
        return self.figure_row.direction() is QBoxLayout.Direction.TopToBottom

    def place_figure(self, *, above: bool) -> None:
        """The figure beside the countdown, or above it while the steps take the other half
        (beside them too where it is drawn larger so: see refit)."""
        self._with_steps = above
        self._arrange(above=above)
        self._fitted = None

    def refit(self) -> None:
        """Place the figure (while the steps show), then give the count its room."""
        if self._key() == self._fitted or not self.isVisible():
            return
        if self._with_steps:
            self._place_beside_steps()
        else:
            self._place_info()
        self._fit_count()
        self._fitted = self._key()  # as laid out now (the column's width may have moved)

    def _place_beside_steps(self) -> None:
        """While the steps show, the figure goes beside the countdown where it is drawn larger
        there (an upright figure above the count was ~180 px tall at 1280 x 800, half its
        room empty) and the count, the steps and every line keep their size; else above.
        Both are measured once laid out: the room depends on the screen, the text size, the
        words and the count's width ("10" or "1:30"), so it is measured again when they change.
        """
        self._arrange(above=True)
        if self.figure.isVisibleTo(self):
            above = self._measure()
            # As wide as it is drawn at the column's height, at most half; the count the rest.
            need = int((self.height() - 2 * INSET) * self.figure.aspect()) + 2 * INSET
            self._arrange(above=False, most_width=min(need, self.width() // 2))
            if not self._measure().better_than(above, self.count_floor):
                self._arrange(above=True)

    @property
    def info_on_top(self) -> bool:
        """Whether the set line, side and rep line run across the column, over the figure too."""
        return self.info.parent() is self._whole

    def _place_info(self) -> None:
        """Beside the figure, the line over the count goes across the whole column where over
        the count it would be wider than the count's share: there the line set the count's
        width, and the figure had what was left (a lying, sided exercise's figure was 42 px
        tall in a set at 1024 x 600 in Spanish large print, "Serie 1 de 2 DERECHA Quedan 1:43
        en esta serie" 820 of the 980 px; 24 px at 800 x 600)."""
        # Not beside the steps: their room is shared by measuring (StepsRoom), the line over
        # the count there, in words of the steps' size.
        beside = not (self._with_steps or self.figure_above) and self.figure.isVisibleTo(self)
        figure_room = min(self.figure.maximumWidth(), self.width() * 2 // 5)
        wide = self.info.minimumSize().width() > self.width() - figure_room
        on_top = beside and wide
        if on_top == self.info_on_top:
            return
        # A layout moves as an item, let go by its old parent first (addChildLayout refuses
        # one that has a parent: https://doc.qt.io/qt-6/qlayout.html#addChildLayout).
        (self._counts if on_top else self._whole).removeItem(self.info)
        self.info.setParent(None)
        if on_top:
            self._whole.insertLayout(0, self.info)
        else:
            self._counts.insertLayout(0, self.info, 2)
        if self.isVisible():
            settle(self)

    @property
    def hint_folded(self) -> bool:
        """Whether the count's key hint gave its lines to the count."""
        return self.big_caption.maximumHeight() == 0

    def _fit_count(self) -> None:
        """The count of a self-paced set (or a re-test) is what the user looks for from the
        mat, larger than any words: where the key hint under it (its words are on the Count
        button too) leaves it less than COUNT_OVER_LINE times the set line's, the hint folds
        away. Not hidden: the page shows and hides it with its words."""
        self.big_caption.setMaximumHeight(MOST)
        if not self.big_caption.isVisibleTo(self):
            return
        settle(self)
        if self.big.pixel_size() < COUNT_OVER_LINE * self.set_line.font().pixelSize():
            self.big_caption.setMaximumHeight(0)
            settle(self)

    def _key(self) -> tuple[object, ...]:
        """What the choice depends on. Of the set and rep lines (one line each, no wrap) only
        their size: a paced set's "12 s left" each second, or "Set 1 of 2" to "Set 2 of 2",
        lays out alike, and measuring both placements again cost ~10 ms (profiled) each time."""
        lines = (self.set_line, self.rep_line)
        return (self.size(), self.figure.aspect(), self.big.template, text_scale(),
                self._with_steps, self.big_caption.isVisibleTo(self),
                self.big_time.isVisibleTo(self), self.side.text(), self.big_caption.text(),
                self._steps_px(), self.count_floor,
                *(w.sizeHint() for w in lines))  # fmt: skip

    def _arrange(self, *, above: bool, most_width: int = MOST) -> None:
        direction = QBoxLayout.Direction.TopToBottom if above else QBoxLayout.Direction.LeftToRight
        self.figure_row.setDirection(direction)
        # Above, the countdown and the figure share the height: the figure's size hint (260 px
        # high) is no floor there, or it left the countdown 100 px at 1280 x 800.
        tall = QSizePolicy.Policy.Ignored if above else QSizePolicy.Policy.Expanding
        self.figure.setSizePolicy(QSizePolicy.Policy.Expanding, tall)
        self.figure.setMaximumWidth(most_width)
        narrow = most_width < MOST  # beside the steps: the count takes the rest
        self.figure_row.setStretch(0, 1 if above or narrow else 2)
        self.figure_row.setStretch(1, 1 if above or narrow else 3)
        self._place_info()
        if self._with_steps and self.isVisible():
            settle(self)

    def _measure(self) -> Room:
        shown = [w for w in self.sized if w.isVisibleTo(self)]
        lines = [w for w in (self.set_line, self.rep_line) if w.isVisibleTo(self)]
        captions = [w for w in (self.big_caption, self.big_time_caption) if w.isVisibleTo(self)]
        whole = all(w.width() >= w.sizeHint().width() for w in lines if w.text()) and all(
            w.heightForWidth(w.width()) <= w.height() for w in captions if w.text()
        )
        return Room(
            self.figure.drawn_height(self.figure.size()),
            (*(w.pixel_size() for w in shown), self._steps_px()),
            whole,
            self.big.pixel_size(),
        )

    def size_side(self, page_width: int) -> None:
        """The side's pill: a fifth of the page, less when the steps take half the row."""
        share = 0.12 if self._with_steps else 0.2
        self.side.setFixedWidth(int(page_width * share))


@dataclass(frozen=True)
class Room:
    """What one placement of the figure gives: its drawn height, the fonts (px) of the count,
    the time, the tempo, the side and the steps, whether every line shows whole, and the
    count's size (px)."""

    figure: float
    fonts: tuple[float, ...]
    whole: bool
    count: float = 0.0

    def better_than(self, other: Room, floor: float = 0) -> bool:
        """Drawn a tenth larger at least (no flip for a pixel), nothing else the smaller. A
        placeholder naming a missing picture is drawn no size either way (0 >= 1.1 x 0): it
        stays above, where its note has the column's width, not the 8 px its aspect asks.
        Or the count reaches `floor` (px) only here."""
        if self.whole and self.count >= floor > other.count:
            return True
        kept = all(mine >= theirs for mine, theirs in zip(self.fonts, other.fonts, strict=True))
        larger = self.figure > other.figure and self.figure >= 1.1 * other.figure
        return self.whole and kept and larger


def settle(widget: QWidget) -> None:
    """Lay out `widget`'s window now, outside in, to measure it: a layout otherwise waits for
    its next event (https://doc.qt.io/qt-6/qlayout.html#activate)."""
    chain = [widget]
    while not chain[-1].isWindow() and (parent := chain[-1].parentWidget()) is not None:
        chain.append(parent)
    for each in reversed(chain):
        if (layout := each.layout()) is not None:
            layout.activate()
