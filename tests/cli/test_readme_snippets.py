"""The README's "Outside the app" snippets, run as a user would paste them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Callable

import pytest
from cli_support import ROOT, Result

SECTION = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## Outside the app")[1].split("\n## ")[0]


def snippet(heading: str) -> str:
    """The first code block after the bold ``heading`` in the README section."""
    found = re.search(r"\*\*" + heading + r"\*\*.*?```[a-z]*\n(.*?)```", SECTION, re.S)
    assert found, heading
    return found.group(1)


def rebound_on_path(tmp_path: Path, env: dict[str, str]) -> dict[str, str]:
    """A `rebound` command on PATH that runs this checkout."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "rebound"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m tui "$@"\n')
    script.chmod(0o755)
    return dict(env, PATH=f"{bin_dir}:/usr/bin:/bin")


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_bash_snippet_puts_the_line_in_the_prompt(tmp_path: Path, ok: Callable[..., Result],
                                                      data_dir: Path, cli_env: dict[str, str]) -> None:
    ok("goal", "add", "Apply")
    ok("goal", "add", "Walk")
    env = rebound_on_path(tmp_path, dict(cli_env, REBOUND_DATA_DIR=str(data_dir)))
    script = "PS1='\\u$ '\n" + snippet("bash") + '\nprintf "%s" "${PS1@P}"\n'
    shown = subprocess.run(["bash", "--norc", "--noprofile", "-c", script], env=env,
                           capture_output=True, text=True, timeout=30)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("⚑2 "), shown.stdout
    assert shown.stdout.endswith("$ ")  # the user's own prompt stays behind it
    ok("log", "Apply")
    ok("log", "Walk")
    done = subprocess.run(["bash", "--norc", "--noprofile", "-c", script], env=env,
                          capture_output=True, text=True, timeout=30)
    assert "⚑" not in done.stdout and done.stdout.endswith("$ ")  # all done: nothing added


def test_the_starship_snippet_is_valid_toml() -> None:
    config = tomllib.loads(snippet("starship"))["custom"]["rebound"]
    assert config["command"] == "rebound prompt"


def test_the_timer_and_cron_lines_run_remind() -> None:
    assert "rebound remind" in snippet("cron")
    assert "ExecStart=%h/.local/bin/rebound remind" in snippet("systemd user timer")
    assert "OnCalendar=" in SECTION and "WantedBy=timers.target" in SECTION


@pytest.mark.skipif(shutil.which("tmux") is None or shutil.which("script") is None,
                    reason="needs tmux and script")
def test_the_tmux_snippet_shows_the_line_in_the_status_bar(tmp_path: Path, ok: Callable[..., Result],
                                                           data_dir: Path, cli_env: dict[str, str]) -> None:
    ok("goal", "add", "Apply")
    conf = tmp_path / "tmux.conf"
    conf.write_text(snippet("tmux"))
    env = rebound_on_path(tmp_path, dict(cli_env, REBOUND_DATA_DIR=str(data_dir), TERM="xterm"))
    socket = f"rebound-test-{tmp_path.name}"
    typescript = tmp_path / "typescript"
    try:  # a client in a pseudo-terminal (`script`): tmux runs #() jobs only for a status line drawn
        subprocess.run(["script", "-qfc", f"tmux -L {socket} -f {conf} new-session -x 100 -y 5 'sleep 3'",
                        str(typescript)], env=env, capture_output=True, timeout=30)
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], env=env, capture_output=True)
    assert "⚑1" in typescript.read_bytes().decode("utf-8", "replace")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_the_systemd_units_verify(tmp_path: Path) -> None:
    units = tmp_path / "units"
    units.mkdir()
    for block in re.findall(r"```ini\n(.*?)```", SECTION, re.S):
        (units / block.splitlines()[0].rsplit("/", 1)[-1]).write_text(block)
    home = tmp_path / "home"
    (home / ".local" / "bin").mkdir(parents=True)
    fake = home / ".local" / "bin" / "rebound"  # %h/.local/bin/rebound must exist to verify
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    assert sorted(p.name for p in units.iterdir()) == ["rebound-remind.service", "rebound-remind.timer"]
    done = subprocess.run(["systemd-analyze", "verify", "--man=no", "./rebound-remind.service",
                           "./rebound-remind.timer"], cwd=units, env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
