"""What a screen needs from the app it runs in, beyond Textual's App: one explicit protocol, so
screens and widgets never import the app (tui/app.py imports them) nor guess with hasattr."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from textual.app import App

    from ..services.context import Rebound
    from ..store.errors import StoreError


@runtime_checkable
class ScreenHost(Protocol):
    rb: Rebound  # the service context every use case takes
    restore_declined: set[object]  # broken files the user answered "Not now" for

    def attempt(self, change: Callable[[], object]) -> object | None:
        """Run a service call; a refusal or a failed write becomes a toast and gives None."""

    def read(self, draw: Callable[[], object]) -> None:
        """Draw from the store; a file that cannot be read becomes a toast, never a crash."""

    def refresh_data(self) -> None:
        """Redraw the topmost data screen from the store (after a change here or elsewhere)."""

    def offer_fix(self, error: StoreError) -> None:
        """Offer the way out of a store error: a backup to restore, a folder to start afresh."""

    def after_first_frame(self, draw: Callable[[], object]) -> None:
        """Run ``draw`` once the app's first frame is on the terminal (now, if it is)."""

    def start_drawn(self) -> None:
        """The first screen has drawn all it shows (the app's background work may begin)."""

    def celebrate_earned(self) -> None:
        """One toast for the wins the last change earned."""


if TYPE_CHECKING:
    class HostApp(App[Any], ScreenHost):
        """What a screen's ``self.app`` is: a Textual App that is also a ScreenHost."""
