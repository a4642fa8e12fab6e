"""The workout's commands: which keys apply at a moment, and what a key or a button does there."""

from __future__ import annotations

from collections.abc import Callable

from hiptimer.core.session.events import PainChoice
from hiptimer.core.session.view import SessionView
from hiptimer.ui.keys import Action, Mode
from hiptimer.ui.session.driver import EngineDriver
from hiptimer.ui.session.result_prompt import ResultPrompt
from hiptimer.ui.session.workout_text import counts_keys

# The buttons greyed where they would change nothing; their keys then do nothing either.
GATED = frozenset(
    {Action.PAUSE, Action.BACK, Action.NEXT, Action.SKIP_EXERCISE, Action.MORE, Action.LESS}
    | {Action.SHOW_STEPS, Action.UNCOUNT_REP}
)


# Never greyed: mute and end work in every moment; the count's button shows only when counting.
UNGATED = frozenset({Action.MUTE, Action.END, Action.COUNT_REP})


def enabled_actions(view: SessionView, *, steps_toggle: bool) -> frozenset[Action]:
    """The UNGATED actions and the GATED ones that do something now. `steps_toggle`: whether I shows or hides
    anything (in a set or a switch of sides, of an exercise with steps or a caution; in the
    pauses they are on screen anyway)."""
    asking = view.awaiting_pain or view.awaiting_choice or view.awaiting_result
    enabled = set(UNGATED)
    if view.started and not view.ended and not asking:
        enabled |= {Action.PAUSE, Action.NEXT, Action.SKIP_EXERCISE}
        if view.can_back:  # not in the first get-ready: nothing before it to go back to
            enabled.add(Action.BACK)
        if steps_toggle:
            enabled.add(Action.SHOW_STEPS)
    if view.can_more:
        enabled.add(Action.MORE)
    if view.can_less:
        enabled.add(Action.LESS)
    if view.can_uncount:  # Undo at a count of 0 would take back nothing
        enabled.add(Action.UNCOUNT_REP)
    return frozenset(enabled)


def key_mode(view: SessionView) -> Mode:
    """The keys that apply to the moment shown: a question's, a count's or the workout's."""
    if view.awaiting_result:
        return Mode.RESULT
    if view.awaiting_choice:
        return Mode.CHOICE
    if view.awaiting_pain:
        return Mode.PAIN
    return Mode.COUNTING if counts_keys(view) else Mode.WORKOUT


class WorkoutCommands:
    """Turns a key's or a button's action into a call on the session's driver (or the page's
    own `toggle_steps` and `steps_page`, and the re-test's `result` while one is typed). A
    GATED action that is not `enabled()` now does nothing, as its greyed button does."""

    def __init__(
        self,
        driver: EngineDriver,
        result: ResultPrompt,
        toggle_steps: Callable[[], None],
        enabled: Callable[[], frozenset[Action]],
        steps_page: Callable[[], None] = lambda: None,
    ) -> None:
        self._driver = driver
        self._result = result
        self._toggle_steps = toggle_steps
        self._steps_page = steps_page
        self._enabled = enabled

    def perform(self, action: Action, value: int) -> bool:
        """Run a session command; False when it is not one of the page's (mute, end)."""
        d = self._driver
        if key_mode(d.view()) is Mode.RESULT:
            typing = {
                Action.TYPE: lambda: self._result.type(value),
                Action.ERASE: self._result.erase,
                Action.ACCEPT: self._result.accept,
                Action.SKIP_RATING: lambda: d.enter_result(None),
            }
            if action in typing:
                typing[action]()
                return True
        commands = {
            Action.PAUSE: d.toggle_pause,
            Action.COUNT_REP: d.count_rep,
            Action.UNCOUNT_REP: d.uncount_rep,
            Action.SHOW_STEPS: self._toggle_steps,
            Action.STEPS_PAGE: self._steps_page,
            Action.NEXT: d.next,
            Action.BACK: d.back,
            Action.MORE: lambda: d.adjust(+1),
            Action.LESS: lambda: d.adjust(-1),
            Action.SKIP_EXERCISE: d.skip_exercise,
            Action.RATE: lambda: d.rate_pain(value),
            Action.SKIP_RATING: d.skip_pain,
            Action.CHANGE_RATING: d.change_rating,
            Action.STOP_EXERCISE: lambda: d.choose(PainChoice.STOP),
            Action.LOWER_DOSE: lambda: d.choose(PainChoice.LOWER),
            Action.CONTINUE: lambda: d.choose(PainChoice.CONTINUE),
        }
        command = commands.get(action)
        if command is None:
            return False
        if action not in GATED or action in self._enabled():
            command()
        return True
