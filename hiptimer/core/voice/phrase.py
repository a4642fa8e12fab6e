"""One thing for the voice to say: its text, its moment, when it goes stale, what it cuts off."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# Estimated speaking speed, on the slow side of espeak-ng's default (about 0.055 s a character).
SECONDS_PER_CHAR = 0.075
MIN_UTTERANCE_S = 0.3  # even "Two" takes espeak this long, start-up included


def speaking_time(text: str) -> float:
    """Estimated seconds espeak takes to say `text` at its default rate."""
    return max(MIN_UTTERANCE_S, len(text) * SECONDS_PER_CHAR)


# "form": an exercise's form cue ("Squeeze."), which belongs to its set and is not said after it.
PhraseKind = Literal[
    "announce", "setup", "caution", "cue", "form", "count", "tempo", "prompt", "summary"
]

# A countdown number, rep count or tempo word said later than this misleads: drop it instead.
STALE_COUNT_S = 0.6
# "Ten seconds." is a rough warning; a second late it is still nearly true.
STALE_TEN_SECONDS_S = 1.0
# "Halfway." and "Release." belong to their moment, but a few seconds late they still help.
STALE_MARK_S = 3.0
# Form cues repeat every 15 s; one that waited longer than this has lost its moment.
STALE_FORM_CUE_S = 8.0
# Phrases whose moments are closer than this belong to the same moment (one engine command).
SAME_MOMENT_S = 0.01


@dataclass(frozen=True)
class Phrase:
    """One thing for the voice to say.

    `at` is the monotonic moment the phrase belongs to (the event's `at`). A phrase with
    `stale_after_s` must be dropped if it cannot start by `at + stale_after_s`. A phrase with
    `interrupt` cuts off speech from earlier moments, said or waiting (see `interrupts`).
    A setup step has `line`, its place in the exercise's setup (the screen highlights it).
    A `fleeting` phrase ("Go.") is true only as it is said: its caption goes soon after.
    """

    text: str
    kind: PhraseKind
    at: float
    stale_after_s: float | None = None
    interrupt: bool = False
    line: int | None = None
    fleeting: bool = False

    def is_stale(self, now: float) -> bool:
        """Whether it is too late, at monotonic time `now`, to start saying this."""
        return self.stale_after_s is not None and now - self.at > self.stale_after_s


def interrupts(new: Phrase, old: Phrase) -> bool:
    """Whether `new` cuts off `old` (being said or still waiting).

    Only speech from an earlier moment is cut: phrases of one moment, such as "Skipping
    bridge." and the "Rest thirty seconds." that follows it, are all said in order.
    """
    return new.interrupt and old.at < new.at - SAME_MOMENT_S
