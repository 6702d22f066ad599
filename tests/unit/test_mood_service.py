"""Mood and rejection use cases: one change each, all or nothing, undoable, with their wins."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.core.errors import InputError
from tui.services import Rebound
from tui.services import checkins, goals
from tui.services import contacts as contact_service
from tui.services import mood
from tui.services.mood_insights import insights
from tui.services.status import status
from tui.services.undo import undo
from tui.services.wins import all_wins
from tui.store import files

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
TODAY = date(2026, 11, 26)


@pytest.fixture
def rb(tmp_path: Path) -> Rebound:
    return Rebound.open(tmp_path, now=lambda: NOW)


def kinds(rb: Rebound) -> list[tuple[str, date]]:
    return sorted((w.kind, w.day) for w in all_wins(rb))


def everything(rb: Rebound) -> tuple[object, ...]:
    return (mood.entries(rb), mood.rejections(rb), contact_service.contact_views(rb), all_wins(rb))


def test_log_mood_several_a_day_and_status_says_logged(rb: Rebound) -> None:
    assert status(rb)["mood_logged"] is False
    mood.log_mood(rb, 2, tags="interview")
    mood.log_mood(rb, "5", tags=["Offer"], note="they called back!")
    assert status(rb)["mood_logged"] is True
    assert mood.day_mood(rb, TODAY) == (3.5, 2)
    assert [e.tags for e in mood.entries(rb)] == [("offer",), ("interview",)]
    assert mood.means(rb) == {TODAY: 3.5}
    assert status(rb, TODAY - timedelta(days=1))["mood_logged"] is False


@pytest.mark.parametrize("score", [0, 6, "x"])
def test_bad_scores_and_future_days_are_refused(rb: Rebound, score: object) -> None:
    with pytest.raises(InputError):
        mood.log_mood(rb, score)
    with pytest.raises(InputError):
        mood.log_mood(rb, 3, day=TODAY + timedelta(days=1))
    assert mood.entries(rb) == [] and rb.history == []


def test_bounce_back_is_earned_and_undo_takes_it_back(rb: Rebound) -> None:
    mood.log_mood(rb, 1, day=TODAY - timedelta(days=2))
    rb.take_earned()
    mood.log_mood(rb, 4)
    assert [w.kind for w in rb.take_earned()] == ["bounce_back"]
    assert ("bounce_back", TODAY) in kinds(rb)
    undo(rb)
    assert kinds(rb) == [] and len(mood.entries(rb)) == 1


def test_backfilled_good_mood_moves_the_bounce_back(rb: Rebound) -> None:
    mood.log_mood(rb, 2, day=TODAY - timedelta(days=3))
    mood.log_mood(rb, 4)
    mood.log_mood(rb, 5, day=TODAY - timedelta(days=2))  # the bounce came earlier
    assert kinds(rb) == [("bounce_back", TODAY - timedelta(days=2))]
    entry = next(e for e in mood.entries(rb) if e.score == 5)
    mood.delete_mood(rb, entry)
    assert kinds(rb) == [("bounce_back", TODAY)]


def test_rejection_saves_mood_reflection_contact_and_follow_up_together(rb: Rebound) -> None:
    rejection = mood.log_rejection(
        rb, " Northwind ", role="Data analyst", stage="final round", lesson="rehearse the case",
        score=1, tags="interview", contact="Dana Recruiter", follow_up="in 3 days",
    )
    assert [c.label for c in rb.history] == ["rejection from Northwind"]
    [entry] = mood.entries(rb)
    assert entry.score == 1 and entry.tags == ("rejection", "interview")
    assert rejection.mood_id == entry.id and rejection.company == "Northwind"
    person = contact_service.find_contact(rb, "dana")
    assert person.company == "Northwind" and person.follow_up == TODAY + timedelta(days=3)
    assert rejection.contact_id == person.id and rejection.follow_up == TODAY + timedelta(days=3)
    assert ("reflected", TODAY) in kinds(rb)
    undo(rb)
    assert everything(rb) == ([], [], [], [])


def test_feedback_from_an_existing_contact_sets_their_follow_up(rb: Rebound) -> None:
    contact_service.add_contact(rb, contact_service.ContactFields("Priya Raman", company="Northwind"))
    rejection = mood.log_rejection(rb, "Northwind", contact="priya", follow_up="2026-12-01")
    assert rejection.contact == "Priya Raman"
    assert len(contact_service.contact_views(rb)) == 1
    assert contact_service.find_contact(rb, "Priya").follow_up == date(2026, 12, 1)


@pytest.mark.parametrize(
    "kwargs, field",
    [
        (dict(company="  "), "company"),
        (dict(company="Acme", score=9), "score"),
        (dict(company="Acme", lesson="x" * 501), "lesson"),
        (dict(company="Acme", contact="Dana", follow_up="someday"), "follow_up"),
        (dict(company="Acme", contact="Dana", follow_up="every 2 weeks"), "follow_up"),
        (dict(company="Acme", contact="Dana", follow_up="2020-01-01"), "follow_up"),
    ],
)
def test_refused_reflection_writes_nothing(rb: Rebound, kwargs: dict, field: str) -> None:
    with pytest.raises(InputError) as err:
        mood.log_rejection(rb, **kwargs)
    assert err.value.field == field
    assert everything(rb) == ([], [], [], [])


def test_a_failed_write_saves_no_part_of_the_reflection(rb: Rebound, monkeypatch) -> None:
    mood.log_mood(rb, 3)
    before = everything(rb)

    def full(*args: object, **kwargs: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "write_temp", full)
    with pytest.raises(Exception):
        mood.log_rejection(rb, "Northwind", lesson="ask earlier", contact="Dana")
    monkeypatch.undo()
    assert everything(rb) == before
    assert rb.take_earned() == []  # nothing pending
    assert [c.label for c in rb.history] == ["mood 3 on 2026-11-26"]
    fresh = Rebound.open(rb.store.folder, now=lambda: NOW)  # and nothing on disk either
    assert everything(fresh) == before


def test_a_lesson_written_later_earns_the_win_and_undo_removes_it(rb: Rebound) -> None:
    rejection = mood.log_rejection(rb, "Contoso", day=TODAY - timedelta(days=3))
    assert ("reflected", TODAY - timedelta(days=3)) not in kinds(rb)
    mood.edit_lesson(rb, rejection.id, "follow up within a day")
    assert ("reflected", TODAY - timedelta(days=3)) in kinds(rb)
    assert mood.rejections(rb)[0].lesson == "follow up within a day"
    undo(rb)
    assert mood.rejections(rb)[0].lesson == ""
    assert ("reflected", TODAY - timedelta(days=3)) not in kinds(rb)


def test_recent_rejection_is_the_newest_within_two_days(rb: Rebound) -> None:
    mood.log_rejection(rb, "Old", day=TODAY - timedelta(days=5))
    assert mood.recent_rejection(rb, TODAY) is None
    mood.log_rejection(rb, "New", day=TODAY - timedelta(days=1), lesson="x")
    found = mood.recent_rejection(rb, TODAY)
    assert found is not None and found.company == "New"


def test_insights_compare_goal_days_and_tags_once_there_is_enough(rb: Rebound) -> None:
    goal = goals.add_goal(rb, "Apply")
    for back in range(1, 21):
        day = TODAY - timedelta(days=back)
        met = back % 2 == 0
        if met:
            checkins.log(rb, goal.id, 1, day=day)
        mood.log_mood(rb, 4 if met else 2, tags="exercise" if met else "", day=day)
    found = {c.label: c for c in insights(rb, mood.means(rb))}
    assert found["you met all your goals"].with_mean == 4
    assert found["you met all your goals"].without_mean == 2
    assert found["tagged exercise"].with_days == 10
    assert insights(rb, {}) == []


def test_feedback_ask_stands_until_the_contact_is_followed_up(tmp_path: Path) -> None:
    now = [NOW]
    rb = Rebound.open(tmp_path, now=lambda: now[0])
    mood.log_rejection(rb, "Northwind", contact="Dana", follow_up="in 5 days")
    ask = mood.feedback_ask(rb, TODAY)
    assert ask is not None and ask.contact == "Dana" and ask.follow_up == TODAY + timedelta(days=5)
    assert mood.feedback_ask(rb, TODAY + timedelta(days=5)) is None  # due: Today's follow-ups list it
    person = contact_service.find_contact(rb, "Dana")
    # the same day is the first half of the wait: no follow-up yet (product.md, issue 14.3)
    contact_service.log_interaction(rb, person.id, kind="email", note="thanks for your time")
    assert mood.feedback_ask(rb, TODAY) is not None
    now[0] = NOW + timedelta(days=3)  # the second half of the 5-day wait
    contact_service.log_interaction(rb, person.id, kind="email", note="asked for feedback")
    assert mood.feedback_ask(rb, TODAY + timedelta(days=3)) is None


def test_a_feedback_contact_close_to_an_existing_one_is_refused_until_confirmed(rb: Rebound) -> None:
    contact_service.add_contact(rb, contact_service.ContactFields("Marco"))
    before = everything(rb)
    with pytest.raises(InputError, match="did you mean Marco\\?") as refused:
        mood.log_rejection(rb, "Initech", contact="Marko")
    assert refused.value.field == "contact" and everything(rb) == before  # nothing written
    rejection = mood.log_rejection(rb, "Initech", contact="Marko", new_contact="marko")  # confirmed
    assert rejection.contact == "Marko" and sorted(contact_service.names(rb)) == ["Marco", "Marko"]
    assert mood.log_rejection(rb, "Globex", contact="Jane Unknown").contact == "Jane Unknown"  # nobody close
