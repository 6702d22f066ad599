"""In process, through Pilot (run in a fresh process each time, see ``main``): tick latency (key to durable write) and screen switches (key to the
next frame), on the real app and data. Timing hooks are installed here, on this process's objects:
the product carries no test hooks.

* A tick is timed from just before ``pilot.press("space")`` to the return of
  ``tui.services.checkins.toggle_tick`` (which returns after the transaction committed: files
  fsynced and renamed). The service call alone is reported too.
* A frame is a call of ``App._display`` with a compositor update for the now-current screen (Textual
  computes it in headless mode as well, then skips writing it).
"""

from __future__ import annotations

import gc
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

SIZE = (110, 34)
MODE_ACTION = re.compile(r"switch_mode\(['\"](\w+)['\"]\)")


@dataclass
class Measured:
    settle: float = 0.0  # from the first frame until the app is idle (the rest of Today, screens built ahead)
    key_to_write: list[float] = field(default_factory=list)
    service: list[float] = field(default_factory=list)
    tick_gc: list[float] = field(default_factory=list)  # seconds of full collections, per tick
    switches: dict[str, list[float]] = field(default_factory=dict)  # mode → seconds, first = cold
    switch_gc: dict[str, list[float]] = field(default_factory=dict)  # the same, per switch


QUIET = 0.1  # seconds: a window in which this process uses under 5 % of a core is idle


async def until_idle(limit: float = 5.0) -> float:
    """Wait until the process (app and Pilot) does next to nothing for ``QUIET`` s, and return
    when that quiet began. ``pilot.pause()`` alone returns while timers and refresh callbacks
    still hold work (Rebound builds its other screens ahead then): a first visit timed from there
    would time that work, which depends on when the key came, not the visit."""
    import asyncio

    deadline = time.perf_counter() + limit
    while True:
        wall, cpu = time.perf_counter(), time.process_time()
        await asyncio.sleep(QUIET)
        if time.process_time() - cpu < 0.05 * QUIET or time.perf_counter() > deadline:
            return wall


class FrameClock:
    """Wraps one app's ``_display`` to note when each frame of each screen was made."""

    def __init__(self, app: App[Any]) -> None:
        self.frames: list[tuple[float, Screen[Any]]] = []
        real = app._display

        def display(screen: Screen[Any], renderable: Any) -> None:
            if renderable is not None:
                self.frames.append((time.perf_counter(), screen))
            real(screen, renderable)

        app._display = display  # type: ignore[method-assign]

    def first_after(self, started: float, screen: Screen[Any]) -> float | None:
        return next((t for t, s in self.frames if t >= started and s is screen), None)


