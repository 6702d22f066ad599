"""Wins: every small victory, newest first, grouped by week, filterable by kind."""

from __future__ import annotations

from collections import Counter
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..core.clock import week_start_of
from ..core.wins import MANUAL, Win, group_by_week, kind_label, kind_note, this_week_count
from ..services import memo
from ..services.context import Rebound
from ..services.wins import delete_win, newest_wins, own_win
from ..services.older_cache import win_kinds
from ..widgets.key_bar import KeyBar
from ..widgets.tab_bar import TabBar
from .data_screen import DataScreen

ALL = ""
MORE = "more"
PAGE = 25  # wins drawn at first (a screen's worth); five busy years hold thousands


def win_line(win: Win) -> Text:
    mark = "★ " if win.manual else "✓ "
    return Text.assemble(
        (win.day.strftime("%a %d %b").ljust(12), "dim"),
        (mark, "bold"),
        win.title,
        (f"  · {note}" if (note := kind_note(win)) else "", "dim"),
    )


def kinds_counted(rb: Rebound, today: date) -> Counter[str]:
    return memo.memoised(rb, ("win-kinds", today), lambda: win_kinds(rb, today))


def newest(rb: Rebound, kind: str, at_least: int, today: date, week_start: int) -> list[Win]:
    """The newest wins, enough for ``at_least`` of ``kind`` in whole weeks (this week's among
    them: the last of those is not after today)."""
    def enough(found: list[Win]) -> bool:
        shown = [w for w in found if kind in (ALL, w.kind)]
        return len(shown) >= at_least and found[-1].day < week_start_of(
            shown[at_least - 1].day, week_start)

    key = ("newest-wins", kind, at_least, today, week_start)
    return memo.memoised(rb, key, lambda: newest_wins(rb, enough))


def prepare(rb: Rebound) -> None:
    """Read ahead, while the app is idle, what the first visit shows."""
    today = rb.today()
    kinds_counted(rb, today)
    newest(rb, ALL, PAGE, today, rb.clock.week_start)


class WinsScreen(DataScreen):
    BINDINGS = [
        Binding("j", "cursor(1)", "Down", key_display="j/↓", show=False),
        Binding("k", "cursor(-1)", "Up", key_display="k/↑", show=False),
        Binding("f", "filter", "Filter kind"),
        Binding("e", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
    ]
    AREA = "Wins"
    PALETTE = {  # the command palette's entries (screens.palette): action → title, help
        "filter": ("Filter by kind", "Cycle through the kinds of win"),
        "edit": ("Edit your win", "Edit the highlighted win of your own"),
        "delete": ("Delete your win", "Delete the highlighted win of your own"),
    }

    FIRST_FOCUS = "#wins-list"

    def __init__(self) -> None:
        super().__init__()
        self.kind = ALL
        self.limit = PAGE

    def compose(self) -> ComposeResult:
        yield TabBar("wins")
        with Vertical(id="wins"):
            yield Static(id="wins-title")
            yield Static(id="wins-filter")
            yield OptionList(id="wins-list")
            yield Static(id="wins-empty")
        yield KeyBar()

    def draw(self, today: date, first: bool) -> None:
        rb = self.app.rb
        counts = memo.peek(rb, ("win-kinds", today))
        self._draw(today, rb.clock.week_start, counts)
        if counts is None:  # counting every year's wins: the newest are drawn first
            self.draw_later(self._draw_counted)

    def _draw_counted(self) -> None:
        rb = self.app.rb
        self._draw(rb.today(), rb.clock.week_start, kinds_counted(rb, rb.today()))

    def _draw(self, today: date, week_start: int, counts: Counter[str] | None) -> None:
        """The newest page; the totals (every year's) once ``counts`` are at hand."""
        rb = self.app.rb
        wins = newest(rb, self.kind, self.limit, today, week_start)
        known = counts if counts is not None else Counter(w.kind for w in wins)
        self.kinds = [ALL, *sorted(known, key=lambda k: (k != MANUAL, k))]
        if self.kind not in self.kinds:
            self.kind = ALL
        shown = [w for w in wins if self.kind in (ALL, w.kind)]
        total = sum(counts.values()) if counts is not None else None
        of_kind = None if counts is None else total if self.kind == ALL else counts[self.kind]
        self.query_one("#wins-title", Static).update(
            f"Wins · this week: {this_week_count(wins, today, week_start)} · all time: "
            + ("…" if total is None else str(total))
        )
        label = "all kinds" if self.kind == ALL else kind_label(self.kind)
        self.query_one("#wins-filter", Static).update(f"Showing {label} (f to change)")
        options: list[Option] = []
        listed = 0
        for week, group in group_by_week(shown, week_start):
            if listed >= self.limit:  # years of wins: draw a page, the rest on request
                older = "" if of_kind is None else f"{of_kind - listed} "
                more = f"… {older}older wins: press enter to show more"
                options.append(Option(Text(more, style="italic"), id=MORE))
                break
            current = week == week_start_of(today, week_start)
            header = "This week" if current else f"Week of {week.strftime('%a %d %b %Y')}"
            plural = "win" if len(group) == 1 else "wins"
            options.append(Option(Text(f"{header} · {len(group)} {plural}", style="bold"), disabled=True))
            options.extend(Option(win_line(w), id=w.id) for w in group)
            listed += len(group)
        view = self.query_one(OptionList)
        highlighted = view.highlighted
        view.set_options(options)
        if options:
            view.highlighted = min(highlighted or 1, len(options) - 1)
        empty = self.query_one("#wins-empty", Static)
        empty.display = not (total if total is not None else wins)
        empty.update(
            "No wins yet. They come on their own as you tick goals, and w records one in your words."
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == MORE:
            event.stop()
            self.limit += PAGE
            self.redraw()

    def action_cursor(self, step: int) -> None:
        view = self.query_one(OptionList)
        view.action_cursor_down() if step > 0 else view.action_cursor_up()

    def action_filter(self) -> None:
        index = self.kinds.index(self.kind) if self.kind in self.kinds else 0
        self.kind = self.kinds[(index + 1) % len(self.kinds)]
        self.redraw()

    def _own_win(self) -> Win | None:
        """The highlighted win when it is one of the user's own; automatic ones say why not."""
        option = self.query_one(OptionList).highlighted_option
        if option is None or option.id in (None, MORE):
            self.notify("No win highlighted: w records one", severity="warning")
            return None
        return self.app.attempt(lambda: own_win(self.app.rb, option.id))  # type: ignore[return-value]

    def action_edit(self) -> None:
        if win := self._own_win():
            from .win_form import WinForm

            self.app.push_screen(WinForm(edit=win), self._edited)

    def _edited(self, title: str | None) -> None:
        if title:
            self.notify("Win saved. u undoes it.")
            self.app.refresh_data()

    def action_delete(self) -> None:
        if not (win := self._own_win()):
            return
        from .confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes and self.app.attempt(lambda: delete_win(self.app.rb, win.id)):
                self.notify(f"Deleted “{win.title}”. u undoes it.", markup=False)
                self.app.refresh_data()

        self.app.push_screen(ConfirmScreen(
            "Delete a win", f"Delete “{win.title}” of {win.day:%a %d %b %Y}?\nu undoes it."), answered)
