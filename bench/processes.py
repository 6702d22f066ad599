"""Wall time of whole processes: `rebound status --json` against importing tinydb and arrow,
`rebound prompt` against `python -c pass`."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from .terminal import ROOT

BASELINE = ["-c", "import tinydb, arrow"]


def status_args(data_dir: Path) -> list[str]:
    return ["-m", "tui", "--data-dir", str(data_dir), "status", "--json"]


PASS = ["-c", "pass"]
# What the installed `rebound` script runs (no runpy, unlike `python -m tui`).
SCRIPT = "import sys; from tui.__main__ import main; sys.exit(main())"


def prompt_args(data_dir: Path) -> list[str]:
    return ["-c", SCRIPT, "--data-dir", str(data_dir), "prompt"]


def wall_time(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, *args], env=env, cwd=ROOT, capture_output=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"python {' '.join(args)} failed ({done.returncode}): {done.stderr!r}")
    return elapsed
