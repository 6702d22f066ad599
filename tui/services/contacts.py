"""Contact use cases: add, edit, delete, log an interaction, set a follow-up; the urgency list."""

from __future__ import annotations

import difflib
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..core.clock import week_start_of
from ..core.contact_wins import CONTACT_KINDS, contact_wins
from ..core.contacts import (
    MAX_FIELD,
    MAX_NOTE,
    MAX_NOTES,
    Contact,
    Interaction,
    Urgency,
    answered_due,
    answers_follow_up,
    check_cadence,
    check_kind,
    clean_contact_name,
    clean_tags,
    next_follow_up,
    parse_follow_up,
    urgency,
)
from ..core.errors import InputError
from ..core.goals import clean_text, match_by_name
from ..core.wins import Win
from ..store import contacts as repo
from ..store.repo import new_id
from .context import Rebound
from ..store import wins as wins_repo
from .wins import sync_wins


@dataclass(frozen=True)
class ContactView:
    """A contact as the table, Today and `contact list` show it."""

    contact: Contact
    last: Interaction | None
    next: date | None
    urgency: Urgency

    @property
    def last_day(self) -> date | None:
        return self.last.day if self.last else None


@dataclass(frozen=True)
class ContactFields:
    name: str
    company: str = ""
    role: str = ""
    met: str = ""
    link: str = ""
    tags: str = ""
    notes: str = ""
    cadence: int | None = None


def _clean(rb: Rebound, fields: ContactFields, exclude_id: str | None = None) -> dict[str, object]:
    def short(text: str, what: str, field: str) -> str:
        return clean_text(text, what=what, limit=MAX_FIELD, field=field)

    return {
        "name": clean_contact_name(fields.name, repo.contacts(rb.store), exclude_id=exclude_id),
        "company": short(fields.company, "company", "company"),
        "role": short(fields.role, "role", "role"),
        "met": short(fields.met, "how we met", "met"),
        "link": short(fields.link, "email or link", "link"),
        "tags": clean_tags(fields.tags),
        "notes": clean_text(fields.notes, what="notes", limit=MAX_NOTES, field="notes"),
        "cadence": check_cadence(fields.cadence),
    }


def add_contact(rb: Rebound, fields: ContactFields) -> Contact:
    with rb.change(f"add contact {fields.name.strip()}"):
        clock = rb.clock
        values = _clean(rb, fields)
        contact = Contact(id=new_id(), added=clock.today(), created_at=clock.timestamp(), **values)  # type: ignore[arg-type]
        repo.save_contact(rb.store, contact)
    return contact


def edit_contact(rb: Rebound, contact_id: str, fields: ContactFields) -> Contact:
    with rb.change(f"edit {fields.name.strip()}"):
        contact = contact_by_id(rb, contact_id)
        edited = replace(contact, **_clean(rb, fields, exclude_id=contact_id))  # type: ignore[arg-type]
        repo.save_contact(rb.store, edited)
    return edited


def delete_contact(rb: Rebound, contact_id: str) -> int:
    from ..store import applications as app_repo

    contact = contact_by_id(rb, contact_id)
    with rb.change(f"delete {contact.name}"):
        gone = repo.delete_contact(rb.store, contact_id)
        for app in app_repo.applications(rb.store):  # unlinked, or its export would not import
            if contact_id in app.contacts:
                app_repo.save(rb.store, replace(app, contacts=tuple(
                    c for c in app.contacts if c != contact_id)), app)
        reconcile_contacts(rb)
    return gone


def log_interaction(
    rb: Rebound, contact_id: str, *, kind: str = "message", note: str = "", day: date | None = None
) -> Interaction:
    kind = check_kind(kind)
    note = clean_text(note, what="note", limit=MAX_NOTE, field="note")
    today = rb.today()
    day = day or today
    if day > today:
        raise InputError(f"{day.isoformat()} is in the future; today is {today.isoformat()}", "day")
    contact = contact_by_id(rb, contact_id)
    with rb.change(f"{kind} with {contact.name} on {day.isoformat()}"):
        item = Interaction(new_id(), contact_id, day, kind, note, None, rb.clock.timestamp())
        item = _answer(rb, item)
        repo.insert_interaction(rb.store, item)
        reconcile_contacts(rb)
    return item


