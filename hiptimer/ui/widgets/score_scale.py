"""A 0-10 scale of big coloured buttons with words under a few of them; one score can be chosen."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget

from hiptimer.i18n import _, translate
from hiptimer.ui.pain_colours import pain_fill, pain_ink
from hiptimer.ui.theme import current, restyle, set_exact_px, set_px

IDLE_FRAME = "QFrame#scale { border: 3px solid transparent; border-radius: 10px; }"


EDGE = 2  # a button's edge in the ink's colour
CHOSEN_EDGE = 7  # the chosen score's, in the warning colour
FOCUS_RING = 6  # the focus colour's ring at the least: 4 px was thin from a mat 2 m away
INNER_RING = 3  # pixels of the number's ink inside a focused button's edge


def focus_width(*, chosen: bool = False) -> int:
    """The focused button's edge, in the focus colour, wider than its edge unfocused. The
    buttons have a fixed size: the edge takes its room inside, round the centred number,
    which stays where it is."""
    return max(FOCUS_RING, (CHOSEN_EDGE if chosen else EDGE) + 2)


def rating_style(n: int, *, chosen: bool = False) -> str:
    """A 0-10 button in the one pain colour scale (the same colour on every screen), edged in
    the page's text colour, or thickly in the warning colour when it is the chosen score."""
    p = current()
    edge, width = (p.warning, CHOSEN_EDGE) if chosen else (p.ink, EDGE)
    # The focus colour outside, to show on the page; RatingButton draws the inner ring.
    return (
        f"QPushButton {{ background: {pain_fill(n)}; color: {pain_ink(n)};"
        f" border: {width}px solid {edge}; font-weight: bold; padding: 0px; }}"
        f" QPushButton:focus {{ border: {focus_width(chosen=chosen)}px solid {p.focus}; }}"
    )


class RatingButton(QPushButton):
    """A 0-10 button whose focus ring has two colours: the focus colour against the page,
    and inside it the number's ink against the button's own fill. No one colour is 3:1
    from both the amber 3-5 (#F2B01E) and the dark page, and a style sheet draws one border
    only (https://doc.qt.io/qt-6/stylesheet-customizing.html#the-box-model)."""

    def __init__(self, n: int, parent: QWidget | None = None) -> None:
        super().__init__(str(n), parent)
        self.rating = n
        self.chosen = False  # set_value's: the chosen score's edge is wider

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.hasFocus():
            return
        inset = focus_width(chosen=self.chosen) + INNER_RING / 2  # inside rating_style's
        painter = QPainter(self)
        pen = QPen(QColor(pain_ink(self.rating)), INNER_RING)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.drawRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset))
        painter.end()


class ScoreScale(QFrame):
    """Eleven buttons, 0 to 10, green to red; `anchors` puts words under some of them.

    The chosen score keeps a thick yellow edge, and a scale that keys will answer has a
    yellow frame, so the state never rests on colour alone: the number is marked too.

    Signals: chosen(int) when a button is clicked.
    """

    chosen = Signal(int)

    def __init__(self, what: str, anchors: dict[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scale")
        self.value: int | None = None
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(8)
        grid.setContentsMargins(8, 6, 8, 6)
        self.buttons: list[RatingButton] = []
        self.anchor_labels: list[QLabel] = []
        for n in range(11):
            button = RatingButton(n, self)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            # The chosen score is checked, so a screen reader says which one it is ("3, check
            # box, checked"); it said "[3] push button", the brackets only drawn. Not
            # auto-exclusive: Qt would then take Tab from the other ten (set_value keeps one).
            button.setCheckable(True)
            button.setAccessibleName(str(n))
            button.setToolTip(
                _("{what} {n} out of 10 (key: {key})").format(
                    what=what, n=n, key="T" if n == 10 else n
                )
            )
            button.clicked.connect(lambda _=False, v=n: self.chosen.emit(v))
            grid.addWidget(button, 0, n)
            self.buttons.append(button)
        for n, text in anchors.items():
            label = QLabel(translate(text), self)
            first, span, side = anchor_cells(n)
            label.setAlignment(side | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, 1, first, 1, span)
            self.anchor_labels.append(label)
        self.set_value(None)
        self.set_active(False)

    def set_value(self, value: int | None) -> None:
        self.value = value
        for n, button in enumerate(self.buttons):
            chosen = n == value
            button.chosen = chosen
            restyle(button, rating_style(n, chosen=chosen))
            button.setText(f"[{n}]" if chosen else str(n))
            button.setChecked(chosen)  # a click toggles it: this puts it right again

    def set_active(self, active: bool) -> None:
        active_frame = (
            f"QFrame#scale {{ border: 3px solid {current().warning}; border-radius: 10px; }}"
        )
        restyle(self, active_frame if active else IDLE_FRAME)

    def fit(self, side: int, anchor_px: float) -> None:
        """Square buttons of `side` pixels; anchor words of `anchor_px`."""
        for button in self.buttons:
            button.setFixedSize(side, side)
            set_exact_px(button, side * 0.4, bold=True)  # fitted to the square
        for label in self.anchor_labels:
            set_px(label, anchor_px, bold=True)


def anchor_cells(n: int) -> tuple[int, int, Qt.AlignmentFlag]:
    """Grid column, column span and alignment of the words under button n.

    Words are wider than a button: centred over three columns, the end ones aligned to the
    outer edge of their two.
    """
    if n == 0:
        return 0, 2, Qt.AlignmentFlag.AlignLeft
    if n == 10:
        return 9, 2, Qt.AlignmentFlag.AlignRight
    return n - 1, 3, Qt.AlignmentFlag.AlignHCenter
