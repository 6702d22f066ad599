"""Job applications and their pipeline (product.md §3 "Applications"): the record, its stages,
the rules for a move, the duplicate guard, quiet applications and the funnel. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .defaults import GHOST_DAYS
from .errors import InputError
from .goals import clean_text

SOURCES = ("referral", "network", "recruiter", "job board", "company site", "other")
OPEN_STAGES = ("applied", "screen", "interview", "final", "offer")
CLOSING_STAGES = ("accepted", "rejected", "withdrawn", "ghosted")
STAGES = OPEN_STAGES + CLOSING_STAGES
MIN_BASE = 5  # a funnel figure is shown only when it rests on this many applications
MAX_FIELD, MAX_LINK, MAX_NOTES, MAX_STEP = 80, 300, 1000, 120
# how far down the funnel a stage is; accepting an offer means the offer was reached
_RANK = {stage: i for i, stage in enumerate(OPEN_STAGES)} | {"accepted": len(OPEN_STAGES) - 1}


@dataclass(frozen=True, slots=True)
class Application:
    id: str
    company: str
    role: str
    applied: date
    history: tuple[tuple[str, date], ...]  # (stage, day), oldest first; never empty
    source: str = "other"
    link: str = ""
    contacts: tuple[str, ...] = ()  # contact ids; the referrer among them
    notes: str = ""
    next_step: str = ""
    next_day: date | None = None
    updated: str = ""  # timestamp of the last change
    created: str = ""  # timestamp of adding it: the order of a day's applications

    @property
    def stage(self) -> str:
        return self.history[-1][0]

    @property
    def is_open(self) -> bool:
        return self.stage not in CLOSING_STAGES

    @property
    def last_move(self) -> date:
        return max(day for _, day in self.history)

    @property
    def title(self) -> str:
        return f"{self.company} · {self.role}"


# Validation ------------------------------------------------------------------------------------
def clean_company(text: str) -> str:
    return clean_text(text, what="company", limit=MAX_FIELD, required=True, field="company")


def clean_role(text: str) -> str:
    return clean_text(text, what="role", limit=MAX_FIELD, required=True, field="role")


def clean_link(text: str) -> str:
    return clean_text(text, what="link", limit=MAX_LINK, field="link")


def clean_notes(text: str) -> str:
    return clean_text(text, what="notes", limit=MAX_NOTES, field="notes")


def clean_step(text: str) -> str:
    return clean_text(text, what="next step", limit=MAX_STEP, field="next_step")


def check_source(text: str) -> str:
    word = " ".join(text.strip().lower().replace("-", " ").replace("_", " ").split())
    if not word:
        return "other"
    if word not in SOURCES:
        raise InputError(f"unknown source {text.strip()!r}; use one of {', '.join(SOURCES)}", "source")
    return word


def check_stage(text: str) -> str:
    word = text.strip().lower()
    if word not in STAGES:
        raise InputError(f"unknown stage {text.strip()!r}; use one of {', '.join(STAGES)}", "stage")
    return word


def short_day(day: date) -> str:
    """``12 Nov``: how the duplicate guard names the first application's day."""
    return f"{day.day} {day.strftime('%b')}"


def check_applied_day(day: date, today: date) -> date:
    if day > today:
        raise InputError(f"{day.isoformat()} is in the future; today is {today.isoformat()}", "applied")
    return day


def check_move(app: Application, stage: str, day: date, today: date) -> str:
    """The stage (checked) of a move of ``app`` on ``day``; InputError for a move that cannot be."""
    stage = check_stage(stage)
    if day > today:
        raise InputError(f"{day.isoformat()} is in the future; today is {today.isoformat()}", "day")
    if day < app.applied:
        raise InputError(f"{day.isoformat()} is before the application ({app.title} was sent on "
                         f"{app.applied.isoformat()})", "day")
    if stage == app.stage:
        raise InputError(f"{app.title} is already at {stage}", "stage")
    return stage


def duplicate_open(company: str, role: str, apps: Iterable[Application],
                   exclude_id: str | None = None) -> None:
    """Refuse a second open application to the same company and role (case-insensitive)."""
    key = (company.casefold(), role.casefold())
    for app in apps:
        if app.is_open and app.id != exclude_id and (app.company.casefold(), app.role.casefold()) == key:
            raise InputError(f"already applied to {app.title} on {short_day(app.applied)}", "company")


def moved(app: Application, stage: str, day: date, updated: str) -> Application:
    return replace(app, history=(*app.history, (stage, day)), updated=updated)


def as_of(app: Application, day: date) -> Application | None:
    """``app`` as it stood at the end of ``day`` (None: not yet sent)."""
    if app.applied > day:
        return None
    history = tuple(step for step in app.history if step[1] <= day)
    return app if len(history) == len(app.history) else replace(app, history=history or app.history[:1])


