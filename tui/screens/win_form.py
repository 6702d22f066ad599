"""Record a win in your own words: one line, `enter` saves, `escape` cancels."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ..services.wins import add_win
from ..widgets.text_input import TextInput
from .saving import save_form

if TYPE_CHECKING:
    from ..app import ReboundApp


class WinForm(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", key_display="esc"),
        Binding("enter", "save", "Save", priority=True),
    ]

    app: ReboundApp

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static("A small victory", classes="form-title")
            yield Label("What went well? It counts, however small.")
            yield TextInput(placeholder="landed an interview · got useful feedback", id="title")
            yield Static(id="title-error", classes="field-error")
            yield Static("enter saves · esc cancels", classes="form-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, field: str | None, message: str) -> None:
        self.query_one("#title-error", Static).update(Text(message))  # user words are not markup

    def action_save(self) -> None:
        save_form(self, lambda: add_win(self.app.rb, self.query_one(Input).value).title)
