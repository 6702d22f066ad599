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
from .paged_table import PAGE, PagedTable

COLUMNS = ("Company", "Role", "Stage", "Age", "Next step")
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


class ApplicationTable(PagedTable[AppRow]):
    BINDINGS = [
        Binding("home", "scroll_top", "First application", show=False),
        Binding("end", "last", "Last application", show=False),
    ]
    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | set(STAGE_CLASS.values())
    COLUMNS, FIXED, FLEXIBLE = COLUMNS, FIXED, FLEXIBLE

    @property
    def rows_shown(self) -> list[AppRow]:
        return self.items

    def selected(self) -> AppRow | None:
        return self.selected_item()

    def key_of(self, item: AppRow) -> str:
        return item.app.id

    def width_texts(self) -> dict[str, list[str]]:
        return {"Company": [r.app.company for r in self.items], "Role": [r.app.role for r in self.items],
                "Next step": [next_words(r) for r in self.items[:PAGE * 4]]}  # a sample: fast

    def cells(self, item: AppRow) -> list[Text]:
        app = item.app
        style = self.style_of(STAGE_CLASS.get(app.stage))
        texts = (app.company, app.role, app.stage, age(app, self.today), next_words(item))
        return [Text(text, style=style if key == "Stage" else "", no_wrap=True, overflow="ellipsis",
                     justify="right" if key == "Age" else "left")
                for key, text in zip(COLUMNS, texts)]