def by_contact(apps: Iterable[Application]) -> dict[str, list[Application]]:
    """contact id → its applications, the latest applied first: one pass, so a contact's pane
    does not scan every application at each redraw."""
    found: dict[str, list[Application]] = {}
    for app in apps:
        for contact_id in dict.fromkeys(app.contacts):
            found.setdefault(contact_id, []).append(app)
    for mine in found.values():
        mine.sort(key=lambda a: (a.applied, a.created), reverse=True)
    return found


def short_title(app: Application) -> str:
    """``Northwind · Data analyst (interview)``: an application named with its stage."""
    return f"{app.title} ({app.stage})"


# Quiet applications ----------------------------------------------------------------------------
def last_activity(app: Application, latest: Mapping[str, date]) -> date:
    """The later of its last stage move and the last interaction with one of its contacts."""
    days = [app.last_move, *(latest[c] for c in app.contacts if c in latest)]
    return max(days)


def quiet_days(app: Application, today: date, latest: Mapping[str, date],
               ghost_days: int = GHOST_DAYS) -> int | None:
    """Days without news for an open application quiet for ``ghost_days`` or more, else None."""
    if not app.is_open:
        return None
    return quiet_since(app.last_move, app.contacts, today, latest, ghost_days)


def quiet_since(last_move: date, contacts: Iterable[str], today: date, latest: Mapping[str, date],
                ghost_days: int = GHOST_DAYS) -> int | None:
    """``quiet_days`` of an open application from its last move and its contacts' ids."""
    days = (today - max([last_move, *(latest[c] for c in contacts if c in latest)])).days
    return days if days >= ghost_days else None


def quiet_label(days: int) -> str:
    """``no reply in 3 weeks`` (``in 5 months``, ``in 2 years``: nobody counts 258 weeks)."""
    if days >= 730:
        return f"no reply in {days // 365} years"
    if days >= 91:
        return f"no reply in {days // 30} months"
    if days >= 14:
        return f"no reply in {days // 7} weeks"
    return f"no reply in {days} day" + ("" if days == 1 else "s")


# The funnel ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Funnel:
    total: int
    reached: dict[str, int]  # stage → applications that reached it (or a later stage)
    conversions: dict[str, float | None]  # stage → share of those at it that reached the next
    response_rate: float | None  # share that reached screen or later, or were rejected
    median_days: float | None  # from applying to the first response
    by_source: dict[str, Funnel]

    def as_dict(self) -> dict[str, object]:
        return {
            "total": self.total,
            "reached": dict(self.reached),
            "conversions": {k: _round(v) for k, v in self.conversions.items()},
            "response_rate": _round(self.response_rate),
            "median_days_to_response": self.median_days,
            "by_source": {s: f.as_dict() for s, f in self.by_source.items()},
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def rank(app: Application) -> int:
    return max((_RANK[s] for s, _ in app.history if s in _RANK), default=0)


def reached_on(app: Application, stage: str) -> date | None:
    """The first day ``app`` reached ``stage`` or a later one (None: it never did)."""
    days = [d for s, d in app.history if _RANK.get(s, -1) >= _RANK[stage]]
    return min(days) if days else None


def first_response(app: Application) -> date | None:
    days = [d for s, d in app.history if s == "rejected" or _RANK.get(s, 0) >= 1]
    return min(days) if days else None


def in_window(apps: Iterable[Application], today: date, days: int | None) -> list[Application]:
    """Applications sent in the last ``days`` days up to ``today`` (None: all)."""
    if days is None:
        return list(apps)
    start = today - timedelta(days=days - 1)
    return [a for a in apps if start <= a.applied <= today]


def funnel(apps: Iterable[Application], *, split: bool = True) -> Funnel:
    apps = list(apps)
    ranks = [rank(a) for a in apps]
    reached = {stage: sum(1 for r in ranks if r >= i) for i, stage in enumerate(OPEN_STAGES)}
    conversions: dict[str, float | None] = {}
    for here, there in zip(OPEN_STAGES, OPEN_STAGES[1:]):
        base = reached[here]
        conversions[here] = reached[there] / base if base >= MIN_BASE else None
    waits = [(day - a.applied).days for a in apps if (day := first_response(a)) is not None]
    by_source = {}
    if split:
        for source in SOURCES:
            mine = [a for a in apps if a.source == source]
            if mine:
                by_source[source] = funnel(mine, split=False)
    return Funnel(
        total=len(apps),
        reached=reached,
        conversions=conversions,
        response_rate=len(waits) / len(apps) if len(apps) >= MIN_BASE else None,
        median_days=_median(waits) if len(waits) >= MIN_BASE else None,
        by_source=by_source,
    )


def _median(values: list[int]) -> float:
    """statistics.median, imported only here: `status` pays for no funnel (~3 ms of imports)."""
    from statistics import median

    return float(median(values))

