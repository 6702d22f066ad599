"""The contacts table: filled a page at a time, so 800 contacts open as fast as 60."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from ..core.contacts import Contact, Urgency, humanize_days
from ..services.contacts import ContactView
from .column_widths import share_width
from .paged_table import PAGE, PagedTable

COLUMNS = ("Name", "Company", "Role", "Last contacted", "Next follow-up", "Tags")
URGENCY_CLASS = {Urgency.OVERDUE: "contact-table--overdue", Urgency.DUE: "contact-table--due"}


def tags(contact: Contact) -> str:
    return " ".join(f"#{t}" for t in contact.tags)


def follow_up_words(view: ContactView, today: date) -> str:
    if view.next is None:
        return "–"
    if view.urgency is Urgency.OVERDUE:
        return f"overdue {humanize_days(view.next, today).removesuffix(' ago')}"
    if view.urgency is Urgency.DUE:
        return "due today"
    return humanize_days(view.next, today)


# The columns that give way, in the order they are given room: (key, the most they take, cells
# a round: the name grows fastest).
FLEXIBLE = (("Name", 32, 2), ("Company", 32, 1), ("Role", 48, 1), ("Tags", 40, 1))


# The longest words of the day columns ("11 months ago", "overdue yesterday"): fixed, as
# humanizing every contact's days to measure them would cost a first visit tens of ms.
FIXED = {"Last contacted": 14, "Next follow-up": 17}


def column_widths(texts: dict[str, list[str]], room: int) -> dict[str, int]:
    """Each column's width in ``room`` cells (two of padding per column): the days and the
    follow-up whole, every header whole, then the name, company, role and tags (``texts``) share
    what is left a cell at a time up to their longest text, so a wide terminal shows them whole."""
    return share_width(COLUMNS, FIXED, FLEXIBLE, texts, room)


class ContactTable(PagedTable[ContactView]):
    """Columns sized to the width (see ``column_widths``); rows added a page at a time."""

    BINDINGS = [
        Binding("home", "scroll_top", "First contact", show=False),
        Binding("end", "last", "Last contact", show=False),
    ]
    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | set(URGENCY_CLASS.values())
    COLUMNS, FIXED, FLEXIBLE = COLUMNS, FIXED, FLEXIBLE

    @property
    def views(self) -> list[ContactView]:
        return self.items

    def selected(self) -> ContactView | None:
        return self.selected_item()

    def key_of(self, item: ContactView) -> str:
        return item.contact.id

    def width_texts(self) -> dict[str, list[str]]:
        contacts = [view.contact for view in self.items]
        return {"Name": [c.name for c in contacts], "Company": [c.company for c in contacts],
                "Role": [c.role for c in contacts], "Tags": [tags(c) for c in contacts]}

    def _texts(self, view: ContactView) -> tuple[str, ...]:
        contact = view.contact
        return (contact.name, contact.company, contact.role, humanize_days(view.last_day, self.today),
                follow_up_words(view, self.today), tags(contact))

    def cells(self, item: ContactView) -> list[Text]:
        style = self.style_of(URGENCY_CLASS.get(item.urgency))
        urgent = ("Name", "Next follow-up")
        return [Text(text, style=style if key in urgent else "", no_wrap=True, overflow="ellipsis")
                for key, text in zip(COLUMNS, self._texts(item))]
