"""The one-line footer (KeyBar) and Today's goal list (GoalList): drawn as text, used as widgets."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from tui.demo.screenshots import demo_app
from tui.services import goals as goal_service
from tui.services import memo
from tui.services.status import goal_summaries
from tui.widgets.goal_list import GoalList
from tui.widgets.key_bar import KeyBar

SIZE = (110, 34)


def bar_text(app) -> str:
    return app.screen.query_one(KeyBar).render_line(0).text


def column_of(app, words: str) -> int:
    text = bar_text(app)
    assert words in text, text
    return text.index(words)


def done_today(rb, name: str) -> int:
    return next(s for s in goal_summaries(rb) if s.goal.name == name).streak.done


async def test_the_bar_shows_every_shown_key_of_the_screen_and_the_palette_on_the_right(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = bar_text(app)
        shown = [b.binding for b in app.screen.active_bindings.values() if b.binding.show]
        for binding in shown:
            assert f"{app.get_key_display(binding)} {binding.description}" in text
        assert text.rstrip().endswith("^p palette")
        assert len(text) == SIZE[0]
        await pilot.press("2")  # Goals: grouped keys side by side, then the group's name
        await pilot.pause()
        assert "←→ Day" in bar_text(app) and "[] Week" in bar_text(app)


async def test_a_narrow_bar_drops_whole_keys_never_half_of_one_and_keeps_help_and_quit(make_app):
    app = make_app()
    async with app.run_test(size=(60, 34)) as pilot:
        await pilot.pause()
        text = bar_text(app)
        assert text.rstrip().endswith("^p palette")
        shown = [b.binding for b in app.screen.active_bindings.values() if b.binding.show]
        first = {b.action: b for b in reversed(shown)}  # one key per action, the first
        items = [f" {app.get_key_display(b)} {b.description} " for b in shown if first[b.action] is b]
        kept = [item for item in items if item in (" ? Help ", " q Quit ")]
        others = [item for item in items if item not in kept]
        left = text[: text.index("▏")].rstrip()
        fits = [k for k in range(1, len(others)) if "".join(others[:k] + kept).rstrip() == left]
        assert fits, text  # a run of whole items, each key with its description, then help and quit
        assert len(kept) == 2 and "Rest day" not in text  # the others go first (product.md §2)


async def test_clicking_a_key_presses_it(make_app, rb):
    goal_service.add_goal(rb, "Apply")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(KeyBar, offset=(column_of(app, "Tick"), 0))
        await pilot.pause()
        assert done_today(rb, "Apply") == 1
        await pilot.click(KeyBar, offset=(column_of(app, "palette"), 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_the_bar_follows_the_focused_widget_s_bindings(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = bar_text(app)
        await pilot.press("2")
        await pilot.pause()
        assert bar_text(app) != before and "Day" in bar_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert bar_text(app) == before


async def test_clicking_a_goal_selects_and_ticks_it(make_app, rb):
    for name in ("Alpha", "Beta", "Gamma"):
        goal_service.add_goal(rb, name)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(GoalList)
        await pilot.click(GoalList, offset=(5, 2))
        await pilot.pause()
        assert view.index == 2 and view.selected.goal.name == "Gamma"
        assert done_today(rb, "Gamma") == 1 and done_today(rb, "Alpha") == 0


async def test_the_cursor_stays_in_view_through_more_goals_than_fit(make_app, rb):
    names = [f"Goal {n:02}" for n in range(40)]
    for name in names:
        goal_service.add_goal(rb, name)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(GoalList)
        height = view.scrollable_content_region.height
        assert 0 < height < len(names)
        await pilot.press(*["j"] * 39)
        await pilot.pause()
        assert view.selected.goal.name == "Goal 39"
        drawn = [view.render_line(y).text for y in range(height)]
        assert "Goal 39" in drawn[-1] and "Goal 00" not in " ".join(drawn)
        await pilot.press(*["k"] * 39)
        await pilot.pause()
        assert "Goal 00" in view.render_line(0).text


async def test_long_and_wide_goal_names_are_cut_to_their_column(make_app, rb):
    goal_service.add_goal(rb, "求職" * 40)
    app = make_app()
    async with app.run_test(size=(80, 34)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(GoalList)
        line = view.render_line(0)
        assert line.cell_length == view.scrollable_content_region.width
        assert "…" in line.text and "0/1" in line.text


async def test_the_first_frame_is_drawn_with_the_final_styles(tmp_path):
    """The theme is applied without Textual's full restyle (app._open_in_theme): what the first
    frame shows must equal a fresh draw of every widget, colours included."""
    app = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = app.export_screenshot()
        for widget in app.screen.walk_children(with_self=True):
            widget.notify_style_update()  # drops every cached style
            widget.refresh()
        await pilot.pause()
        assert app.export_screenshot() == first


async def test_the_other_screens_styles_arrive_before_their_screens(make_app):
    """app.tcss and today.tcss are parsed for the first frame, the rest just after it: a screen
    or a form shown before then (a key pressed at once) is styled all the same."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert not app._later_styles_loaded or app._first_frame_shown
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.query_one("#goals").styles.padding.left == 2  # goals.tcss
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query_one("#help-box").styles.width.value == 64  # help.tcss
    later = make_app()
    async with later.run_test(size=SIZE) as pilot:
        for _ in range(100):  # a few frames after the first; more on a busy machine
            await pilot.pause()
            if later._later_styles_loaded:
                break
            await pilot.pause(0.02)
        assert later._later_styles_loaded  # after the first frame, without any key


@pytest.mark.parametrize("key,mode", [("2", "goals"), ("3", "contacts"), ("4", "mood"), ("5", "wins")])
async def test_a_first_switch_draws_its_screen_right_and_reads_its_data_once(tmp_path, monkeypatch, key, mode):
    """Textual resumes a mode's screen twice on its first switch, before its first frame; the
    second is stopped (screens.lazy.repeated_resume, public API only) before Textual restyles every
    widget again. The screen reloads once, and what it shows equals a fresh redraw of every
    widget."""
    app = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(200):  # the screens built and read ahead first: on a busy machine that
            if not (app._unbuilt or app._unprepared):  # work could still reload the screen
                break
            await pilot.pause(0.02)
        asked = 0

        def counted(real):
            def ask(*args, **kwargs):
                nonlocal asked
                asked += 1
                return real(*args, **kwargs)
            return ask

        monkeypatch.setattr(memo, "memoised", counted(memo.memoised))
        monkeypatch.setattr(memo, "peek", counted(memo.peek))
        screen_class = app.MODES[mode].load()
        real_reload, per_reload = screen_class.reload, []

        def reload(self):
            before = asked
            real_reload(self)
            per_reload.append(asked - before)

        monkeypatch.setattr(screen_class, "reload", reload)
        await pilot.press(key)
        await pilot.pause(0.05)
        assert app.current_mode == mode
        assert len(per_reload) == 1 and per_reload[0] > 0, per_reload
        first = app.export_screenshot()
        for widget in app.screen.walk_children(with_self=True):
            widget.notify_style_update()
            widget.refresh()
        await pilot.pause()
        assert app.export_screenshot() == first
