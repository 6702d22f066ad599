"""Log a mood: `1`–`5` pick the score, then tags (suggested or your own words) and a note.

`enter` saves. Tagged `rejection`, it opens the reflection form instead, and the two save together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static

from ..core.errors import InputError
from ..core.mood import REJECTION, SUGGESTED_TAGS, MoodEntry, Rejection, check_score, parse_tags
from ..services import mood as mood_service
from ..services.days import parse_day
from ..widgets.mood_picker import ScorePicker
from .form_fields import TypedForm
from .rejection_form import MoodDraft, RejectionForm
from ..widgets.text_input import TextInput
from .saving import save_form

if TYPE_CHECKING:
    from .host import HostApp

FIELDS = ("score", "tags", "note")


class TagSuggester(Suggester):
    """Completes the word being typed (after the last comma or space) from the suggested tags."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=False)

    async def get_suggestion(self, value: str) -> str | None:
        head, _, word = value.rpartition(" ") if " " in value else ("", "", value)
        if "," in word:
            head, _, word = value.rpartition(",")
            head += ","
        elif head:
            head += " "
        if not word:
            return None
        for tag in SUGGESTED_TAGS:
            if tag.startswith(word) and tag != word:
                return head + tag
        return None


class MoodForm(TypedForm[MoodEntry | Rejection | None]):
    """Logs a new entry; given ``edit``, changes that one (its day too) instead."""

    app: HostApp

    def __init__(self, edit: MoodEntry | None = None) -> None:
        super().__init__()
        self.edit = edit

    def compose(self) -> ComposeResult:
        edit = self.edit
        with Vertical(classes="form", id="mood-form"):
            yield Static("Edit a mood entry" if edit else "How are you feeling?", classes="form-title")
            yield Label("Press 1–5 (1 rough … 5 great)")
            yield ScorePicker(edit.score if edit else None, id="score")
            yield Static(id="score-error", classes="field-error")
            yield Label("Tags (optional; your own words too, → takes a suggestion)")
            if not edit:  # room for the day at 80×24
                yield Label(" · ".join(SUGGESTED_TAGS), classes="form-suggestions")
            yield TextInput(placeholder="interview, exercise", id="tags", suggester=TagSuggester())
            yield Static(id="tags-error", classes="field-error")
            yield Label("Note (optional)")
            yield TextInput(placeholder="what made today what it was", id="note", max_length=600)
            yield Static(id="note-error", classes="field-error")
            if edit:
                yield Label("Day (YYYY-MM-DD, today or yesterday)")
                yield TextInput(edit.day.isoformat(), id="day")
                yield Static(id="day-error", classes="field-error")
            yield Static("enter saves · esc cancels" + ("" if edit else
                         " · tagged rejection: a reflection follows"), classes="form-hint")

    def on_mount(self) -> None:
        if self.edit:
            self.query_one("#tags", Input).value = ", ".join(self.edit.tags)
            self.query_one("#note", Input).value = self.edit.note
        self.query_one(ScorePicker).focus()

    @on(ScorePicker.Picked)
    def _picked(self) -> None:
        self.query_one("#score-error", Static).update("")
        self.query_one("#tags", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, field: str | None, message: str) -> None:
        fields = (*FIELDS, "day") if self.edit else FIELDS
        for name in fields:
            self.query_one(f"#{name}-error", Static).update("")
        target = field if field in fields else "note"
        self.query_one(f"#{target}-error", Static).update(Text(message))  # user words are not markup
        self.query_one(f"#{target}").focus()

    def action_save(self) -> None:
        score = self.query_one(ScorePicker).score
        tags, note = self.query_one("#tags", Input).value, self.query_one("#note", Input).value
        rb = self.app.rb

        def submit() -> MoodEntry | None:
            if self.edit:
                day = self.query_one("#day", Input).value
                try:
                    when = parse_day(day, rb.today())
                except InputError as exc:
                    raise InputError(str(exc), "day") from None
                return mood_service.edit_mood(rb, self.edit.id, score=score, tags=tags, note=note,
                                              day=when)
            if score is None:
                raise InputError("pick a score first: press 1 to 5", "score")
            check_score(score)
            if REJECTION in parse_tags(tags):
                self.app.push_screen(RejectionForm(MoodDraft(score, tags, note)), self._reflected)
                return None  # the reflection saves the entry with it
            return mood_service.log_mood(rb, score, tags=tags, note=note)

        save_form(self, submit, "note")

    def _reflected(self, rejection: Rejection | None) -> None:
        if rejection is not None:  # saved with this form's mood entry; cancelled keeps the form
            self.dismiss(rejection)
