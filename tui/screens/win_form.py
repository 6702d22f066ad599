"""Record a win in your own words: one line, `enter` saves, `escape` cancels."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from ..core.errors import InputError
from ..core.wins import Win
from ..services.days import parse_day
from ..services.wins import add_win, edit_win
from ..widgets.text_input import TextInput
from .form_fields import TypedForm
from .saving import save_form

if TYPE_CHECKING:
    from .host import HostApp


class WinForm(TypedForm[str | None]):
    """Records a new win; given ``edit`` (one of the user's own), changes its words or day."""

    app: HostApp

    def __init__(self, edit: Win | None = None) -> None:
        super().__init__()
        self.edit = edit

    def compose(self) -> ComposeResult:
        edit = self.edit
        with Vertical(classes="form"):
            yield Static("Edit your win" if edit else "A small victory", classes="form-title")
            yield Label("What went well? It counts, however small.")
            yield TextInput(edit.title if edit else "", id="title",
                            placeholder="landed an interview · got useful feedback")
            yield Static(id="title-error", classes="field-error")
            if edit:
                yield Label("Day (YYYY-MM-DD, today or yesterday)")
                yield TextInput(edit.day.isoformat(), id="day")
                yield Static(id="day-error", classes="field-error")
            yield Static("enter saves · esc cancels", classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, field: str | None, message: str) -> None:
        fields = ("title", "day") if self.edit else ("title",)
        for name in fields:
            self.query_one(f"#{name}-error", Static).update("")
        target = field if field in fields else "title"
        self.query_one(f"#{target}-error", Static).update(Text(message))  # user words are not markup

    def action_save(self) -> None:
        rb, title = self.app.rb, self.query_one("#title", Input).value
        if self.edit is None:
            save_form(self, lambda: add_win(rb, title).title)
            return
        win_id, day_text = self.edit.id, self.query_one("#day", Input).value

        def submit() -> str:
            try:
                day = parse_day(day_text, rb.today())
            except InputError as exc:
                raise InputError(str(exc), "day") from None
            return edit_win(rb, win_id, text=title, day=day).title

        save_form(self, submit)
