"""A table of many records (Contacts, Applications): the columns share the width, rows are filled
a page at a time (800 contacts or 2,000 applications open as fast as 30), and a first visit
fills it once, at its real width."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual.widgets import DataTable

from .column_widths import share_width

Item = TypeVar("Item")
PAGE = 60
SCROLLBAR = 2


class PagedTable(DataTable[Text], Generic[Item]):
    """Subclasses name their ``COLUMNS``, the ``FIXED`` widths and the ``FLEXIBLE`` columns
    (key, the most they take, cells a round), and say how an item becomes a row."""

    COLUMNS: ClassVar[Sequence[str]] = ()
    FIXED: ClassVar[Mapping[str, int]] = {}
    FLEXIBLE: ClassVar[Sequence[tuple[str, int, int]]] = ()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.items: list[Item] = []
        self.today = date.min
        self._laid_out_for: int | None = None
        self._pending: int | None = None  # fill up to this row once the table has a size

    # What a subclass says -----------------------------------------------------------------
    def key_of(self, item: Item) -> str:
        raise NotImplementedError

    def width_texts(self) -> dict[str, list[str]]:
        """The texts of the flexible columns that their widths are measured on."""
        raise NotImplementedError

    def cells(self, item: Item) -> list[Text]:
        raise NotImplementedError

    # The table ------------------------------------------------------------------------------
    def selected_item(self) -> Item | None:
        if not self.row_count or self.cursor_row >= len(self.items):
            return None
        return self.items[self.cursor_row]

    def show(self, items: list[Item], today: date, select: str | None = None) -> None:
        """Replace the rows with the first page (or up to ``select``) and keep the cursor there."""
        self.items, self.today = items, today
        ids = [self.key_of(item) for item in items]
        index = ids.index(select) if select in ids else min(self.cursor_row, max(len(items) - 1, 0))
        if not self.size.width:  # a first visit, before layout: fill once, at the real width
            self._pending = index
            return
        self._fill(index)

    def _fill(self, index: int) -> None:
        self._pending = None
        self._lay_out()
        self._add_until(max(PAGE, index + 1))
        if self.items:
            self.move_cursor(row=index, animate=False)

    def _room(self) -> int:
        scrollbar = SCROLLBAR if len(self.items) > max(0, self.size.height - 1) else 0
        return self.size.width - scrollbar

    def _lay_out(self) -> None:
        """Empty the table and set its columns for the width and the items' texts."""
        self._laid_out_for = room = self._room()
        self.clear(columns=True)
        widths = share_width(self.COLUMNS, self.FIXED, self.FLEXIBLE, self.width_texts(), room)
        for key, width in widths.items():
            self.add_column(key, width=width, key=key)

    def on_resize(self) -> None:
        if self._pending is not None:
            self._fill(self._pending)
        elif self._laid_out_for not in (None, self._room()):
            row, shown = self.cursor_row, self.row_count
            self._lay_out()
            self._add_until(max(shown, row + 1))
            if self.items:
                self.move_cursor(row=min(row, len(self.items) - 1), animate=False)

    def action_last(self) -> None:
        """End: the last row, with every page before it."""
        self._add_until(len(self.items))
        self.action_scroll_bottom()

    def more(self) -> None:
        """Add the next page once the cursor nears the end of what is filled in."""
        if self.row_count < len(self.items) and self.cursor_row >= self.row_count - 5:
            self._add_until(self.row_count + PAGE)

    def _add_until(self, count: int) -> None:
        for item in self.items[self.row_count:count]:
            self.add_row(*self.cells(item), key=self.key_of(item))

    def style_of(self, component: str | None) -> Any:
        return self.get_component_rich_style(component, partial=True) if component else ""
