"""The peer of product.md §6: dooit, a Textual to-do manager on SQLite, started empty.

It lives in a virtual environment of the bench's own (never Rebound's: its dependencies must not
leak into ours), made once and kept in the user's cache folder; the bench starts its `dooit`
script in the same pseudo-terminal harness as Rebound and stops the clock when its empty-state
text shows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

VERSION = "3.3.4"
MARKER = "Welcome to Dooit!"  # its empty workspace's text, drawn with the first frame


def home() -> Path:
    """Where the peer's virtual environment is kept (REBOUND_BENCH_PEER_DIR overrides it)."""
    base = os.environ.get("REBOUND_BENCH_PEER_DIR")
    if base:
        return Path(base)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "rebound-bench" / f"dooit-{VERSION}"


def program() -> tuple[Path | None, str]:
    """The peer's `dooit` script, made if missing; or None and why it could not be made."""
    venv = home()
    script = venv / "bin" / "dooit"
    if script.exists():
        return script, f"dooit {VERSION} in {venv}"
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
        subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                        f"dooit=={VERSION}"], check=True, capture_output=True, timeout=300)
    except (OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", b"") or b""
        last = detail.decode(errors="replace").strip().splitlines()[-1:] or [str(error)]
        return None, f"dooit {VERSION} could not be installed into {venv}: {last[0]}"
    if not script.exists():
        return None, f"dooit {VERSION} installed into {venv} but has no bin/dooit"
    return script, f"dooit {VERSION} installed into {venv}"


def environment(base: dict[str, str], home_dir: Path) -> dict[str, str]:
    """The harness's environment with an empty home of its own and without our PYTHONPATH."""
    home_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in base.items() if k != "PYTHONPATH"}
    env.update(HOME=str(home_dir), XDG_DATA_HOME=str(home_dir / ".local" / "share"),
               XDG_CONFIG_HOME=str(home_dir / ".config"), XDG_CACHE_HOME=str(home_dir / ".cache"))
    return env
