"""The merge driver git runs (``rebound merge-driver %O %A %B %P``, ``python -m tui.sync.driver``):
on its own, and through a real ``git merge`` of two branches that changed one data file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from tui.store import schema
from tui.sync.driver import main

ROOT = Path(__file__).resolve().parents[2]
T1, T2, T3 = (f"2026-03-0{d}T10:00:00.000000Z" for d in (1, 2, 3))


def data(*goals: dict[str, Any], version: int = schema.SCHEMA_VERSION) -> bytes:
    tables = {"_meta": {"1": {"schema": version, "kind": "rebound"}},
              "goals": {str(i): g for i, g in enumerate(goals, 1)}}
    return orjson.dumps(tables, option=orjson.OPT_INDENT_2) + b"\n"


def goal(gid: str, name: str = "Apply", updated: str = T1, target: int = 1) -> dict[str, Any]:
    return {"id": gid, "name": name, "start": "2026-03-01", "target": target, "period": "day",
            "weekdays": [0, 1, 2, 3, 4, 5, 6], "updated": updated}


def sides(tmp_path: Path, base: bytes, ours: bytes, theirs: bytes) -> list[str]:
    paths = []
    for name, content in (("base", base), ("ours", ours), ("theirs", theirs)):
        (tmp_path / name).write_bytes(content)
        paths.append(str(tmp_path / name))
    return [*paths, "rebound.json"]


def test_the_driver_writes_the_merge_into_ours(tmp_path: Path) -> None:
    args = sides(tmp_path, data(goal("a")), data(goal("a"), goal("b", updated=T2)),
                 data(goal("a", "Renamed", T3)))
    assert main(args) == 0
    merged = orjson.loads((tmp_path / "ours").read_bytes())
    assert [g["name"] for g in merged["goals"].values()] == ["Renamed", "Apply"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base", "ours", "theirs"]  # no temp left


def test_an_empty_base_is_a_file_added_on_both_sides(tmp_path: Path) -> None:
    args = sides(tmp_path, b"", data(goal("a")), data(goal("b", updated=T2)))
    assert main(args) == 0
    merged = orjson.loads((tmp_path / "ours").read_bytes())
    assert {g["id"] for g in merged["goals"].values()} == {"a", "b"}


def test_a_conflict_leaves_ours_and_says_why_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ours = data(goal("a", "Mine", T2))
    args = sides(tmp_path, data(goal("a")), ours, data(goal("a"), version=schema.SCHEMA_VERSION + 1))
    assert main(args) == 1
    assert (tmp_path / "ours").read_bytes() == ours
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "rebound.json" in err and "newer Rebound" in err


def test_a_side_that_is_not_utf8_is_a_conflict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = sides(tmp_path, data(goal("a")), data(goal("a")), b"\xff\xfe{}")
    assert main(args) == 1
    assert "not UTF-8" in capsys.readouterr().err


def test_wrong_arguments_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["only", "two"]) == 2
    assert "usage: rebound merge-driver BASE OURS THEIRS PATH" in capsys.readouterr().err


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent"}


@pytest.mark.parametrize("form", [["-m", "tui", "merge-driver"], ["-m", "tui.sync.driver"]])
def test_both_command_forms_run_without_textual(tmp_path: Path, form: list[str]) -> None:
    args = sides(tmp_path, data(goal("a")), data(goal("a"), goal("b", updated=T2)),
                 data(goal("a", "Renamed", T3)))
    probe = ("import runpy, sys\n"
             f"sys.argv = ['x', *{args!r}]\n"
             "try:\n"
             f"    runpy.run_module({form[1]!r}, run_name='__main__')\n"
             "except SystemExit as exc:\n"
             "    assert not exc.code, exc.code\n"
             "assert 'textual' not in sys.modules\n")
    if form[1] == "tui":
        probe = probe.replace(f"*{args!r}", f"'merge-driver', *{args!r}")
    result = subprocess.run([sys.executable, "-c", probe], env=env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert b'"Renamed"' in (tmp_path / "ours").read_bytes()
    result = subprocess.run([sys.executable, *form, *args], env=env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(repo), *args], env=env(), capture_output=True,
                          text=True, check=check)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "data"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    git(folder, "config", "user.name", "Test")
    git(folder, "config", "user.email", "test@example.invalid")
    driver = f"{sys.executable} -m tui merge-driver %O %A %B %P"
    git(folder, "config", "merge.rebound.name", "Rebound records")
    git(folder, "config", "merge.rebound.driver", driver)
    (folder / ".gitattributes").write_text("* merge=rebound\n")
    return folder


def commit(repo: Path, content: bytes, message: str) -> None:
    (repo / "rebound.json").write_bytes(content)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def test_git_merge_runs_the_driver_on_a_file_changed_on_both_branches(repo: Path) -> None:
    commit(repo, data(goal("a"), goal("gone")), "base")
    git(repo, "checkout", "-q", "-b", "laptop")
    commit(repo, data(goal("a", "Apply daily", T2), goal("gone"), goal("l", "Laptop", T2)), "laptop")
    git(repo, "checkout", "-q", "main")
    commit(repo, data(goal("a", "Apply", T3, target=3), goal("d", "Desktop", T3)), "desktop")
    result = git(repo, "merge", "--no-edit", "laptop", check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    merged = orjson.loads((repo / "rebound.json").read_bytes())
    goals = {g["id"]: g for g in merged["goals"].values()}
    assert set(goals) == {"a", "l", "d"}  # "gone" was deleted on main and untouched on laptop
    assert (goals["a"]["name"], goals["a"]["target"]) == ("Apply daily", 3)
    assert git(repo, "status", "--porcelain").stdout == ""  # merged and committed


def test_git_merge_stops_when_the_driver_cannot_decide(repo: Path) -> None:
    commit(repo, data(goal("a")), "base")
    git(repo, "checkout", "-q", "-b", "newer")
    commit(repo, data(goal("a", "X", T2), version=schema.SCHEMA_VERSION + 1), "from a newer Rebound")
    git(repo, "checkout", "-q", "main")
    mine = data(goal("a", "Mine", T3))
    commit(repo, mine, "mine")
    result = git(repo, "merge", "--no-edit", "newer", check=False)
    assert result.returncode != 0
    assert "newer Rebound" in result.stdout + result.stderr
    git(repo, "merge", "--abort")
    assert (repo / "rebound.json").read_bytes() == mine


def test_the_merged_file_keeps_the_mode_of_ours(tmp_path: Path) -> None:
    args = sides(tmp_path, data(goal("a")), data(goal("a"), goal("b", updated=T2)),
                 data(goal("a", "Renamed", T3)))
    os.chmod(args[1], 0o600)
    assert main(args) == 0
    assert os.stat(args[1]).st_mode & 0o777 == 0o600
