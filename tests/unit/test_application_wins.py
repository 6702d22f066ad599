"""The job-search wins (issue 18): each rule on hand-made data, and the service keeping the stored
wins equal to a full derivation through any adds, moves, closes, edits, deletes and undos."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.application_wins import APPLICATION_KINDS, application_wins
from tui.core.applications import Application
from tui.core.errors import InputError
from tui.core.mood import Rejection
from tui.services import Rebound
from tui.services import applications as apps
from tui.services import mood
from tui.services.export_files import csv_tables
from tui.services.undo import undo
from tui.services.wins import all_wins
from tui.store import applications as app_repo
from tui.store import mood as mood_repo

NOW = datetime(2026, 12, 4, 9, 30, tzinfo=timezone.utc)
TODAY = date(2026, 12, 4)


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def app(ident: str, applied: int, *moves: tuple[str, int], company: str = "Northwind",
        role: str = "Data analyst", created: str = "") -> Application:
    history = (("applied", ago(applied)), *((s, ago(d)) for s, d in moves))
    return Application(ident, company, role, ago(applied), history, created=created)


def titles(earned) -> list[tuple[str, date, str]]:
    return [(w.rule, w.day, w.title) for w in earned]


# Rules on hand-made data ------------------------------------------------------------------------
def test_first_application_is_the_earliest_sent_and_only_one() -> None:
    earned = application_wins([app("b", 5, company="Contoso"), app("a", 9), app("c", 9, company="Zed",
                                                                               created="2026-11-25T10")], [])
    assert titles(earned) == [("first_application", ago(9), "First application sent: Northwind · Data analyst")]
    assert application_wins([], []) == []


def test_interview_and_offer_once_per_application_on_the_first_day_reached() -> None:
    moved_back = app("a", 30, ("screen", 25), ("interview", 20), ("screen", 18), ("interview", 15),
                     ("offer", 10), ("accepted", 5))
    straight_to_final = app("b", 30, ("final", 12), ("rejected", 3), company="Contoso")
    earned = [w for w in application_wins([moved_back, straight_to_final], []) if w.rule != "first_application"]
    assert titles(earned) == [
        ("interview", ago(20), "Interview: Northwind · Data analyst"),
        ("interview", ago(12), "Interview: Contoso · Data analyst"),
        ("offer", ago(10), "Offer: Northwind · Data analyst"),
    ]
    assert not [w for w in application_wins([app("c", 9, ("screen", 3))], []) if w.rule != "first_application"]


def test_back_at_it_within_3_days_after_a_rejection_move_or_reflection() -> None:
    closed = app("a", 40, ("rejected", 20))  # rejected 20 days ago
    soon = app("b", 17, company="Soon")  # 3 days later: back at it
    too_late = app("c", 10, company="Late")  # 4 days after the reflection below
    reflection = Rejection("r", ago(14), "Elsewhere")
    earned = [w for w in application_wins([closed, soon, too_late], [reflection]) if w.rule == "back_at_it"]
    assert titles(earned) == [("back_at_it", ago(17), "Back at it: Soon · Data analyst")]
    # one per rejection: the first application sent after it, the same day counting
    same_day = [app("a", 40, ("rejected", 20)), app("d", 20, company="Same", created="1"),
                app("e", 20, company="Other", created="2")]
    assert [w.title for w in application_wins(same_day, []) if w.rule == "back_at_it"] == [
        "Back at it: Same · Data analyst"]
    # an application rejected the day it was sent is not back at it after itself
    assert not [w for w in application_wins([app("f", 3, ("rejected", 3))], []) if w.rule == "back_at_it"]
    # a reflection linked to an application, and nothing sent before the rejection counts
    linked = Rejection("r", ago(20), "Northwind", application_id="a")
    assert not [w for w in application_wins([app("a", 20), app("g", 21, company="Before")], [linked])
                if w.rule == "back_at_it"]


# Through the services ---------------------------------------------------------------------------
@pytest.fixture
def rb(tmp_path: Path) -> Rebound:
    return Rebound.open(tmp_path, now=lambda: NOW)


def add(rb: Rebound, company: str, day: date, role: str = "Data analyst") -> str:
    return apps.add_application(rb, apps.AppFields(company, role), day).id


def stored(rb: Rebound) -> list[tuple[str, date, str]]:
    return sorted((w.kind, w.day, w.title) for w in all_wins(rb) if w.kind in APPLICATION_KINDS)


def test_each_change_earns_and_takes_back_its_wins(rb: Rebound) -> None:
    first = add(rb, "Northwind", ago(10))
    assert [w.title for w in rb.take_earned()] == ["First application sent: Northwind · Data analyst"]
    apps.move_application(rb, first, "interview", ago(5))
    assert [w.title for w in rb.take_earned()] == ["Interview: Northwind · Data analyst"]
    undo(rb)
    assert stored(rb) == [("first_application", ago(10), "First application sent: Northwind · Data analyst")]
    apps.move_application(rb, first, "offer", ago(4))
    assert {(w.kind, w.day) for w in all_wins(rb) if w.kind in ("interview", "offer")} == {
        ("offer", ago(4)), ("interview", ago(4))}  # an offer straight away had an interview too
    # a rename follows the wins without a new toast; an earlier application takes "first" over
    rb.take_earned()
    apps.edit_application(rb, first, apps.AppFields("Northwind Ltd", "Data analyst"))
    assert rb.take_earned() == []
    assert ("offer", ago(4), "Offer: Northwind Ltd · Data analyst") in stored(rb)
    other = add(rb, "Contoso", ago(12))
    assert [w.title for w in all_wins(rb) if w.kind == "first_application"] == [
        "First application sent: Contoso · Data analyst"]
    apps.delete_application(rb, other)
    apps.delete_application(rb, first)
    assert stored(rb) == []


def test_a_rejection_then_an_application_is_back_at_it_until_undone(rb: Rebound) -> None:
    old = add(rb, "Contoso", ago(20))
    apps.reject_application(rb, old, day=ago(6), lesson="Ask about the stack")
    add(rb, "Northwind", ago(4))
    assert ("back_at_it", ago(4), "Back at it: Northwind · Data analyst") in stored(rb)
    undo(rb)  # the application
    assert [k for k, _, _ in stored(rb)] == ["first_application"]
    # a reflection logged on its own (no application) counts too, even logged after the application
    add(rb, "Fabrikam", ago(2))
    assert "back_at_it" not in [k for k, _, _ in stored(rb)]
    mood.log_rejection(rb, "Litware", day=ago(3))
    assert ("back_at_it", ago(2), "Back at it: Fabrikam · Data analyst") in stored(rb)


def test_wins_csv_names_an_application_as_the_subject(rb: Rebound) -> None:
    ident = add(rb, "Northwind", ago(3))
    header, rows = csv_tables(rb)["wins"]
    assert [(r["subject_kind"], r["subject_id"], r["subject"]) for r in rows] == [
        ("application", ident, "Northwind · Data analyst")]


OPS = st.tuples(st.sampled_from(["add", "move", "close", "reject", "edit", "delete", "reflect", "undo"]),
                st.integers(0, 1), st.integers(0, 12), st.sampled_from(["screen", "interview", "final", "offer"]))


@given(st.lists(OPS, min_size=1, max_size=14))
@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_stored_application_wins_always_equal_a_full_derivation(tmp_path_factory, ops) -> None:
    rb = Rebound.open(tmp_path_factory.mktemp("appwins"), now=lambda: NOW)
    companies = ["Northwind", "Contoso"]
    for op, which, back, stage in ops:
        current = app_repo.applications(rb.store)
        target = next((a for a in current if a.company == companies[which]), None)
        day = ago(back)
        try:
            if op == "add":
                add(rb, companies[which], day)
            elif op == "undo":
                undo(rb)
            elif op == "reflect":
                mood.log_rejection(rb, "Elsewhere", day=day)
            elif target is None:
                continue
            elif op == "move":
                apps.move_application(rb, target.id, stage, max(day, target.applied))
            elif op == "close":
                apps.close_application(rb, target.id, "withdrawn", max(day, target.last_move))
            elif op == "reject":
                apps.reject_application(rb, target.id, day=max(day, target.last_move))
            elif op == "edit":
                apps.edit_application(rb, target.id, apps.AppFields(target.company, f"Role {back}"))
            else:
                apps.delete_application(rb, target.id)
        except InputError:
            pass  # refused (a duplicate, a move to the same stage, nothing to undo): nothing changed
    expected = application_wins(app_repo.applications(rb.store), mood_repo.rejections(rb.store))
    assert stored(rb) == sorted((w.rule, w.day, w.title) for w in expected)
    keys = [w.key for w in all_wins(rb) if w.kind in APPLICATION_KINDS]
    assert len(keys) == len(set(keys))