def _answer(rb: Rebound, item: Interaction) -> Interaction:
    """Inside a change, for an interaction new to its contact: note the follow-up it answers and
    clear the explicit one it satisfies. None for a first contact without a set date, nor for a
    backdated one behind the latest."""
    contact = contact_by_id(rb, item.contact_id)
    latest = repo.latest_interactions(rb.store).get(item.contact_id)
    last = latest.day if latest else None
    due = answered_due(contact, item.day, last)
    if answers_follow_up(contact, item.day, last):
        repo.save_contact(rb.store, replace(contact, follow_up=None, follow_up_set=None))
    return replace(item, due=due)


def edit_interaction(
    rb: Rebound, interaction_id: str, *, kind: str | None = None, note: str | None = None,
    day: date | None = None, contact_id: str | None = None,
) -> Interaction:
    """Change an interaction (None: keep a field). Moved to another contact, it answers that
    contact's follow-up as a new log would; the networking wins follow it."""
    item = interaction_by_id(rb, interaction_id)
    today = rb.today()
    if day is not None and day > today:
        raise InputError(f"{day.isoformat()} is in the future; today is {today.isoformat()}", "day")
    changed = replace(
        item,
        kind=item.kind if kind is None else check_kind(kind),
        note=item.note if note is None else clean_text(note, what="note", limit=MAX_NOTE, field="note"),
        day=item.day if day is None else day,
        contact_id=item.contact_id if contact_id is None else contact_id,
    )
    contact = contact_by_id(rb, changed.contact_id)
    with rb.change(f"edit {changed.kind} with {contact.name}"):
        item = interaction_by_id(rb, interaction_id)
        if repo.interactions_file(item.day) != repo.interactions_file(changed.day) or (
                changed.contact_id != item.contact_id):
            repo.delete_interaction(rb.store, item)
        if changed.contact_id != item.contact_id:
            changed = _answer(rb, replace(changed, due=None))
        repo.insert_interaction(rb.store, changed)
        reconcile_contacts(rb)
    return changed


def delete_interaction(rb: Rebound, interaction_id: str) -> Interaction:
    """Delete one interaction and the wins it earned ("Followed up on time", "Reached out")."""
    item = interaction_by_id(rb, interaction_id)
    contact = repo.contact_by_id(rb.store, item.contact_id)
    name = contact.name if contact else "a deleted contact"
    with rb.change(f"delete {item.kind} with {name} on {item.day.isoformat()}"):
        repo.delete_interaction(rb.store, interaction_by_id(rb, interaction_id))
        reconcile_contacts(rb)
    return item


def set_follow_up(rb: Rebound, contact_id: str, text: str) -> Contact:
    """"in 2 weeks", "in 3 days", a date, "every N days" (a cadence), or "none" (clears both)."""
    today = rb.today()
    what, value = parse_follow_up(text, today)
    contact = contact_by_id(rb, contact_id)
    with rb.change(f"follow-up for {contact.name}"):
        contact = contact_by_id(rb, contact_id)
        if what == "date":
            assert isinstance(value, date)
            changed = replace(contact, follow_up=value, follow_up_set=today)
        elif what == "every":
            assert isinstance(value, int)
            changed = replace(contact, cadence=value)
        else:
            changed = replace(contact, cadence=None, follow_up=None, follow_up_set=None)
        repo.save_contact(rb.store, changed)
    return changed


