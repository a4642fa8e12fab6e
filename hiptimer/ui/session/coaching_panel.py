"""The exercise's setup steps as a numbered list, the one being read highlighted, and its caution."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from hiptimer.core.routines.model import Exercise
from hiptimer.i18n import N_, translate
from hiptimer.ui.session.coaching_headings import (
    HEADING,
    page_heading,
    part_heading,
    steps_aside_heading,
)
from hiptimer.ui.session.coaching_look import (
    MIN_PX,
    PAGED_PX,
    caution_style,
    heading_px,
    metrics,
    plain_label,
)
from hiptimer.ui.session.coaching_ruler import SPACING, Ruler, Shape
from hiptimer.ui.session.step_parts import MORE, split_to_fit
from hiptimer.ui.theme import current, restyle, set_exact_px, text_scale
from hiptimer.ui.widgets.plain import breakable, on_our_side, show_wrapped

CAUTION_PREFIX = N_("\u26a0 Caution: ")
ROW_PAD = 6  # inside a step's row, around its text: room for the highlight of the one read
QUIET_PAD = 2  # muted, where none is ever highlighted: its lines for the words instead
ROW_STYLE = "QWidget#step {{ border-radius: 8px; background: {background}; }}"


class CoachingPanel(QFrame):
    """Shows one exercise's setup steps and caution as plain text; it only displays.

    Every step is always visible (muted, the screen is the coach); `highlight` marks the
    step the voice is saying. The font is as large as `set_font_px` allows and small enough
    for everything to fit the panel, as long exercises have four long steps.

    Signals: fitted() once the steps are fitted to the panel anew (font_px may have changed).
    """

    fitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coaching")
        self._exercise: Exercise | None = None
        self._accent = current().caution_edge
        self._on_accent = "#000000"  # the words of the step being read, on the accent
        self._spoken = -1
        self._voiced, self._pad = True, ROW_PAD  # a voice reads the steps (set_voiced)
        self._max_px = 24.0
        self._px = 24.0
        self._shown: list[int] = []  # the steps on screen: all, unless they cannot fit whole
        # The first step on screen where they cannot all fit: the user's page (next_page)
        # or the step the voice read last. Without the voice, the only way to the rest.
        self._first = 0
        # Each step's words, and where the step on screen alone does not fit even at MIN_PX
        # (a step may have 2,000 characters), its parts, one on screen at a time: the rest
        # of its words were cut, and with the voice off the screen is all the user has.
        self._lines: list[str] = []
        self._parts: list[str] = []
        self._part = 0
        # Not a line of a step fitting beside the caution: Down arrow shows them in its place.
        self._caution_aside, self._caution_line = False, ""
        # Whether Qt has given it a size yet (its first resizeEvent, which comes as it is first
        # shown). Until then it has a new widget's 100 x 30, which no layout gave it: a long
        # step fitted to that was cut into ~2,600 parts of a letter or two, 3 s of CPU at the
        # start of a session, all measured again at the size it is shown at.
        self._sized = False
        self._ruler = Ruler(self)  # measures the steps, heading and caution as laid out
        self.heading = plain_label(self, wrap=False)
        self.heading.setText(translate(HEADING))
        self.rows: list[QWidget] = []
        self.numbers: list[QLabel] = []
        self.steps: list[QLabel] = []
        self.caution = plain_label(self)
        self.caution.setStyleSheet(caution_style())
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 0, 4, 0)
        self._layout.setSpacing(SPACING)
        self._layout.addWidget(self.heading)
        self._layout.addStretch(1)
        self._layout.addWidget(self.caution)
        self._layout.addStretch(1)
        # The layout gives it room by its stretch: its text never pushes the countdown aside.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    @property
    def exercise(self) -> Exercise | None:
        return self._exercise

    @property
    def has_content(self) -> bool:
        ex = self._exercise
        return ex is not None and bool(ex.setup or ex.caution.strip())

    @property
    def spoken(self) -> int:
        """The step highlighted as being said, or -1."""
        return self._spoken

    @property
    def font_px(self) -> float:
        """The pixel size the steps are shown at (after fitting)."""
        return self._px

    def show_exercise(self, ex: Exercise | None) -> None:
        """The steps and caution of `ex` (a new exercise clears the highlight)."""
        old = self._exercise
        if ex is not None and old is not None and _same_coaching(ex, old):
            return
        self._exercise = ex
        self._spoken = -1
        self._first = self._part = 0
        self._caution_aside = False
        self._lines = []
        for row in self.rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self.rows, self.numbers, self.steps = [], [], []
        setup = ex.setup if ex is not None else ()
        for i, line in enumerate(setup):
            self._add_step(i, line)
        caution = ex.caution.strip() if ex is not None else ""
        caution_line = f"{translate(CAUTION_PREFIX)}{caution}" if caution else ""
        self._caution_line = on_our_side(caution_line)
        self.heading.setVisible(bool(setup))
        self._fit()

    def _add_step(self, i: int, line: str) -> None:
        row = QWidget(self)
        row.setObjectName("step")
        row.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(*[self._pad] * 4)
        number = plain_label(row, wrap=False)
        number.setText(f"{i + 1}.")
        number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        text = plain_label(row)
        self._lines.append(on_our_side(line))
        show_wrapped(text, self._lines[-1])  # a long word wraps rather than being cut
        layout.addWidget(number, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(text, 1)
        self._layout.insertWidget(1 + i, row)
        self.rows.append(row)
        self.numbers.append(number)
        self.steps.append(text)

    def highlight(self, line: int) -> None:
        """Mark step `line` (from 0) as being said; -1 marks none."""
        line = line if 0 <= line < len(self.steps) else -1
        if line != self._spoken:
            self._spoken = line
            self._first = max(self._first if line < 0 else line, 0)
            self._part = self._part if line < 0 else 0  # the voice reads a step from its start
            if self.paged or not self._voiced:
                self._fit()  # the step read comes on screen (muted, measured unread)
            else:
                self._restyle()

    @property
    def paged(self) -> bool:
        """Whether some steps, or some words of the one on screen, are off screen (they do not
        all fit, even at MIN_PX)."""
        return len(self._shown) < len(self.steps) or len(self._parts) > 1

    def next_page(self) -> None:
        """The steps after those on screen (after the last, the first again), where they do
        not all fit: muted, the voice's highlight never brings them. A step shown in parts
        shows its next part first."""
        if self._part + 1 < len(self._parts):
            self._part += 1
            self._fit()
        elif self.paged or self._caution_aside:
            self._part = 0
            after = self._shown[-1] + 1 if self._shown else 0
            self._first = after if after < len(self.steps) else 0
            # the steps in the caution's place, and after the last the caution again
            more = after < len(self.steps)
            self._caution_aside = not self._shown or (self._caution_aside and more)
            self._fit()

    def set_accent(self, accent: str, on_accent: str = "#000000") -> None:
        """The phase's accent colour, for the highlight, and the colour of words on it."""
        if (accent, on_accent) != (self._accent, self._on_accent):
            self._accent, self._on_accent = accent, on_accent
            self._restyle()

    def set_voiced(self, voiced: bool) -> None:
        """Whether a voice reads the steps, each in bold on its highlight as it does: they are
        measured so then, none cut while read; muted (False), their words take that room."""
        if voiced != self._voiced:
            self._voiced, self._pad = voiced, ROW_PAD if voiced else QUIET_PAD
            for row in self.rows:
                cast(QHBoxLayout, row.layout()).setContentsMargins(*[self._pad] * 4)
            self._fit()

    def set_font_px(self, px: float) -> None:
        """The largest size to show the steps at (grown by the text-size setting); smaller
        when they would not fit."""
        self._max_px = px * text_scale()
        self._fit()

    def texts(self) -> list[str]:
        """What the panel shows, in order (for tests and the screen dump)."""
        shown = [f"{n.text()}  {t.text()}" for n, t in zip(self.numbers, self.steps, strict=True)]
        return shown + ([self.caution.text()] if self.caution.text() else [])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._sized = True
        self._fit()

    # ------------------------------------------------------------ sizing

    def _fit(self) -> None:
        """The largest font, up to the maximum, at which every step and the caution fit; where
        they do not at MIN_PX (large print at 960 x 540), the caution and the steps that fit
        whole from the one being read: Qt squeezed every row to less than a line and the
        caution's box to its edges, so that nothing could be read and the caution was gone."""
        every = list(range(len(self.steps)))
        self._px = max(float(MIN_PX), self._max_px)
        self._shown = every
        self._parts = []
        self.heading.setText(translate(HEADING))
        caution = "" if self._caution_aside else self._caution_line
        if self.caution.accessibleName() != caution:
            show_wrapped(self.caution, caution)
        self.caution.setVisible(bool(caution))
        # A panel with no room yet (its size policy is Ignored: 0 px until its page is laid
        # out; never shown, no size of its own) has nothing to fit to; measured against 0 px,
        # every step would be left out and the font shrunk to the least. Its first resizeEvent
        # fits it.
        if self._sized and self.width() > 0 and self.height() > 0:
            self._px = self.px_at(self.width(), self.height())
            if self._height_at(self._px, every) > self.height():
                self._page_heading(len(every), len(every))  # its longest, while measured
                self._px = self._cut_px()
            while len(self._shown) > 1 and self._height_at(self._px, self._shown) > self.height():
                count = len(self._shown) - 1
                first = min(self._first, len(every) - count)
                self._shown = every[first : first + count]
            if len(self._shown) == 1 and not self._a_line_fits():
                self._leave_steps_out()
            else:
                self._split()
            if self._shown and self.paged and not self._parts:
                self._page_heading(self._shown[0] + 1, self._shown[-1] + 1)
            if self._shown and self.paged:
                self._px = self._page_px()
        self.heading.setVisible(bool(self._shown or self.steps))
        for i, row in enumerate(self.rows):
            row.setVisible(i in self._shown)
        self._restyle()
        # A row's new font reaches its own layout, not the height this layout keeps for the
        # row: updateGeometry clears that, else rows kept their old heights and were cut
        # (1366 x 768 at 125 %: 16 px of 34). https://doc.qt.io/qt-6/qwidget.html#updateGeometry
        for row in self.rows:
            row.updateGeometry()
        self._layout.activate()  # placed now, in the new fonts and rows, not a frame later
        self.fitted.emit()

    def _split(self) -> None:
        """The one step on screen in parts that each fit with the heading and the caution,
        where it does not fit whole; its label shows the part the user (or the voice) is at."""
        step = self._shown[0] if self._shown else -1
        # Measured as it shows: in bold only while the voice reads it (muted, never), so that
        # a step that fits in regular weight is not cut in two for nothing.
        bold = step == self._spoken
        text = (breakable(self._lines[step]),) if step >= 0 else ()
        whole = len(self._shown) == 1 and self._height_of(self._px, text, bold=bold) > self.height()
        for i, label in enumerate(self.steps):
            if label.accessibleName() != self._lines[i] and not (whole and i == step):
                show_wrapped(label, self._lines[i])  # whole again, off the screen or fitting
        if not whole:
            self._part = 0
            return
        self._part_heading(step, 99, 99)  # its widest, while measured

        def fits(part: str) -> bool:
            return self._height_of(self._px, (breakable(part),), bold=bold) <= self.height()

        self._parts = split_to_fit(self._lines[step], fits)
        self._part = min(self._part, len(self._parts) - 1)
        show_wrapped(self.steps[step], self._parts[self._part])
        self._part_heading(step, self._part + 1, len(self._parts))

    def _a_line_fits(self) -> bool:
        """Whether a line of the step on screen (its first word) fits with the heading and the
        caution: at 640 x 480 in large print none did, the step came in parts of a letter each
        ("4. L …", part 1 of 68) and the caution's box was cut by its last line."""
        step, heading = self._shown[0], self.heading.text()
        words = self._lines[step].split()
        self._part_heading(step, 99, 99)  # its widest, while measured
        line = (breakable(words[0] + MORE),) if words else ()
        fits = self._height_of(self._px, line, bold=step == self._spoken) <= self.height()
        self.heading.setText(heading)
        return fits

    def _leave_steps_out(self) -> None:
        """The caution, whole, as large as it fits, under a heading that names the key to the
        steps: where not a line of a step fits beside it. Shown alone, a get-ready at 640 x 480
        in large print under the no-voice notice showed no step and no way to one. The steps
        come back as the panel grows (StepsRoom gives it more room then: it is `paged`)."""
        self._shown, self._parts, self._part = [], [], 0
        self.heading.setText(steps_aside_heading())
        self._px = self._largest_px(lambda px: self._height_of(px, ()), self.height())

    def _cut_px(self) -> float:
        """The size the steps are cut into pages and parts at, where they do not all fit:
        PAGED_PX (or their largest, if less) where the heading and the caution leave a step
        half the panel at it, else the size they were measured at (the least)."""
        px = max(self._px, min(self._max_px, float(PAGED_PX)))
        if px > self._px and 2 * self._height_of(px, ("",), bold=False) > self.height():
            return self._px  # large print at 960 x 540: a part of a few words a page
        return px

    def _page_px(self) -> float:
        """The largest size, up to the steps' own, that the page on screen (its steps or one's
        part, the heading, the caution) fits: cut at MIN_PX, a short page read 14 px."""
        bold = self._shown[0] == self._spoken if self._parts else self._voiced or self._spoken >= 0
        shown = [self._parts[self._part]] if self._parts else [self._lines[i] for i in self._shown]
        texts = tuple(breakable(text) for text in shown)
        margins = self._layout.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        heading = self.heading.text()  # on one line: it does not wrap

        def height_at(px: float) -> int:
            wide = metrics(self.font(), heading_px(px), True).horizontalAdvance(heading) > room
            return self.height() + 1 if wide else self._height_of(px, texts, bold=bold)

        return self._largest_px(height_at, self.height())

    def _part_heading(self, step: int, part: int, parts: int) -> None:
        self.heading.setText(part_heading(step, part, parts, len(self.steps)))

    def _page_heading(self, first: int, last: int) -> None:
        self.heading.setText(page_heading(first, last, len(self.steps)))

    def px_at(self, width: int, height: int) -> float:
        """The size every step and the caution would fit at in a panel of this size."""
        every = list(range(len(self.steps)))
        return self._largest_px(lambda px: self._height_at(px, every, width), height)

    def _largest_px(self, height_at: Callable[[float], int], room: int) -> float:
        """The largest size from the steps' own down, a pixel at a time, that fits `room`."""
        px = max(float(MIN_PX), self._max_px)
        while px > MIN_PX and height_at(px) > room:
            px = max(float(MIN_PX), px - 1)  # never below: 20.9 went on to 13.9
        return px

    def _height_at(self, px: float, shown: list[int], panel_width: int | None = None) -> int:
        texts = tuple(breakable(self._lines[i]) for i in shown)
        return self._height_of(px, texts, panel_width, bold=self._voiced or self._spoken >= 0)

    def _height_of(
        self,
        px: float,
        texts: tuple[str, ...],
        panel_width: int | None = None,
        *,
        bold: bool = True,
    ) -> int:
        """The panel's height with these steps' texts (as their labels show them), in bold
        unless asked: the widest a step is shown (when read)."""
        margins = self._layout.contentsMargins()
        shape = Shape(
            panel_width or self.width(),
            (margins.left(), margins.top(), margins.right(), margins.bottom()),
            self.font().key(), self.heading.text(), len(self.steps), self._pad,
            self.caution.text(),
        )  # fmt: skip
        return self._ruler.height(self.font(), shape, px, texts, bold)

    def _restyle(self) -> None:
        set_exact_px(self.heading, heading_px(self._px), bold=True)
        restyle(self.heading, f"color: {current().muted};")
        restyle(self.caution, caution_style())
        for i, (row, number, text) in enumerate(
            zip(self.rows, self.numbers, self.steps, strict=True)
        ):
            spoken = i == self._spoken
            background = self._accent if spoken else "transparent"
            restyle(row, ROW_STYLE.format(background=background))
            for label in (number, text):
                set_exact_px(label, self._px, bold=spoken)
                restyle(label, f"color: {self._on_accent};" if spoken else "")
        set_exact_px(self.caution, self._px, bold=True)


def _same_coaching(a: Exercise, b: Exercise) -> bool:
    return (a.id, a.setup, a.caution) == (b.id, b.setup, b.caution)
