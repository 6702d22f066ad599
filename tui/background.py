"""What the app does after its first screen is drawn, in the background: the other screens'
styles, modules and data read ahead, the garbage collector kept out of the way, and the memory
the reads threw away handed back (``heap``). A mixin of ``ReboundApp`` (tui/app.py); every step
waits while the user types."""

from __future__ import annotations

import gc
from importlib import import_module
from time import monotonic
from collections.abc import Callable
from typing import TYPE_CHECKING

from . import heap, paths
from .textual_compat import add_stylesheets, build_mode_ahead

if TYPE_CHECKING:
    from textual.app import App

    from .services import Rebound

    _Base = App[None]
else:
    _Base = object

# tui.screens.*: imported just after the first frame
SCREENS = ("goals", "contacts", "mood", "wins", "applications")
PREPARED = (*SCREENS, "mood_form", "win_form")  # then, when the user is idle, their data read ahead
QUIET, PREPARE_EVERY = 0.25, 0.02  # seconds
IDLE_COLLECT = 1.0  # seconds without a key or a click before frozen garbage is collected
LATER_STYLES = ("forms.tcss", "help.tcss", "wins.tcss", "goals.tcss", "confirm.tcss", "contacts.tcss",
                "mood.tcss", "applications.tcss")  # parsed after the first frame, or before a screen shows


class BackgroundWork(_Base):
    rb: Rebound
    _last_input: float  # monotonic time of the last key or click (the app's on_event)
    read: Callable[[Callable[[], object]], None]  # the app's: a read whose errors are shown

    def _init_background(self) -> None:
        self._frozen_garbage = False
        self._unprepared = list(PREPARED)
        self._later_styles_loaded = False
        self._background_started = False
        self._unbuilt = list(SCREENS)

    def _not_quiet(self, step: Callable[[], object]) -> bool:
        """True, with ``step`` put off until then, within QUIET seconds of a key or a click."""
        quiet = monotonic() - self._last_input
        if quiet >= QUIET:
            return False
        self.set_timer(QUIET - quiet, step)
        return True

    def start_drawn(self) -> None:
        """The first screen has drawn all it shows: the background work follows the frames
        that put it on the terminal (a text that grew needs a layout, then a second frame)."""
        if not self._background_started:
            self.call_after_refresh(self.call_after_refresh, self._background)

    def _background(self) -> None:
        """Once, after the first screen is drawn in full: the other screens' styles and modules
        (kept out of the start and of the first visits), start-up objects kept out of every
        later full collection (they live as long as the app), then the other screens' data read
        ahead while the user reads."""
        if self._background_started:
            return
        self._background_started = True
        self._load_later_styles()
        for name in SCREENS:  # ~20 ms of imports
            import_module(f"{__package__}.screens.{name}")
        self._freeze()
        gc.enable()  # `rebound` starts with collections off (cli.launch)
        if self.is_running:
            self.mode_change_signal.subscribe(self, self._mode_changed)
            self._build_next_screen()
            self.set_timer(QUIET, self._prepare_next)
            self.set_interval(IDLE_COLLECT / 2, self._collect_when_idle)

    def _build_next_screen(self) -> None:
        """The other screens built and mounted ahead, hidden, with their data read, one a frame
        (a key waits for one at most, 10-50 ms): a first visit then only lays out and draws.
        Not while the user types (QUIET seconds after a key): keys that queue up behind a step
        reach the field focused before them, and a Tab's move came too late for the next key."""
        if self._unbuilt and self._not_quiet(self._build_next_screen):
            return
        while self._unbuilt and self.is_running:
            name = self._unbuilt.pop(0)
            if build_mode_ahead(self, name) is not None:
                self._prepare(name)
                self.call_after_refresh(self._build_next_screen)
                return
        self._freeze()  # they live as long as the app

    def _load_later_styles(self) -> None:
        """The other screens' styles: parsing them held the first frame back by about 10 ms.
        Their rules name only their own screens' widgets, so nothing shown is restyled."""
        if self._later_styles_loaded:
            return
        self._later_styles_loaded = True
        add_stylesheets(self, (paths.styles_dir() / name for name in LATER_STYLES))

    def _prepare_next(self) -> None:
        """Import the next screen and read ahead what it shows, a step at a time and only after
        QUIET seconds without a key or a click: a step takes 10-50 ms, never in the way."""
        if not self._unprepared or self._not_quiet(self._prepare_next):
            return
        self._prepare(self._unprepared[0])
        self._freeze()  # what it read lives on (until the data changes)
        self.set_timer(PREPARE_EVERY, self._prepare_next)

    def _prepare(self, name: str) -> None:
        """Read ahead what ``tui.screens.<name>`` shows (once; its ``prepare``, if it has one)."""
        if name not in self._unprepared:
            return
        self._unprepared.remove(name)
        prepare = getattr(import_module(f"{__package__}.screens.{name}"), "prepare", None)
        if prepare is not None:
            self.read(lambda: prepare(self.rb))
            heap.trim()  # what the read threw away does not stay resident (tui/heap.py)

    # Garbage collection ------------------------------------------------------------------------
    # Full collections walk every tracked object: 70-150 ms at five years, inside switches and ticks
    # (bench/RESULTS.md). So what is built is frozen (never walked), young garbage is collected
    # after each switch, and the rest (cycles frozen meanwhile) only when the user is idle.
    def _mode_changed(self, mode: str) -> None:
        self.call_after_refresh(self._settle)

    def _settle(self) -> None:
        gc.collect(1)
        self._freeze()

    def _freeze(self) -> None:
        gc.freeze()
        self._frozen_garbage = True

    def _collect_when_idle(self) -> None:
        if self._frozen_garbage and monotonic() - self._last_input >= IDLE_COLLECT:
            self._frozen_garbage = False
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            heap.trim()
