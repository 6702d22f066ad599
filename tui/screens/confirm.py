"""A yes/no question before something goes: `y`/`enter` confirms, `n`/`escape` keeps it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", key_display="y/enter"),
        Binding("n,escape", "answer(False)", "No", key_display="n/esc"),
    ]
    AUTO_FOCUS = ""  # nothing focused: enter answers yes unless the user tabs to a button

    def __init__(
        self, title: str, question: str, *, yes: str = "Delete", no: str = "Keep", yes_variant: str = "error"
    ) -> None:
        super().__init__()
        self.yes_variant = yes_variant
        self.title_text = title
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.title_text, id="confirm-title", markup=False)
            yield Static(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes} (y)", id="confirm-yes", variant=self.yes_variant)  # type: ignore[arg-type]
                yield Button(f"{self.no} (n)", id="confirm-no")
            yield Static("y or enter confirms · n or esc cancels", id="confirm-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")


def confirm_delete(app: Any, kind: str, name: str, what: str, delete: Callable[[], object],
                   done: Callable[[str], None]) -> None:
    """Ask before deleting ``name`` and ``what`` goes with it ("its 3 check-ins"); on yes run
    ``delete`` (truthy when it went through) and hand ``done`` the message to show."""
    question = f"Delete “{name}” and {what}?\nu undoes it while the app is open."

    def answered(yes: bool | None) -> None:
        if yes and delete():
            done(f"Deleted {name} and {what}. u undoes it.")

    app.push_screen(ConfirmScreen(f"Delete {kind}", question), answered)


def counted(count: int, noun: str) -> str:
    """"1 check-in", "3 check-ins"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
