"""The question shown when a data file cannot be read: restore it from its newest good backup?

The broken file is never deleted: a restore keeps it aside under a new name. Without a good backup
the screen only says so and what to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from .. import paths
from ..services import restore as restore_service
from ..widgets.theme import REBOUND_THEME
from ..store.errors import CorruptFileError, StoreError
from ..services.restore import BrokenFile
from .confirm import ConfirmScreen

if TYPE_CHECKING:
    from .host import HostApp


class RestoreScreen(ConfirmScreen):
    """`y`/`enter` restores from the backup, `n`/`esc` leaves everything as it is."""

    def __init__(self, broken: BrokenFile) -> None:
        self.broken = broken
        lines = [f"Rebound cannot read {broken.path}:", f"{broken.problem}.", ""]
        if broken.backup is not None:
            lines += [
                f"Restore it from {restore_service.describe_backup(broken)}?",
                "Changes made since that backup are not in it. The broken file is kept beside it "
                "under a new name, never deleted.",
            ]
        else:
            lines += [
                "No backup of it reads fine. The file was left untouched: fix it by hand, or move "
                "it out of the data folder to start that file afresh, then reopen Rebound.",
            ]
        super().__init__("A data file is damaged", "\n".join(lines), yes="Restore from backup",
                         no="Not now", yes_variant="primary")

    def compose(self) -> ComposeResult:
        if self.broken.backup is not None:
            yield from super().compose()
            return
        with Vertical(id="confirm-box"):
            yield Static(self.title_text, id="confirm-title", markup=False)
            yield Static(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button("Close (n)", id="confirm-no")
            yield Static("n or esc closes", id="confirm-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes and self.broken.backup is not None)


def offer_restore(app: HostApp, error: CorruptFileError) -> None:
    """Ask whether to restore ``error``'s file: once, and not again after "Not now" until the file
    changes again."""
    seen = restore_service.content_id(error.path)
    if seen in app.restore_declined or any(isinstance(s, RestoreScreen) for s in app.screen_stack):
        return
    broken = BrokenFile(error.path, error.problem, error.backup)

    def answered(yes: bool | None) -> None:
        if not yes:
            app.restore_declined.add(seen)  # not again for this content: the toast still names it
            return
        try:
            done = restore_service.restore(app.rb, broken.path.name)
        except StoreError as exc:
            app.notify(str(exc), title="Not restored", severity="error", timeout=20, markup=False)
            return
        app.notify(
            f"Restored {done.path.name} from {restore_service.describe_backup(done)}. "
            f"The broken file is kept as {done.kept_as}.",
            title="Restored", timeout=12, markup=False,
        )
        app.refresh_data()

    app.push_screen(RestoreScreen(broken), answered)


class RestoreAtStart(App[bool]):
    """Before the app opens: the same question for a file found broken at start-up. Returns
    True once the file is restored."""

    CSS_PATH = [paths.styles_dir() / name for name in ("forms.tcss", "confirm.tcss")]

    def __init__(self, rb: object, error: CorruptFileError) -> None:
        super().__init__()
        self.rb = rb
        self.error = error
        self.failure: StoreError | None = None
        self.register_theme(REBOUND_THEME)
        self.theme = REBOUND_THEME.name

    def on_mount(self) -> None:
        broken = BrokenFile(self.error.path, self.error.problem, self.error.backup)
        self.push_screen(RestoreScreen(broken), self._answered)

    def _answered(self, yes: bool | None) -> None:
        if yes:
            try:
                restore_service.restore(self.rb, self.error.path.name)  # type: ignore[arg-type]
            except StoreError as exc:
                self.failure = exc  # reported by the CLI (exit 3) once the screen is gone
                yes = False
        self.exit(bool(yes))
