"""The application forms: add or edit an application, close one, and the rejection reflection
opened by closing one as rejected (prefilled, linked to it, saved with the move as one change)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.widgets import Input

from ..core.applications import SOURCES, Application, check_move
from ..core.errors import InputError
from ..services import applications as app_service
from ..services import contacts as contact_service
from ..services.days import parse_day
from .field_form import FieldForm
from .rejection_form import RejectionForm
from .saving import save_form

CLOSE_AS = ("rejected", "withdrawn", "ghosted", "accepted")
DAY_HINT = "YYYY-MM-DD, today or yesterday"


def names_of(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(",") if name.strip())


def day_of(form: FieldForm, name: str) -> date:
    try:
        return parse_day(form.value(name), form.app.rb.today())
    except InputError as exc:
        raise InputError(str(exc), name) from None


class ApplicationForm(FieldForm):
    FIELDS = (
        ("company", "Company", "e.g. Northwind"),
        ("role", "Role", "e.g. Data analyst"),
        ("source", "Source", ""),
        ("link", "Link", "e.g. https://careers.example.com/123"),
        ("contacts", "Contacts (names, comma separated; new names are added)", "e.g. Priya Raman"),
        ("applied", f"Day applied ({DAY_HINT})", "today"),
        ("next_step", "Next step", "e.g. prepare the case study"),
        ("notes", "Note", "what stood out, who referred you"),
    )
    CHOICES = {"source": list(SOURCES)}

    def __init__(self, app: Application | None = None, names: dict[str, str] | None = None) -> None:
        initial = {"source": "job board", "applied": "today"}
        if app is not None:
            initial = {
                "company": app.company, "role": app.role, "source": app.source, "link": app.link,
                "contacts": ", ".join((names or {}).get(c, "") for c in app.contacts if (names or {}).get(c)),
                "applied": app.applied.isoformat(), "next_step": app.next_step, "notes": app.notes,
            }
        super().__init__("Edit application" if app else "New application", initial)
        self.application = app
        self.offered = ""  # a contact name refused once as close to others: enter again makes it

    def submit(self) -> Application:
        rb = self.app.rb
        day = day_of(self, "applied")
        names = names_of(self.value("contacts"))
        fields = app_service.AppFields(
            company=self.value("company"), role=self.value("role"), source=self.value("source"),
            link=self.value("link"), contacts=names, notes=self.value("notes"),
            next_step=self.value("next_step"),
            next_day=self.application.next_day if self.application else None,
            confirmed_new=self.offered,
        )
        try:
            if self.application is None:
                return app_service.add_application(rb, fields, day)
            return app_service.edit_application(rb, self.application.id, fields, day)
        except InputError as exc:
            if exc.field == "contacts":  # remember the name refused: enter again confirms it
                self.offered = next((n for n in names if _refused(rb, n)), "")
            raise


def _refused(rb: object, name: str) -> bool:
    try:
        contact_service.named_or_new(rb, name)  # type: ignore[arg-type]
    except InputError:
        return True
    return False


@dataclass(frozen=True)
class RejectionAsked:
    """Closing as rejected: the move is saved with the reflection, in the next form."""

    app: Application
    day: date


class CloseForm(FieldForm):
    FIELDS = (("stage", "Close as", ""), ("day", f"Day ({DAY_HINT})", "today"))
    CHOICES = {"stage": list(CLOSE_AS)}

    def __init__(self, app: Application) -> None:
        super().__init__(f"Close {app.title}", {"day": "today"},
                         subtitle=f"now at {app.stage} · rejected opens the reflection next")
        self.application = app

    def submit(self) -> Application | RejectionAsked:
        rb = self.app.rb
        day = day_of(self, "day")
        stage = self.value("stage")
        if stage == "rejected":
            check_move(self.application, stage, day, rb.today())  # refused here, before the reflection
            return RejectionAsked(self.application, day)
        return app_service.close_application(rb, self.application.id, stage, day)


class ApplicationRejectionForm(RejectionForm):
    """The reflection on a rejection from ``application``: company, role and the stage reached
    filled in and fixed; saving moves it to rejected and links the reflection, one change."""

    def __init__(self, application: Application, day: date) -> None:
        super().__init__()
        self.application = application
        self.day = day

    def on_mount(self) -> None:
        app = self.application
        stage = app_service.REACHED.get(app.stage, "")
        for name, value in (("company", app.company), ("role", app.role), ("stage", stage)):
            box = self.query_one(f"#{name}", Input)
            box.value = value
            box.disabled = True
        self.query_one("#follow_up", Input).value = app_service.feedback_follow_up(self.app.rb)
        self.call_after_refresh(self.query_one("#lesson", Input).focus)  # after the base's focus

    def action_save(self) -> None:
        if found := self.number_error():
            self.show_error(*found)
            return
        rb = self.app.rb

        def submit() -> Application:
            return app_service.reject_application(
                rb, self.application.id, day=self.day, lesson=self.value("lesson"),
                contact=self.value("contact"), score=self.value("score"),
                follow_up=self.value("follow_up"), new_contact=self.offered)

        save_form(self, submit)
