"""Mood use cases: log a mood, reflect on a rejection (mood + reflection + follow-up in one
change), edit a lesson later; and what the Mood screen, Today and `status` read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from ..core.clock import instant
from ..core.contacts import parse_follow_up
from ..core.errors import InputError
from ..core.goals import clean_text
from ..core.ids import match_id
from ..core.mood import (
    BOUNCE_WINDOW,
    MAX_FIELD,
    REJECTION,
    MoodEntry,
    Rejection,
    bounce_backs,
    check_score,
    clean_company,
    clean_lesson,
    clean_note,
    daily_means,
    newest_first,
    parse_tags,
    reflection_win,
)
from ..core.wins import Win
from ..store import mood as mood_repo
from ..store.repo import new_id
from . import contacts as contact_service
from .context import Rebound
from .days import parse_day
from ..store import wins as wins_repo
from .application_wins import reconcile_applications
from .wins import sync_wins

DEFAULT_FOLLOW_UP = "in 1 week"


def _day(rb: Rebound, day: date | str | None) -> date:
    if isinstance(day, date):
        today = rb.today()
        if day > today:
            raise InputError(f"{day.isoformat()} is in the future; today is {today.isoformat()}")
        return day
    return parse_day(day, rb.today())


def _new_entry(rb: Rebound, score: object, tags: str | Iterable[str], note: str, day: date) -> MoodEntry:
    return MoodEntry(new_id(), day, check_score(score), parse_tags(tags), clean_note(note),
                     rb.clock.timestamp())


def log_mood(
    rb: Rebound, score: object, *, tags: str | Iterable[str] = "", note: str = "",
    day: date | str | None = None,
) -> MoodEntry:
    """One more mood entry on ``day`` (several a day are fine; the day's mood is their mean)."""
    entry = _new_entry(rb, score, tags, note, _day(rb, day))
    with rb.change(f"mood {entry.score} on {entry.day.isoformat()}"):
        mood_repo.insert_entry(rb.store, entry)
        sync_bounce_backs(rb, entry.day)
    return entry


def log_rejection(
    rb: Rebound, company: str, *, role: str = "", stage: str = "", lesson: str = "",
    score: object = 2, tags: str | Iterable[str] = "", note: str = "", contact: str = "",
    follow_up: str = DEFAULT_FOLLOW_UP, day: date | str | None = None, new_contact: str = "",
    application_id: str | None = None,
) -> Rejection:
    """The mood entry (tagged ``rejection``), the reflection and, when ``contact`` is named, a
    follow-up on that contact (found or created): one all-or-nothing, undoable change. A name
    close to existing contacts is refused with them unless it is ``new_contact`` (confirmed)."""
    day = _day(rb, day)
    parsed = parse_tags(tags)
    entry = _new_entry(rb, score, (REJECTION, *parsed) if REJECTION not in parsed else parsed, note, day)
    fields = {
        "company": clean_company(company),
        "role": clean_text(role, what="role", limit=MAX_FIELD, field="role"),
        "stage": clean_text(stage, what="stage", limit=MAX_FIELD, field="stage"),
        "lesson": clean_lesson(lesson),
    }
    contact = clean_text(contact, what="contact name", limit=MAX_FIELD, field="contact")
    if contact:
        try:
            plan, _ = parse_follow_up(follow_up or DEFAULT_FOLLOW_UP, rb.today())
        except InputError as exc:
            raise InputError(str(exc), "follow_up") from None
        if plan != "date":
            raise InputError("pick a day to follow up: “in 1 week” or YYYY-MM-DD", "follow_up")
        contact_service.named_or_new(rb, contact, new_contact)  # refuses before anything is written
    with rb.change(f"rejection from {fields['company']}"):
        mood_repo.insert_entry(rb.store, entry)
        rejection = Rejection(new_id(), day, mood_id=entry.id, at=entry.at,
                              application_id=application_id, **fields)
        if contact:
            rejection = _ask_for_feedback(rb, rejection, contact, follow_up or DEFAULT_FOLLOW_UP)
        mood_repo.put_rejection(rb.store, rejection)
        sync_bounce_backs(rb, day)
        _sync_reflection(rb, rejection)
        reconcile_applications(rb)  # a rejection's day can earn a "back at it"
    return rejection


def _ask_for_feedback(rb: Rebound, rejection: Rejection, name: str, when: str) -> Rejection:
    """Inside the change: find or create the contact and set the follow-up on it."""
    person = contact_service.named_or_new(rb, name, confirmed_new=name)
    if person is None:
        person = contact_service.add_contact(rb, contact_service.ContactFields(name, company=rejection.company))
    person = contact_service.set_follow_up(rb, person.id, when)
    return replace(rejection, contact=person.name, contact_id=person.id, follow_up=person.follow_up)


def edit_lesson(rb: Rebound, rejection_id: str, lesson: str) -> Rejection:
    lesson = clean_lesson(lesson)
    with rb.change("edit a lesson"):
        rejection = rejection_by_id(rb, rejection_id)
        changed = replace(rejection, lesson=lesson)
        mood_repo.put_rejection(rb.store, changed)
        _sync_reflection(rb, changed)
    return changed


def edit_mood(
    rb: Rebound, entry_id: str, *, score: object = None, tags: str | Iterable[str] | None = None,
    note: str | None = None, day: date | str | None = None,
) -> MoodEntry:
    """Change an entry's score, tags, note or day (None: keep it); the bounce-backs it earned or
    cost follow it, on the old day and the new."""
    entry = entry_by_id(rb, entry_id)
    changed = replace(
        entry,
        score=entry.score if score is None else check_score(score),
        tags=entry.tags if tags is None else parse_tags(tags),
        note=entry.note if note is None else clean_note(note),
        day=entry.day if day is None else _day(rb, day),
    )
    with rb.change(f"edit mood {changed.score} on {changed.day.isoformat()}"):
        entry = entry_by_id(rb, entry_id)
        if mood_repo.mood_file(entry.day) != mood_repo.mood_file(changed.day):
            mood_repo.delete_entry(rb.store, entry)  # another year's file
        mood_repo.insert_entry(rb.store, changed)
        sync_bounce_backs(rb, entry.day)
        sync_bounce_backs(rb, changed.day)
    return changed


def delete_mood(rb: Rebound, entry: MoodEntry) -> None:
    """Delete the entry and the bounce-back it earned (a reflection it came with stays)."""
    with rb.change(f"delete mood {entry.score} on {entry.day.isoformat()}"):
        entry = entry_by_id(rb, entry.id)
        mood_repo.delete_entry(rb.store, entry)
        sync_bounce_backs(rb, entry.day)


def delete_rejection(rb: Rebound, rejection_id: str) -> Rejection:
    """Delete a reflection and the win its lesson earned, and a "back at it" it made possible.
    Its mood entry stays (it is deleted on its own), and so do an application it closed and a
    follow-up it set on a contact: those are ordinary records now."""
    rejection = rejection_by_id(rb, rejection_id)
    with rb.change(f"delete the reflection on {rejection.company}"):
        rejection = rejection_by_id(rb, rejection_id)
        mood_repo.delete_rejection(rb.store, rejection)
        sync_wins(rb, [], wins_repo.wins_of(rb.store, {"reflected"}, {rejection.id}))
        reconcile_applications(rb)
    return rejection


# Wins: scoped to what a change can touch, so a log never re-awards the whole history -----------
def sync_bounce_backs(rb: Rebound, day: date) -> list[Win]:
    """A mood on ``day`` can earn or cost a bounce-back on ``day`` up to 3 days later; the spell
    it belongs to may start earlier, so the entries looked at start a window before."""
    last = day + timedelta(days=BOUNCE_WINDOW)
    near = [e for e in mood_repo.entries(rb.store, since=day - timedelta(days=30))
            if day - timedelta(days=30) <= e.day <= last]
    expected = [w for w in bounce_backs(near) if day <= w.day <= last]
    stored = wins_repo.wins_of(rb.store, {"bounce_back"}, since=day)
    return sync_wins(rb, expected, [w for w in stored if w.day <= last])


def _sync_reflection(rb: Rebound, rejection: Rejection) -> list[Win]:
    earned = reflection_win(rejection)
    stored = wins_repo.wins_of(rb.store, {"reflected"}, {rejection.id})
    return sync_wins(rb, [earned] if earned else [], stored)


# Reading ------------------------------------------------------------------------------------
def entries(rb: Rebound, since: date | None = None) -> list[MoodEntry]:
    """Every entry (in the files of ``since``'s year and later), newest first."""
    return newest_first(mood_repo.entries(rb.store, since=since))


def means(rb: Rebound, since: date | None = None) -> dict[date, float]:
    return daily_means(mood_repo.entries(rb.store, since=since))


def day_mood(rb: Rebound, day: date) -> tuple[float, int] | None:
    """(the day's mean, how many entries), or None when no mood was logged."""
    found = mood_repo.entries_on(rb.store, day)
    return (sum(e.score for e in found) / len(found), len(found)) if found else None


def mood_logged(rb: Rebound, day: date) -> bool:
    return bool(mood_repo.entries_on(rb.store, day))


def rejections(rb: Rebound) -> list[Rejection]:
    """Every reflection, newest first."""
    return sorted(mood_repo.rejections(rb.store), key=lambda r: (r.day, instant(r.at)), reverse=True)


def entry_by_id(rb: Rebound, entry_id: str) -> MoodEntry:
    for entry in mood_repo.entries(rb.store):
        if entry.id == entry_id:
            return entry
    raise InputError("that mood entry no longer exists")


def find_entry(rb: Rebound, query: str) -> MoodEntry:
    """The entry whose id is ``query`` or starts with it (as `mood list` shows it)."""
    return match_id(query, mood_repo.entries(rb.store), "mood entry")


def rejection_by_id(rb: Rebound, rejection_id: str) -> Rejection:
    for rejection in mood_repo.rejections(rb.store):
        if rejection.id == rejection_id:
            return rejection
    raise InputError("that reflection no longer exists")


def recent_rejection(rb: Rebound, day: date, within: int = 2) -> Rejection | None:
    """The newest rejection logged in the ``within`` days up to ``day``, for Today's words."""
    recent = [r for r in rejections(rb) if day - timedelta(days=within) <= r.day <= day]
    return recent[0] if recent else None


def feedback_ask(rb: Rebound, day: date) -> Rejection | None:
    """The soonest feedback request still ahead, while its contact's follow-up still stands
    (logging the interaction clears it). Due ones show with the other follow-ups on Today."""
    waiting = []
    for rejection in mood_repo.rejections(rb.store):
        if rejection.contact_id and rejection.follow_up and rejection.follow_up > day:
            try:
                person = contact_service.contact_by_id(rb, rejection.contact_id)
            except InputError:
                continue
            if person.follow_up == rejection.follow_up:
                waiting.append(rejection)
    return min(waiting, key=lambda r: r.follow_up or day, default=None)
