"""Helpers for the CLI tests: run ``python -m tui`` as a real subprocess and judge the result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Result:
    args: tuple[str, ...]
    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.code == 0, self.describe()
        return json.loads(self.out)

    def describe(self) -> str:
        return f"rebound {' '.join(self.args)} → {self.code}\nstdout: {self.out!r}\nstderr: {self.err!r}"


def base_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REBOUND_", "TEXTUAL"))}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["HOME"] = str(home)
    env["XDG_DATA_HOME"] = str(home / ".local" / "share")
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_cli(*args: str, env: dict[str, str], cwd: Path, timeout: float = 30) -> Result:
    proc = subprocess.run(
        [sys.executable, "-m", "tui", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    return Result(tuple(args), proc.returncode, proc.stdout, proc.stderr)


def days_before(day: date, n: int) -> str:
    return (day - timedelta(days=n)).isoformat()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every data file (not the lock) and its bytes: to prove a refusal wrote nothing."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".rebound.lock"
    }


def assert_refused(result: Result, *fragments: str, code: int = 1) -> str:
    """Exit ``code`` with exactly one line on stderr, starting "rebound:", naming ``fragments``."""
    assert result.code == code, result.describe()
    assert "Traceback" not in result.err, result.describe()
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.describe()
    line = lines[0]
    assert line.startswith("rebound:"), result.describe()
    assert len(line) > len("rebound: ") + 5, result.describe()
    for fragment in fragments:
        assert fragment.casefold() in line.casefold(), f"{fragment!r} missing: {result.describe()}"
    assert result.out == "", result.describe()
    return line


def assert_usage_error(result: Result) -> None:
    assert result.code == 2, result.describe()
    assert "Traceback" not in result.err, result.describe()
    assert "usage:" in result.err, result.describe()
    assert result.out == "", result.describe()
