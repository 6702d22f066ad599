"""Start to first painted frame, as a user sees it: spawn the app in a pseudo-terminal (pexpect),
render its output with a terminal emulator (pyte), stop the clock when the first chunk that makes
the marker text visible arrives. Then go on reading until the app has drawn nothing for QUIET
seconds (the last chunk before that silence is the settled start), wait until the process is idle
(the work it does after drawing, such as reading ahead, is done) and read its peak resident
memory (``VmHWM``) from /proc: the most it has held, not a moment's figure."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pexpect
import pyte

ROWS, COLS = 34, 110
TIMEOUT = 60.0
ROOT = Path(__file__).resolve().parents[1]
QUIET = 0.3  # product.md §6: settled = nothing more drawn for 0.3 s
IDLE, IDLE_CPU = 0.1, 0.05  # idle: under 5 % of a core for 0.1 s
SETTLE_LIMIT = 10.0  # an app that never stops drawing (a clock) is not settled: reported as None


@dataclass(frozen=True)
class Start:
    seconds: float
    rss_mb: float  # peak resident memory once started and idle
    settled: float | None = None  # seconds from spawning to the last output before QUIET


def environment(home: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items()
        if not k.startswith(("REBOUND_", "TEXTUAL")) and k not in ("COLUMNS", "LINES", "NO_COLOR")
    }
    env.update(
        TERM="xterm-256color",
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        PYTHONIOENCODING="utf-8",
    )
    return env


def peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _idle(child: pexpect.spawn, limit: float) -> None:
    """Read (and drop) output until the process uses under IDLE_CPU of a core for IDLE s."""
    while time.perf_counter() < limit:
        before = cpu_seconds(child.pid)
        try:
            child.read_nonblocking(1 << 20, timeout=IDLE)
            continue  # it drew: not idle
        except pexpect.TIMEOUT:
            pass
        except pexpect.EOF:
            return
        if cpu_seconds(child.pid) - before < IDLE_CPU * IDLE:
            return


def first_frame(args: list[str], marker: str, env: dict[str, str], *, settle: bool = False,
                program: str = sys.executable) -> Start:
    """Seconds from spawning ``program *args`` (default: this Python) until ``marker`` is on
    screen, its RSS then and, with ``settle``, when it last drew before a QUIET silence."""
    screen = pyte.Screen(COLS, ROWS)
    stream = pyte.ByteStream(screen)
    started = time.perf_counter()
    child = pexpect.spawn(program, args, env=env, cwd=str(ROOT), dimensions=(ROWS, COLS))
    try:
        deadline = started + TIMEOUT
        while True:
            if time.perf_counter() > deadline:
                raise RuntimeError(f"{marker!r} did not appear within {TIMEOUT:g} s")
            try:
                chunk = child.read_nonblocking(1 << 20, timeout=0.5)
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                text = "\n".join(screen.display).strip()
                raise RuntimeError(f"python {' '.join(args)} exited before {marker!r}:\n{text}")
            arrived = time.perf_counter()
            stream.feed(chunk)
            if any(marker in line for line in screen.display):
                break
        settled = None
        if settle:
            settled = _quiet(child, stream, arrived, started + SETTLE_LIMIT)
            _idle(child, started + SETTLE_LIMIT)
        memory = peak_rss_mb(child.pid)  # without ``settle``: the peak up to the first frame
    finally:
        _stop(child)
    return Start(arrived - started, memory, None if settled is None else settled - started)


def _quiet(child: pexpect.spawn, stream: pyte.ByteStream, last: float, limit: float,
           ) -> float | None:
    """The arrival time of the last chunk that changed the screen (a character or its colours)
    before QUIET seconds without such a change; output that draws nothing (a pointer-shape or
    title sequence) does not count. None: still drawing at ``limit``."""
    screen = stream.listener
    before = _cells(screen)
    while time.perf_counter() < limit:
        wait = last + QUIET - time.perf_counter()
        if wait <= 0:
            return last
        try:
            chunk = child.read_nonblocking(1 << 20, timeout=wait)
        except (pexpect.TIMEOUT, pexpect.EOF):
            return last
        arrived = time.perf_counter()
        stream.feed(chunk)
        now = _cells(screen)
        if now != before:
            last, before = arrived, now
    return None


def _cells(screen: pyte.Screen) -> tuple[tuple[object, ...], ...]:
    """What the screen shows: every character with its colours and attributes."""
    return tuple(tuple(row[x] for x in range(screen.columns)) for row in
                 (screen.buffer[y] for y in range(screen.lines)))


def _stop(child: pexpect.spawn) -> None:
    """Quit the way a user would (ctrl+q); kill only this child if it does not go."""
    try:
        if child.isalive():
            child.sendcontrol("q")
            child.expect(pexpect.EOF, timeout=10)
    except (pexpect.TIMEOUT, pexpect.EOF, OSError):
        pass
    finally:
        if child.isalive():
            child.terminate(force=True)
        child.close(force=True)