class GcWatch:
    """Notes every full (generation 2) garbage collection, to tell its pauses from our code."""

    def __init__(self) -> None:
        self.spans: list[tuple[float, float]] = []

    def __enter__(self) -> GcWatch:
        gc.callbacks.append(self._note)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._note)

    def _note(self, phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self.spans.append((time.perf_counter(), 0.0))
        elif self.spans:
            self.spans[-1] = (self.spans[-1][0], time.perf_counter())

    def within(self, start: float, end: float) -> float:
        """Seconds of full collections that began between ``start`` and ``end``."""
        return sum(stop - begin for begin, stop in self.spans if start <= begin <= end)


def mode_keys(app: App[Any]) -> dict[str, str]:
    """mode → the key bound to ``switch_mode(mode)``, for every mode in ``app.MODES``."""
    keys = {}
    for binding in app.BINDINGS:
        found = MODE_ACTION.fullmatch(binding.action) if isinstance(binding, Binding) else None
        if found and found.group(1) in app.MODES:
            keys.setdefault(found.group(1), binding.key.split(",")[0])
    missing = set(app.MODES) - set(keys)
    if missing:
        raise RuntimeError(f"no key switches to {sorted(missing)}")
    return keys


async def switch_times(
    app: App[Any], pilot: Any, rounds: int, into: dict[str, list[float]], gcs: GcWatch,
    gc_into: dict[str, list[float]],
) -> None:
    """Visit every mode ``rounds`` times, each from another one; time key → next frame."""
    clock = FrameClock(app)
    keys = mode_keys(app)
    order = [m for m in keys if m != app.current_mode] + [app.current_mode]
    for _ in range(rounds):
        for mode in order:
            started = time.perf_counter()
            await pilot.press(keys[mode])
            await pilot.pause()
            settled = time.perf_counter()
            if app.current_mode != mode:
                raise RuntimeError(f"key {keys[mode]!r} did not switch to {mode!r}")
            end = clock.first_after(started, app.screen) or settled
            into.setdefault(mode, []).append(end - started)
            gc_into.setdefault(mode, []).append(gcs.within(started, end))


async def measure(data_dir: Path, ticks: int, rounds: int) -> Measured:
    from tui.app import ReboundApp
    from tui.services import Rebound
    from tui.services import checkins

    result = Measured()
    app = ReboundApp(Rebound.open(data_dir))
    real_toggle = checkins.toggle_tick
    committed: list[tuple[float, float]] = []

    def timed_toggle(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return real_toggle(*args, **kwargs)
        finally:
            committed.append((started, time.perf_counter()))

    checkins.toggle_tick = timed_toggle  # type: ignore[assignment]
    try:
        with GcWatch() as gcs:
            first_frames = FrameClock(app)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                result.settle = await until_idle() - first_frames.frames[0][0]
                await switch_times(app, pilot, rounds, result.switches, gcs, result.switch_gc)
                if app.current_mode != "today":
                    await pilot.press(mode_keys(app)["today"])
                    await pilot.pause()
                for _ in range(ticks):
                    before = len(committed)
                    started = time.perf_counter()
                    await pilot.press("space")
                    if len(committed) != before + 1:
                        raise RuntimeError("space did not tick (is a goal selected on Today?)")
                    called, done = committed[-1]
                    result.key_to_write.append(done - started)
                    result.service.append(done - called)
                    result.tick_gc.append(gcs.within(started, done))
                    await pilot.pause()  # let the repaint finish before the next key
    finally:
        checkins.toggle_tick = real_toggle  # type: ignore[assignment]
    return result


# The screen-switch baseline: the same measurement on a bare app with three trivial modes ------
class BareScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"Bare screen {self.name}")
        yield Footer()


def _bare(name: str) -> Callable[[], Screen[None]]:
    return lambda: BareScreen(name=name)


class BareModesApp(App[None]):
    MODES = {"a": _bare("a"), "b": _bare("b"), "c": _bare("c")}
    DEFAULT_MODE = "a"
    BINDINGS = [Binding("1", "switch_mode('a')"), Binding("2", "switch_mode('b')"),
                Binding("3", "switch_mode('c')")]


async def bare_switches(rounds: int) -> tuple[dict[str, list[float]], float]:
    """The bare app's switch times, and how long it works after its first frame (as ``settle``)."""
    app = BareModesApp()
    found: dict[str, list[float]] = {}
    first_frames = FrameClock(app)
    with GcWatch() as gcs:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            settle = await until_idle() - first_frames.frames[0][0]
            await switch_times(app, pilot, rounds, found, gcs, {})
    return found, settle


def main(argv: list[str]) -> None:
    """``python -m bench.inprocess DIR TICKS ROUNDS`` or ``... --bare ROUNDS``: one fresh process
    per measurement, so no size pays (or skips) another's one-time costs. Prints JSON."""
    import asyncio
    import json

    if argv[0] == "--bare":
        switches, settle = asyncio.run(bare_switches(int(argv[1])))
        found = {"switches": switches, "settle": settle}
    else:
        measured = asyncio.run(measure(Path(argv[0]), int(argv[1]), int(argv[2])))
        found = {"settle": measured.settle, "key_to_write": measured.key_to_write,
                 "service": measured.service,
                 "tick_gc": measured.tick_gc, "switches": measured.switches,
                 "switch_gc": measured.switch_gc}
    print(json.dumps(found))


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
