"""The base of the screens drawn from the data (Today, Goals, Contacts, Mood, Wins, Applications).

One rule for all of them: a screen draws when the data or the day changed since its last draw
(``reload``), reads nothing otherwise, and draws what can wait a frame later (``draw_later``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.screen import Screen

from .lazy import repeated_resume
from .palette import HasPalette

if TYPE_CHECKING:
    from .host import HostApp


class DataScreen(HasPalette, Screen[None]):
    """Subclasses name the widget focused first (``FIRST_FOCUS``, a selector), draw in
    ``draw``, and list their palette entries in ``PALETTE`` (screens.palette). The data
    arrives with ScreenResume, which follows the mount, through the app's ``refresh_data``
    (which reloads the topmost DataScreen)."""

    FIRST_FOCUS: ClassVar[str]
    app: HostApp  # type: ignore[assignment]

    _drawn: tuple[object, ...] | None = None  # the data and day of the last complete draw
    _draws = 0  # draws begun: a later part asked for by an earlier draw is dropped

    def on_mount(self) -> None:
        found = self.query(self.FIRST_FOCUS)  # none if the app closed while building it ahead
        if found:
            found.first().focus()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not repeated_resume(self, event):
            self.app.refresh_data()

    def reload(self, *, force: bool = False) -> None:
        """Draw if the data or the day changed since the last draw, or ``force`` (what the
        screen shows of it changed: a filter, a page, a window)."""
        rb = self.app.rb
        today = rb.today()
        data = (rb.data_token(), today)
        if data == self._drawn and not force and not self.wants_redraw():
            return  # nothing changed since the last visit: keep what is drawn (and the cursors)
        first = self._drawn is None
        self._draws += 1
        self.draw(today, first)
        self._drawn = data  # only once drawn without a read error

    def redraw(self) -> None:
        """Draw again from the data as it is (the screen's own state changed)."""
        self.reload(force=True)

    def wants_redraw(self) -> bool:
        """True when the next reload must draw though the data did not change."""
        return False

    def draw(self, today: date, first: bool) -> None:
        """Read and draw; ``first``: nothing was drawn yet (what can wait goes to draw_later)."""
        raise NotImplementedError

    def draw_later(self, draw: Callable[[], Any]) -> None:
        """Draw the rest a frame later (the app's ``after_first_frame``), unless the screen drew
        again or went away meanwhile."""
        draws = self._draws

        def run() -> None:
            if draws == self._draws and self.is_attached:
                draw()

        self.app.after_first_frame(run)
