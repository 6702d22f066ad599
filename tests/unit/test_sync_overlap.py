"""The sync's fetch runs beside this machine's commit (``SyncRepo.fetching``): what happens in
between is synced too, a sync that fails meanwhile leaves no git behind, a git too slow is
stopped, and the branch move works with a git that lacks ``reset --no-refresh``."""

from __future__ import annotations

import dataclasses
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from tui.services import Rebound, checkins, goals
from tui.services.sync import sync
from tui.services.sync_setup import init, status
from tui.store import repo as store_repo
from tui.sync import git as git_mod
from tui.sync import repo as sync_repo
from tui.sync.git import Git, GitFailed, SyncError

from sync_pair import bare_remote, data_files, export, machine

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def total(rb: Rebound, goal_id: str) -> int:
    rb.store.invalidate_all()
    return sum(c.count for c in store_repo.checkins(rb.store) if c.goal_id == goal_id)


def test_a_tick_made_while_the_fetch_runs_is_in_the_commit_pushed(tmp_path: Path, monkeypatch) -> None:
    """The app ticks between the sync's commit and its merge (outside the store's lock while the
    network is waited on): the merge is made from a commit that holds the tick."""
    remote = bare_remote(tmp_path)
    a, b = machine(tmp_path, "a"), machine(tmp_path, "b")
    apply = goals.add_goal(a, "Apply", target=9)
    init(a, str(remote))
    init(b, str(remote))
    checkins.log(a, apply.id, 2)
    sync(a)  # the remote moved on: B's sync merges
    checkins.log(b, apply.id, 1)
    app = Rebound.open(b.store.folder)  # the app open on B's folder, another Rebound
    original = sync_repo.SyncRepo.fetching
    ticked = []

    @contextmanager
    def fetching(self, branch):
        with original(self, branch) as fetched:
            def tick_then_wait() -> None:
                checkins.log(app, apply.id, 4)
                ticked.append(True)
                fetched()
            yield tick_then_wait

    monkeypatch.setattr(sync_repo.SyncRepo, "fetching", fetching)
    sync(b)
    monkeypatch.undo()
    assert ticked == [True]
    assert total(b, apply.id) == 7
    assert status(b).ahead == 0  # the tick went out with the merge, not left behind
    sync(a)
    assert total(a, apply.id) == 7
    assert export(a) == export(b)


def test_a_sync_that_fails_while_fetching_stops_the_fetch(tmp_path: Path, monkeypatch) -> None:
    remote = bare_remote(tmp_path)
    rb = machine(tmp_path, "a")
    goals.add_goal(rb, "Apply")
    init(rb, str(remote))
    (rb.store.folder / "mood.json").write_bytes(b"{ not json")
    before = data_files(rb.store.folder)
    slow = tmp_path / "slow-git"
    slow.write_text("#!/bin/sh\nexec sleep 30\n")
    slow.chmod(0o755)
    started: list[git_mod.Running] = []
    original = Git.start

    def start(self: Git, *args: str, **kwargs: object) -> git_mod.Running:
        if args[0] == "fetch":  # a network that hangs
            started.append(original(dataclasses.replace(self, exe=str(slow)), *args, **kwargs))
            return started[-1]
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Git, "start", start)
    with pytest.raises(SyncError, match="mood.json"):
        sync(rb)
    assert len(started) == 1
    assert started[0].process.returncode is not None  # ended and reaped, not left running
    assert data_files(rb.store.folder) == before


def test_a_git_that_outlives_its_time_is_stopped_and_named(tmp_path: Path) -> None:
    slow = tmp_path / "slow-git"
    slow.write_text("#!/bin/sh\nexec sleep 30\n")
    slow.chmod(0o755)
    running = Git(tmp_path, str(slow)).start("fetch", timeout=0.2)
    with pytest.raises(SyncError, match=r"git fetch did not finish within 0 s"):
        running.wait()
    assert running.process.returncode is not None


def fake_git(tmp_path: Path, name: str, reset: str) -> str:
    """A git that runs ``reset`` (shell) for `git reset`, and the real git for the rest."""
    path = tmp_path / name
    path.write_text(f'#!/bin/sh\ncase " $* " in *" reset "*) {reset};; esac\nexec {shutil.which("git")} "$@"\n')
    path.chmod(0o755)
    return str(path)


def test_the_branch_moves_with_a_git_without_reset_no_refresh(tmp_path: Path) -> None:
    remote = bare_remote(tmp_path)
    rb = machine(tmp_path, "a")
    goals.add_goal(rb, "Apply")
    init(rb, str(remote))
    repo = sync_repo.SyncRepo(rb.store.folder)
    first = repo.git.out("rev-parse", "HEAD")
    goals.add_goal(rb, "Coffee")
    sync(rb)
    second = repo.git.out("rev-parse", "HEAD")
    assert first != second
    older = 'case "$*" in *--no-refresh*) echo "error: unknown option" >&2; exit 129;; esac'
    repo.git = dataclasses.replace(repo.git, exe=fake_git(tmp_path, "old-git", older))
    ran = []
    repo.move_to(first, meanwhile=lambda: ran.append(True))
    assert ran == [True]
    assert repo.git.out("rev-parse", "HEAD") == first
    assert repo.git.out("diff", "--cached", "--name-only", first) == ""  # the index moved too
    locked = 'echo "fatal: Unable to create index.lock: File exists" >&2; exit 128'
    repo.git = dataclasses.replace(repo.git, exe=fake_git(tmp_path, "locked-git", locked))
    with pytest.raises(GitFailed, match="index.lock"):
        repo.move_to(second)
    assert repo.git.out("rev-parse", "HEAD") == first
