"""Palette entries "Goals: Jump to …" and "Contacts: Jump to …": open the screen on that record."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from ..services import memo
from ..store import repo

if TYPE_CHECKING:
    from .host import HostApp
    from ..services.context import Rebound


def names(rb: Rebound) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """(id, name) of every goal and of every contact, read once per version of the data."""
    def read() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
        from ..store import contacts as contact_repo  # imported when the palette is searched

        return (tuple((g.id, g.name) for g in repo.goals(rb.store)),
                tuple((c.id, c.name) for c in contact_repo.contacts(rb.store)))

    return memo.memoised(rb, "jump-names", read)


def jump_targets(app: HostApp) -> list[tuple[str, str, Callable[[], Any]]]:
    """Title, help and callback of each jump (titles are plain text: the palette shows them as typed)."""
    goals, contacts = names(app.rb)
    return [*((f"Goals: Jump to {name}", "Open the Goals screen on this goal",
               partial(jump_to_goal, app, goal_id)) for goal_id, name in goals),
            *((f"Contacts: Jump to {name}", "Open the Contacts screen on this contact",
               partial(jump_to_contact, app, contact_id)) for contact_id, name in contacts)]


async def jump_to_goal(app: HostApp, goal_id: str) -> None:
    from ..widgets.goal_table import GoalTable

    await app.switch_mode("goals")
    app.refresh_data()  # the table is filled on reload; then the cursor survives later reloads
    table = app.screen.query_one(GoalTable)
    try:
        table.move_cursor(row=table.get_row_index(goal_id), animate=False)
    except Exception:  # archived meanwhile, or deleted by another process: stay where we are
        return


async def jump_to_contact(app: HostApp, contact_id: str) -> None:
    from .contacts import ContactsScreen

    await app.switch_mode("contacts")
    screen = app.screen
    if isinstance(screen, ContactsScreen):
        screen.select(contact_id)  # honoured by the next reload
    app.refresh_data()
