"""Run ``python -m tui`` as a real subprocess on a temporary data folder.

Every test gets its own data folder (``REBOUND_DATA_DIR``) and its own HOME/XDG folders, so a test
can never read or write the user's real data even when it leaves the data folder unset.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any, Callable

import pytest

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
pytest.register_assert_rewrite("cli_support")

from cli_support import Result, base_env, run_cli  # noqa: E402


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def cli_env(home: Path) -> dict[str, str]:
    """The environment without any data folder set."""
    return base_env(home)


@pytest.fixture
def rebound(data_dir: Path, cli_env: dict[str, str], tmp_path: Path) -> Callable[..., Result]:
    """``rebound(*args)`` runs the CLI with REBOUND_DATA_DIR set to this test's data folder."""
    env = dict(cli_env, REBOUND_DATA_DIR=str(data_dir))

    def run(*args: str) -> Result:
        return run_cli(*args, env=env, cwd=tmp_path)

    return run


@pytest.fixture
def ok(rebound: Callable[..., Result]) -> Callable[..., Result]:
    """Like ``rebound`` but the command must succeed with nothing on stderr."""

    def run(*args: str) -> Result:
        result = rebound(*args)
        assert result.code == 0, result.describe()
        assert result.err == "", result.describe()
        return result

    return run


@pytest.fixture
def status(ok: Callable[..., Result]) -> Callable[..., dict[str, Any]]:
    """``status()`` → the parsed ``status --json`` object; ``status(as_of=...)`` for another day."""

    def read(as_of: str | None = None) -> dict[str, Any]:
        args = ["status", "--json"] + (["--as-of", as_of] if as_of else [])
        return ok(*args).json()

    return read


@pytest.fixture
def goal_status(status: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    """``goal_status(name, as_of=None)`` → that goal's entry of ``status --json``."""

    def read(name: str, as_of: str | None = None) -> dict[str, Any]:
        goals = {g["name"]: g for g in status(as_of)["goals"]}
        assert name in goals, f"{name!r} not in {sorted(goals)}"
        return goals[name]

    return read


@pytest.fixture
def today(status: Callable[..., dict[str, Any]]) -> date:
    """Today as the CLI sees it (its logical day), so day arithmetic agrees with the app."""
    return date.fromisoformat(status()["date"])
