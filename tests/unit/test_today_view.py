"""What Today shows below the goals (``services.today_view``): a start with nothing changed reads
it from ``.summaries.json`` (no contact, interaction, application, mood, rejection or win file
parsed), and after any change, in any process, on any day, it equals what every file says. So
does the `status --json` object, kept the same way (``services.status``)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TypeVar

import orjson
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

from tui.services import Rebound
from tui.services import applications as apps
from tui.services import checkins as checkin_service
from tui.services import contacts as cs
from tui.services import goals as goal_service
from tui.services import mood as mood_service
from tui.services import settings as settings_service
from tui.services import wins as win_service
from tui.services.cache_file import CACHE, STATUS, TODAY_VIEW
from tui.services.status import status
from tui.services.today_view import SHOWN, TodayView, _compute, today_view

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
T = TypeVar("T")
TODAY = NOW.date()
DATA_FILES = ("contacts.json", "interactions-2025.json", "interactions-2026.json",
              "applications-2025.json", "applications-2026.json", "mood-2026.json",
              "rejections.json", "wins-2026.json")


def fresh(folder: Path, now: datetime = NOW) -> Rebound:
    return Rebound.open(folder, now=lambda: now)


def without_cache(folder: Path, day: date, read: Callable[[Rebound, date], T]) -> T:
    """``read`` from every file on ``day``, ``.summaries.json`` set aside (then put back)."""
    path = folder / CACHE
    kept = path.read_bytes() if path.is_file() else None
    path.unlink(missing_ok=True)
    try:
        return read(fresh(folder, datetime.combine(day, NOW.timetz())), day)
    finally:
        path.unlink(missing_ok=True)
        if kept is not None:
            path.write_bytes(kept)


def computed(folder: Path, day: date = TODAY) -> TodayView:
    """The view from every file."""
    return without_cache(folder, day, _compute)


def computed_status(folder: Path, day: date = TODAY) -> dict[str, object]:
    """`status --json`'s object from every file."""
    return without_cache(folder, day, status)


def build(folder: Path) -> None:
    """Eight contacts (most of them due), two years of interactions, applications open, quiet
    and closed, some with a contact."""
    rb = fresh(folder)
    people = []
    for n in range(8):
        person = cs.add_contact(rb, cs.ContactFields(f"Person {n}", company=f"Co {n % 3}", cadence=7 + n))
        cs.log_interaction(rb, person.id, kind="call", note=f"note {n}", day=TODAY - timedelta(days=20 + 40 * n))
        people.append(person)
    for n, (company, role) in enumerate([("Northwind", "Analyst"), ("Contoso", "Engineer"),
                                         ("Fabrikam", "Designer"), ("Litware", "Lead"),
                                         ("Tailspin", "Tester"), ("Adatum", "Writer"),
                                         ("Proseware", "Clerk")]):
        contacts = (people[n].name,) if n % 2 else ()
        apps.add_application(rb, apps.AppFields(company, role, "job board", contacts=contacts),
                             TODAY - timedelta(days=15 + 60 * n))
    found = apps.applications(rb)
    apps.close_application(rb, found[-1].id, "rejected", TODAY - timedelta(days=3))
    mood_service.log_mood(rb, 4, day=TODAY)
    mood_service.log_mood(rb, 2, day=TODAY)
    mood_service.log_rejection(rb, "Initech", lesson="ask about the team", contact="Person 2",
                               follow_up="in 1 week", day=TODAY - timedelta(days=1))
    win_service.add_win(rb, "sent the portfolio")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lists") / "data"
    build(folder)
    return folder


