"""Today's quiet applications: open ones with no move and no word from their contacts for
``ghost_days``. Highlight one and press `f` to follow up or `g` to close it as ghosted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:  # imported when first shown, a frame after Today's goals
    from ..core.applications import Application


def quiet_line(app: Application, days: int) -> Text:
    from ..core.applications import quiet_label

    line = Text.assemble(("• ", "bold"), (app.title, "bold"), (f" — {quiet_label(days)}", ""))
    line.no_wrap, line.overflow = True, "ellipsis"  # one row each: the cursor's row is its index
    return line


class QuietList(OptionList):
    """The quiet applications it is given (Today's first few, the longest quiet first:
    ``services.today_view``), then how many more; the keys act on the highlighted one through
    the screen, which owns the changes."""

    BINDINGS = [
        Binding("f", "screen.quiet_follow_up", "Follow up",
                tooltip="Set a follow-up on the highlighted quiet application's first contact"),
        Binding("g", "screen.quiet_ghosted", "Ghosted",
                tooltip="Close the highlighted quiet application as ghosted (u undoes it)"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.quiet: list[tuple[Application, int]] = []

    def show(self, quiet: list[tuple[Application, int]], count: int) -> None:
        """``quiet``: the first of ``count`` quiet applications, with their quiet days."""
        highlighted = self.highlighted
        self.quiet = quiet
        options = [Option(quiet_line(app, days), id=app.id) for app, days in quiet]
        if count > len(quiet):
            options.append(Option(Text(f"… and {count - len(quiet)} more: Applications (6) lists "
                                       "every one", "dim"), disabled=True))
        self.set_options(options)
        if quiet:
            self.highlighted = min(highlighted or 0, len(quiet) - 1)

    def selected(self) -> Application | None:
        if not self.quiet:
            return None
        return self.quiet[min(self.highlighted or 0, len(self.quiet) - 1)][0]
