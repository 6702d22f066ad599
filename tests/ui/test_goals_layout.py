"""The goal table is laid out once per terminal width. The Goals screen scrolls in a short
terminal; its scrollbar used to take a column from the table once the screen was shown, so the
table was laid out again, showed a horizontal scrollbar for a frame, and drew every row again on
the next visit (about 20 ms with twelve goals, bench/RESULTS.md)."""

from __future__ import annotations

from textual.containers import VerticalScroll

from tui.demo.screenshots import demo_app
from tui.widgets.goal_table import GoalTable


async def test_the_scrollbar_coming_does_not_narrow_the_goal_table(tmp_path, monkeypatch):
    widths: list[int] = []
    resized = GoalTable.on_resize

    def record(table: GoalTable) -> None:
        widths.append(table.size.width)
        resized(table)

    monkeypatch.setattr(GoalTable, "on_resize", record)
    app = demo_app(tmp_path)
    async with app.run_test(size=(110, 26)) as pilot:  # too short for the Goals screen: it scrolls
        for key in ("2", "1", "2"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause(0.05)
        scroll = app.screen.query_one("#goals", VerticalScroll)
        table = app.screen.query_one(GoalTable)
        assert scroll.show_vertical_scrollbar  # the case in question
        assert not table.show_horizontal_scrollbar
        assert widths and set(widths) == {table.size.width}, widths
