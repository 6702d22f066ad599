"""The command palette: every binding of every screen (and of the app) has an entry, screen
entries read "Area: action", commands are found by their words, goals and contacts by name, and
the names are read once per version of the data."""

from __future__ import annotations

import ast
from functools import partial

from textual.command import CommandList

from tui.app import ReboundApp
from tui.screens.jump import jump_targets
from tui.screens.palette import key_commands
from tui.services import goals as goal_service

SIZE = (110, 34)
NAVIGATION = {"cursor", "cursor_goal"}  # j/k and arrows move a highlight: nothing to run


def parse_action(action: str) -> tuple[str, tuple]:
    name, _, rest = action.partition("(")
    args = ast.literal_eval(f"({rest[:-1]},)") if rest[:-1].strip() else ()
    return name, tuple(args)


def callback_action(callback) -> tuple[str, tuple] | None:
    if isinstance(callback, partial):
        name, args = getattr(callback.func, "__name__", ""), tuple(callback.args)
    else:
        name, args = getattr(callback, "__name__", ""), ()
    return (name[len("action_"):], args) if name.startswith("action_") else None


async def test_every_screen_binding_has_a_palette_command(make_app, rb):
    goal_service.add_goal(rb, "Apply")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for mode, screen_class in ReboundApp.MODES.items():
            app.switch_mode(mode)
            await pilot.pause()
            screen = app.screen
            area = mode.capitalize()
            commands = [c for c in key_commands(app, screen) if c.title.startswith(f"{area}: ")]
            assert commands, mode
            for command in commands:
                assert command.help.endswith(")"), f"{command.title}: name the key in the help"
            runnable = {callback_action(c.callback) for c in key_commands(app, screen)}
            for binding in screen_class.BINDINGS:
                action = parse_action(binding.action)
                if action[0] in NAVIGATION:
                    continue
                assert action in runnable, f"{mode}: {binding.description} ({binding.key}) has no command"


async def test_every_app_binding_has_a_palette_command(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        titles = {c.title for c in key_commands(app, app.screen)}
        titles |= {c.title for c in app.get_system_commands(app.screen)}  # Textual's own: Quit
        expected = {"mode.today": "Today", "mode.goals": "Goals", "mode.contacts": "Contacts",
                    "mode.mood": "Mood", "mode.wins": "Wins", "mode.applications": "Applications",
                    "app.undo": "Undo",
                    "app.win": "Record a win", "app.mood": "Log mood", "app.rejection": "Log a rejection",
                    "app.help": "Help", "app.quit": "Quit", "app.settings": "Settings",
                    "app.review": "Weekly review"}
        ids = {b.id for b in ReboundApp.BINDINGS}
        assert ids <= set(expected), ids - set(expected)  # a new app binding needs a line here
        for binding_id in ids:
            assert expected[binding_id] in titles, binding_id
        await pilot.pause()


def test_the_palette_help_names_each_key_from_its_binding():
    """The key in a palette entry's help is read from the binding, never written by hand."""
    from tui.screens.goals import GoalsScreen

    app, screen = ReboundApp.__new__(ReboundApp), GoalsScreen.__new__(GoalsScreen)
    helps = {c.title: c.help for c in key_commands(app, screen)}
    assert helps["Goals: Day back"] == "Move the day cursor a day back (←)"
    assert helps["Goals: Add 1 on the cursor day"] == "Count one more on the cursor day (+)"
    assert helps["Settings"] == "Day start, first day of the week, theme (,)"


async def test_jump_to_goal_and_contact_from_the_palette(make_app, rb):
    from tui.services import contacts as contact_service
    from tui.widgets.contact_table import ContactTable
    from tui.widgets.goal_table import GoalTable

    for name in ("Apply", "Network", "Walk"):
        goal_service.add_goal(rb, name)
    for name in ("Ada Lovelace", "Grace Hopper", "Linus Torvalds"):
        contact_service.add_contact(rb, contact_service.ContactFields(name))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        commands = {title: callback for title, _, callback in jump_targets(app)}
        await commands["Goals: Jump to Walk"]()
        await pilot.pause()
        assert app.current_mode == "goals"
        assert app.screen.query_one(GoalTable).selected_id() == app.screen.selected().goal.id
        assert app.screen.selected().goal.name == "Walk"
        await commands["Contacts: Jump to Linus Torvalds"]()
        await pilot.pause()
        assert app.current_mode == "contacts"
        assert app.screen.query_one(ContactTable).selected().contact.name == "Linus Torvalds"


async def test_jump_through_the_palette_keys(make_app, rb):
    for name in ("Apply", "Walk"):
        goal_service.add_goal(rb, name)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"Jump to Walk")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "goals"
        assert app.screen.selected().goal.name == "Walk"


async def listed(app, pilot, query: str) -> list[str]:
    """Open the palette, type ``query``, and return what it lists; then close it."""
    await pilot.press("ctrl+p", *query)
    await pilot.pause(0.4)
    found = [str(option.prompt) for option in app.screen.query_one(CommandList).options]
    await pilot.press("escape")
    await pilot.pause()
    return found


async def test_the_palette_finds_a_key_command_by_its_words_and_runs_it(make_app, rb):
    goal = goal_service.add_goal(rb, "Apply")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        found = await listed(app, pilot, "skip goal")
        assert any(line.startswith("Today: Skip goal today") and "(s)" in line for line in found), found
        await pilot.press("ctrl+p", *"skip goal")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause()
        from tui.services import memo

        assert [s.skipped for s in memo.summaries(rb) if s.goal.id == goal.id] == [True]


async def test_jump_names_are_read_once_per_version_of_the_data(make_app, rb, monkeypatch):
    """A second opening of the palette reads no goal or contact while nothing changed; after
    a change it lists the new goal."""
    from tui.store import repo

    goal_service.add_goal(rb, "Walk the dog")
    reads = []
    real = repo.goals
    monkeypatch.setattr(repo, "goals", lambda *a, **k: reads.append(1) or real(*a, **k))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reads.clear()  # what the first frame read
        assert any("Goals: Jump to Walk the dog" in line for line in await listed(app, pilot, "Walk"))
        first = len(reads)
        assert first >= 1
        assert any("Goals: Jump to Walk the dog" in line for line in await listed(app, pilot, "Walk"))
        assert len(reads) == first  # the second opening read nothing
        goal_service.add_goal(rb, "Walk to the interview")
        found = await listed(app, pilot, "Walk")
        assert any("Goals: Jump to Walk to the interview" in line for line in found), found
        assert len(reads) > first
