"""Every screen fits the classic 80×24 terminal and uses a wide one (product.md §2): figures,
states and headers whole, names cut first with `…`, every list paged, the tab bar on top."""

from __future__ import annotations

from datetime import timedelta

from textual.containers import VerticalScroll

from tests.support.screen_text import screen_text
from tui.demo.screenshots import demo_app
from tui.services import contacts as contact_service
from tui.services import goals as goal_service
from tui.services import wins as win_service
from tui.services.status import goal_summaries
from tui.services.contacts import ContactFields
from tui.widgets import goal_list, goal_table
from tui.widgets.contact_table import COLUMNS as CONTACT_COLUMNS
from tui.widgets.contact_table import ContactTable
from tui.widgets.goal_list import GoalList, state_text
from tui.widgets.goal_table import GoalTable

CLASSIC = (80, 24)


def goal_rows(app) -> list[str]:
    return app.screen.query_one(GoalList).lines()


async def test_today_at_80x24_shows_every_goal_s_figures_and_state_whole(tmp_path):
    app = demo_app(tmp_path)
    async with app.run_test(size=CLASSIC) as pilot:
        await pilot.pause()
        rows = goal_rows(app)
        summaries = goal_summaries(app.rb)
        states = [state_text(s) for s in summaries]
        assert "at risk" in states and "✓ done" in states  # the demo data shows both
        for summary, row in zip(summaries, rows, strict=True):
            for figure in (goal_list.progress_text(summary), f"{summary.score:.0%}", state_text(summary)):
                assert f" {figure} " in f"{row} ", (figure, row)
            assert summary.goal.name in row or summary.goal.name[:8] in row and "…" in row
        assert any("…" in row for row in rows)  # a long name is what gives way


async def test_a_part_week_label_fits_at_80_columns_by_cutting_names_first(tmp_path, monkeypatch):
    """Labels grow (`this week 0/1 (2 a week, part week)`): the name gives way, never the label."""
    real = goal_list.progress_text
    monkeypatch.setattr(goal_list, "progress_text",
                        lambda s: real(s) + (" (2 a week, part week)" if s.goal.is_weekly else ""))
    app = demo_app(tmp_path)
    async with app.run_test(size=CLASSIC) as pilot:
        await pilot.pause()
        rows = goal_rows(app)
        assert any("this week 1/2 (2 a week, part week)" in row for row in rows), rows
        for summary, row in zip(goal_summaries(app.rb), rows, strict=True):
            assert f" {state_text(summary)} " in f"{row} " and f"{summary.score:.0%}" in row


async def test_a_wide_terminal_keeps_goal_rows_compact_and_left_aligned(tmp_path):
    app = demo_app(tmp_path)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        longest = max(len(s.goal.name) for s in goal_summaries(app.rb))
        for row in goal_rows(app):
            assert len(row.rstrip()) <= 100, row
            assert row.index("█" if "█" in row else "░") <= longest + 4, row  # the bar beside the name


async def test_todays_goals_page_with_pageup_pagedown_home_and_end(make_app, rb):
    for n in range(40):
        goal_service.add_goal(rb, f"Goal {n:02}")
    app = make_app()
    async with app.run_test(size=CLASSIC) as pilot:
        await pilot.pause()
        view = app.screen.query_one(GoalList)
        height = view.scrollable_content_region.height
        assert 1 < height < 40
        await pilot.press("pagedown")
        assert view.index == height - 1
        await pilot.press("end")
        await pilot.pause()
        assert view.selected.goal.name == "Goal 39" and "Goal 39" in screen_text(app)
        await pilot.press("pageup")
        assert view.index == 39 - (height - 1)
        await pilot.press("home")
        await pilot.pause()
        assert view.index == 0 and "Goal 00" in screen_text(app)


async def test_todays_wins_scroll_into_view_in_a_short_terminal(make_app, rb):
    for n in range(3):
        goal_service.add_goal(rb, f"Goal {n}")
    contact = contact_service.add_contact(rb, ContactFields("Priya", cadence=7))
    contact_service.log_interaction(rb, contact.id, kind="call", day=rb.today() - timedelta(days=9))
    for n in range(12):
        win_service.add_win(rb, f"Little victory number {n:02}")
    app = make_app()
    async with app.run_test(size=CLASSIC) as pilot:
        await pilot.pause()
        await pilot.pause(0.1)
        assert "Little victory number 11" not in screen_text(app)  # below the fold at first
        await pilot.press("tab", "tab")  # the goals, the follow-ups, then mood and wins
        assert app.focused is app.screen.query_one("#today-later", VerticalScroll)
        await pilot.press("end")
        await pilot.wait_for_scheduled_animations()
        assert "Little victory number 11" in screen_text(app), screen_text(app)


