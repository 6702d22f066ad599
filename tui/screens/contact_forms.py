"""The contact forms: add or edit a contact, log an interaction, set a follow-up."""

from __future__ import annotations

from datetime import date

from ..core.contacts import KINDS, Contact, Interaction
from ..core.errors import InputError
from ..services import contacts as contact_service
from ..services.days import parse_day
from .field_form import FieldForm

CADENCE_NOT_A_NUMBER = "the cadence is a whole number of days, like 14"


class ContactForm(FieldForm):
    FIELDS = (
        ("name", "Name", "e.g. Ada Lovelace"),
        ("company", "Company", "e.g. Initech"),
        ("role", "Role", "e.g. Recruiter"),
        ("met", "How we met", "e.g. a meetup, a friend's intro"),
        ("link", "Email or link", "e.g. ada@example.com"),
        ("tags", "Tags (comma or space separated)", "e.g. recruiter fintech"),
        ("cadence", "Follow up every N days (blank = no cadence)", "e.g. 14"),
        ("notes", "Notes", "what matters to them, what we talked about"),
    )
    NUMBERS = {"cadence": CADENCE_NOT_A_NUMBER}

    def __init__(self, contact: Contact | None = None) -> None:
        initial = {}
        if contact is not None:
            initial = {
                "name": contact.name, "company": contact.company, "role": contact.role,
                "met": contact.met, "link": contact.link, "tags": " ".join(contact.tags),
                "cadence": str(contact.cadence or ""), "notes": contact.notes,
            }
        super().__init__("Edit contact" if contact else "New contact", initial)
        self.contact = contact

    def submit(self) -> Contact:
        cadence_text = self.value("cadence").strip()
        if cadence_text and not cadence_text.isdecimal():
            raise InputError(CADENCE_NOT_A_NUMBER, "cadence")
        fields = contact_service.ContactFields(
            name=self.value("name"), company=self.value("company"), role=self.value("role"),
            met=self.value("met"), link=self.value("link"), tags=self.value("tags"),
            notes=self.value("notes"), cadence=int(cadence_text) if cadence_text else None,
        )
        if self.contact is None:
            return contact_service.add_contact(self.app.rb, fields)
        return contact_service.edit_contact(self.app.rb, self.contact.id, fields)


class LogForm(FieldForm):
    """Log an interaction with ``contact``; given ``edit`` (one of its interactions), change it."""

    FIELDS = (
        ("kind", "Kind", "message"),
        ("note", "Note", "what you talked about, what comes next"),
        ("day", "Day (YYYY-MM-DD, today or yesterday)", "today"),
    )
    CHOICES = {"kind": list(KINDS)}

    def __init__(self, contact: Contact, edit: Interaction | None = None) -> None:
        if edit is None:
            super().__init__(f"Log an interaction with {contact.name}", {"kind": "message", "day": "today"})
        else:
            super().__init__(f"Edit the {edit.kind} with {contact.name}",
                             {"kind": edit.kind, "note": edit.note, "day": edit.day.isoformat()})
        self.contact = contact
        self.edit = edit

    def submit(self) -> Interaction:
        rb = self.app.rb
        try:
            day = parse_day(self.value("day"), rb.today())
        except InputError as exc:
            raise InputError(str(exc), "day") from None
        if self.edit is not None:
            return contact_service.edit_interaction(
                rb, self.edit.id, kind=self.value("kind"), note=self.value("note"), day=day
            )
        return contact_service.log_interaction(
            rb, self.contact.id, kind=self.value("kind"), note=self.value("note"), day=day
        )


class FollowUpForm(FieldForm):
    FIELDS = (("when", "When", "in 2 weeks · 2026-12-10 · every 14 days · none"),)

    def __init__(self, contact: Contact, next_day: date | None) -> None:
        now = f"next follow-up: {next_day.isoformat()}" if next_day else "no follow-up set"
        cadence = f" · every {contact.cadence} days" if contact.cadence else ""
        super().__init__(f"Follow up with {contact.name}", {},
                         subtitle=f"{now}{cadence}\n“in 2 weeks”, “in 3 days”, a date, "
                                  "“every 14 days” (a cadence) or “none”")
        self.contact = contact

    def submit(self) -> Contact:
        return contact_service.set_follow_up(self.app.rb, self.contact.id, self.value("when"))
