"""What each action asked of the main window does (a key, a button or a menu item)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from hiptimer.ui.full_screen import toggle_full_screen
from hiptimer.ui.keys import Action
from hiptimer.ui.library.page import LIST_ACTIONS
from hiptimer.ui.menus import ask_to_end
from hiptimer.ui.mute import MuteHost, toggle_mute

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from hiptimer.ui.first_run import FirstRunPage
    from hiptimer.ui.guidance.coordinator import Guidance
    from hiptimer.ui.library.offers import LibraryOffers
    from hiptimer.ui.library.page import LibraryPage
    from hiptimer.ui.session.resume_page import ResumeOffer
    from hiptimer.ui.session_flow import SessionFlow


class ActionHost(MuteHost, Protocol):
    """What the actions use of the main window."""

    guidance: Guidance | None
    flow: SessionFlow
    offers: LibraryOffers
    resume: ResumeOffer

    @property
    def library(self) -> LibraryPage: ...
    @property
    def first_run(self) -> FirstRunPage | None: ...
    def show_library(self) -> None: ...
    def quit_asking(self) -> None: ...
    def window(self) -> QWidget: ...  # the main window itself, as a widget


def perform_action(window: ActionHost, action: Action, value: int = 0) -> None:
    """Do what a key, a button or a menu item asks for."""
    if window.guidance is not None and window.guidance.perform(action, value):  # check-in
        return
    first_run = window.first_run
    if action is Action.FULL_SCREEN:
        toggle_full_screen(window.window())
    elif action is Action.MUTE:
        toggle_mute(window)
    elif action is Action.END:
        window.flow.end(lambda: ask_to_end(window.window()))
    elif action is Action.ACCEPT and first_run is not None:
        first_run.accepted.emit()
    elif action is Action.REVIEW_SUGGESTIONS:
        window.offers.review()
    elif action is Action.START:
        window.library.start_selected()
    elif action in LIST_ACTIONS:  # the arrows, and the search field's Ctrl+F and Esc
        window.library.perform(action)
    elif action is Action.LIBRARY:
        window.show_library()
    elif action is Action.KEEP_DOSES:
        window.flow.keep_doses()
    elif action is Action.DONE:
        window.quit_asking()
    elif action in (Action.RESUME_SESSION, Action.KEEP_PARTIAL):
        window.resume.perform(action)
    elif window.session is not None:
        window.session.page.perform(action, value)
