"""Palette entries "Goals: Jump to …" and "Contacts: Jump to …": open the screen on that record."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.markup import escape  # palette titles are parsed as markup

from .store import repo

if TYPE_CHECKING:
    from .app import ReboundApp


def jump_commands(app: ReboundApp) -> Iterator[SystemCommand]:
    from .store import contacts as contact_repo  # imported when the palette opens

    store = app.rb.store
    for goal in repo.goals(store):
        yield SystemCommand(f"Goals: Jump to {escape(goal.name)}", "Open the Goals screen on this goal",
                            partial(jump_to_goal, app, goal.id))
    for contact in contact_repo.contacts(store):
        yield SystemCommand(f"Contacts: Jump to {escape(contact.name)}", "Open the Contacts screen on this contact",
                            partial(jump_to_contact, app, contact.id))


async def jump_to_goal(app: ReboundApp, goal_id: str) -> None:
    from .widgets.goal_table import GoalTable

    await app.switch_mode("goals")
    app.refresh_data()  # the table is filled on reload; then the cursor survives later reloads
    table = app.screen.query_one(GoalTable)
    try:
        table.move_cursor(row=table.get_row_index(goal_id), animate=False)
    except Exception:  # archived meanwhile, or deleted by another process: stay where we are
        return


async def jump_to_contact(app: ReboundApp, contact_id: str) -> None:
    from .screens.contacts import ContactsScreen

    await app.switch_mode("contacts")
    screen = app.screen
    if isinstance(screen, ContactsScreen):
        screen.select(contact_id)  # honoured by the next reload
    app.refresh_data()
