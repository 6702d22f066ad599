"""`rebound sync init REMOTE`, `rebound sync`, `rebound sync --status` as a user runs them:
exit codes, one line on stderr, and a data folder that a failure leaves as it was."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from cli_support import assert_refused, run_cli, snapshot

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    path = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(path)], check=True)
    return path


def rebound(env: dict[str, str], folder: Path, *args: str):
    return run_cli("--data-dir", str(folder), *args, env=env, cwd=folder.parent)


def test_init_sync_and_status(cli_env, tmp_path: Path, remote: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert rebound(cli_env, a, "goal", "add", "Apply", "--target", "3").code == 0
    done = rebound(cli_env, a, "sync", "init", str(remote))
    assert done.code == 0 and done.out.startswith(f"Synced with {remote}"), done.describe()
    assert rebound(cli_env, b, "sync", "init", str(remote)).code == 0
    assert rebound(cli_env, b, "log", "Apply", "2").code == 0
    assert rebound(cli_env, a, "log", "Apply").code == 0
    for side in (a, b, a):
        done = rebound(cli_env, side, "sync")
        assert done.code == 0, done.describe()
    a_out, b_out = (rebound(cli_env, side, "export").out for side in (a, b))
    assert a_out == b_out
    assert rebound(cli_env, a, "status", "--json").json()["goals"][0]["done"] == 3
    shown = rebound(cli_env, a, "sync", "--status")
    assert shown.code == 0
    assert f"Remote: {remote} (main)" in shown.out and "Ahead: 0 commits, behind: 0" in shown.out


def test_no_git_on_path_is_refused_and_changes_nothing(cli_env, tmp_path: Path, remote: Path) -> None:
    a = tmp_path / "a"
    assert rebound(cli_env, a, "goal", "add", "Apply").code == 0
    assert rebound(cli_env, a, "sync", "init", str(remote)).code == 0
    assert rebound(cli_env, a, "log", "Apply").code == 0
    empty = tmp_path / "no-git-here"
    empty.mkdir()
    without_git = {**cli_env, "PATH": str(empty)}
    before = snapshot(a)
    for args in (("sync",), ("sync", "init", str(remote)), ("sync", "--status")):
        result = rebound(without_git, a, *args)
        assert_refused(result, "git is not installed", code=1)
    fresh = tmp_path / "fresh"
    assert_refused(rebound(without_git, fresh, "sync", "init", str(remote)), "git", code=1)
    assert not (fresh / ".git").exists()
    after = snapshot(a)
    assert {k: v for k, v in after.items() if not k.startswith(".checked")} == \
        {k: v for k, v in before.items() if not k.startswith(".checked")}


def test_an_unreachable_remote_is_refused_and_changes_nothing(cli_env, tmp_path: Path, remote: Path) -> None:
    a = tmp_path / "a"
    assert rebound(cli_env, a, "goal", "add", "Apply").code == 0
    nowhere = tmp_path / "unplugged-usb" / "rebound.git"
    before = snapshot(a)
    assert_refused(rebound(cli_env, a, "sync", "init", str(nowhere)), "cannot reach the remote", code=1)
    assert snapshot(a) == before  # not even a .git
    assert rebound(cli_env, a, "sync", "init", str(remote)).code == 0
    assert rebound(cli_env, a, "log", "Apply").code == 0
    remote.rename(tmp_path / "moved.git")  # the stick is unplugged
    before = {k: v for k, v in snapshot(a).items() if not k.startswith(".git/")}
    assert_refused(rebound(cli_env, a, "sync"), "cannot reach the remote", code=1)
    assert {k: v for k, v in snapshot(a).items() if not k.startswith(".git/")} == before


def test_sync_before_init_says_how_to_set_it_up(cli_env, tmp_path: Path) -> None:
    assert_refused(rebound(cli_env, tmp_path / "a", "sync"), "rebound sync init REMOTE", code=1)


def test_init_without_a_remote_is_a_usage_error(cli_env, tmp_path: Path) -> None:
    assert rebound(cli_env, tmp_path / "a", "sync", "init").code == 2


def test_init_with_another_remote_is_refused(cli_env, tmp_path: Path, remote: Path) -> None:
    a = tmp_path / "a"
    assert rebound(cli_env, a, "sync", "init", str(remote)).code == 0
    assert_refused(rebound(cli_env, a, "sync", "init", str(tmp_path / "other.git")),
                   "already syncs with", code=1)


def test_a_remote_file_that_cannot_be_merged_exits_3(cli_env, tmp_path: Path, remote: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert rebound(cli_env, a, "goal", "add", "Apply", "--target", "3").code == 0
    assert rebound(cli_env, a, "sync", "init", str(remote)).code == 0
    assert rebound(cli_env, b, "sync", "init", str(remote)).code == 0
    assert rebound(cli_env, a, "sync").code == 0
    (a / "rebound.json").write_text("{ not json")  # broken by hand, then pushed by plain git
    git = ["git", "-C", str(a)]
    subprocess.run([*git, "commit", "-qam", "broken"], check=True, env=cli_env)
    subprocess.run([*git, "push", "-q", "origin", "HEAD:main"], check=True, env=cli_env)
    assert rebound(cli_env, b, "goal", "add", "Coffee").code == 0
    before = {k: v for k, v in snapshot(b).items() if not k.startswith(".git/")}
    assert_refused(rebound(cli_env, b, "sync"), "rebound.json", code=3)
    assert {k: v for k, v in snapshot(b).items() if not k.startswith(".git/")} == before


def test_a_broken_data_file_is_never_synced(cli_env, tmp_path: Path, remote: Path) -> None:
    a = tmp_path / "a"
    assert rebound(cli_env, a, "goal", "add", "Apply").code == 0
    assert rebound(cli_env, a, "sync", "init", str(remote)).code == 0
    (a / "rebound.json").write_text("{ broken by hand")
    assert_refused(rebound(cli_env, a, "sync"), "rebound.json", "rebound restore", code=3)
    listed = subprocess.run(["git", "--git-dir", str(remote), "show", "main:rebound.json"],
                            capture_output=True, text=True, check=True).stdout
    assert "Apply" in listed  # the remote still has the good file


def test_two_syncs_at_once_take_turns(cli_env, tmp_path: Path, remote: Path) -> None:
    import sys

    from cli_support import ROOT

    a = tmp_path / "a"
    assert rebound(cli_env, a, "goal", "add", "Apply").code == 0
    assert rebound(cli_env, a, "sync", "init", str(remote)).code == 0
    assert rebound(cli_env, a, "log", "Apply").code == 0
    command = [sys.executable, "-m", "tui", "--data-dir", str(a), "sync"]
    both = [subprocess.Popen(command, env=cli_env, cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(60), p.stdout.read(), p.stderr.read()) for p in both]  # type: ignore[union-attr]
    assert [code for code, _, _ in results] == [0, 0], results
    assert sorted("your changes sent" in out for _, out, _ in results) == [False, True], results
