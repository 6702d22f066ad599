"""The question shown when the data folder vanished while the app runs: wait for it, or start afresh.

Waiting is the default (`n`, `esc`, `enter`): nothing is written, and Rebound carries on as soon as
the folder is back. Only `y` (or the button) makes a new, empty data folder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from ..services import restore as restore_service
from ..store.folder import DataFolderGoneError
from .confirm import ConfirmScreen

if TYPE_CHECKING:
    from .host import HostApp


class FolderGoneScreen(ConfirmScreen):
    BINDINGS = [
        Binding("y", "answer(True)", "Start afresh"),
        Binding("n,escape,enter", "answer(False)", "Wait", key_display="n/esc"),
    ]

    def __init__(self, error: DataFolderGoneError) -> None:
        question = (
            f"{error.folder} was deleted or moved while Rebound was open.\n\n"
            "Nothing has been saved since, and nothing will be: the screen still shows what Rebound "
            "last read. Put the folder back (from the trash or a copy) and Rebound carries on with "
            "it. Or start afresh with a new, empty data folder there."
        )
        super().__init__("Your data folder is gone", question, yes="Start afresh", no="Wait for it")

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.title_text, id="confirm-title", markup=False)
            yield Static(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.no} (n)", id="confirm-no", variant="primary")
                yield Button(f"{self.yes} (y)", id="confirm-yes", variant="error")
            yield Static("n, esc or enter waits · y starts afresh", id="confirm-hint")


def offer_start_afresh(app: HostApp, error: DataFolderGoneError) -> None:
    """Ask once per vanished folder; after "Wait for it" failed changes only show a toast."""
    seen = ("gone", error.folder)
    if seen in app.restore_declined or any(isinstance(s, FolderGoneScreen) for s in app.screen_stack):
        return

    def answered(yes: bool | None) -> None:
        if not yes:
            app.restore_declined.add(seen)
            return
        restore_service.start_afresh(app.rb)
        app.notify(f"Started afresh in {error.folder}", title="New data folder", markup=False)
        app.refresh_data()

    app.push_screen(FolderGoneScreen(error), answered)
