"""How reminders reach the user here (a notification, a tray message, or nothing), and the
words that say so in the plan dialog and the notices."""

from __future__ import annotations

from hiptimer.i18n import N_, translate

# The plan dialog's help, by how reminders come; the buttons named as the notification's.
NOTIFICATION_HELP = N_(
    "A notification comes at each planned time, with Start, Snooze (10 min or 1 h) and Skip today."
)
TRAY_MESSAGE_HELP = N_(
    "No notification service answers here, so a tray message comes at each planned time "
    "instead: it has no buttons, and clicking it opens the routine's get-ready."
)
NONE_HELP = N_("No reminder can be shown here (see below); today's plan is on the library page.")
REST_HELP = N_(
    "No reminder comes for a routine already done that day; one missed while the computer slept "
    "comes on waking if it is less than 3 hours late. New routines get the days of their "
    "schedule and 18:00; change them as you like."
)

NO_TRAY = N_(
    "This desktop shows no tray icons: reminders come as notifications while HipTimer is "
    "open, and closing the window quits it."
)
# With no notification service either: the service's problem, then this (one notice).
NO_TRAY_NOR_SERVICE = N_(
    "{problem} This desktop shows no tray icons either, so closing the window quits HipTimer."
)


def reminders_help(service_reason: str, tray: bool) -> str:
    """What the plan dialog says of its reminders: how they come here (`service_reason`:
    why the desktop's notifications cannot show them, "" where they can), then the rest."""
    if service_reason:
        return f"{translate(TRAY_MESSAGE_HELP if tray else NONE_HELP)} {translate(REST_HELP)}"
    return f"{translate(NOTIFICATION_HELP)} {translate(REST_HELP)}"


def no_tray_words(no_service: str) -> str:
    """Why closing the window quits, with why reminders cannot be shown where that is known
    (the plan dialog said "reminders come as notifications" where none could come)."""
    if no_service:
        return translate(NO_TRAY_NOR_SERVICE).format(problem=no_service)
    return translate(NO_TRAY)
