"""A notice strip above the window's pages: says what is wrong (no voice) without stopping anyone."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QWidget,
)

from hiptimer.i18n import _
from hiptimer.ui.services.notice_fit import gist, line_height, too_tall
from hiptimer.ui.theme import current, follow, px
from hiptimer.ui.widgets.notification import Notification, give_the_role
from hiptimer.ui.widgets.plain import escape
from hiptimer.ui.widgets.resize_layout import ResizeLayout
from hiptimer.ui.widgets.worded import worded_button

if TYPE_CHECKING:  # (QEvent's class: not before the library's list is painted)
    from PySide6.QtGui import QResizeEvent


class Offer(NamedTuple):
    """A notice's button: its words, what it does, and shorter words for a short window's one
    line ("Open" for "Open in the editor": at 640 x 480 in large print the whole words left
    the heading under a third of the strip, and the buttons went under it, the strip 78 px)."""

    words: str
    act: Callable[[], object]
    short: str = ""


Action = Offer | tuple[str, Callable[[], object]]  # (a plain pair: its words, what it does)


def notice_style() -> str:
    p = current()
    return f"""
    QFrame#notice {{ background: {p.caution_back}; border-left: 6px solid {p.caution_edge}; }}
    QFrame#notice QLabel {{ color: {p.ink}; font-size: {px(WORDS_PX)}px; }}
    QFrame#notice QPushButton {{ font-size: {px(WORDS_PX)}px; padding: 0 10px; }}
    """


WORDS_PX = 18  # the notice's words, and its buttons' (no larger: the strip is a line of words)
# Its margins above and below its line: on a short window (compact), 2 px. At 640 x 480 in
# large print the strip took 110 px (its heading in three lines beside two 44 px buttons) and
# the side switch's countdown came out at 35 px, under the pauses' 60 px floor (steps_room.py).
MARGINS = 8
COMPACT_MARGINS = 2
CLOSE = "\u2715"  # Dismiss, as a desktop's info bars draw it: named for a reader, tooltip


# A notice whose words would take more than this share of the window's height (the no-voice
# notice: four lines, 145 px, at 150 % on 1024 x 768) shows its heading alone, with "Details".
MOST_SHARE = 0.1
# Its words shown whole (Details) take at most this share of it and scroll past it: the pages
# under it fit their fonts to the height left (at 150 % on 1024 x 600 the library's were 13 px).
WORDS_SHARE = 0.18


class NoticeBar(QFrame):
    """One line of news that stays until dismissed; the same notice twice shows once. Where
    it would take much of a short window's height, it shows one line (its heading, cut where
    longer than the line, and as much of its detail as fits) and a Details button the rest. A
    notice that comes while another shows takes its place, and the one it covered comes back
    when it is dismissed (or its action taken). It steps aside while the pain question wants
    its room (make_way), and comes back after it.

    Signals: none. `shown` lists every notice it has shown, for tests and the log.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setStyleSheet(notice_style())
        follow(self, lambda: self.setStyleSheet(notice_style()))
        self.shown: list[str] = []
        self.text = QLabel("", self)  # the words on screen, which a reader can go to
        # What a reader is told as a notice comes: not the words' label, which shows anew as
        # the strip comes back after the pain question (said again after every set).
        self.herald = Notification("", self)
        self.herald.setFixedSize(0, 0)  # nothing drawn: the label has the words
        self._told = ""  # the words the herald last said
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        # Selectable, so the install command can be copied into a terminal.
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss = worded_button(CLOSE, self)  # (its words would take a third of 640 px)
        self.dismiss.setAccessibleName(_("Dismiss"))
        self.dismiss.setToolTip(_("Hide this notice"))
        # Tab focus only: a click leaves the focus where it was, so Space and Enter go on doing
        # what the key map says; a button reached by Tab takes them (see key_filter.py).
        self.dismiss.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.dismiss.clicked.connect(self._next)
        self.action = QPushButton(self)  # what a notice offers to do about it, if anything
        self.action.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.action.clicked.connect(self._act)
        self._offer: Offer | None = None  # the notice shown's, until taken
        # Notices covered by a newer one, the latest last: no voice at the first session hid
        # the start's "no tray, no notifications" for good.
        self._waiting: list[tuple[str, str, Offer | None]] = []
        # Checkable: a screen reader says whether the rest is shown ("Details, pressed").
        self.details = worded_button(_("Details"), self)
        self.details.setCheckable(True)
        self.details.setToolTip(_("Show or hide the rest of this notice"))
        self.details.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.details.toggled.connect(lambda _on: self._show_words())
        self.details.hide()
        self._words = ("", "")  # the notice shown: its heading and its detail
        self._up = False  # a notice is shown (or held back while the bar makes way)
        self._aside = False  # making way for the pain question
        # The words, then the buttons beside them; or under them from the words' side where
        # beside them the words would have less than a third of the strip (arrange_buttons).
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, MARGINS, 10, MARGINS)
        self._buttons = QHBoxLayout()
        self._under = False
        # While Details is down, the words are in a scroll area (_scroll_words): made then,
        # not before the first paint, where a QScrollArea's private parts, met by Python,
        # made PySide build most of Qt's types (test_first_paint.py).
        self.words: QScrollArea | None = None
        layout.addWidget(self.text, 1)
        for button in (self.details, self.action, self.dismiss):
            self._buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._buttons.addStretch(0)  # under the words: the buttons at their side, not spread
        layout.addLayout(self._buttons)
        # Tab follows the order they were made in: as they read, left to right, instead.
        QWidget.setTabOrder(self.details, self.action)
        QWidget.setTabOrder(self.action, self.dismiss)
        self.hide()

    def show_notice(self, heading: str, detail: str = "", action: Action | None = None) -> None:
        """Show a notice in bold with its detail after it, unless it has been shown before;
        `action` (its button's words, what it does) puts a button beside Dismiss."""
        key = f"{heading} {detail}".strip()
        if key in self.shown:
            return
        self.shown.append(key)
        if self._up:
            self._waiting.append((*self._words, self._offer))
        self._put(heading, detail, Offer(*action) if action else None)

    def _put(self, heading: str, detail: str, offer: Offer | None) -> None:
        self._words = (heading, detail)
        self.text.setAccessibleName(f"{heading} {detail}".strip())  # whole, gist or not
        if not self._aside:  # (else as the strip comes back: make_way)
            self._tell()
        self.details.setChecked(False)
        self._offer = offer
        self.action.setText(offer.words if offer else "")  # or its short words: _arrange_buttons
        self.action.setAccessibleName(offer.words if offer else "")  # whole, short or not
        # What it acts on, for a screen reader that reaches it by Tab ("Open in the editor").
        self.action.setAccessibleDescription(f"{heading} {detail}".strip())
        self.action.setVisible(offer is not None)
        self._show_words()
        self._up = True
        self.setVisible(not self._aside)

    def make_way(self, asking: bool) -> None:
        """Hide while `asking`: at 1024 x 600 in large print the strip's 60 px shrank the pain
        scale to its 60 % floor (its words 12 px). The notice comes back when it is answered."""
        self._aside = asking
        if asking:  # hidden for itself, so that it does not come back with the strip
            self.herald.hide()
        self.setVisible(self._up and not asking)
        if self._up and not asking and self.text.accessibleName() != self._told:
            self._tell()  # a newer notice came meanwhile: said now it is on screen

    def _tell(self) -> None:
        """Have a reader say the notice: now if the strip is on screen, else as it shows. The
        same words coming back after the pain question are not said again."""
        self._told = self.text.accessibleName()
        give_the_role()
        self.herald.setAccessibleName(self._told)
        self.herald.hide()  # shown anew: Qt tells a reader it is showing
        self.herald.show()

    @property
    def compact(self) -> bool:
        """Whether the notice shows one line (until Details), the window being short for it all."""
        return not self.details.isHidden()

    def _show_words(self) -> None:
        """The whole notice, or on a short window one line of it unless Details is down."""
        heading, detail = self._words
        self._arrange_buttons()
        whole = f"<b>{escape(heading)}</b> {escape(detail)}".strip()
        bold, plain = self._metrics()
        short = self._too_tall(f"{heading} {detail}", bold)
        self.details.setVisible(short)
        words = _("Hide details") if self.details.isChecked() else _("Details")
        self.details.setText(words)
        self.details.setAccessibleName(words)
        one_line = short and not self.details.isChecked()
        # The room after "Details" took its words. (No tooltip of the whole: Qt gives a screen
        # reader a label's tooltip as its description, the words said twice, tags and all.)
        room = self._room() - 8  # rounding, a margin
        shown = gist(heading, detail, bold, plain, room) if one_line else whole
        if shown != self.text.text():
            self.text.setText(shown)
        edge = COMPACT_MARGINS if one_line else MARGINS
        layout = self.layout()
        assert layout is not None  # built with one
        layout.setContentsMargins(14, edge, 10, edge)
        self._scroll_words(self.details.isChecked())

    def _scroll_words(self, on: bool) -> None:
        """The words in a scroll area as tall as their lines beside the buttons, up to
        WORDS_SHARE of the window's height, past which they scroll; or back in the row."""
        layout = self.layout()
        assert layout is not None  # built with one
        area = self.words
        if on and area is None:
            area = self.words = QScrollArea(self)
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop: a reader reads the words
            area.viewport().setAutoFillBackground(False)  # the notice's colour through it
            layout.replaceWidget(self.text, area)
            area.setWidget(self.text)
            self.text.setAutoFillBackground(False)  # setWidget fills it: white under white words
            area.show()
        elif not on and area is not None:
            area.takeWidget()
            layout.replaceWidget(area, self.text)
            self.text.show()
            area.deleteLater()
            self.words = area = None
        if area is not None:
            width = max(self._room(), 100)
            need = self.text.heightForWidth(width)
            most = int(WORDS_SHARE * self.window().height())
            line = line_height(self.text, width)
            # Whole lines only, scrolled a line at a time: at 150 % on 1024 x 600 the view
            # showed 3.4 lines, the last cut in half, and a wheel's step moved by 20 px.
            shown = need if need <= most else max(line, most - most % line)
            area.setFixedHeight(max(1, shown))
            area.verticalScrollBar().setSingleStep(line)

    def _metrics(self) -> tuple[QFontMetrics, QFontMetrics]:
        """The heading's (bold) and the detail's font metrics, as the style sheet sets them."""
        self.text.ensurePolished()  # its size comes from the style sheet
        font = QFont(self.text.font())
        font.setBold(True)
        return QFontMetrics(font), QFontMetrics(self.text.font())

    def _room(self) -> int:
        """The words' width: beside the buttons, or the strip's whole width over them."""
        return self.width() - 24 if self._under else self._room_beside()  # 24: margins

    def _room_beside(self) -> int:
        buttons = [self.details, self.dismiss] + ([self.action] if self.action.text() else [])
        return self.width() - 24 - sum(b.sizeHint().width() + 6 for b in buttons)

    def _arrange_buttons(self) -> None:
        """The buttons beside the words, or under them where beside them the words would
        have less than a third of the strip: at 640 px in large print "Open in the editor"
        had 130 of the 246 px its words need, and the words a few letters a line. Its short
        words first, if it has them, where they keep the row (the whole in its tooltip)."""
        third = (self.width() - 24) // 3
        offer = self._offer
        self._word_action(offer.words if offer else "")
        if offer is not None and offer.short and self._room_beside() < third:
            self._word_action(offer.short)
            if self._room_beside() < third:
                self._word_action(offer.words)
        under = self._room_beside() < third
        if under == self._under:
            return
        self._under = under
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)  # built with one
        # (QBoxLayout's enum only here: not made before the library's first paint.)
        from PySide6.QtWidgets import QBoxLayout

        ways = QBoxLayout.Direction
        layout.setDirection(ways.TopToBottom if under else ways.LeftToRight)
        layout.setSpacing(6 if under else -1)

    def _word_action(self, words: str) -> None:
        """The action's button reads `words`; where they are its short ones, its tooltip
        (and its accessible name, always) has the whole."""
        if words != self.action.text():
            self.action.setText(words)
        whole = self._offer.words if self._offer else ""
        self.action.setToolTip(whole if words != whole else "")

    def _too_tall(self, words: str, bold: QFontMetrics) -> bool:
        """Whether `words`, wrapped beside the buttons, would take more than MOST_SHARE of
        the window's height."""
        return too_tall(words, bold, self._room(), MOST_SHARE * self.window().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()

    def refit(self) -> None:
        """Whole or short again: the window's width or height changed."""
        if self._words[0]:
            self._show_words()

    def _next(self) -> None:
        """Done with this notice: the one it covered, if any, else none."""
        if self._waiting:
            self._put(*self._waiting.pop())
        else:
            self._offer = None
            self._up = False
            self.hide()

    def _act(self) -> None:
        offer, self._offer = self._offer, None
        self._next()  # done with: what it opened takes it from here
        if offer is not None:
            offer.act()


def install_notice_bar(window: QMainWindow) -> NoticeBar:
    """Put a notice bar above the window's central widget and return it."""
    pages = window.takeCentralWidget()
    box = QWidget(window)
    # The bar is told when the window's height changes (its own width does not). Neither an
    # event filter nor a resizeEvent override: the window's first events would reach Python
    # before its first paint (test_first_paint.py) and its list's (ResizeLayout says why).
    layout = ResizeLayout(box, lambda: bar.refit())
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    bar = NoticeBar(box)
    layout.addWidget(bar)
    if pages is not None:
        layout.addWidget(pages, 1)
    window.setCentralWidget(box)
    return bar
