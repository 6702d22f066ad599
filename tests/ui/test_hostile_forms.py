"""Hostile input typed into every form field through Pilot (hypothesis, derandomized).

One app per form (frozen clock, 110x34) takes every example in turn; ``form_fuzz.submit`` judges
each submission: a refusal under a field with the folder byte-identical and the form still holding
what was typed, or a save; here each save is read back and must equal the trimmed input. Short
printable strings are typed key by key; control characters (which Textual's Input drops when
typed) and long strings are put in with ``input.value = s`` (see ``form_fuzz``).
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.app import ReboundApp
from tui.core.clock import parse_weekdays
from tui.core.contacts import clean_tags, parse_follow_up
from tui.core.mood import parse_tags
from tui.screens.contact_forms import ContactForm, FollowUpForm, LogForm
from tui.screens.goal_form import GoalForm
from tui.screens.mood_form import MoodForm
from tui.screens.rejection_form import RejectionForm
from tui.screens.settings_form import SettingsForm
from tui.screens.win_form import WinForm
from tui.services import Rebound
from tui.services import contacts as contact_service
from tui.services import goals as goal_service
from tui.services import settings as settings_service
from tui.services.days import parse_day
from tui.store import contacts as contacts_repo
from tui.store import mood as mood_repo
from tui.store import repo
from tui.store import wins as wins_repo

from form_fuzz import FIGURES, fill, submit
from hostile_strings import counts, days, texts

FROZEN = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
TODAY = date(2026, 11, 26)
SIZE = (110, 34)
EXAMPLES = 25
FORMS = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large],
)
words = st.sampled_from  # a few sensible values beside the hostile ones


@pytest.fixture
async def pilot(tmp_path):  # type: ignore[no-untyped-def]
    """One running app for all the examples of a test: a goal "Apply" and a contact "Friend"."""
    rb = Rebound.open(tmp_path / "data", now=lambda: FROZEN)
    goal_service.add_goal(rb, "Apply", target=3)
    contact_service.add_contact(rb, contact_service.ContactFields(name="Friend"))
    app = ReboundApp(rb, poll_seconds=3600)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        yield pilot


def folder(pilot) -> object:  # type: ignore[no-untyped-def]
    return pilot.app.rb.store.folder


def store(pilot):  # type: ignore[no-untyped-def]
    return pilot.app.rb.store


async def open_form(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*keys)


def added(before: list, after: list) -> object:  # type: ignore[type-arg]
    """The one record in ``after`` whose id ``before`` lacks."""
    ids = {item.id for item in before}
    [new] = [item for item in after if item.id not in ids]
    return new


@FORMS
@given(name=texts, target=counts, period=words(["day", "week", " Week ", "month", ""]) | texts,
       weekdays=words(["", "mon,wed", "sat, sun", "funday", "mon,,tue"]) | texts)
async def test_goal_form(pilot, name: str, target: str, period: str, weekdays: str) -> None:
    await open_form(pilot, "1", "a")
    before = repo.goals(store(pilot))
    shown = await fill(pilot, {"name": name, "target": target, "period": period, "weekdays": weekdays})
    if await submit(pilot, GoalForm, folder(pilot), shown):
        goal = added(before, repo.goals(store(pilot)))
        assert (goal.name, goal.target) == (shown["name"].strip(), int(shown["target"].strip()))
        assert goal.period == shown["period"].strip().lower()
        if goal.period == "day" and shown["weekdays"].strip():
            assert goal.weekdays == parse_weekdays(shown["weekdays"].strip())


@FORMS
@given(title=texts)
async def test_win_form(pilot, title: str) -> None:
    await open_form(pilot, "w")
    before = wins_repo.wins(store(pilot))
    shown = await fill(pilot, {"title": title})
    if await submit(pilot, WinForm, folder(pilot), shown):
        win = added(before, wins_repo.wins(store(pilot)))
        assert (win.title, win.day, win.manual) == (shown["title"].strip(), TODAY, True)


@FORMS
@given(score=words([None, 1, 2, 3, 4, 5]), tags=words(["interview, 🎉", "#Offer rest", "a,,b"]) | texts,
       note=texts)
async def test_mood_form(pilot, score: int | None, tags: str, note: str) -> None:
    await open_form(pilot, "m")
    if score is not None:
        await pilot.press(str(score))
    before = mood_repo.entries(store(pilot))
    shown = await fill(pilot, {"tags": tags, "note": note})
    if await submit(pilot, MoodForm, folder(pilot), shown):
        if isinstance(pilot.app.screen, RejectionForm):  # tagged rejection: the reflection follows
            await pilot.press("escape")  # cancelled: back on the mood form, nothing saved
            assert isinstance(pilot.app.screen, MoodForm) and mood_repo.entries(store(pilot)) == before
            await pilot.press("escape")
            return
        entry = added(before, mood_repo.entries(store(pilot)))
        assert (entry.score, entry.day, entry.note) == (score, TODAY, shown["note"].strip())
        assert entry.tags == parse_tags(shown["tags"])


@FORMS
@given(company=texts, role=texts, stage=words(["interview", "final round", ""]) | texts,
       lesson=texts, score=counts | words(["2", "5", "0", "6"]),
       contact=words(["", "Friend", "friend", "Ada Lovelace"]) | texts,
       follow_up=words(["in 1 week", "today", "none", "every 14 days", "2025-01-01"]) | days)
async def test_rejection_form(pilot, company: str, role: str, stage: str, lesson: str, score: str,
                              contact: str, follow_up: str) -> None:
    await open_form(pilot, "x")
    before = mood_repo.rejections(store(pilot))
    entries = mood_repo.entries(store(pilot))
    shown = await fill(pilot, {"company": company, "role": role, "stage": stage, "lesson": lesson,
                               "score": score, "contact": contact, "follow_up": follow_up})
    if await submit(pilot, RejectionForm, folder(pilot), shown):
        rejection = added(before, mood_repo.rejections(store(pilot)))
        assert (rejection.company, rejection.role, rejection.stage, rejection.lesson) == tuple(
            shown[k].strip() for k in ("company", "role", "stage", "lesson"))
        entry = added(entries, mood_repo.entries(store(pilot)))
        assert (entry.id, entry.score, entry.day) == (rejection.mood_id, int(shown["score"]), TODAY)


@FORMS
@given(hour=counts | words(["4", " 23 ", "24", "-1"]),
       week=words(["Monday", "sunday", "Sun", "Funday", ""]) | texts,
       theme=words(["rebound", "nord", "textual-light", "no-such-theme", ""]) | texts)
async def test_settings_form(pilot, hour: str, week: str, theme: str) -> None:
    await open_form(pilot, "comma")
    shown = await fill(pilot, {"day_start_hour": hour, "week_start": week, "theme": theme})
    if await submit(pilot, SettingsForm, folder(pilot), shown):
        saved = settings_service.current(pilot.app.rb)
        assert saved.day_start_hour == int(shown["day_start_hour"].strip())
        assert saved.week_start == settings_service.parse_week_start(shown["week_start"])
        assert saved.theme == shown["theme"].strip() == pilot.app.theme


@FORMS
@given(name=texts, company=texts, role=texts, met=texts, link=texts, tags=texts,
       cadence=counts | words(["", "14", " 7 "]), notes=texts)
async def test_contact_form(pilot, name: str, company: str, role: str, met: str, link: str, tags: str,
                            cadence: str, notes: str) -> None:
    await open_form(pilot, "3", "a")
    before = contacts_repo.contacts(store(pilot))
    values = {"name": name, "company": company, "role": role, "met": met, "link": link, "tags": tags,
              "cadence": cadence, "notes": notes}
    shown = await fill(pilot, values)
    if await submit(pilot, ContactForm, folder(pilot), shown):
        contact = added(before, contacts_repo.contacts(store(pilot)))
        for key in ("name", "company", "role", "met", "link", "notes"):
            assert getattr(contact, key) == shown[key].strip(), key
        assert contact.tags == clean_tags(shown["tags"])
        assert contact.cadence == (int(shown["cadence"]) if shown["cadence"].strip() else None)


@FORMS
@given(kind=words(["message", "CALL", " coffee ", "sms", "\x1b[2J"]) | texts, note=texts,
       day=words(["today", "yesterday", "2026-11-01", "2026-11-27"]) | days)
async def test_interaction_form(pilot, kind: str, note: str, day: str) -> None:
    await open_form(pilot, "3", "l")
    before = contacts_repo.interactions(store(pilot))
    shown = await fill(pilot, {"kind": kind, "note": note, "day": day})
    if await submit(pilot, LogForm, folder(pilot), shown):
        item = added(before, contacts_repo.interactions(store(pilot)))
        assert (item.kind, item.note) == (shown["kind"].strip().lower(), shown["note"].strip())
        assert item.day == parse_day(shown["day"], TODAY)


@FORMS
@given(when=words(["in 2 weeks", "in 0 days", "every 14 days", "every 0 days", "none", "2026-12-10",
                   "2026-11-25", "tomorrow"]) | days | texts)
async def test_follow_up_form(pilot, when: str) -> None:
    await open_form(pilot, "3", "f")
    contact_id = pilot.app.screen.contact.id
    shown = await fill(pilot, {"when": when})
    if await submit(pilot, FollowUpForm, folder(pilot), shown):
        contact = contacts_repo.contact_by_id(store(pilot), contact_id)
        what, value = parse_follow_up(shown["when"], TODAY)
        if what == "date":
            assert contact.follow_up == value
        elif what == "every":
            assert contact.cadence == value
        else:
            assert (contact.follow_up, contact.cadence) == (None, None)


def test_zz_print_figures() -> None:
    print(f"\nhostile input in forms: {dict(FIGURES)}; failures 0")


async def test_a_pasted_escape_sequence_never_reaches_the_terminal(pilot) -> None:
    """Textual's Input keeps control characters that arrive by paste; ours drops them on entry."""
    from textual import events

    from screen_text import screen_text

    await open_form(pilot, "w")
    pilot.app.screen.focused.post_message(events.Paste("\x1b[2J\x1b]0;pwned\x07landed\tan interview"))
    await pilot.pause()
    assert pilot.app.screen.focused.value == "[2J]0;pwnedlanded an interview"
    assert "\x1b" not in screen_text(pilot.app)
    await pilot.press("enter")
    assert [w.title for w in wins_repo.wins(store(pilot))] == ["[2J]0;pwnedlanded an interview"]


async def test_bidi_controls_are_dropped_from_a_form_field(pilot) -> None:
    """A right-to-left override makes "exe.gpj" show as "jpg.exe": dropped however it arrives,
    as control characters are; right-to-left text itself is kept."""
    from textual import events

    await open_form(pilot, "w")
    field = pilot.app.screen.focused
    field.post_message(events.Paste("\u202eexe.gpj\u2066 שלום\u2069\u200f"))
    await pilot.pause()
    assert field.value == "exe.gpj שלום"
    await pilot.press("enter")
    assert [w.title for w in wins_repo.wins(store(pilot))] == ["exe.gpj שלום"]
