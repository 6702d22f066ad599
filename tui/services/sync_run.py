"""`rebound sync` in a process of its own, for the app: the app's store is never touched from
another thread, and git (or ssh asking for a passphrase) never draws over the screen. The open
app shows the merged data through its usual polling of the data folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TIMEOUT = 300.0


def sync_elsewhere(folder: Path, timeout: float = TIMEOUT) -> tuple[bool, str]:
    """(done, the one line that says what happened)."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tui", "--data-dir", str(folder), "sync"],
            capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=timeout,
            stdin=subprocess.DEVNULL, start_new_session=True,  # no terminal for ssh to prompt on
        )
    except subprocess.TimeoutExpired:
        return False, f"the sync took longer than {timeout:.0f} s and was stopped"
    except OSError as exc:
        return False, f"cannot start the sync: {exc.strerror or exc}"
    said = (done.stdout if done.returncode == 0 else done.stderr).strip().splitlines()
    line = said[-1] if said else ("Synced." if done.returncode == 0 else "the sync failed")
    return done.returncode == 0, line.removeprefix("rebound: ")
