"""The job-search wins (product.md §3): a pure function of the applications and rejections.

* "first application": the first application ever sent (by day applied, then by when it was added).
* "interview" / "offer": once per application, on the first day it reached that stage or a later
  one (the funnel's ``rank``: a final round had an interview, an accepted offer was an offer).
* "back at it": after each rejection (a reflection's day, or an application moved to rejected),
  the first other application sent within 3 days (the bounce-back window), on its day.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from .applications import Application, reached_on
from .mood import BOUNCE_WINDOW, Rejection
from .victories import EarnedWin

FIRST_APPLICATION = "first_application"
INTERVIEW = "interview"
OFFER = "offer"
BACK_AT_IT = "back_at_it"
APPLICATION_KINDS = frozenset({FIRST_APPLICATION, INTERVIEW, OFFER, BACK_AT_IT})


def _sent_order(app: Application) -> tuple[date, str, str]:
    return app.applied, app.created, app.id


def application_wins(apps: Iterable[Application], rejections: Iterable[Rejection]) -> list[EarnedWin]:
    apps = sorted(apps, key=_sent_order)
    wins: dict[str, EarnedWin] = {}

    def earn(win: EarnedWin) -> None:
        wins[win.key] = win

    if apps:
        first = apps[0]
        earn(EarnedWin(FIRST_APPLICATION, first.applied, f"First application sent: {first.title}", first.id))
    for app in apps:
        for stage, rule, word in (("interview", INTERVIEW, "Interview"), ("offer", OFFER, "Offer")):
            day = reached_on(app, stage)
            if day is not None:
                earn(EarnedWin(rule, day, f"{word}: {app.title}", app.id))
    # (rejection day, the application it closed): that one is not "back at it" after itself
    rejected = {(r.day, r.application_id) for r in rejections}
    rejected |= {(day, app.id) for app in apps for stage, day in app.history if stage == "rejected"}
    for day, closed in sorted(rejected, key=lambda pair: (pair[0], pair[1] or "")):
        last = day + timedelta(days=BOUNCE_WINDOW)
        sent = next((a for a in apps if day <= a.applied <= last and a.id != closed), None)
        if sent is not None:
            earn(EarnedWin(BACK_AT_IT, sent.applied, f"Back at it: {sent.title}", sent.id))
    return sorted(wins.values(), key=lambda w: (w.day, w.key))
