"""Contacts: a table sorted by urgency, `/` filter as you type, and the selected contact's details.

The data is read on reload (a change here or elsewhere); filtering and moving only re-render.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from ..core.applications import short_title
from ..core.contacts import Contact, Interaction, Urgency, humanize_days
from ..services import contacts as contact_service
from ..services import memo
from ..services.context import Rebound
from ..services.contacts import ContactView
from ..widgets.contact_table import ContactTable, follow_up_words
from ..widgets.interaction_list import InteractionList
from ..widgets.key_bar import KeyBar
from ..widgets.tab_bar import TabBar
from .table_screen import RecordTableScreen



def matches(view: ContactView, words: list[str]) -> bool:
    c = view.contact
    hay = " ".join((c.name, c.company, *c.tags, *(f"#{t}" for t in c.tags))).casefold()
    return all(word in hay for word in words)


def prepare(rb: Rebound) -> None:
    """Read ahead, while the app is idle, what the first visit shows."""
    views = memo.contact_views(rb, rb.today())
    if views:
        contact_service.history(rb, views[0].contact.id)  # reads every interaction once


class ContactsScreen(RecordTableScreen):
    FILTER_BOX, FILTER_TABLE, RECORD = "contacts-filter", ContactTable, Contact
    FIRST_FOCUS, NONE_YET = "#contacts-table", "Add a contact first (a)."
    BINDINGS = [
        Binding("j", "cursor(1)", "Down", key_display="j/↓", show=False),
        Binding("k", "cursor(-1)", "Up", key_display="k/↑", show=False),
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
        Binding("l", "log", "Log"),
        Binding("f", "follow_up", "Follow-up"),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("escape", "clear_filter", "Clear filter", key_display="esc", show=False),
        Binding("tab", "toggle_history", "Interactions: e edits, d deletes", show=False),
    ]
    AREA = "Contacts"
    PALETTE = {  # the command palette's entries (screens.palette): action → title, help
        "add": ("Add contact", "Add a networking contact"),
        "edit": ("Edit contact", "Edit the selected contact"),
        "delete": ("Delete contact", "Delete the selected contact and its interactions, after asking"),
        "log": ("Log an interaction", "Log a message, call, coffee… with the selected contact"),
        "follow_up": ("Set a follow-up", "A date, “in 2 weeks” or “every 14 days” for the selected contact"),
        "toggle_history": ("Go to the interactions (or back to the table)",
                           "Then e edits and d deletes the highlighted interaction"),
        "edit_interaction": ("Edit the highlighted interaction",
                             "Its kind, note or day (tab to the interactions, then e)"),
        "delete_interaction": ("Delete the highlighted interaction",
                               "Asks first; u undoes it (tab to the interactions, then d)"),
        "filter": ("Filter contacts", "Filter by name, company or tag as you type"),
        "clear_filter": ("Clear the filter", "Show every contact again"),
    }

    def __init__(self) -> None:
        super().__init__()
        self.views: list[ContactView] = []
        self._details_shown = False  # the first draw shows the table first

    def compose(self) -> ComposeResult:
        yield TabBar("contacts")
        with Vertical(id="contacts"):
            yield Static(id="contacts-title")
            yield self.filter_box("filter by name, company or tag")
            yield ContactTable(id="contacts-table")
            yield Static(id="contacts-empty")
            with Vertical(id="contacts-detail"):
                yield Static(id="contacts-follow-up")
                with VerticalScroll(id="contacts-info", can_focus=False):
                    yield Static(id="contacts-detail-text")
                yield InteractionList(id="contacts-history")
        yield KeyBar()

    # Drawing --------------------------------------------------------------------------------
    def draw(self, today: date, first: bool) -> None:
        self.today = today
        self.views = memo.contact_views(self.app.rb, today)
        self.show_rows()
        if not self._details_shown:  # the table first, the details (every interaction read) later
            self.draw_later(self._details_ready)

    def _details_ready(self) -> None:
        self._details_shown = True
        self.show_detail()

    def show_rows(self) -> None:
        table = self.query_one(ContactTable)
        selected = table.selected()
        words = self.query_text.casefold().split()
        shown = [v for v in self.views if matches(v, words)] if words else self.views
        table.show(shown, self.today, self.take_selection(selected.contact.id if selected else None))
        overdue = sum(v.urgency is Urgency.OVERDUE for v in self.views)
        due = sum(v.urgency is Urgency.DUE for v in self.views)
        title = f"Contacts · {len(self.views)} · {overdue} overdue · {due} due today"
        if words:
            title += f" · {len(shown)} match “{self.query_text.strip()}”"
        self.query_one("#contacts-title", Static).update(Text(title))
        empty = self.query_one("#contacts-empty", Static)
        empty.display = not shown
        empty.update("No contacts yet. Press a to add the first one." if not self.views
                     else "No contact matches the filter (esc clears it).")
        self.show_detail()

    def show_detail(self) -> None:
        if not self._details_shown:
            return
        view = self.query_one(ContactTable).selected()
        line = self.query_one("#contacts-follow-up", Static)
        text = self.query_one("#contacts-detail-text", Static)
        self.query_one("#contacts-detail").display = view is not None
        if view is None:
            return
        c = view.contact
        line.set_class(view.urgency is Urgency.DUE, "-due")
        line.set_class(view.urgency is Urgency.OVERDUE, "-overdue")
        cadence = f" · every {c.cadence} days" if c.cadence else ""
        when = f" ({view.next:%a %d %b %Y})" if view.next else ""
        line.update(Text(f"Next follow-up: {follow_up_words(view, self.today)}{when}{cadence}"))
        out = Text()
        out.append(c.name, "bold")
        for part in (c.role, c.company):
            if part:
                out.append(f" · {part}")
        for label, value in (("met", c.met), ("link", c.link),
                             ("tags", " ".join(f"#{t}" for t in c.tags)), ("notes", c.notes)):
            if value:
                out.append(f"\n{label}: ", "dim")
                out.append(value)
        if mine := memo.applications_by_contact(self.app.rb).get(c.id):
            out.append("\napplications: ", "dim")
            out.append("; ".join(short_title(a) for a in mine))
        items = contact_service.history(self.app.rb, c.id)
        out.append(f"\n\nInteractions ({len(items)}) · last contacted "
                   f"{humanize_days(view.last_day, self.today)}", "bold")
        if items:
            out.append("  tab picks one: e edits, d deletes", "dim")
        text.update(out)
        self.query_one(InteractionList).show(items)

    # Actions --------------------------------------------------------------------------------
    def action_cursor(self, step: int) -> None:
        history = self.query_one(InteractionList)
        table = history if self.focused is history else self.query_one(ContactTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()

    def _selected(self) -> ContactView | None:
        view: ContactView | None = self.selected_row()
        return view

    def action_add(self) -> None:
        from .contact_forms import ContactForm  # forms are imported when first opened

        self.app.push_screen(ContactForm(), lambda c: self._saved(f"Added {c.name}" if c else "", c))

    def action_edit(self) -> None:
        from .contact_forms import ContactForm

        if self.focused is self.query_one(InteractionList):
            self.action_edit_interaction()
            return
        if view := self._selected():
            self.app.push_screen(ContactForm(view.contact),
                                 lambda c: self._saved(f"Saved {c.name}" if c else "", c))

    def action_log(self) -> None:
        from .contact_forms import LogForm

        if view := self._selected():
            self.app.push_screen(LogForm(view.contact),
                                 partial(self._saved, f"Logged it with {view.contact.name}"))

    def action_follow_up(self) -> None:
        from .contact_forms import FollowUpForm

        if view := self._selected():
            self.app.push_screen(FollowUpForm(view.contact, view.next),
                                 partial(self._saved, f"Follow-up saved for {view.contact.name}"))

    def action_delete(self) -> None:
        from .confirm import confirm_delete, counted

        if self.focused is self.query_one(InteractionList):
            self.action_delete_interaction()
            return
        if not (view := self._selected()):
            return
        contact, rb = view.contact, self.app.rb
        what = counted(contact_service.interaction_count(rb, contact.id), "interaction")
        confirm_delete(self.app, "contact", contact.name, what,
                       lambda: self.app.attempt(lambda: contact_service.delete_contact(rb, contact.id) + 1),
                       self._changed)

    # Interactions in the detail pane --------------------------------------------------------------
    def action_toggle_history(self) -> None:
        """`tab`: to the selected contact's interactions, and back to the table."""
        history = self.query_one(InteractionList)
        if self.focused is history:
            self.query_one(ContactTable).focus()
        elif self.query_one("#contacts-detail").display and history.items:
            history.focus()
        else:
            self.notify("No interaction to pick: l logs one.", severity="warning", timeout=3)

    def _interaction(self) -> tuple[Contact, Interaction] | None:
        view = self._selected()
        item = self.query_one(InteractionList).selected() if view else None
        if view is None or item is None:
            if view is not None:
                self.notify("No interaction to pick: l logs one.", severity="warning", timeout=3)
            return None
        return view.contact, item

    def action_edit_interaction(self) -> None:
        from .contact_forms import LogForm

        if found := self._interaction():
            contact, item = found
            self.app.push_screen(LogForm(contact, item),
                                 partial(self._saved, f"Saved the {item.kind} with {contact.name}. u undoes it."))

    def action_delete_interaction(self) -> None:
        from .confirm import ConfirmScreen

        if not (found := self._interaction()):
            return
        (contact, item), rb = found, self.app.rb
        what = f"the {item.kind} with {contact.name} on {item.day:%a %d %b %Y}"

        def answered(yes: bool | None) -> None:
            if yes and self.app.attempt(lambda: contact_service.delete_interaction(rb, item.id)):
                self._changed(f"Deleted {what}. u undoes it.")

        self.app.push_screen(ConfirmScreen("Delete interaction", f"Delete {what}?\n"
                                           "Any win it earned goes with it. u undoes it while the app is open."),
                             answered)
