"""Reflect on a rejection: company and role, stage reached, what I can learn, and whether to ask
someone for feedback (a contact found or created, with a follow-up). Saved with its mood entry as
one change. With open applications, a menu at the top picks one: it fills company, role and stage,
and saving moves it to rejected in the same change. With ``edit`` set, only the lesson is edited."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Select, Static

from ..core.mood import STAGES, Rejection
from ..core.wording import day_label
from ..services import applications as app_service
from ..services import contacts as contact_service
from ..services import mood as mood_service
from ..widgets.text_input import TextInput
from .form_fields import CheckedForm, choice, field_value
from .saving import save_form

if TYPE_CHECKING:
    from .host import HostApp
    from ..core.applications import Application

NO_APPLICATION = "— none —"
FIELDS = ("application", "score", "company", "role", "stage", "lesson", "contact", "follow_up")


@dataclass(frozen=True)
class MoodDraft:
    """The mood entry typed in the mood form, saved together with the reflection."""

    score: int
    tags: str
    note: str


def field(label: str, name: str, value: str = "", **kwargs: object) -> Vertical:
    return Vertical(
        Label(label),
        TextInput(value, id=name, **kwargs),  # type: ignore[arg-type]
        Static(id=f"{name}-error", classes="field-error"),
        classes="form-field",
    )


class RejectionForm(CheckedForm[Rejection | None]):
    NUMBERS = {"score": "mood is a whole number from 1 to 5, like 2"}
    app: HostApp

    def __init__(self, draft: MoodDraft | None = None, *, edit: Rejection | None = None) -> None:
        super().__init__()
        self.draft = draft
        self.edit = edit
        self.offered = ""  # a contact name refused once with close matches: enter again makes it
        self.open_apps: dict[str, Application] = {}  # id → an open application offered at the top

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form", id="rejection-form"):
            if self.edit is not None:
                yield Static(Text(f"The lesson from {self.edit.title}"), classes="form-title")
                yield field("What I can learn", "lesson", self.edit.lesson, max_length=600)
            else:
                yield Static("A rejection: it is not personal. What can it teach?", classes="form-title")
                yield from self._application_menu()
                yield Horizontal(
                    field("Company", "company", placeholder="Northwind", max_length=120),
                    field("Role", "role", placeholder="Data analyst", max_length=120),
                    classes="form-row",
                )
                mood = [] if self.draft else [
                    field("Mood 1–5", "score", "2", max_length=1, classes="short")
                ]
                yield Horizontal(
                    field("Stage reached", "stage", placeholder="interview", max_length=120,
                          suggester=SuggestFromList(STAGES, case_sensitive=False)),
                    *mood,
                    classes="form-row",
                )
                yield field("What I can learn", "lesson", placeholder="prepare a sharper portfolio story",
                            max_length=600)
                yield Horizontal(
                    field("Ask for feedback? Who (blank: not now)", "contact",
                          placeholder="the recruiter's name", max_length=120,
                          suggester=SuggestFromList(contact_service.names(self.app.rb),
                                                    case_sensitive=False)),
                    field("Follow up", "follow_up", mood_service.DEFAULT_FOLLOW_UP, max_length=40),
                    classes="form-row",
                )
            yield Static("enter saves · esc cancels", classes="form-hint")

    def _application_menu(self) -> list[Vertical]:
        """The open applications to pick from ("— none —" first); nothing when there are none."""
        found = sorted((a for a in app_service.applications(self.app.rb) if a.is_open),
                       key=lambda a: (a.company.casefold(), a.role.casefold()))
        if not found:
            return []
        self.open_apps = {a.id: a for a in found}
        labels = {"": NO_APPLICATION, **{a.id: a.title for a in found}}
        return [Vertical(Label("From an application? shift+tab picks it (it moves to rejected)"),
                         choice(labels, "", "application", labels, compact=True),
                         Static(id="application-error", classes="field-error"), classes="form-field")]

    def on_select_changed(self, event: Select.Changed) -> None:
        """Picking an application fills company, role and the stage it reached."""
        app = self.open_apps.get(str(event.value)) if event.select.id == "application" else None
        if app is None:
            return
        event.stop()
        for name, text in (("company", app.company), ("role", app.role),
                           ("stage", app_service.REACHED.get(app.stage, "")),
                           ("follow_up", app_service.feedback_follow_up(self.app.rb))):
            self.query_one(f"#{name}", Input).value = text

    def on_mount(self) -> None:  # company first, as without applications: shift+tab picks one
        self.query_one("#lesson" if self.edit else "#company", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def value(self, name: str) -> str:
        found = self.query(f"#{name}")
        return found.first(Input).value if found else ""

    def show_error(self, field_name: str | None, message: str) -> None:
        for name in FIELDS:
            for error in self.query(f"#{name}-error"):
                error.update("")  # type: ignore[attr-defined]
        target = field_name if field_name in FIELDS and self.query(f"#{field_name}") else None
        target = target or ("lesson" if self.edit else "company")
        self.query_one(f"#{target}-error", Static).update(Text(message))  # user words are not markup
        if target == "contact":
            self.offered = self.value("contact")
        self.query_one(f"#{target}").focus()

    def action_save(self) -> None:
        if found := self.number_error():
            self.show_error(*found)
            return
        rb = self.app.rb

        def submit() -> Rejection:
            if self.edit is not None:
                return mood_service.edit_lesson(rb, self.edit.id, self.value("lesson"))
            draft = self.draft or MoodDraft(self.value("score"), "", "")  # type: ignore[arg-type]
            name = self.value("contact")
            new = bool(name.strip()) and contact_service.named_or_new(rb, name, self.offered) is None
            picked = field_value(self, "application") if self.open_apps else ""
            if picked:  # the move to rejected and the reflection: one change, one undo
                _, rejection = app_service.reject_with_reflection(
                    rb, picked, lesson=self.value("lesson"), score=draft.score, tags=draft.tags,
                    note=draft.note, contact=name, follow_up=self.value("follow_up"),
                    new_contact=self.offered,
                    reflection=(self.value("company"), self.value("role"), self.value("stage")))
                self.app.notify(f"{self.open_apps[picked].title} moved to rejected (u undoes it with "
                                "the reflection)", markup=False)
            else:
                rejection = mood_service.log_rejection(
                    rb, self.value("company"), role=self.value("role"), stage=self.value("stage"),
                    lesson=self.value("lesson"), score=draft.score, tags=draft.tags,
                    note=draft.note, contact=name, follow_up=self.value("follow_up"),
                    new_contact=self.offered,
                )
            if new and rejection.follow_up is not None:
                self.app.notify(f"{rejection.contact}: new contact · ask for feedback on "
                                f"{day_label(rejection.follow_up)}", markup=False)
            return rejection

        save_form(self, submit)
