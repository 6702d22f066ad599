"""The Goals table: one row per goal with its period progress, streaks, strength and completion."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from ..services.summaries import GoalSummary
from .goal_list import progress_text

COLUMNS = ("Goal", "This period", "Streak", "Best", "Strength", "30 days", "90 days", "State")


@dataclass(frozen=True)
class GoalLine:
    """What one row shows; the numbers come from the services, never from the table."""

    summary: GoalSummary
    rate_30: float | None
    rate_90: float | None

    @property
    def state(self) -> tuple[str, str]:
        """(words, component class) for the State column."""
        s = self.summary
        if s.goal.archived:
            return "archived", "goal-table--archived"
        if s.streak.complete:
            return "✓ done", "goal-table--done"
        if s.streak.at_risk:
            return "at risk", "goal-table--at-risk"
        if s.rest:
            return "rest day", "goal-table--neutral"
        if s.skipped:
            return "skipped", "goal-table--neutral"
        if not s.goal.scheduled_on(s.day):
            return "not today", "goal-table--neutral"
        return "", "goal-table--neutral"


def percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.0%}"


NARROW_LABELS = {"30 days": "30d", "90 days": "90d"}  # where a wide label would leave a name little
NAME_LEAST = 16  # the name's room below which the short labels are used
NAME_FLOOR = 6
SCROLLBAR = 2  # cells, when there are more goals than rows


def fit_columns(labels: list[str], contents: list[list[str]], names: list[str], room: int) -> int:
    """The Goal column's width: what ``room`` leaves after every other column is as wide as its
    widest cell or label (two cells of padding each), never wider than the longest name."""
    others = sum(max([cell_len(label)] + [cell_len(c) for c in column]) + 2
                 for label, column in zip(labels, contents))
    longest = max([cell_len("Goal")] + [cell_len(n) for n in names])
    return max(NAME_FLOOR, min(longest, room - others - 2))


class GoalTable(DataTable[Text]):
    """A row-cursor table keyed by goal id, so a reload keeps the selected goal. The columns
    follow the width: figures and states whole, the goal's name cut first (with …)."""

    BINDINGS = [
        Binding("home", "scroll_top", "First goal", show=False),
        Binding("end", "scroll_bottom", "Last goal", show=False),
    ]
    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | {
        "goal-table--done",
        "goal-table--at-risk",
        "goal-table--archived",
        "goal-table--neutral",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.goal_lines: list[GoalLine] = []
        self._laid_out_for: tuple[int, int] | None = None

    def selected_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def show(self, lines: list[GoalLine], select: str | None) -> None:
        """Replace the rows and put the cursor on ``select`` (or the nearest row)."""
        index = self.cursor_row
        self.goal_lines = list(lines)
        self._fill()
        ids = [line.summary.goal.id for line in lines]
        if select in ids:
            index = ids.index(select)
        if lines:
            self.move_cursor(row=max(0, min(index, len(lines) - 1)), animate=False)

    def on_resize(self) -> None:
        if self._laid_out_for not in (None, self._room()):
            row = self.cursor_row
            self._fill()
            if self.goal_lines:
                self.move_cursor(row=min(row, len(self.goal_lines) - 1), animate=False)

    def _room(self) -> tuple[int, int]:
        rows_room = max(0, self.size.height - 1)  # under the header
        return self.size.width - (SCROLLBAR if len(self.goal_lines) > rows_room else 0), len(self.goal_lines)

    def _fill(self) -> None:
        """Columns laid out for the width, then the rows; a label that cannot fit on one line
        (a long period label at 80 columns) breaks before its reason, in brackets."""
        room, _ = self._laid_out_for = self._room()
        names = [line.summary.goal.name for line in self.goal_lines]
        cells = [self._cells(line) for line in self.goal_lines]
        contents = [[c.plain for c in column] for column in list(zip(*cells))[1:]] or [[] for _ in COLUMNS[1:]]
        labels = list(COLUMNS[1:])
        name = fit_columns(labels, contents, names, room)
        if name < NAME_LEAST:
            labels = [NARROW_LABELS.get(label, label) for label in labels]
            name = fit_columns(labels, contents, names, room)
        wrapped = False
        if name < NAME_LEAST and any(" (" in text for text in contents[0]):
            wrapped = True
            for row in cells:
                row[1] = Text(row[1].plain.replace(" (", "\n(", 1), style=row[1].style)
            contents[0] = [part for row in cells for part in row[1].plain.split("\n")]
            name = fit_columns(labels, contents, names, room)
        self.clear(columns=True)
        self.add_column("Goal", width=name, key=COLUMNS[0])
        for key, label in zip(COLUMNS[1:], labels):
            self.add_column(label, key=key)
        for line, row in zip(self.goal_lines, cells):
            self.add_row(*row, key=line.summary.goal.id, height=None if wrapped else 1)

    def _cells(self, line: GoalLine) -> list[Text]:
        s = line.summary
        unit = "w" if s.goal.is_weekly else "d"
        words, component = line.state
        style = self.get_component_rich_style(component, partial=True)
        muted = self.get_component_rich_style("goal-table--archived", partial=True)
        name_style = muted if s.goal.archived else ""
        risk = self.get_component_rich_style("goal-table--at-risk", partial=True)
        streak_style = risk if s.streak.at_risk else ""
        return [
            Text(s.goal.name, style=name_style, overflow="ellipsis", no_wrap=True),
            Text(progress_text(s)),
            Text(f"{s.streak.current}{unit}", style=streak_style, justify="right"),
            Text(f"{s.streak.best}{unit}", justify="right"),
            Text(f"{s.score:.0%}", justify="right"),
            Text(percent(line.rate_30), justify="right"),
            Text(percent(line.rate_90), justify="right"),
            Text(words, style=style),
        ]
