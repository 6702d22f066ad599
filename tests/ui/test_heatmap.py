"""The heatmap widget on its own: what each cell shows, how many weeks fit, the cursor, clicks."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region

from tui.core.goals import Goal, GoalHistory
from tui.widgets.heatmap import CELL_WIDTH, LABEL_WIDTH, Heatmap, classify, level, month_labels

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
    assert classify(h, d(1), TODAY) == ("◧", "heatmap--level-2")  # 1 of 2: part done
    assert classify(h, d(2), TODAY) == ("○", "heatmap--rest")
    assert classify(h, d(3), TODAY) == ("»", "heatmap--skip")
    assert classify(h, d(5), TODAY) == ("○", "heatmap--level-3")  # done on a rest day
    assert classify(h, d(6), TODAY) == ("×", "heatmap--miss")
    assert classify(h, TODAY, TODAY) == ("□", "heatmap--none")  # today is still open
    assert classify(h, START - timedelta(days=1), TODAY) == ("·", "heatmap--dim")
    assert classify(h, TODAY + timedelta(days=1), TODAY) == (" ", "heatmap--future")


def test_unscheduled_days_are_dim_and_weekly_empty_days_are_not_misses():
    weekdays_only = history(weekdays=frozenset(range(5)))
    saturday = date(2026, 11, 21)
    assert classify(weekdays_only, saturday, TODAY) == ("·", "heatmap--dim")
    assert classify(weekdays_only, saturday - timedelta(days=1), TODAY) == ("×", "heatmap--miss")
    weekly = history(period="week", target=3, counts={saturday: 1})
    assert classify(weekly, saturday - timedelta(days=1), TODAY) == ("□", "heatmap--none")
    assert classify(weekly, saturday, TODAY) == ("■", "heatmap--level-1")  # the week decides


class HeatmapApp(App[None]):
    def __init__(self, history: GoalHistory, cursor: date, today: date = TODAY) -> None:
        super().__init__()
        self.history, self.cursor, self.today = history, cursor, today
        self.clicked: list[date] = []

    def compose(self) -> ComposeResult:
        yield Heatmap()

    def on_mount(self) -> None:
        self.query_one(Heatmap).show(self.history, self.today, self.cursor, 0)

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


def row_texts(heatmap: Heatmap) -> list[str]:
    """The widget's lines as drawn (its strips, cropped to its width)."""
    width, height = heatmap.content_size
    return [strip.text for strip in heatmap.render_lines(Region(0, 0, width, height))]


@pytest.mark.parametrize("setting", ["NO_COLOR", "textual-light"])
async def test_without_colour_or_on_a_light_theme_every_kind_of_day_has_its_own_glyph(setting, monkeypatch):
    """Issue 14 item 10: done, part done, missed, rest, skip, nothing logged, not counted and the
    future differ by their characters, and the legend names each glyph."""
    if setting == "NO_COLOR":
        monkeypatch.setenv("NO_COLOR", "1")
    d = lambda n: START + timedelta(days=n)  # noqa: E731
    h = history(counts={d(0): 2, d(1): 1}, rest_days=frozenset({d(2)}), skips=frozenset({d(3)}))
    app = HeatmapApp(h, TODAY)
    async with app.run_test(size=(60, 14)) as pilot:
        if setting == "NO_COLOR":
            assert app.no_color
        else:
            app.theme = setting
        await pilot.pause()
        heatmap = app.query_one(Heatmap)
        weeks = heatmap.visible_weeks()
        rows = row_texts(heatmap)

        def glyph(day: date) -> str:
            column = weeks.index(day - timedelta(days=day.weekday()))
            return rows[1 + day.weekday()][LABEL_WIDTH + column * CELL_WIDTH]

        shown = {
            "done": glyph(d(0)), "part done": glyph(d(1)), "rest day": glyph(d(2)),
            "skipped": glyph(d(3)), "missed": glyph(d(6)), "nothing": glyph(TODAY),
            "not counted": glyph(START - timedelta(days=1)), "future": glyph(TODAY + timedelta(days=1)),
        }
        assert len(set(shown.values())) == len(shown), shown
        legend = "\n".join(rows[9:])
        for kind, char in shown.items():
            if kind != "future":
                assert f"{char} {kind}" in legend


WORD = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|'\d\d")  # a whole name or a year


async def test_month_labels_across_a_new_year_carry_the_year_and_are_never_cut():
    """Issue 14 item 11: the first month shown and each January carry their year."""
    app = HeatmapApp(history(), date(2027, 1, 20), date(2027, 1, 20))
    async with app.run_test(size=(60, 14)) as pilot:
        await pilot.pause()
        row = row_texts(app.query_one(Heatmap))[0]
    labels = row.split()
    assert " ".join(labels) == "Aug '26 Sep Oct Nov Dec Jan '27", row  # July has no room for a name
    assert len(row) == 60


async def test_a_month_starting_in_the_last_column_keeps_its_whole_name():
    """Dec 1st falls in the last column at this width: "Dec" moves left rather than show "De"."""
    for width in (60, 61, 96, 97):
        app = HeatmapApp(history(), date(2026, 12, 3), date(2026, 12, 3))
        async with app.run_test(size=(width, 14)) as pilot:
            await pilot.pause()
            heatmap = app.query_one(Heatmap)
            row = row_texts(heatmap)[0]
            last = LABEL_WIDTH + (len(heatmap.visible_weeks()) - 1) * CELL_WIDTH
        assert heatmap.visible_weeks()[-1] == date(2026, 11, 30)  # the week holding Dec 1st
        assert row.rstrip().endswith("Dec"), row
        assert last <= row.rindex("Dec") + 2 and row.rindex("Dec") <= last  # over (or next to) its week
        words = row.split()
        assert all(WORD.fullmatch(w) for w in words), row
        assert "'" in row  # the first month shown says its year


def test_month_labels_fit_whole_apart_and_name_each_new_year_at_any_width_and_day():
    for offset in range(0, 2 * 365, 5):
        today = date(2026, 1, 1) + timedelta(days=offset)
        for width in (30, 31, 60, 61, 97):
            count = (width - LABEL_WIDTH) // CELL_WIDTH
            last = today - timedelta(days=today.weekday())
            weeks = [last - timedelta(weeks=count - 1 - i) for i in range(count)]
            labels = month_labels(weeks, width)
            assert labels, (today, width)
            free, year = LABEL_WIDTH, None
            for at, name in labels:
                assert at >= free and at + len(name) <= width, (today, width, labels)
                month = name[:3]
                assert WORD.fullmatch(month)
                if year is None or month == "Jan":
                    assert name[3:5] == " '", (today, width, labels)  # carries its year
                free, year = at + len(name) + 1, name
