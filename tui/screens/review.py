"""The weekly review (`v`): this week's review, `←`/`→` other weeks, `e` saves it as Markdown."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from .. import paths
from ..core import weekly_review_text as write
from ..core.errors import InputError
from ..core.weekly_review import WeeklyReview
from ..services.weekly_review import default_path, save_markdown, weekly_review

if TYPE_CHECKING:
    from .host import HostApp


class ReviewScreen(ModalScreen[None]):
    CSS_PATH = [paths.styles_dir() / "review.tcss"]
    BINDINGS = [
        Binding("left", "week(-1)", "Last week", key_display="←"),
        Binding("right", "week(1)", "Next week", key_display="→"),
        Binding("e", "save", "Save as Markdown"),
        Binding("escape,v,q", "close", "Close", key_display="esc"),
    ]

    app: HostApp

    def __init__(self) -> None:
        super().__init__()
        self.offset_weeks = 0
        self.review: WeeklyReview | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="review-box"):
            with VerticalScroll(id="review-body"):
                yield Static(id="review-text", markup=False)
            yield Input(id="review-path", classes="-hidden")
            yield Static("← → other weeks · e save as Markdown · esc close", id="review-hint")

    def on_mount(self) -> None:
        self.show_week()

    def show_week(self) -> None:
        rb = self.app.rb
        day = rb.today() + timedelta(weeks=self.offset_weeks)
        self.review = weekly_review(rb, day)
        self.query_one("#review-text", Static).update(write.text(self.review))

    def action_week(self, step: int) -> None:
        if self.offset_weeks + step > 0:
            self.notify("This is the current week; the next has not begun", severity="warning")
            return
        self.offset_weeks += step
        self.show_week()

    def action_save(self) -> None:
        if self.review is None:
            return
        field = self.query_one("#review-path", Input)
        field.value = f"~/{default_path(self.review).name}"
        field.remove_class("-hidden")
        field.focus()
        self.query_one("#review-hint", Static).update("enter saves to this path · esc cancels")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.review is None:
            return
        try:
            saved = save_markdown(self.review, event.value)
        except InputError as exc:
            self.notify(str(exc), title="Not saved", severity="warning", markup=False)
            return
        self.notify(f"Saved to {saved}", title="Weekly review", markup=False)
        self._hide_path()

    def _hide_path(self) -> None:
        field = self.query_one("#review-path", Input)
        field.add_class("-hidden")
        self.query_one("#review-body").focus()
        self.query_one("#review-hint", Static).update("← → other weeks · e save as Markdown · esc close")

    def action_close(self) -> None:
        field = self.query_one("#review-path", Input)
        if not field.has_class("-hidden"):
            self._hide_path()  # esc first leaves the path field
            return
        self.dismiss(None)
