"""Deletes ask "[y/N]" on a terminal (in-process, with a stand-in terminal on stdin)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tui.cli.main import main


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(monkeypatch, folder: Path, answer: str, *args: str) -> int:
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    return main(["--data-dir", str(folder), *args])


@pytest.mark.parametrize("answer, code, kept", [("y\n", 0, False), ("YES\n", 0, False),
                                                ("n\n", 1, True), ("\n", 1, True), ("", 1, True)])
def test_goal_delete_asks_on_a_terminal(monkeypatch, capsys, tmp_path: Path, answer, code,
                                        kept) -> None:
    assert main(["--data-dir", str(tmp_path), "goal", "add", "Apply"]) == 0
    assert main(["--data-dir", str(tmp_path), "log", "apply", "2"]) == 0
    capsys.readouterr()
    assert run(monkeypatch, tmp_path, answer, "goal", "delete", "apply") == code
    out, err = capsys.readouterr()
    assert out.startswith("Delete goal Apply and its 1 check-in? [y/N] ")
    assert err == ("" if code == 0 else "rebound: nothing deleted\n")
    main(["--data-dir", str(tmp_path), "goal", "list", "--json"])
    assert ("Apply" in capsys.readouterr().out) is kept


def test_contact_mood_and_win_deletes_ask_too(monkeypatch, capsys, tmp_path: Path) -> None:
    for args in (["contact", "add", "Ada"], ["contact", "log", "ada"], ["mood", "3"], ["win", "mine"]):
        assert main(["--data-dir", str(tmp_path), *args]) == 0
    assert run(monkeypatch, tmp_path, "y\n", "contact", "delete", "ada") == 0
    assert "Delete contact Ada and their 1 interaction? [y/N]" in capsys.readouterr().out
    main(["--data-dir", str(tmp_path), "mood", "list", "--json"])
    mood_id = capsys.readouterr().out.split('"id": "')[1][:8]
    assert run(monkeypatch, tmp_path, "n\n", "mood", "delete", mood_id) == 1
    assert "Delete mood 3 (okay) of" in capsys.readouterr().out
    main(["--data-dir", str(tmp_path), "win", "list", "--json"])
    win_id = capsys.readouterr().out.split('"id": "')[1][:8]
    assert run(monkeypatch, tmp_path, "y\n", "win", "delete", win_id) == 0
    assert "Delete win “mine” of" in capsys.readouterr().out
