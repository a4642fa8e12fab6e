"""The workout's commands: which keys apply at a moment, and what a key or a button does there."""

from __future__ import annotations

from collections.abc import Callable

from hiptimer.core.session.events import PainChoice
from hiptimer.core.session.view import SessionView
from hiptimer.ui.keys import Action, Mode
from hiptimer.ui.session.driver import EngineDriver
from hiptimer.ui.session.result_prompt import ResultPrompt
from hiptimer.ui.session.workout_text import counts_keys


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
    own `toggle_steps`, and the re-test's `result` while one is typed)."""

    def __init__(
        self, driver: EngineDriver, result: ResultPrompt, toggle_steps: Callable[[], None]
    ) -> None:
        self._driver = driver
        self._result = result
        self._toggle_steps = toggle_steps

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
        command()
        return True