def reconcile_contacts(rb: Rebound, days: Collection[date] | None = None) -> list[Win]:
    """Inside a change: keep the networking wins equal to what the interactions earn. ``days``
    (what a sync merged): only the weeks holding them, read from their years' files; a week's
    wins depend on its interactions and the contacts' names alone (``core.contact_wins``)."""
    clock, store = rb.clock, rb.store
    if days is None:
        expected = contact_wins(repo.contacts(store), repo.interactions(store),
                                clock.today(), clock.week_start)
        return sync_wins(rb, expected, wins_repo.wins_of(store, CONTACT_KINDS))
    weeks = {week_start_of(day, clock.week_start) for day in days}
    if not weeks:
        return []
    years = {w.year for w in weeks} | {(w + timedelta(days=6)).year for w in weeks}
    names = [name for name, year in repo.interaction_files(store).items()
             if year is None or year in years]

    def in_scope(day: date) -> bool:
        return week_start_of(day, clock.week_start) in weeks

    on_days = {(week + timedelta(days=n)).isoformat() for week in weeks for n in range(7)}
    expected = contact_wins(repo.contacts(store), repo.interactions(store, names, on_days),
                            clock.today(), clock.week_start)
    stored = wins_repo.wins_of(store, CONTACT_KINDS, since=min(weeks))
    return sync_wins(rb, [w for w in expected if in_scope(w.day)],
                     [w for w in stored if in_scope(w.day)])


# Reading ---------------------------------------------------------------------------------------
def contact_by_id(rb: Rebound, contact_id: str) -> Contact:
    found = repo.contact_by_id(rb.store, contact_id)
    if found is None:
        raise InputError("that contact no longer exists")
    return found


def interaction_by_id(rb: Rebound, interaction_id: str) -> Interaction:
    for item in repo.interactions(rb.store):
        if item.id == interaction_id:
            return item
    raise InputError("that interaction no longer exists")


def find_contact(rb: Rebound, query: str) -> Contact:
    return match_by_name(query, repo.contacts(rb.store), what="contact")


def names(rb: Rebound) -> list[str]:
    return [c.name for c in repo.contacts(rb.store)]


def close_names(rb: Rebound, name: str, n: int = 3) -> list[str]:
    """Contacts whose names are close to ``name`` (a typo: "Marko" for "Marco"), closest first."""
    names = {c.name.casefold(): c.name for c in repo.contacts(rb.store)}
    return [names[m] for m in difflib.get_close_matches(name.strip().casefold(), list(names), n=n)]


def named_or_new(rb: Rebound, name: str, confirmed_new: str = "") -> Contact | None:
    """The contact ``name`` names, or None when a new one is to be made. A name close to existing
    ones is refused with them (no silent duplicate), unless it is ``confirmed_new``."""
    try:
        return find_contact(rb, name)
    except InputError as exc:
        if "no contact matches" not in str(exc):
            raise InputError(str(exc), "contact") from None
    close = close_names(rb, name)
    if close and name.strip().casefold() != confirmed_new.strip().casefold():
        raise InputError(f"no contact named {name.strip()} — did you mean {' or '.join(close)}? "
                         "(enter again to create a new contact)", "contact")
    return None


def sort_key(view: ContactView) -> tuple[object, ...]:
    """Overdue first (most overdue first), then due, then the soonest; no follow-up last."""
    far = date.max
    return (view.urgency.value, view.next or far, view.contact.name.casefold())


def contact_views(rb: Rebound, today: date | None = None,
                  latest: dict[str, Interaction] | None = None) -> list[ContactView]:
    """``latest``: each contact's latest interaction, when the caller has it already."""
    today = today or rb.today()
    latest = repo.latest_interactions(rb.store) if latest is None else latest
    views = []
    for contact in repo.contacts(rb.store):
        last = latest.get(contact.id)
        nxt = next_follow_up(contact, last.day if last else None)
        views.append(ContactView(contact, last, nxt, urgency(nxt, today)))
    return sorted(views, key=sort_key)


def followups_due(rb: Rebound, today: date | None = None,
                  latest: dict[str, Interaction] | None = None) -> list[ContactView]:
    """Due today or overdue, most overdue first."""
    return due(contact_views(rb, today, latest))


def due(views: list[ContactView]) -> list[ContactView]:
    """The views due today or overdue, in their order."""
    return [v for v in views if v.urgency in (Urgency.OVERDUE, Urgency.DUE)]


def interaction_count(rb: Rebound, contact_id: str) -> int:
    return sum(1 for i in repo.interactions(rb.store) if i.contact_id == contact_id)


def history(rb: Rebound, contact_id: str) -> list[Interaction]:
    return repo.interactions_of(rb.store, contact_id)
