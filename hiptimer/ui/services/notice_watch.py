"""What the voice and the beeps tell the notice strip when they cannot play, and its words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hiptimer.i18n import N_, _, translate
from hiptimer.ui.services.ports import Beeper, Speaker

if TYPE_CHECKING:
    from hiptimer.ui.services.notice_bar import NoticeBar

NO_VOICE = N_("No voice \u2014 the captions carry on.")
NO_BEEPS = N_("No beeps \u2014 the countdown carries on.")


def watch_speech(bar: NoticeBar, speech: Speaker) -> None:
    """Show why the voice is unavailable, once, whether it failed already or fails later."""
    speech.connect_unavailable(lambda reason: bar.show_notice(translate(NO_VOICE), reason))
    if speech.unavailable_reason:
        bar.show_notice(translate(NO_VOICE), speech.unavailable_reason)


def watch_beeps(bar: NoticeBar, beeper: Beeper) -> None:
    """Show why the beeps cannot play, once they turn out unable to (at a session's start)."""

    def show(why: str) -> None:
        bar.show_notice(translate(NO_BEEPS), _("Beeps are off: {why}.").format(why=why))

    beeper.connect_unavailable(show)
