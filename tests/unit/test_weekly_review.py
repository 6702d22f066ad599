"""The weekly review's figures against a hand-made week: a rest day, a goal's first (part) week,
a week still going; and its Markdown against a golden file."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui.core.contacts import Contact, Interaction
from tui.core.goals import Goal, GoalHistory
from tui.core.mood import MoodEntry, Rejection
from tui.core.weekly_review import WeeklyReview, review
from tui.core import weekly_review_text as write
from tui.core.wins import Win

GOLDEN = Path(__file__).parent / "golden" / "weekly_review.md"
MON = date(2026, 11, 9)  # the reviewed week: Mon 9 – Sun 15 Nov 2026 (ISO week 46)
REST = MON + timedelta(days=2)  # Wednesday 11: a rest day


def d(day: int) -> date:
    return date(2026, 11, day)


def histories() -> list[GoalHistory]:
    apply = Goal("g1", "Apply", start=d(2))
    network = Goal("g2", "Network", start=d(2), target=7, period="week")
    walk = Goal("g3", "Walk", start=d(12), target=3, period="week")  # its first week: Thu–Sun
    apply_days = [5, 6, 7, 8, 9, 10, 12, 13, 14, 15]  # last week Thu–Sun; this week all but Wed
    rest = frozenset({REST})
    return [
        GoalHistory(apply, {d(n): 1 for n in apply_days}, rest, frozenset()),
        GoalHistory(network, {d(3): 4, d(5): 3, d(10): 2, d(13): 3}, rest, frozenset()),
        GoalHistory(walk, {d(12): 1, d(14): 1}, rest, frozenset()),
    ]


def records() -> dict[str, object]:
    ada = Contact("c1", "Ada", added=d(3))
    ben = Contact("c2", "Ben", added=d(10))
    return dict(
        entries=[MoodEntry("m1", d(5), 2), MoodEntry("m2", d(6), 3),  # last week: 2.5
                 MoodEntry("m3", d(10), 4), MoodEntry("m4", d(10), 4),
                 MoodEntry("m5", d(13), 3, note="tired after the interview"),
                 MoodEntry("m6", d(15), 5)],
        wins=[Win("w1", "manual", "Landed an interview", d(10)),
              Win("w2", "manual", "Later win", d(17))],
        rejections=[Rejection("r1", d(13), "Northwind", "Data analyst", "interview",
                              "Prepare *SQL* questions"),
                    Rejection("r2", d(14), "Contoso", lesson=""),
                    Rejection("r3", d(4), "Fabrikam", lesson="last week's")],
        contacts=[ada, ben],
        interactions=[Interaction("i1", "c1", d(3)), Interaction("i2", "c1", d(12), "call"),
                      Interaction("i3", "c2", d(10), "coffee", note="talked about her team")],
        next_follow_ups={"c1": d(18), "c2": d(30)},
    )


def week(as_of: date, notes: bool = False) -> WeeklyReview:
    return review(MON, as_of, histories=histories(), with_notes=notes, **records())  # type: ignore[arg-type]


def test_goals_with_a_rest_day_and_a_first_part_week() -> None:
    r = week(d(20))
    apply, network, walk = r.goals
    # Apply: 6 of the 6 days that were not a rest day; the run goes on from last Thursday
    assert (apply.done, apply.target, apply.full_target) == (6, 6, 7)
    assert apply.progress == "that week 6/6 (7 a week, part week)"
    assert (apply.streak, apply.change) == (10, +2)
    # Network: 7 a week lowered to 6 by the rest day; 5 logged, so the week was missed
    assert network.progress == "that week 5/6 (7 a week, part week)"
    assert (network.streak, network.change) == (0, -2)
    # Walk: its first week began on Thursday: 3 a week becomes 2, and was met
    assert walk.progress == "that week 2/2 (3 a week, part week)"
    assert (walk.streak, walk.change) == (1, +2)


def test_a_week_still_going() -> None:
    r = week(d(11))  # seen from Wednesday, the rest day
    apply, network, walk = r.goals
    assert r.part
    assert apply.progress == "this week 2/6 (7 a week, part week)"
    assert apply.streak == 6  # Thu–Tue; Wednesday's rest neither extends nor breaks it
    assert apply.change == +2  # against last Mon–Wed (none done), not last week's four days
    assert network.done == 2 and network.streak == 1  # last week complete, this one pending
    assert walk.done == 0 and walk.streak == 0
    assert r.mood.average == 4.0 and r.mood.days_logged == 1  # later days are not seen yet


def test_networking_mood_wins_and_lessons() -> None:
    r = week(d(20))
    assert r.networking.interactions == 2
    assert r.networking.new_contacts == ["Ben"]  # Ada's first interaction was last week
    assert r.networking.due_next_week == [(d(18), "Ada")]
    assert r.mood.average == pytest.approx(4.0)  # days 4, 3, 5
    assert r.mood.previous == pytest.approx(2.5)
    assert r.mood.change == pytest.approx(1.5)
    assert r.mood.best_day == (d(15), 5.0)
    assert r.wins == [(d(10), "Landed an interview")]
    assert [(x.company, x.lesson) for x in r.lessons] == [("Northwind", "Prepare *SQL* questions")]
    assert r.notes is None


def test_private_notes_only_when_asked() -> None:
    assert "tired" not in write.markdown(week(d(20)))
    assert "tired" not in json.dumps(write.as_json(week(d(20))))
    with_notes = week(d(20), notes=True)
    assert with_notes.notes == [(d(10), "coffee with Ben: talked about her team"),
                                (d(13), "mood 3: tired after the interview")]
    assert "tired after the interview" in write.markdown(with_notes)


def test_markdown_golden_file() -> None:
    assert write.markdown(week(d(20))) == GOLDEN.read_text(encoding="utf-8")


def test_json_is_plain_data() -> None:
    found = json.loads(json.dumps(write.as_json(week(d(20)))))
    assert found["week"] == "2026-W46"
    assert found["goals"][0]["progress"] == "that week 6/6 (7 a week, part week)"
    assert found["mood"]["change"] == 1.5
