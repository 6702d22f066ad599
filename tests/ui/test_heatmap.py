"""The heatmap widget on its own: what each cell shows, how many weeks fit, the cursor, clicks."""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import App, ComposeResult

from tui.core.goals import Goal, GoalHistory
from tui.widgets.heatmap import CELL_WIDTH, LABEL_WIDTH, Heatmap, classify, level

TODAY = date(2026, 11, 26)  # a Thursday
START = date(2026, 11, 2)


def history(**kwargs) -> GoalHistory:
    goal = Goal("g", "Apply", START, target=kwargs.pop("target", 2), period=kwargs.pop("period", "day"),
                weekdays=kwargs.pop("weekdays", frozenset(range(7))))
    return GoalHistory(goal, **kwargs)


def test_levels_follow_the_share_of_the_target():
    assert [level(c, 4) for c in (0, 1, 2, 3, 4, 9)] == [0, 1, 2, 2, 3, 3]


def test_each_kind_of_day_has_its_own_glyph_and_colour():
    d = lambda n: START + timedelta(days=n)  # noqa: E731
    h = history(
        counts={d(0): 2, d(1): 1, d(4): 1, d(5): 2},
        rest_days=frozenset({d(2), d(5)}),
        skips=frozenset({d(3)}),
    )
    assert classify(h, d(0), TODAY) == ("■", "heatmap--level-3")
    assert classify(h, d(1), TODAY) == ("■", "heatmap--level-2")  # 1 of 2: a partial miss
    assert classify(h, d(2), TODAY) == ("○", "heatmap--rest")
    assert classify(h, d(3), TODAY) == ("»", "heatmap--skip")
    assert classify(h, d(5), TODAY) == ("○", "heatmap--level-3")  # done on a rest day
    assert classify(h, d(6), TODAY) == ("■", "heatmap--miss")
    assert classify(h, TODAY, TODAY) == ("□", "heatmap--none")  # today is still open
    assert classify(h, START - timedelta(days=1), TODAY) == ("·", "heatmap--dim")
    assert classify(h, TODAY + timedelta(days=1), TODAY) == (" ", "heatmap--future")


def test_unscheduled_days_are_dim_and_weekly_empty_days_are_not_misses():
    weekdays_only = history(weekdays=frozenset(range(5)))
    saturday = date(2026, 11, 21)
    assert classify(weekdays_only, saturday, TODAY) == ("·", "heatmap--dim")
    assert classify(weekdays_only, saturday - timedelta(days=1), TODAY) == ("■", "heatmap--miss")
    weekly = history(period="week", target=3, counts={saturday: 1})
    assert classify(weekly, saturday - timedelta(days=1), TODAY) == ("□", "heatmap--none")
    assert classify(weekly, saturday, TODAY) == ("■", "heatmap--level-1")


class HeatmapApp(App[None]):
    def __init__(self, history: GoalHistory, cursor: date) -> None:
        super().__init__()
        self.history, self.cursor = history, cursor
        self.clicked: list[date] = []

    def compose(self) -> ComposeResult:
        yield Heatmap()

    def on_mount(self) -> None:
        self.query_one(Heatmap).show(self.history, TODAY, self.cursor, 0)

    def on_heatmap_day_clicked(self, event: Heatmap.DayClicked) -> None:
        self.clicked.append(event.day)


async def test_at_width_60_at_least_26_weeks_fit_and_the_cursor_is_bracketed():
    app = HeatmapApp(history(counts={TODAY - timedelta(days=1): 2}), TODAY - timedelta(days=1))
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        heatmap = app.query_one(Heatmap)
        weeks = heatmap.visible_weeks()
        assert len(weeks) >= 26
        assert weeks[-1] == date(2026, 11, 23)
        lines = [line.plain for line in heatmap.lines()]
        assert all(len(line) <= 60 for line in lines)
        wednesday = lines[3]
        assert wednesday.startswith("Wed") and wednesday.rstrip().endswith("[■]")
        assert "today" in lines[8]
        heatmap.move_cursor(TODAY + timedelta(days=3))  # never after today
        assert heatmap.cursor == TODAY


async def test_a_click_on_a_past_day_posts_its_date():
    app = HeatmapApp(history(), TODAY)
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        weeks = app.query_one(Heatmap).visible_weeks()
        last = len(weeks) - 1
        await pilot.click(Heatmap, offset=(LABEL_WIDTH + last * CELL_WIDTH, 1 + 1))  # Tuesday
        await pilot.click(Heatmap, offset=(LABEL_WIDTH + last * CELL_WIDTH, 1 + 5))  # Saturday: future
        await pilot.pause()
        assert app.clicked == [date(2026, 11, 24)]
