"""Real full disks, file size limits and read-only folders (no injected errors).

* A 512 KiB tmpfs filled to the last byte, then given back 0 to 32 KiB: each CLI change either
  saves completely (exit 0) or is refused with exit 3 and a line saying the disk is full; no data
  file or backup changes, no temporary file is left, and once space is back the change saves.
* RLIMIT_FSIZE in a child process (SIGXFSZ ignored, so a write raises EFBIG): "file size limit".
* A read-only bind mount, which root cannot write through either: changes exit 3 saying so,
  reading still works.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import orjson
import pytest

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from real_disks import (  # noqa: E402
    assert_every_file_loads, data_files, fill, leftovers, read_only_view, tiny_filesystem,
)

ROOT = Path(__file__).resolve().parents[2]
LEAVES = [0, 1024, 2048, 4096, 6144, 8192, 12288, 16384, 32768]  # bytes given back after filling
FROZEN = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
SIZE = (110, 34)


def changes(n: int) -> list[tuple[str, ...]]:
    """Six kinds of change, each one new (so a saved one always changes a file)."""
    return [("log", "Apply"), ("mood", "4", "--note", f"steady {n}"), ("contact", "log", "Friend"),
            ("win", f"Kept going {n}"), ("goal", "add", f"Walk {n}"), ("contact", "add", f"Pal {n}")]


def rebound(data: Path, *args: str, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REBOUND_", "TEXTUAL"))}
    env["PYTHONPATH"] = str(ROOT)

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "tui", "--data-dir", str(data), *args], env=env, capture_output=True,
        text=True, timeout=60, stdin=subprocess.DEVNULL, preexec_fn=limited,
    )


def seed(data: Path) -> None:
    for args in (("goal", "add", "Apply", "--target", "50"), ("log", "Apply"), ("mood", "3"),
                 ("contact", "add", "Friend"), ("win", "Started")):
        proc = rebound(data, *args)
        assert proc.returncode == 0, (args, proc.stderr)


def refusal(proc: subprocess.CompletedProcess[str], *words: str) -> str:
    assert proc.returncode == 3, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("rebound: could not save"), proc.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def test_a_really_full_disk_refuses_cleanly_and_harms_nothing(tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "fs", size_kb=512) as fs:
        data = fs / "data"
        seed(data)
        saved, refused = 0, 0
        for leave in LEAVES:
            for args in changes(leave):
                before = data_files(data)
                filler = fill(fs, leave)
                proc = rebound(data, *args)
                if proc.returncode == 0:
                    saved += 1
                    assert data_files(data) != before, args  # it said saved: it is on disk
                else:
                    refused += 1
                    refusal(proc, "the disk is full", "No space left on device", "free some space")
                    assert data_files(data) == before, args  # nothing already saved was touched
                assert leftovers(data) == [], args
                assert_every_file_loads(data)
                filler.unlink()
        assert refused >= 6, "the disk was never full enough to refuse a change"
        done = orjson.loads(rebound(data, "status", "--json").stdout)["goals"][0]["done"]
        again = rebound(data, "log", "Apply")  # space is back: the next change saves
        assert again.returncode == 0, again.stderr
        assert orjson.loads(rebound(data, "status", "--json").stdout)["goals"][0]["done"] == done + 1
        print(f"\nfull disk (512 KiB tmpfs, {len(LEAVES)} amounts of free space from 0 to {LEAVES[-1] // 1024} KiB): {saved + refused} changes, "
              f"{saved} saved, {refused} refused with exit 3; files harmed 0; temp files left 0")


def test_a_file_size_limit_is_reported_as_such(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data)
    for day in range(1, 40):  # a main file of a few KiB
        assert rebound(data, "goal", "add", f"Goal number {day}").returncode == 0
    biggest = max(p.stat().st_size for p in data.glob("*.json"))
    before = data_files(data)
    line = refusal(rebound(data, "goal", "add", "One more", limit=biggest // 2),
                   "file size limit", "File too large", "ulimit -f")
    assert data_files(data) == before
    assert leftovers(data) == []
    assert_every_file_loads(data)
    assert rebound(data, "goal", "add", "One more").returncode == 0  # without the limit it saves
    print(f"\nfile size limit {biggest // 2} bytes: {line}")


def test_a_read_only_folder_refuses_changes_even_for_root_and_still_reads(tmp_path: Path) -> None:
    source = tmp_path / "data"
    seed(source)
    with read_only_view(source, tmp_path / "view") as view:
        probe = view / "probe"
        with pytest.raises(OSError):
            probe.write_bytes(b"x")  # the mount really is read-only, even for root
        before = data_files(source)
        for args in changes(0):
            refusal(rebound(view, *args), "read-only file system", "--data-dir")
            assert data_files(source) == before
        status = rebound(view, "status", "--json")
        assert status.returncode == 0, status.stderr
        assert orjson.loads(status.stdout)["goals"][0]["name"] == "Apply"
    assert leftovers(source) == []


def row_text(app) -> str:
    from tui.widgets.goal_list import GoalList

    return " ".join(app.screen.query_one(GoalList).lines())


async def test_the_app_reports_a_really_full_disk_and_saves_once_space_is_back(tmp_path: Path) -> None:
    from tui.app import ReboundApp
    from tui.services import Rebound
    from tui.services import checkins, goals
    from tui.services.status import goal_summaries

    with tiny_filesystem(tmp_path / "fs", size_kb=256) as fs:
        rb = Rebound.open(fs / "data", now=lambda: FROZEN)
        goal = goals.add_goal(rb, "Apply", target=2)
        checkins.log(rb, goal.id, 1)  # today's backup exists: the tick below only writes check-ins
        app = ReboundApp(rb, poll_seconds=3600)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert "1/2" in row_text(app)
            before = data_files(fs / "data")
            filler = fill(fs)
            await pilot.press("plus")
            await pilot.pause()
            [toast] = [n for n in app._notifications if n.title == "Could not save"]
            assert "the disk is full" in toast.message and "free some space" in toast.message
            assert "1/2" in row_text(app)  # the tick is visibly rolled back, not shown as saved
            assert data_files(fs / "data") == before
            assert leftovers(fs / "data") == []
            filler.unlink()  # space is back: the same key saves
            await pilot.press("plus")
            await pilot.pause()
            assert "2/2" in row_text(app)
        assert goal_summaries(Rebound.open(fs / "data", now=lambda: FROZEN))[0].streak.done == 2


async def test_the_app_reports_a_read_only_folder_and_keeps_the_screen(tmp_path: Path) -> None:
    from tui.app import ReboundApp
    from tui.services import Rebound
    from tui.services import checkins, goals

    source = tmp_path / "data"
    rb = Rebound.open(source, now=lambda: FROZEN)
    goal = goals.add_goal(rb, "Apply", target=2)
    checkins.log(rb, goal.id, 1)
    with read_only_view(source, tmp_path / "view") as view:
        before = data_files(source)
        app = ReboundApp(Rebound.open(view, now=lambda: FROZEN), poll_seconds=3600)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert "1/2" in row_text(app)  # reading works
            await pilot.press("plus")
            await pilot.pause()
            [toast] = [n for n in app._notifications if n.title == "Could not save"]
            assert "read-only file system" in toast.message and "--data-dir" in toast.message
            assert "1/2" in row_text(app)  # visibly not saved
        assert data_files(source) == before
