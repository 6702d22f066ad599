"""`rebound prompt` finds the same data folder as every other command, without platformdirs."""

from __future__ import annotations

import sys

import pytest

from tui import paths, prompt


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the prompt's own rule is for Linux")
@pytest.mark.parametrize("xdg", [None, "", "   ", "/srv/xdg"])
def test_same_folder_as_the_cli(monkeypatch: pytest.MonkeyPatch, tmp_path, xdg: str | None) -> None:
    monkeypatch.delenv("REBOUND_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert prompt.data_dir(None) == str(paths.data_dir())


def test_explicit_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REBOUND_DATA_DIR", "~/elsewhere")
    assert prompt.data_dir(None) == str(paths.data_dir())
    assert prompt.data_dir("/x/y") == str(paths.data_dir("/x/y"))