# Goals ------------------------------------------------------------------------------------------
async def test_goals_at_80x24_shows_every_column_header_and_state(tmp_path):
    app = demo_app(tmp_path)
    async with app.run_test(size=CLASSIC) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(GoalTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no sideways scroll
        text = screen_text(app)
        header = next(line for line in text.splitlines() if "This period" in line)
        for label in ("Goal", "Streak", "Best", "Strength", "30d", "90d", "State"):
            assert f" {label} " in f"{header} ", header
        for summary in goal_summaries(app.rb):
            row = next(line for line in text.splitlines() if summary.goal.name[:8] in line)
            assert f" {state_text(summary)} " in f"{row} " and f" {summary.score:.0%} " in row, row


async def test_goals_table_breaks_a_long_period_label_rather_than_cut_a_figure(tmp_path, monkeypatch):
    real = goal_list.progress_text
    monkeypatch.setattr(goal_table, "progress_text",
                        lambda s: real(s) + (" (2 a week, part week)" if s.goal.is_weekly else ""))
    app = demo_app(tmp_path)
    async with app.run_test(size=CLASSIC) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(GoalTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        text = screen_text(app)
        assert "this week 1/2" in text and "(2 a week, part week)" in text and " State " in text


async def test_goals_table_home_and_end_go_to_the_first_and_last_goal(tmp_path):
    app = demo_app(tmp_path)
    async with app.run_test(size=CLASSIC) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(GoalTable)
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1 > 0
        await pilot.press("home")
        assert table.cursor_row == 0


# Contacts ---------------------------------------------------------------------------------------
def contact_header(app) -> str:
    return next(line for line in screen_text(app).splitlines() if "Last contacted" in line)


async def test_contacts_at_80x24_show_every_header_and_follow_up_whole(tmp_path):
    app = demo_app(tmp_path)
    async with app.run_test(size=CLASSIC) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one(ContactTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        header = contact_header(app)
        for label in CONTACT_COLUMNS:
            assert f" {label} " in f"{header} ", header
        text = screen_text(app)
        assert "overdue 2 days" in text and "due today" in text and "#recruit" in text


async def test_contacts_company_and_role_grow_with_the_width(make_app, rb):
    role = "Principal engineering manager, payments platform"
    contact_service.add_contact(rb, ContactFields("Ada Long", company="Northwind Traders International",
                                                  role=role, tags="recruiter"))
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        row = app.screen.query_one(ContactTable).get_row_at(0)
        table = app.screen.query_one(ContactTable)
        widths = {c.key.value: c.width for c in table.ordered_columns}
        assert widths["Company"] >= len("Northwind Traders International") and widths["Role"] >= len(role)
        assert role in screen_text(app) and row[1].plain == "Northwind Traders International"


async def test_contacts_end_goes_to_the_last_of_800_contacts(make_app, rb):
    for n in range(200):
        contact_service.add_contact(rb, ContactFields(f"Person {n:03}"))
    app = make_app()
    async with app.run_test(size=CLASSIC) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one(ContactTable)
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 199 and table.selected() is table.views[-1]
        await pilot.press("pageup")
        assert table.cursor_row < 199
        await pilot.press("home")
        assert table.cursor_row == 0


# Mood ---------------------------------------------------------------------------------------------
async def test_mood_at_80x24_shows_entries_insights_and_rejections(tmp_path):
    app = demo_app(tmp_path)
    async with app.run_test(size=CLASSIC) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.pause(0.1)
        screen = app.screen
        insights = screen.query_one("#mood-insights")
        bottom = screen.query_one("#mood-body").region.bottom  # above the key bar
        assert "On days" in str(insights.render()) and insights.region.bottom <= bottom  # all of them
        assert screen.query_one("#mood-entries").region.height >= 5  # a few entries, not two
        assert screen.query_one("#mood-rejections").region.bottom <= bottom
        assert "Lesson:" in screen_text(app)
