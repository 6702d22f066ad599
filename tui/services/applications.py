"""Application use cases: add, edit, move (and close), delete; the follow-ups the pipeline sets on
an application's contacts; finding one by what a user types; quiet ones and the funnel."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from ..core import applications as rules
from ..core.applications import Application, Funnel
from ..core.errors import InputError
from ..core.mood import Rejection
from ..core.ids import match_id
from ..store import applications as repo
from ..store import contacts as contact_repo
from ..store.repo import new_id
from . import contacts as contact_service
from .application_wins import reconcile_applications
from .context import Rebound
from .settings import pipeline

THANK_YOU_STAGES = ("interview", "final")
REFERRER_DAYS, FEEDBACK_DAYS = 7, 3


@dataclass(frozen=True)
class AppFields:
    company: str
    role: str
    source: str = ""
    link: str = ""
    contacts: tuple[str, ...] = ()  # contact names: found, or added when new
    notes: str = ""
    next_step: str = ""
    next_day: date | None = None
    confirmed_new: str = ""  # a contact name close to existing ones, confirmed as a new contact


def _checked(fields: AppFields) -> dict[str, object]:
    return {
        "company": rules.clean_company(fields.company),
        "role": rules.clean_role(fields.role),
        "source": rules.check_source(fields.source),
        "link": rules.clean_link(fields.link),
        "notes": rules.clean_notes(fields.notes),
        "next_step": rules.clean_step(fields.next_step),
        "next_day": fields.next_day,
    }


def _contact_ids(rb: Rebound, names: tuple[str, ...], company: str,
                 confirmed_new: str = "") -> tuple[str, ...]:
    """Inside a change: each named contact, found (name or prefix) or added at ``company``
    (``confirmed_new``: a name close to existing ones the user confirmed as new)."""
    ids: list[str] = []
    for name in names:
        try:  # a name close to existing contacts is refused with them, as everywhere
            person = contact_service.named_or_new(rb, name, confirmed_new)
        except InputError as exc:
            raise InputError(str(exc), "contacts") from None
        if person is None:
            person = contact_service.add_contact(rb, contact_service.ContactFields(name, company=company))
        if person.id not in ids:
            ids.append(person.id)
    return tuple(ids)


def _day(rb: Rebound, day: date | None) -> tuple[date, date]:
    today = rb.today()
    return today, rules.check_applied_day(day or today, today)


def add_application(rb: Rebound, fields: AppFields, day: date | None = None) -> Application:
    """A new application at ``applied``; with a referral, a follow-up on the referrer (the first
    contact) 7 days after applying."""
    values = _checked(fields)
    today, applied = _day(rb, day)
    with rb.change(f"add application {values['company']} · {values['role']}"):
        rules.duplicate_open(str(values["company"]), str(values["role"]), repo.applications(rb.store))
        contacts = _contact_ids(rb, fields.contacts, str(values["company"]), fields.confirmed_new)
        stamp = rb.clock.timestamp()
        app = Application(id=new_id(), applied=applied, history=(("applied", applied),),
                          contacts=contacts, updated=stamp, created=stamp, **values)  # type: ignore[arg-type]
        repo.save(rb.store, app)
        if app.source == "referral" and contacts and pipeline(rb).referrer:
            _follow_up(rb, contacts[:1], applied + timedelta(days=REFERRER_DAYS), today)
        reconcile_applications(rb)
    return app


def edit_application(rb: Rebound, app_id: str, fields: AppFields, day: date | None = None) -> Application:
    """Change the fields (and the day applied: the first history entry moves with it)."""
    values = _checked(fields)
    before = application_by_id(rb, app_id)
    today, applied = _day(rb, day or before.applied)
    later = [d for _, d in before.history[1:] if d < applied]
    if later:
        raise InputError(f"{applied.isoformat()} is after a move of {before.title} "
                         f"({min(later).isoformat()})", "applied")
    with rb.change(f"edit {before.title}"):
        apps = repo.applications(rb.store)
        if before.is_open:
            rules.duplicate_open(str(values["company"]), str(values["role"]), apps, exclude_id=app_id)
        contacts = _contact_ids(rb, fields.contacts, str(values["company"]), fields.confirmed_new)
        history = (("applied", applied), *before.history[1:]) if before.history[0][0] == "applied" \
            else before.history
        app = replace(before, applied=applied, history=history, contacts=contacts,
                      updated=rb.clock.timestamp(), **values)  # type: ignore[arg-type]
        repo.save(rb.store, app, before)
        reconcile_applications(rb)
    return app


def move_application(rb: Rebound, app_id: str, stage: str, day: date | None = None,
                     note: str = "") -> Application:
    """Any move (forward, back, closing, reopening) appends (stage, day) to the history; to
    interview or final it sets a thank-you follow-up on its contacts for the next day."""
    app = application_by_id(rb, app_id)
    today = rb.today()
    day = day or today
    stage = rules.check_move(app, stage, day, today)
    note = rules.clean_step(note)
    with rb.change(f"move {app.title} to {stage}"):
        app = application_by_id(rb, app_id)
        if not app.is_open and stage not in rules.CLOSING_STAGES:  # reopening
            rules.duplicate_open(app.company, app.role, repo.applications(rb.store), exclude_id=app.id)
        changed = rules.moved(app, stage, day, rb.clock.timestamp())
        if note:
            line = f"{day.isoformat()} {stage}: {note}"
            changed = replace(changed, notes=rules.clean_notes(f"{app.notes}\n{line}".strip()))
        repo.save(rb.store, changed)
        if stage in THANK_YOU_STAGES and app.contacts and pipeline(rb).thank_you:
            _follow_up(rb, app.contacts, day + timedelta(days=1), today)
        reconcile_applications(rb)
    return changed


def close_application(rb: Rebound, app_id: str, stage: str, day: date | None = None) -> Application:
    if rules.check_stage(stage) not in rules.CLOSING_STAGES:
        raise InputError(f"close as one of {', '.join(rules.CLOSING_STAGES)}", "stage")
    return move_application(rb, app_id, stage, day)


def delete_application(rb: Rebound, app_id: str) -> Application:
    app = application_by_id(rb, app_id)
    with rb.change(f"delete {app.title}"):
        repo.remove(rb.store, app)
        reconcile_applications(rb)
    return app


# the reflection's words for the stage an application reached
REACHED = {"applied": "application", "screen": "screening call", "interview": "interview",
           "final": "final round", "offer": "offer"}


def reject_application(rb: Rebound, app_id: str, **reflection: Any) -> Application:
    """Move to ``rejected`` and save the reflection, linked to the application, in one undoable
    change (``reject_with_reflection``)."""
    return reject_with_reflection(rb, app_id, **reflection)[0]


def reject_with_reflection(rb: Rebound, app_id: str, *, day: date | None = None, lesson: str = "",
                           contact: str = "", score: object = 2, note: str = "", tags: str = "",
                           follow_up: str | None = None, new_contact: str = "",
                           reflection: tuple[str, str, str] | None = None) -> tuple[Application, Rejection]:
    """Move to ``rejected`` and save the reflection (prefilled with company, role and the stage
    reached, linked to the application) in one undoable change; naming a contact to ask for
    feedback sets the pipeline's follow-up on it (or ``follow_up``, as the form shows it).
    ``reflection``: the company, role and stage as the user left them in the form."""
    from .mood import log_rejection

    app = application_by_id(rb, app_id)
    company, role, stage = reflection or (app.company, app.role, REACHED.get(app.stage, ""))
    with rb.change(f"rejection from {app.title}"):
        changed = move_application(rb, app_id, "rejected", day)
        rejection = log_rejection(rb, company, role=role, stage=stage, lesson=lesson, score=score,
                                  tags=tags, note=note, contact=contact,
                                  follow_up=feedback_follow_up(rb) if follow_up is None else follow_up,
                                  day=day, new_contact=new_contact, application_id=app.id)
    return changed, rejection


def feedback_follow_up(rb: Rebound) -> str:
    """When a rejection from an application asks for feedback: 3 days later, unless switched off
    (then the reflection's own default)."""
    from .mood import DEFAULT_FOLLOW_UP

    return f"in {FEEDBACK_DAYS} days" if pipeline(rb).feedback else DEFAULT_FOLLOW_UP


def _follow_up(rb: Rebound, contact_ids: tuple[str, ...], day: date, today: date) -> None:
    """Inside a change: an ordinary follow-up on each contact on ``day`` (today at the earliest,
    for a move logged late); an earlier follow-up already set is kept."""
    day = max(day, today)
    for contact_id in contact_ids:
        person = contact_repo.contact_by_id(rb.store, contact_id)
        if person is None or (person.follow_up is not None and today <= person.follow_up <= day):
            continue
        contact_service.set_follow_up(rb, contact_id, day.isoformat())


# Reading ---------------------------------------------------------------------------------------
def applications(rb: Rebound) -> list[Application]:
    return repo.applications(rb.store)


def application_by_id(rb: Rebound, app_id: str) -> Application:
    found = next((a for a in repo.applications(rb.store) if a.id == app_id), None)
    if found is None:
        raise InputError("that application no longer exists")
    return found


def find_application(rb: Rebound, query: str) -> Application:
    """An unambiguous "company" or "company · role" (full, else a prefix of each), or an id
    (4+ characters of one)."""
    apps = repo.applications(rb.store)
    wanted = " ".join(query.replace("·", " · ").split()).casefold()
    if not wanted:
        raise InputError("give an application: its id, company, or “company · role”")
    company, _, role = (part.strip() for part in wanted.partition(" · "))
    found = [a for a in apps if a.company.casefold() == company
             and (not role or a.role.casefold() == role)]
    if not found:  # then as names are matched elsewhere: an unambiguous prefix
        found = [a for a in apps if a.company.casefold().startswith(company)
                 and a.role.casefold().startswith(role)]
    if len(found) > 1:
        titles = ", ".join(f"{a.title} ({a.id[:8]})" for a in found[:4])
        raise InputError(f"{query.strip()!r} matches {len(found)} applications: {titles}; give its id "
                         "or “company · role”")
    if found:
        return found[0]
    try:
        return match_id(query, apps, "application")
    except InputError:
        raise InputError(f"no application matches {query.strip()!r}") from None


def quiet(rb: Rebound, today: date | None = None, latest: dict[str, date] | None = None,
          apps: list[Application] | None = None) -> list[tuple[Application, int]]:
    """Open applications quiet for ``ghost_days`` or more, the longest quiet first (among
    ``apps``, default every application)."""
    today = today or rb.today()
    if latest is None:
        latest = {cid: i.day for cid, i in contact_repo.latest_interactions(rb.store).items()}
    ghost = pipeline(rb).ghost_days
    found = [(a, d) for a in (repo.applications(rb.store) if apps is None else apps)
             if (d := rules.quiet_days(a, today, latest, ghost)) is not None]
    return sorted(found, key=lambda pair: -pair[1])


def funnel(rb: Rebound, days: int | None = None, today: date | None = None) -> Funnel:
    return rules.funnel(rules.in_window(repo.applications(rb.store), today or rb.today(), days))
