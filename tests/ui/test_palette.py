"""Palette coverage: every binding of every screen (and of the app) has a command-palette entry,
and screen entries read "Area: action"."""

from __future__ import annotations

import ast
from functools import partial

from tui.app import ReboundApp
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
            commands = list(screen.commands())
            assert commands, mode
            for title, help_text, _ in commands:
                assert title.startswith(f"{area}: "), title
                assert help_text.endswith(")"), f"{title}: name the key in the help"
            palette = {c.title: c for c in app.get_system_commands(screen)}
            runnable = {callback_action(c.callback) for c in palette.values()}
            for binding in screen_class.BINDINGS:
                action = parse_action(binding.action)
                if action[0] in NAVIGATION:
                    continue
                assert action in runnable, f"{mode}: {binding.description} ({binding.key}) has no command"


async def test_every_app_binding_has_a_palette_command(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        titles = {c.title for c in app.get_system_commands(app.screen)}
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
        commands = {c.title: c.callback for c in app.get_system_commands(app.screen)}
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
