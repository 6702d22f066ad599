"""The contacts table: filled a page at a time, so 800 contacts open as fast as 60."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from ..core.contacts import Contact, Urgency, humanize_days
from ..services.contacts import ContactView
from .column_widths import share_width

COLUMNS = ("Name", "Company", "Role", "Last contacted", "Next follow-up", "Tags")
PAGE = 60
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
SCROLLBAR = 2


# The longest words of the day columns ("11 months ago", "overdue yesterday"): fixed, as
# humanizing every contact's days to measure them would cost a first visit tens of ms.
FIXED = {"Last contacted": 14, "Next follow-up": 17}


def column_widths(texts: dict[str, list[str]], room: int) -> dict[str, int]:
    """Each column's width in ``room`` cells (two of padding per column): the days and the
    follow-up whole, every header whole, then the name, company, role and tags (``texts``) share
    what is left a cell at a time up to their longest text, so a wide terminal shows them whole."""
    return share_width(COLUMNS, FIXED, FLEXIBLE, texts, room)


class ContactTable(DataTable[Text]):
    """Columns sized to the width (see ``column_widths``); rows added a page at a time."""

    BINDINGS = [
        Binding("home", "scroll_top", "First contact", show=False),
        Binding("end", "last", "Last contact", show=False),
    ]
    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | set(URGENCY_CLASS.values())

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.views: list[ContactView] = []
        self.today = date.min
        self._laid_out_for: int | None = None
        self._pending: int | None = None  # rows to fill (up to this index) once the table has a size

    def selected(self) -> ContactView | None:
        if not self.row_count:
            return None
        return self.views[self.cursor_row] if self.cursor_row < len(self.views) else None

    def show(self, views: list[ContactView], today: date, select: str | None = None) -> None:
        """Replace the rows with the first page (or up to ``select``) and keep the cursor there."""
        self.views, self.today = views, today
        ids = [v.contact.id for v in views]
        index = ids.index(select) if select in ids else min(self.cursor_row, max(len(views) - 1, 0))
        if not self.size.width:  # a first visit, before layout: fill once, at the real width
            self._pending = index
            return
        self._fill(index)

    def _fill(self, index: int) -> None:
        self._pending = None
        self._lay_out()
        self._add_until(max(PAGE, index + 1))
        if self.views:
            self.move_cursor(row=index, animate=False)

    def _room(self) -> int:
        scrollbar = SCROLLBAR if len(self.views) > max(0, self.size.height - 1) else 0
        return self.size.width - scrollbar

    def _lay_out(self) -> None:
        """Empty the table and set its columns for the width and every contact's texts."""
        self._laid_out_for = room = self._room()
        contacts = [view.contact for view in self.views]
        texts = {"Name": [c.name for c in contacts], "Company": [c.company for c in contacts],
                 "Role": [c.role for c in contacts], "Tags": [tags(c) for c in contacts]}
        self.clear(columns=True)
        for key, width in column_widths(texts, room).items():
            self.add_column(key, width=width, key=key)

    def on_resize(self) -> None:
        if self._pending is not None:
            self._fill(self._pending)
        elif self._laid_out_for not in (None, self._room()):
            row, shown = self.cursor_row, self.row_count
            self._lay_out()
            self._add_until(max(shown, row + 1))
            if self.views:
                self.move_cursor(row=min(row, len(self.views) - 1), animate=False)

    def action_last(self) -> None:
        """End: the last contact, with every page before it."""
        self._add_until(len(self.views))
        self.action_scroll_bottom()

    def more(self) -> None:
        """Add the next page once the cursor nears the end of what is filled in."""
        if self.row_count < len(self.views) and self.cursor_row >= self.row_count - 5:
            self._add_until(self.row_count + PAGE)

    def _add_until(self, count: int) -> None:
        for view in self.views[self.row_count:count]:
            self.add_row(*self._cells(view), key=view.contact.id)

    def _texts(self, view: ContactView) -> tuple[str, ...]:
        contact = view.contact
        return (contact.name, contact.company, contact.role, humanize_days(view.last_day, self.today),
                follow_up_words(view, self.today), tags(contact))

    def _cells(self, view: ContactView) -> list[Text]:
        component = URGENCY_CLASS.get(view.urgency)
        style = self.get_component_rich_style(component, partial=True) if component else ""
        urgent = ("Name", "Next follow-up")
        return [Text(text, style=style if key in urgent else "", no_wrap=True, overflow="ellipsis")  # type: ignore[arg-type]
                for key, text in zip(COLUMNS, self._texts(view))]
