"""Time moving under an open app (Pilot, a clock the test moves; the app polls every 0.1 s):
midnight, the day-start hour, both DST changes, a time zone changed between runs, and a clock that
jumps backwards. Stored days never move; Today follows the logical day without a restart."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from tui.app import ReboundApp
from tui.services import Rebound
from tui.services import checkins as checkin_service
from tui.services import goals as goal_service
from tui.services.status import goal_summaries
from tui.store import repo

from screen_text import screen_text

SIZE = (110, 34)
POLL = 0.1
BERLIN, NEW_YORK, TOKYO = ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York"), ZoneInfo("Asia/Tokyo")


def later(moment: datetime, **delta: float) -> datetime:
    """``moment`` plus real (elapsed) time, shown on the same zone's wall clock."""
    return (moment.astimezone(timezone.utc) + timedelta(**delta)).astimezone(moment.tzinfo)


def stored(rb: Rebound) -> list[tuple[str, int]]:
    return sorted((c.day.isoformat(), c.count) for c in repo.checkins(rb.store))


def goal_line(app: ReboundApp, name: str) -> str:
    return next(line for line in screen_text(app).splitlines() if name in line)


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause(POLL * 4)


async def test_today_rolls_over_at_midnight_without_a_restart(make_app, rb, clock) -> None:
    clock.value = datetime(2026, 11, 26, 23, 59, 30, tzinfo=timezone.utc)
    goal_service.add_goal(rb, "Apply")
    app = make_app(poll_seconds=POLL)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        assert " 1/1 " in goal_line(app, "Apply")
        clock.value = later(clock.value, minutes=1)  # 00:00:30 on Friday
        await settle(pilot)
        text = screen_text(app)
        assert "Friday 27 November 2026" in text and "Thursday" not in text
        assert " 0/1 " in goal_line(app, "Apply")
        assert "Streaks at risk today: Apply" in text
    assert stored(rb) == [("2026-11-26", 1)]
    streak = goal_summaries(rb, date(2026, 11, 27))[0].streak
    assert (streak.current, streak.at_risk) == (1, True)


async def test_with_day_start_4_a_tick_at_0359_counts_for_yesterday(make_app, rb, clock) -> None:
    clock.value = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)
    repo.set_setting(rb.store, "day_start_hour", 4)
    goal_service.add_goal(rb, "Apply")
    clock.value = datetime(2026, 11, 27, 3, 59, tzinfo=timezone.utc)
    app = make_app(poll_seconds=POLL)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Thursday 26 November 2026" in screen_text(app)
        await pilot.press("space")  # 03:59 on Friday: still Thursday
        assert " 1/1 " in goal_line(app, "Apply")
        clock.value = later(clock.value, minutes=1)  # 04:00: Friday begins
        await settle(pilot)
        assert "Friday 27 November 2026" in screen_text(app)
        assert " 0/1 " in goal_line(app, "Apply")
    assert stored(rb) == [("2026-11-26", 1)]


DST_DAYS = [
    pytest.param(BERLIN, date(2026, 3, 29), 23, id="Berlin-spring-forward"),
    pytest.param(BERLIN, date(2026, 10, 25), 25, id="Berlin-fall-back"),
    pytest.param(NEW_YORK, date(2026, 3, 8), 23, id="New-York-spring-forward"),
    pytest.param(NEW_YORK, date(2026, 11, 1), 25, id="New-York-fall-back"),
]


