"""The applications table: filled a page at a time, so 2,000 applications open as fast as 30.

Company, role and next step give way (truncated with …); stage and age never do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from ..core.applications import Application, quiet_label, short_day
from .column_widths import share_width

COLUMNS = ("Company", "Role", "Stage", "Age", "Next step")
PAGE = 60
SCROLLBAR = 2
FIXED = {"Stage": 9, "Age": 5}  # "interview", "withdrawn"; "1825d": never cut
# (key, the most it takes, cells a round)
FLEXIBLE = (("Company", 28, 1), ("Role", 32, 1), ("Next step", 48, 1))
STAGE_CLASS = {"offer": "app-table--good", "accepted": "app-table--good",
               "rejected": "app-table--closed", "withdrawn": "app-table--closed",
               "ghosted": "app-table--closed"}


@dataclass(frozen=True)
class AppRow:
    """An application as a row: the record and, when it has gone quiet, for how many days."""

    app: Application
    quiet: int | None = None


def next_words(row: AppRow) -> str:
    app = row.app
    if app.next_step or app.next_day:
        when = f" · {short_day(app.next_day)}" if app.next_day else ""
        return f"{app.next_step or 'next step'}{when}"
    if row.quiet is not None:
        return quiet_label(row.quiet)
    return "–"


def age(app: Application, today: date) -> str:
    return f"{max(0, (today - app.applied).days)}d"


def column_widths(texts: dict[str, list[str]], room: int) -> dict[str, int]:
    """Stage and age whole, every header whole, then company, role and next step share what is
    left a cell at a time up to their longest text."""
    return share_width(COLUMNS, FIXED, FLEXIBLE, texts, room)


class ApplicationTable(DataTable[Text]):
    BINDINGS = [
        Binding("home", "scroll_top", "First application", show=False),
        Binding("end", "last", "Last application", show=False),
    ]
    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | set(STAGE_CLASS.values())

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.rows_shown: list[AppRow] = []
        self.today = date.min
        self._laid_out_for: int | None = None

    def selected(self) -> AppRow | None:
        if not self.row_count or self.cursor_row >= len(self.rows_shown):
            return None
        return self.rows_shown[self.cursor_row]

    def show(self, rows: list[AppRow], today: date, select: str | None = None) -> None:
        """Replace the rows with the first page (or up to ``select``) and keep the cursor there."""
        self.rows_shown, self.today = rows, today
        ids = [r.app.id for r in rows]
        index = ids.index(select) if select in ids else min(self.cursor_row, max(len(rows) - 1, 0))
        self._lay_out()
        self._add_until(max(PAGE, index + 1))
        if rows:
            self.move_cursor(row=index, animate=False)

    def _room(self) -> int:
        scrollbar = SCROLLBAR if len(self.rows_shown) > max(0, self.size.height - 1) else 0
        return self.size.width - scrollbar

    def _lay_out(self) -> None:
        self._laid_out_for = room = self._room()
        texts = {"Company": [r.app.company for r in self.rows_shown],
                 "Role": [r.app.role for r in self.rows_shown],
                 "Next step": [next_words(r) for r in self.rows_shown[:PAGE * 4]]}  # a sample: fast
        self.clear(columns=True)
        for key, width in column_widths(texts, room).items():
            self.add_column(key, width=width, key=key)

    def on_resize(self) -> None:
        if self._laid_out_for not in (None, self._room()):
            row, shown = self.cursor_row, self.row_count
            self._lay_out()
            self._add_until(max(shown, row + 1))
            if self.rows_shown:
                self.move_cursor(row=min(row, len(self.rows_shown) - 1), animate=False)

    def action_last(self) -> None:
        self._add_until(len(self.rows_shown))
        self.action_scroll_bottom()

    def more(self) -> None:
        """Add the next page once the cursor nears the end of what is filled in."""
        if self.row_count < len(self.rows_shown) and self.cursor_row >= self.row_count - 5:
            self._add_until(self.row_count + PAGE)

    def _add_until(self, count: int) -> None:
        for row in self.rows_shown[self.row_count:count]:
            self.add_row(*self._cells(row), key=row.app.id)

    def _cells(self, row: AppRow) -> list[Text]:
        app = row.app
        component = STAGE_CLASS.get(app.stage)
        style = self.get_component_rich_style(component, partial=True) if component else ""
        texts = (app.company, app.role, app.stage, age(app, self.today), next_words(row))
        return [Text(text, style=style if key == "Stage" else "", no_wrap=True, overflow="ellipsis",
                     justify="right" if key == "Age" else "left")
                for key, text in zip(COLUMNS, texts)]