def test_a_start_with_nothing_changed_reads_the_lists_from_the_cache(template: Path, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(template, folder)
    first = today_view(fresh(folder), TODAY)  # computed, and left for the next start
    assert first.due > SHOWN and len(first.followups) == SHOWN  # a handful named, the rest counted
    assert first.quiet_count >= 3
    assert first.mood == (3.0, 2)  # 4 and 2 today (the rejection logged its entry yesterday)
    assert first.rejection is not None and first.rejection.lesson == "ask about the team"
    assert first.ask is not None and first.ask.contact == "Person 2"
    assert "sent the portfolio" in [w.title for w in first.wins]
    assert first == computed(folder)
    again = fresh(folder)
    assert today_view(again, TODAY) == first
    assert [n for n in DATA_FILES if again.store.file(n).loaded] == []  # nothing parsed


def test_status_with_nothing_changed_reads_its_object_from_the_cache(template: Path,
                                                                     tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(template, folder)
    first = status(fresh(folder), TODAY)  # computed, and left for the next run
    assert len(first["followups_due"]) > SHOWN and first["wins_today"] and first["mood_logged"]
    assert first == computed_status(folder)
    again = fresh(folder)
    assert status(again, TODAY) == first
    assert [n for n in DATA_FILES if again.store.file(n).loaded] == []  # nothing parsed
    path = folder / CACHE
    found = orjson.loads(path.read_bytes())
    entry = orjson.loads(found["entries"][STATUS])
    printed = entry["status"]
    due, win, goal = printed["followups_due"][0], printed["wins_today"][0], {"name": "x"}
    for spoilt in ({**printed, "followups_due": [{**due, "overdue": "yes"}]},
                   {**printed, "followups_due": [{"name": due["name"]}]},
                   {**printed, "wins_today": [{**win, "title": 3}]}, {**printed, "goals": [goal]},
                   {**printed, "mood_logged": None}, {**printed, "applications": []},
                   {k: v for k, v in printed.items() if k != "date"}, "all well"):
        found["entries"][STATUS] = orjson.dumps({**entry, "status": spoilt}).decode()
        path.write_bytes(orjson.dumps(found))
        assert status(fresh(folder), TODAY) == first
    found["entries"][STATUS] = orjson.dumps({**entry, "of": "another state"}).decode()
    path.write_bytes(orjson.dumps(found))
    assert status(fresh(folder), TODAY) == first


def test_a_change_in_another_process_is_a_miss(template: Path, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(template, folder)
    app = fresh(folder)
    before = today_view(app, TODAY)
    first = before.followups[0]
    cs.log_interaction(fresh(folder), first.contact.id, kind="call")  # another process clears it
    after = today_view(app, TODAY)
    assert first.contact.id not in [v.contact.id for v in after.followups]
    assert after.due == before.due - 1
    assert after == computed(folder) == today_view(fresh(folder), TODAY)


def test_a_spoilt_or_foreign_entry_is_computed_afresh(template: Path, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(template, folder)
    truth = today_view(fresh(folder), TODAY)
    path = folder / CACHE
    found = orjson.loads(path.read_bytes())
    entry = orjson.loads(found["entries"][TODAY_VIEW])
    for spoilt in ({**entry, "followups": [["not", "a", "view", "DUE"]]}, {**entry, "due": "many"},
                   {**entry, "quiet": [[{"id": "x"}, 3]]}, {**entry, "mood": [4]},
                   {**entry, "wins": [{"title": "no id"}]}, {**entry, "rejection": {"day": "x"}},
                   {**entry, "of": "another state"}, "text"):
        found["entries"][TODAY_VIEW] = orjson.dumps(spoilt).decode()
        path.write_bytes(orjson.dumps(found))
        assert today_view(fresh(folder), TODAY) == truth


def test_not_read_or_left_inside_a_change(template: Path, tmp_path: Path) -> None:
    """Inside a transaction memory holds what the files do not yet: no entry for their identity."""
    folder = tmp_path / "data"
    shutil.copytree(template, folder)
    (folder / CACHE).unlink(missing_ok=True)
    rb = fresh(folder)
    person = cs.find_contact(rb, "Person 0")
    with rb.change("a log and a look"):
        cs.log_interaction(rb, person.id, kind="call")
        inside = today_view(rb, TODAY)
        assert person.id not in [v.contact.id for v in inside.followups]
        assert TODAY_VIEW not in rb.summary_cache().entries
    assert today_view(fresh(folder), TODAY) == inside == computed(folder)


class CachedEqualsComputed(RuleBasedStateMachine):
    """Any change to what Today shows (an interaction logged or deleted, a follow-up set, a
    contact added or deleted, an application added, moved or closed, the quiet threshold, a mood
    or a rejection logged, a lesson edited, a win added or deleted), or another day: what a fresh
    start shows equals what every file says."""

    template: Path

    @initialize()
    def copy_folder(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="rebound-lists-")) / "data"
        shutil.copytree(self.template, self.folder)
        self.day = TODAY
        today_view(self.rb(), TODAY)  # the entry for the copy's files

    def teardown(self) -> None:
        shutil.rmtree(self.folder.parent, ignore_errors=True)

    def rb(self) -> Rebound:
        return fresh(self.folder, datetime.combine(self.day, NOW.timetz()))

    def person(self, rb: Rebound, pick: int):  # type: ignore[no-untyped-def]
        every = sorted(cs.repo.contacts(rb.store), key=lambda c: c.name)
        return every[pick % len(every)] if every else None

    @rule(pick=st.integers(0, 9), back=st.integers(0, 400))
    def log(self, pick: int, back: int) -> None:
        rb = self.rb()
        if (person := self.person(rb, pick)) is not None:
            cs.log_interaction(rb, person.id, kind="coffee", day=self.day - timedelta(days=back))

    @rule(pick=st.integers(0, 50))
    def delete_interaction(self, pick: int) -> None:
        rb = self.rb()
        every = sorted(cs.repo.interactions(rb.store), key=lambda i: (i.day, i.id))
        if every:
            cs.delete_interaction(rb, every[pick % len(every)].id)

    @rule(pick=st.integers(0, 9), text=st.sampled_from(["in 3 days", "none", "every 5 days", "in 2 weeks"]))
    def follow_up(self, pick: int, text: str) -> None:
        rb = self.rb()
        if (person := self.person(rb, pick)) is not None:
            cs.set_follow_up(rb, person.id, text)

    @rule(n=st.integers(0, 99), cadence=st.sampled_from([None, 1, 30]))
    def add_contact(self, n: int, cadence: int | None) -> None:
        rb = self.rb()
        try:
            cs.add_contact(rb, cs.ContactFields(f"Added {n}", cadence=cadence))
        except cs.InputError:
            pass  # the name is taken: nothing changed

    @rule(pick=st.integers(0, 9))
    def delete_contact(self, pick: int) -> None:
        rb = self.rb()
        if (person := self.person(rb, pick)) is not None:
            cs.delete_contact(rb, person.id)

    @rule(back=st.integers(0, 500), n=st.integers(0, 99))
    def add_application(self, back: int, n: int) -> None:
        try:
            apps.add_application(self.rb(), apps.AppFields(f"Firm {n}", "Role", "referral"),
                                 self.day - timedelta(days=back))
        except apps.InputError:
            pass  # open already: nothing changed

    @rule(pick=st.integers(0, 20), stage=st.sampled_from(["interview", "ghosted", "offer"]))
    def move(self, pick: int, stage: str) -> None:
        rb = self.rb()
        every = sorted(apps.applications(rb), key=lambda a: a.id)
        if not every:
            return
        chosen = every[pick % len(every)]
        try:
            if stage == "interview":
                apps.move_application(rb, chosen.id, stage)
            else:
                apps.close_application(rb, chosen.id, stage)
        except apps.InputError:
            pass  # closed already, or not a move from its stage: nothing changed

    @rule(days=st.integers(1, 90))
    def ghost_days(self, days: int) -> None:
        rb = self.rb()
        current = settings_service.pipeline(rb)
        settings_service.save_pipeline(rb, replace(current, ghost_days=days))

    @rule(score=st.integers(1, 5), back=st.integers(0, 3))
    def mood(self, score: int, back: int) -> None:
        mood_service.log_mood(self.rb(), score, day=self.day - timedelta(days=back))

    @rule(back=st.integers(0, 3), lesson=st.sampled_from(["", "shorter answers"]),
          contact=st.sampled_from(["", "Person 1", "Someone New"]))
    def rejection(self, back: int, lesson: str, contact: str) -> None:
        try:
            mood_service.log_rejection(self.rb(), "Globex", lesson=lesson, contact=contact,
                                       new_contact=contact, day=self.day - timedelta(days=back))
        except mood_service.InputError:
            pass  # a name close to a contact's: nothing changed

    @rule(pick=st.integers(0, 9), lesson=st.sampled_from(["", "prepare a story"]))
    def edit_lesson(self, pick: int, lesson: str) -> None:
        rb = self.rb()
        every = sorted(mood_service.rejections(rb), key=lambda r: r.id)
        if every:
            mood_service.edit_lesson(rb, every[pick % len(every)].id, lesson)

    @rule(n=st.integers(0, 9), delete=st.booleans())
    def win(self, n: int, delete: bool) -> None:
        rb = self.rb()
        own = [w for w in win_service.wins_on(rb, self.day) if w.manual]
        if delete and own:
            win_service.delete_win(rb, own[n % len(own)].id)
        else:
            win_service.add_win(rb, f"small win {n}")

    @rule(pick=st.integers(0, 3), back=st.integers(0, 9))
    def tick(self, pick: int, back: int) -> None:
        """A goal's day ticked (the first time, the goal added): `status` lists the goals."""
        rb = self.rb()
        every = goal_service.repo.goals(rb.store)
        if len(every) <= pick:
            goal_service.add_goal(rb, f"Goal {len(every)}", target=1 + pick % 2)
        else:
            checkin_service.toggle_tick(rb, every[pick].id, self.day - timedelta(days=back))

    @rule(ahead=st.integers(1, 40))
    def another_day(self, ahead: int) -> None:
        self.day += timedelta(days=ahead)

    @invariant()
    def a_fresh_start_shows_the_computed_lists(self) -> None:
        if not hasattr(self, "folder"):
            return
        shown = today_view(self.rb(), self.day)
        assert shown == computed(self.folder, self.day)
        assert today_view(self.rb(), self.day) == shown  # and from the entry it left
        printed = status(self.rb(), self.day)  # `rebound status` keeps its object likewise
        assert printed == computed_status(self.folder, self.day)
        assert status(self.rb(), self.day) == printed


def test_any_change_then_a_fresh_start_shows_the_computed_lists(template: Path) -> None:
    CachedEqualsComputed.template = template
    run_state_machine_as_test(CachedEqualsComputed, settings=settings(
        max_examples=20, stateful_step_count=6, derandomize=True, deadline=None,
        suppress_health_check=list(HealthCheck), database=None))
