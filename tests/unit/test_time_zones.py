"""Records made on one logical day in two time zones (a trip, or the system zone changed) keep
the order they were made in: timestamps carry different UTC offsets, so their text order lies
("08:30-05:00" is five and a half hours after "09:00+01:00" but sorts first)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from tui.core.clock import instant
from tui.core.mood import MoodEntry, bounce_backs, newest_first
from tui.core.wins import Win, group_by_week
from tui.services import Rebound
from tui.services import mood as mood_service
from tui.store import wins as wins_repo

DAY = date(2026, 11, 26)
BERLIN_MORNING = "2026-11-26T09:00:00+01:00"  # 08:00 UTC
NEW_YORK_MORNING = "2026-11-26T08:30:00-05:00"  # 13:30 UTC: later, though it sorts first as text


def test_instant_orders_by_the_moment_not_the_text() -> None:
    assert NEW_YORK_MORNING < BERLIN_MORNING
    assert instant(NEW_YORK_MORNING) > instant(BERLIN_MORNING)
    assert instant("") == instant("not a time") < instant(BERLIN_MORNING)  # hand-made records


def test_a_low_in_berlin_then_a_high_in_new_york_the_same_day_is_a_bounce_back() -> None:
    low = MoodEntry("a", DAY, 1, at=BERLIN_MORNING)
    high = MoodEntry("b", DAY, 5, at=NEW_YORK_MORNING)
    assert [w.rule for w in bounce_backs([low, high])] == ["bounce_back"]
    assert [e.id for e in newest_first([low, high])] == ["b", "a"]
    high_first = MoodEntry("c", DAY, 5, at=BERLIN_MORNING)
    assert list(bounce_backs([high_first, MoodEntry("d", DAY, 1, at=NEW_YORK_MORNING)])) == []


def test_wins_of_one_day_are_listed_newest_first_across_zones() -> None:
    early = Win("a", "manual", "early", DAY, at=BERLIN_MORNING)
    late = Win("b", "manual", "late", DAY, at=NEW_YORK_MORNING)
    [(_, wins)] = group_by_week([late, early])
    assert [w.title for w in wins] == ["late", "early"]


def test_the_service_awards_the_bounce_back_after_a_flight(tmp_path) -> None:  # type: ignore[no-untyped-def]
    moment = datetime(2026, 11, 26, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    rb = Rebound.open(tmp_path / "data", now=lambda: moment)
    mood_service.log_mood(rb, 1, tags="rejection")
    moment = datetime(2026, 11, 26, 8, 30, tzinfo=ZoneInfo("America/New_York"))  # landed
    mood_service.log_mood(rb, 5)
    assert [(w.kind, w.day) for w in wins_repo.wins(rb.store)] == [("bounce_back", DAY)]
    assert [e.score for e in mood_service.entries(rb)] == [5, 1]


def test_todays_wins_and_a_contacts_interactions_follow_the_moment(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tui.core.contacts import Contact, Interaction
    from tui.services.wins import all_wins, wins_on
    from tui.store import contacts as contacts_repo

    rb = Rebound.open(tmp_path / "data", now=lambda: datetime(2026, 11, 26, 20, tzinfo=ZoneInfo("UTC")))
    with rb.change("two zones"):
        wins_repo.insert_win(rb.store, Win("a", "manual", "late", DAY, at=NEW_YORK_MORNING))
        wins_repo.insert_win(rb.store, Win("b", "manual", "early", DAY, at=BERLIN_MORNING))
        contacts_repo.save_contact(rb.store, Contact("c", "Ada", DAY))
        for item_id, at in (("late", NEW_YORK_MORNING), ("early", BERLIN_MORNING)):
            contacts_repo.insert_interaction(
                rb.store, Interaction(item_id, "c", DAY, "call", "", None, at))
    assert [w.title for w in wins_on(rb, DAY)] == ["early", "late"]
    assert [w.title for w in all_wins(rb)] == ["late", "early"]
    assert [i.id for i in contacts_repo.interactions_of(rb.store, "c")] == ["late", "early"]
    assert contacts_repo.latest_interactions(rb.store)["c"].id == "late"
