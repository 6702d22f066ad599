"""Applications: the job-search pipeline. A table filtered by stage (`f`) or by what is typed
(`/`), the selected application's dated history and contacts, and the funnel (30/90/all on `t`).

The data is read on reload (a change here or elsewhere); filtering and moving only re-render.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from ..core.applications import OPEN_STAGES, STAGES, Application
from ..services import applications as app_service
from ..services import memo
from ..services.context import Rebound
from ..store import contacts as contact_repo
from ..widgets.app_table import AppRow, ApplicationTable, next_words
from ..widgets.key_bar import KeyBar
from ..widgets.tab_bar import TabBar
from .app_lines import funnel_text
from .table_screen import RecordTableScreen

FILTERS = ("all", "open", *STAGES, "closed")
WINDOWS = (30, 90, None)


def rows(rb: Rebound, today: date) -> list[AppRow]:
    """Every application as a row: open ones first, furthest down the pipeline first, newest
    first within a stage; then the closed ones, most recently closed first."""
    def compute() -> list[AppRow]:
        latest = {cid: i.day for cid, i in memo.latest_interactions(rb, today).items()}  # older years: cached
        quiet = {a.id: days for a, days in app_service.quiet(rb, today, latest)}
        apps = app_service.applications(rb)
        opened = sorted((a for a in apps if a.is_open),
                        key=lambda a: (-OPEN_STAGES.index(a.stage), -a.applied.toordinal()))
        closed = sorted((a for a in apps if not a.is_open), key=lambda a: -a.last_move.toordinal())
        return [AppRow(a, quiet.get(a.id)) for a in (*opened, *closed)]

    return memo.memoised(rb, ("application rows", today), compute)


def shown_by(stage_filter: str, row: AppRow) -> bool:
    if stage_filter == "all":
        return True
    if stage_filter == "open":
        return row.app.is_open
    if stage_filter == "closed":
        return not row.app.is_open
    return row.app.stage == stage_filter


def matches(app: Application, words: list[str]) -> bool:
    hay = f"{app.company} {app.role}".casefold()
    return all(word in hay for word in words)


def prepare(rb: Rebound) -> None:
    """Read ahead, while the app is idle, what the first visit shows."""
    rows(rb, rb.today())


class ApplicationsScreen(RecordTableScreen):
    FILTER_BOX, FILTER_TABLE, RECORD = "apps-filter", ApplicationTable, Application
    FIRST_FOCUS, NONE_YET = "#apps-table", "Add an application first (a)."
    BINDINGS = [
        Binding("j", "cursor(1)", "Down", key_display="j/↓", show=False),
        Binding("k", "cursor(-1)", "Up", key_display="k/↑", show=False),
        Binding("a", "add", "Add"),
        Binding("greater_than_sign", "forward", "Forward", key_display=">"),
        Binding("less_than_sign", "back", "Back", key_display="<"),
        Binding("c", "close", "Close"),
        Binding("f", "cycle_filter", "Stage"),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("e", "edit", "Edit"),
        Binding("d", "delete", "Delete"),
        Binding("t", "cycle_window", "Funnel 30/90/all", show=False),
        Binding("escape", "clear_filter", "Clear filter", key_display="esc", show=False),
    ]
    AREA = "Applications"
    PALETTE = {  # the command palette's entries (screens.palette): action → title, help
        "add": ("Add application", "Add a job application"),
        "edit": ("Edit application", "Edit the selected application"),
        "delete": ("Delete application", "Delete the selected application and its history, after asking"),
        "forward": ("Move a stage forward", "applied → screen → interview → final → offer"),
        "back": ("Move a stage back", "One stage back, or reopen a closed application"),
        "close": ("Close application", "As rejected, withdrawn, ghosted or accepted"),
        "cycle_filter": ("Filter by stage", "All, open, each stage, closed"),
        "filter": ("Filter applications", "By company or role as you type"),
        "clear_filter": ("Clear the filters", "Every application again: all stages, no text"),
        "cycle_window": ("Funnel window", "The funnel for 30 days, 90 days or all time"),
    }

    def __init__(self) -> None:
        super().__init__()
        self.all_rows: list[AppRow] = []
        self.today = date.min
        self.stage_filter = "all"
        self.window: int | None = 30
        self._names: dict[str, str] | None = None  # contact id → name, read with the details

    def compose(self) -> ComposeResult:
        yield TabBar("applications")
        with Vertical(id="apps"):
            yield Static(id="apps-title")
            yield self.filter_box("filter by company or role")
            yield ApplicationTable(id="apps-table")
            yield Static(id="apps-empty")
            with Horizontal(id="apps-bottom"):
                with VerticalScroll(id="apps-detail"):
                    yield Static(id="apps-detail-text")
                yield Static(id="apps-funnel")
        yield KeyBar()

    # Drawing --------------------------------------------------------------------------------
    def draw(self, today: date, first: bool) -> None:
        self.today = today
        self.all_rows = rows(self.app.rb, today)
        self._names = None
        self.show_rows()
        if first:  # the table first; the funnel (every application walked) a frame later
            self.draw_later(self.show_funnel)
        else:
            self.show_funnel()

    def show_rows(self) -> None:
        table = self.query_one(ApplicationTable)
        selected = table.selected()
        words = self.query_text.casefold().split()
        shown = [r for r in self.all_rows if shown_by(self.stage_filter, r)
                 and (not words or matches(r.app, words))]
        table.show(shown, self.today, self.take_selection(selected.app.id if selected else None))
        opened = sum(r.app.is_open for r in self.all_rows)
        quiet = sum(r.quiet is not None for r in self.all_rows)
        title = f"Applications · {len(self.all_rows)} · {opened} open · {quiet} quiet"
        if self.stage_filter != "all":
            title += f" · {self.stage_filter}: {sum(shown_by(self.stage_filter, r) for r in self.all_rows)}"
        if words:
            title += f" · {len(shown)} match “{self.query_text.strip()}”"
        self.query_one("#apps-title", Static).update(Text(title))
        empty = self.query_one("#apps-empty", Static)
        empty.display = not shown
        empty.update("No applications yet. Press a to add the first one." if not self.all_rows
                     else "No application matches the filter (f cycles the stage, esc clears the text).")
        self.show_detail()

    def show_funnel(self) -> None:
        rb = self.app.rb
        figures = app_service.funnel(rb, self.window, self.today)
        self.query_one("#apps-funnel", Static).update(funnel_text(figures, self.window))

    def _contact_names(self) -> dict[str, str]:
        if self._names is None:
            self._names = {c.id: c.name for c in contact_repo.contacts(self.app.rb.store)}
        return self._names

    def show_detail(self) -> None:
        row = self.query_one(ApplicationTable).selected()
        self.query_one("#apps-detail").display = row is not None
        if row is None:
            return
        app = row.app
        out = Text()
        out.append(app.title, "bold")
        out.append(f"\n{app.source} · applied {app.applied:%d %b %Y}", "dim")
        if app.is_open:
            out.append(f"\nnext: {next_words(row)}")
        names = self._contact_names()
        people = [names.get(c, "(deleted contact)") for c in app.contacts]
        for label, value in (("contacts", ", ".join(people)), ("link", app.link), ("notes", app.notes)):
            if value:
                out.append(f"\n{label}: ", "dim")
                out.append(value)
        out.append("\n\nHistory", "bold")
        for stage, day in reversed(app.history):
            out.append(f"\n{day:%a %d %b %Y}  ", "dim")
            out.append(stage)
        self.query_one("#apps-detail-text", Static).update(out)

    # Filters --------------------------------------------------------------------------------
    def action_cycle_filter(self) -> None:
        self.stage_filter = FILTERS[(FILTERS.index(self.stage_filter) + 1) % len(FILTERS)]
        self.show_rows()

    def action_cycle_window(self) -> None:
        self.window = WINDOWS[(WINDOWS.index(self.window) + 1) % len(WINDOWS)]
        self.app.read(self.show_funnel)

    def action_clear_filter(self) -> None:
        self.stage_filter = "all"  # esc clears both filters
        super().action_clear_filter()

    # Actions --------------------------------------------------------------------------------
    def action_cursor(self, step: int) -> None:
        table = self.query_one(ApplicationTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()

    def _selected(self) -> Application | None:
        row: AppRow | None = self.selected_row()
        return row.app if row else None

    def action_add(self) -> None:
        from .application_form import ApplicationForm  # forms are imported when first opened

        self.app.push_screen(ApplicationForm(),
                             lambda a: self._saved(f"Added {a.title}" if a else "", a))

    def action_edit(self) -> None:
        from .application_form import ApplicationForm

        if app := self._selected():
            self.app.push_screen(ApplicationForm(app, self._contact_names()),
                                 lambda a: self._saved(f"Saved {a.title}" if a else "", a))

    def _move(self, app: Application, stage: str) -> None:
        rb = self.app.rb
        moved = self.app.attempt(lambda: app_service.move_application(rb, app.id, stage))
        if isinstance(moved, Application):
            self._saved(f"{moved.title}: {stage} · u undoes it", moved)

    def action_forward(self) -> None:
        if not (app := self._selected()):
            return
        if not app.is_open:
            self.notify(f"{app.title} is closed ({app.stage}); < reopens it", severity="warning")
        elif app.stage == OPEN_STAGES[-1]:
            self.notify(f"{app.title} is at offer; c closes it as accepted", severity="warning")
        else:
            self._move(app, OPEN_STAGES[OPEN_STAGES.index(app.stage) + 1])

    def action_back(self) -> None:
        if not (app := self._selected()):
            return
        if not app.is_open:  # reopen at the last open stage it reached
            self._move(app, next(s for s, _ in reversed(app.history) if s in OPEN_STAGES))
        elif app.stage == OPEN_STAGES[0]:
            self.notify(f"{app.title} is at the first stage (applied)", severity="warning")
        else:
            self._move(app, OPEN_STAGES[OPEN_STAGES.index(app.stage) - 1])

    def action_close(self) -> None:
        from .application_form import CloseForm

        if not (app := self._selected()):
            return
        if not app.is_open:
            self.notify(f"{app.title} is already closed ({app.stage})", severity="warning")
            return
        self.app.push_screen(CloseForm(app), self._after_close)

    def _after_close(self, result: object | None) -> None:
        from .application_form import ApplicationRejectionForm, RejectionAsked

        if isinstance(result, RejectionAsked):  # rejected: the reflection, prefilled and linked
            app = result.app
            self.app.push_screen(ApplicationRejectionForm(app, result.day),
                                 lambda saved: self._saved(f"{app.title}: rejected · reflection saved",
                                                           app if saved else None))
        elif isinstance(result, Application):
            self._saved(f"{result.title}: {result.stage} · u undoes it", result)

    def action_delete(self) -> None:
        from .confirm import confirm_delete, counted

        if not (app := self._selected()):
            return
        rb = self.app.rb
        confirm_delete(self.app, "application", app.title, f"its {counted(len(app.history), 'stage')}",
                       lambda: self.app.attempt(lambda: app_service.delete_application(rb, app.id)),
                       self._changed)