@pytest.mark.parametrize(("zone", "day", "hours"), DST_DAYS)
async def test_a_dst_day_has_its_own_length_and_2330_lands_on_it(make_app, rb, clock, zone, day, hours) -> None:
    """Ticks at 00:30 and 23:30 local on a 23- or 25-hour day both land on that day; Today rolls
    over one real hour after 23:30, and each tick carries the UTC offset it was made at."""
    clock.value = datetime(day.year, day.month, day.day, 0, 30, tzinfo=zone)
    goal_service.add_goal(rb, "Apply", target=2)
    app = make_app(poll_seconds=POLL)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        clock.value = later(clock.value, hours=hours - 1)
        assert (clock.value.hour, clock.value.minute) == (23, 30)  # the day really is `hours` long
        await settle(pilot)
        assert f"{day:%A %d %B %Y}" in screen_text(app)
        await pilot.press("plus")
        assert " 2/2 " in goal_line(app, "Apply")
        clock.value = later(clock.value, hours=1)
        await settle(pilot)
        assert f"{day + timedelta(days=1):%A %d %B %Y}" in screen_text(app)
        assert " 0/2 " in goal_line(app, "Apply")
    checkins = sorted(repo.checkins(rb.store), key=lambda c: c.at)
    assert [c.day for c in checkins] == [day, day]
    offsets = [datetime.fromisoformat(c.at).utcoffset() for c in checkins]
    assert offsets[0] != offsets[1]  # the tick before and the tick after the change
    assert goal_summaries(rb, day + timedelta(days=1))[0].streak.current == 1


async def test_a_time_zone_changed_between_runs_moves_no_day(tmp_path, clock) -> None:
    """Three evenings ticked in New York; the next run's clock is in Tokyo (already tomorrow there):
    the stored days and the streak stay; Today shows Tokyo's date with the streak at risk."""
    folder = tmp_path / "data"
    clock.value = datetime(2026, 11, 24, 22, 30, tzinfo=NEW_YORK)
    first = Rebound.open(folder, now=clock)
    goal = goal_service.add_goal(first, "Apply")
    for _ in range(3):
        checkin_service.log(first, goal.id)
        clock.value = later(clock.value, days=1)
    before = stored(first)
    assert [d for d, _ in before] == ["2026-11-24", "2026-11-25", "2026-11-26"]
    streak_before = goal_summaries(first, date(2026, 11, 26))[0].streak

    clock.value = clock.value.astimezone(TOKYO)  # 12:30 on the 28th in Tokyo
    second = Rebound.open(folder, now=clock)
    app = ReboundApp(second, poll_seconds=POLL)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Saturday 28 November 2026" in text
        assert " 0/1 " in goal_line(app, "Apply")
    assert stored(second) == before
    assert goal_summaries(second, date(2026, 11, 26))[0].streak == streak_before
    assert streak_before.current == 3
    today = goal_summaries(second)[0].streak  # the 27th was missed in Tokyo's calendar
    assert (today.current, today.best) == (0, 3)


async def test_a_clock_moving_backwards_breaks_nothing(make_app, rb, clock) -> None:
    """The system clock jumps back 14 hours (into yesterday) with the app open, a tick is made,
    then time catches up: no crash, no stored day moves, the streak reads right throughout."""
    goal = goal_service.add_goal(rb, "Apply")
    for back in (2, 1, 0):
        checkin_service.log(rb, goal.id, day=date(2026, 11, 26) - timedelta(days=back))
    app = make_app(poll_seconds=POLL)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert " 3d " in goal_line(app, "Apply")
        clock.value = later(clock.value, hours=-14)  # 19:30 on Wednesday the 25th
        await settle(pilot)
        assert "Wednesday 25 November 2026" in screen_text(app)
        assert " 1/1 " in goal_line(app, "Apply") and " 2d " in goal_line(app, "Apply")
        await pilot.press("plus")  # a tick made while the clock is behind lands on its today
        for key in ("2", "3", "4", "5", "1"):  # every screen draws with a check-in "ahead"
            await pilot.press(key)
            await pilot.pause()
        assert " 2 (target 1 met)" in goal_line(app, "Apply")  # never "2/1" (issue 14.1)
        clock.value = later(clock.value, hours=15)  # 10:30 on the 26th again
        await settle(pilot)
        assert "Thursday 26 November 2026" in screen_text(app)
        assert " 1/1 " in goal_line(app, "Apply") and " 3d " in goal_line(app, "Apply")
    assert stored(rb) == [("2026-11-24", 1), ("2026-11-25", 1), ("2026-11-25", 1), ("2026-11-26", 1)]
    assert goal_summaries(rb)[0].streak.current == 3
