"""`rebound` and `rebound --data-dir DIR` open the app without building the CLI's parser (about
20 ms of every start); anything else still goes through the parser and its usage errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tui.cli.main import just_open


@pytest.mark.parametrize(("argv", "opens"), [
    ([], (None,)),
    (["--data-dir", "/tmp/x"], ("/tmp/x",)),
    (["--data-dir=/tmp/y"], ("/tmp/y",)),
    (["--data-dir", "-x"], None),  # argparse decides what that means
    (["--data-dir", "/tmp/x", "status"], None),
    (["status"], None),
    (["--version"], None),
    (["demo"], None),
])
def test_only_a_bare_open_skips_the_parser(argv: list[str], opens: tuple[str | None] | None) -> None:
    assert just_open(argv) == opens


def test_anything_else_still_gets_the_parsers_usage_error(tmp_path: object) -> None:
    done = subprocess.run([sys.executable, "-m", "tui", "--data-dir", str(tmp_path), "--bogus"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "unrecognized arguments: --bogus" in done.stderr
