"""Plain captions for when hiptimer.core.cues is not available: names, form cues and prompts."""

from __future__ import annotations

from dataclasses import dataclass

from hiptimer.core.events import Event, FormCue, PainRequested, SessionEnded, StepStarted
from hiptimer.core.steps import RestKind, StepKind


@dataclass(frozen=True)
class SimplePhrase:
    text: str
    kind: str
    at: float
    stale_after_s: float | None = None
    interrupt: bool = False


class FallbackCues:
    """The same `phrases_for(event)` as hiptimer.core.cues.CueWriter, with far fewer words."""

    def phrases_for(self, event: Event) -> list[SimplePhrase]:
        text = _text(event)
        if not text:
            return []
        kind = "cue" if isinstance(event, FormCue) else "announce"
        return [SimplePhrase(text, kind, event.at, interrupt=isinstance(event, StepStarted))]


def _text(event: Event) -> str:
    if isinstance(event, FormCue):
        return event.text
    if isinstance(event, PainRequested):
        return "How much pain, zero to ten?"
    if isinstance(event, SessionEnded):
        return "Session over."
    if not isinstance(event, StepStarted) or event.exercise is None:
        return ""
    ex, step = event.exercise, event.step
    if step.kind is StepKind.GET_READY or step.rest_kind is RestKind.AFTER_EXERCISE:
        setup = f" {ex.setup[0]}" if ex.setup else ""
        return f"Get ready: {ex.name}.{setup}"
    if step.kind is StepKind.REST:
        return "Rest."
    if step.kind is StepKind.SWITCH_SIDES and step.side is not None:
        return f"Switch to the {step.side.value} side."
    if step.kind is StepKind.WORK:
        return ex.cues[0] if ex.cues else f"{ex.name}."
    return ""
