"""The countdown's column: set line, side, the huge numbers, and the figure beside or above them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from hiptimer.i18n import _
from hiptimer.ui.widgets.figure_view import FigureView
from hiptimer.ui.widgets.fit_label import FitLabel
from hiptimer.ui.widgets.plain import plain


class TimerColumn(QWidget):
    """Lays out the parts of the countdown and the exercise's figure; the page fills them in.

    The figure goes beside the countdown, or above it while the steps take the other half of
    the page (`place_figure`), so that all three keep their size.
    """

    def __init__(self, routine_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = FitLabel("", self, template="RIGHT", height_share=0.8)
        # Its width is fixed (size_side); an Ignored width counts as none in the row, which
        # then runs it off the screen in Spanish ("DERECHA"), over the rep line:
        # https://doc.qt.io/qt-6/qsizepolicy.html#Policy-enum
        self.side.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Ignored)
        self.big = FitLabel("", self, template="0:00", height_share=0.86, tight=True)
        self.big_caption = QLabel("", self)
        self.big_caption.setWordWrap(True)  # the count's key hint, long in large print
        # A re-test counting stands: its time left as huge as the count, beside it.
        self.big_time = FitLabel("", self, template="00", height_share=0.86, tight=True)
        self.big_time_caption = QLabel("", self)
        self.set_line = QLabel("", self)
        self.rep_line = QLabel("", self)
        self.tempo = FitLabel("", self, template=_("HOLD") + " 0 / 0", height_share=0.9)
        plain(self.big_caption, self.big_time_caption, self.set_line, self.rep_line)
        for label in (self.big_caption, self.big_time_caption):  # side by side: top lines level
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)

        info = QHBoxLayout()  # centred as a group, whichever parts are there
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
        self.figure_row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.figure_row.setContentsMargins(0, 0, 0, 0)
        self.figure_row.addWidget(self.figure, 2)
        self.figure_row.addLayout(counts, 3)

    @property
    def figure_above(self) -> bool:
        return self.figure_row.direction() is QBoxLayout.Direction.TopToBottom

    def place_figure(self, *, above: bool) -> None:
        """The figure beside the countdown, or above it while the steps take the other half."""
        direction = QBoxLayout.Direction.TopToBottom if above else QBoxLayout.Direction.LeftToRight
        self.figure_row.setDirection(direction)
        # Above, the countdown and the figure share the height: the figure's size hint (260 px
        # high) is no floor there, or it left the countdown 100 px at 1280 x 800.
        tall = QSizePolicy.Policy.Ignored if above else QSizePolicy.Policy.Expanding
        self.figure.setSizePolicy(QSizePolicy.Policy.Expanding, tall)
        self.figure_row.setStretch(0, 1 if above else 2)
        self.figure_row.setStretch(1, 1 if above else 3)

    def size_side(self, page_width: int) -> None:
        """The side's pill: a fifth of the page, less when the steps take half the row."""
        share = 0.12 if self.figure_above else 0.2
        self.side.setFixedWidth(int(page_width * share))
