"""`rebound sync` in process: two data folders and a local bare remote, real git."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import orjson
import pytest

from tui.services import Rebound
from tui.services import checkins, goals, mood
from tui.services.sync import SYNCED, sync
from tui.services.sync_setup import init, status
from tui.store import repo as store_repo
from tui.sync import repo as sync_repo
from tui.sync.git import SyncError

from sync_pair import bare_remote, data_files, export, machine

shutil_which = __import__("shutil").which
pytestmark = pytest.mark.skipif(shutil_which("git") is None, reason="git is not installed")


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Rebound, Rebound]:
    remote = bare_remote(tmp_path)
    a, b = machine(tmp_path, "a"), machine(tmp_path, "b")
    return remote, a, b


def counts(rb: Rebound) -> dict[str, int]:
    """Each goal's total of check-ins, by name, as the files on disk hold them."""
    rb.store.invalidate_all()
    totals = {g.id: 0 for g in store_repo.goals(rb.store)}
    for path in rb.store.folder.glob("checkins-*.json"):
        for doc in orjson.loads(path.read_bytes()).get("checkins", {}).values():
            if doc["goal_id"] in totals:
                totals[doc["goal_id"]] += doc["count"]
    return {g.name: totals[g.id] for g in store_repo.goals(rb.store)}


def test_two_machines_converge_and_counts_add(pair: tuple[Path, Rebound, Rebound]) -> None:
    remote, a, b = pair
    apply = goals.add_goal(a, "Apply", target=3)
    checkins.log(a, apply.id, 1)
    init(a, str(remote))
    init(b, str(remote))  # joins: B gets A's goal
    assert counts(b) == {"Apply": 1}
    checkins.log(a, apply.id, 1)
    checkins.log(b, apply.id, 2)
    goals.add_goal(b, "Coffee")
    for side in (a, b, a):
        sync(side)
    assert counts(a) == counts(b) == {"Apply": 4, "Coffee": 0}
    assert export(a) == export(b)
    assert status(a).ahead == status(a).behind == 0


def test_a_delete_on_one_side_follows_when_the_other_did_not_touch_it(pair) -> None:
    remote, a, b = pair
    keep, drop = goals.add_goal(a, "Keep"), goals.add_goal(a, "Drop")
    init(a, str(remote))
    init(b, str(remote))
    goals.delete_goal(b, drop.id)
    goals.edit_goal(a, keep.id, name="Kept", target=1, period="day")  # a change elsewhere on the other side
    for side in (b, a, b):
        sync(side)
    assert sorted(counts(a)) == sorted(counts(b)) == ["Kept"]
    assert export(a) == export(b)


def test_joining_merges_two_folders_that_both_hold_data(pair) -> None:
    remote, a, b = pair
    goals.add_goal(a, "From A")
    goals.add_goal(b, "From B")
    init(a, str(remote))
    init(b, str(remote))  # unrelated histories: merged with an empty base
    sync(a)
    assert sorted(counts(a)) == sorted(counts(b)) == ["From A", "From B"]
    assert export(a) == export(b)


def test_the_repository_is_private_and_registers_the_driver(pair) -> None:
    remote, a, _ = pair
    goals.add_goal(a, "Apply")
    init(a, str(remote))
    folder = a.store.folder
    assert stat.S_IMODE(os.stat(folder / ".git").st_mode) == 0o700
    for path in [folder / ".gitignore", folder / ".gitattributes", *(folder / ".git").rglob("*")]:
        if path.is_file():
            assert stat.S_IMODE(os.stat(path).st_mode) & 0o077 == 0, path
    git = sync_repo.SyncRepo(folder).git
    assert git.config("merge.rebound.driver") == sync_repo.driver_command()
    assert "-m tui.sync.driver %O %A %B %P" in sync_repo.driver_command()
    assert git.config("user.name")  # HOME has no git identity in tests: the folder got one
    tracked = git.out("ls-files").split()
    assert tracked == [".gitattributes", ".gitignore", "rebound.json"]
    ignored = git.run("check-ignore", ".rebound.lock", ".journal.json", ".revisions.json",
                      ".summaries.json", ".checked.json", ".prompt", ".synced.json",
                      "backups/x", ".rebound.json.tmp-1-ab").stdout.decode().split()
    assert len(ignored) == 9


def test_a_plain_git_pull_in_the_folder_uses_rebounds_driver(pair) -> None:
    """The driver registered in .git/config merges a data file changed on both sides."""
    remote, a, b = pair
    apply = goals.add_goal(a, "Apply", target=5)
    init(a, str(remote))
    init(b, str(remote))
    checkins.log(a, apply.id, 2)
    sync(a)
    checkins.log(b, apply.id, 1)
    git = sync_repo.SyncRepo(b.store.folder).git
    git.run("add", "-A")
    git.run("commit", "-qm", "b")
    git.run("pull", "-q", "--no-rebase", "--no-edit", timeout=60)
    assert counts(b) == {"Apply": 3}


def test_nothing_changes_when_the_push_is_refused_twice(pair, monkeypatch) -> None:
    remote, a, b = pair
    apply = goals.add_goal(a, "Apply", target=5)
    init(a, str(remote))
    init(b, str(remote))
    checkins.log(a, apply.id, 1)
    sync(a)
    checkins.log(b, apply.id, 1)
    before = data_files(b.store.folder)
    monkeypatch.setattr(sync_repo.SyncRepo, "push", lambda self, commit, branch: False)
    with pytest.raises(SyncError, match="refused the push twice") as refused:
        sync(b)
    assert refused.value.code == 1
    assert data_files(b.store.folder) == before
    monkeypatch.undo()
    sync(b)
    assert counts(b) == {"Apply": 2}


def test_a_merge_that_cannot_be_decided_changes_nothing(pair) -> None:
    remote, a, b = pair
    apply = goals.add_goal(a, "Apply", target=5)
    init(a, str(remote))
    init(b, str(remote))
    sync(a)
    checkins.log(b, apply.id, 1)
    checkins.log(a, apply.id, 1)
    # The other machine's file is one a newer Rebound wrote.
    path = next(a.store.folder.glob("checkins-*.json"))
    data = orjson.loads(path.read_bytes())
    data["_meta"]["1"]["schema"] = 99
    path.write_bytes(orjson.dumps(data))
    git = sync_repo.SyncRepo(a.store.folder).git
    git.run("add", "-A")
    git.run("commit", "-qm", "from the future")
    git.run("push", "-q", "origin", "HEAD:main", timeout=60)
    before = data_files(b.store.folder)
    with pytest.raises(SyncError, match="newer Rebound") as failed:
        sync(b)
    assert failed.value.code == 3
    assert data_files(b.store.folder) == before


def test_a_sync_cut_short_after_writing_the_files_is_finished_by_the_next(pair, monkeypatch) -> None:
    """Killed between the journalled write and moving the branch: the next sync moves the
    branch to the commit the folder holds (.synced.json) instead of taking the merged files
    for this machine's own changes; nothing is counted twice."""
    remote, a, b = pair
    apply = goals.add_goal(a, "Apply", target=9)
    init(a, str(remote))
    init(b, str(remote))
    checkins.log(a, apply.id, 2)
    sync(a)
    checkins.log(b, apply.id, 3)

    def crash(self: object, commit: str, meanwhile: object = None) -> None:
        raise KeyboardInterrupt  # the process dies here

    monkeypatch.setattr(sync_repo.SyncRepo, "move_to", crash)
    with pytest.raises(KeyboardInterrupt):
        sync(b)
    monkeypatch.undo()
    assert (b.store.folder / SYNCED).exists()
    written = orjson.loads((b.store.folder / SYNCED).read_bytes())["commit"]
    assert counts(b) == {"Apply": 5}
    checkins.log(b, apply.id, 1)  # a change made before the next sync
    sync(b)
    git = sync_repo.SyncRepo(b.store.folder).git
    own, parent = git.out("log", "--no-merges", "-1", "--format=%H %P", "HEAD").split()
    assert parent == written  # B's next change sits on the merge it wrote, not on its old commit
    sync(a)
    assert counts(a) == counts(b) == {"Apply": 6}
    assert export(a) == export(b)


def test_not_set_up_is_refused(tmp_path: Path) -> None:
    rb = machine(tmp_path, "a")
    with pytest.raises(SyncError, match="sync init REMOTE") as refused:
        sync(rb)
    assert refused.value.code == 1


def test_an_unreachable_remote_at_init_leaves_no_trace(tmp_path: Path) -> None:
    rb = machine(tmp_path, "a")
    goals.add_goal(rb, "Apply")
    before = sorted(p.name for p in rb.store.folder.iterdir())
    with pytest.raises(SyncError, match="cannot reach the remote") as failed:
        init(rb, str(tmp_path / "nowhere.git"))
    assert failed.value.code == 1
    assert sorted(p.name for p in rb.store.folder.iterdir()) == before


def test_stale_git_lock_files_of_a_killed_sync_are_cleared(pair) -> None:
    remote, a, _ = pair
    apply = goals.add_goal(a, "Apply", target=5)
    init(a, str(remote))
    git_dir = a.store.folder / ".git"
    (git_dir / "index.lock").write_bytes(b"")
    (git_dir / "refs" / "heads" / "main.lock").write_bytes(b"")
    checkins.log(a, apply.id, 1)
    assert "your changes sent" in sync(a).line()


def test_merged_wins_are_derived_again(pair) -> None:
    """Each machine ticks one of two goals on the same day: neither earned "all goals done",
    the merged data does, and both machines end with it once."""
    remote, a, b = pair
    one, two = goals.add_goal(a, "One"), goals.add_goal(a, "Two")
    init(a, str(remote))
    init(b, str(remote))
    checkins.log(a, one.id, 1)
    checkins.log(b, two.id, 1)
    for side in (a, b, a):
        sync(side)
    from tui.store import wins as wins_repo

    for side in (a, b):
        side.store.invalidate_all()
        kinds = [w.kind for w in wins_repo.wins(side.store)]
        assert kinds.count("all_done") == 1, kinds
    assert export(a) == export(b)


def test_status_says_ahead_and_behind(pair) -> None:
    remote, a, b = pair
    apply = goals.add_goal(a, "Apply", target=5)
    init(a, str(remote))
    init(b, str(remote))
    checkins.log(a, apply.id, 1)
    found = status(a)
    assert (found.ahead, found.behind, found.changed) == (0, 0, 2)  # check-ins, and the win
    assert found.remote == str(remote) and found.last_sync
    sync(a)
    repo_b = sync_repo.SyncRepo(b.store.folder)
    repo_b.fetch("main")
    assert status(b).behind == 2  # A's commit and its merge with B's


def test_the_folder_is_never_taken_for_a_repository_around_it(tmp_path: Path) -> None:
    """A data folder inside a home kept in git: sync refuses instead of using the outer one."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    rb = machine(tmp_path, "a")
    with pytest.raises(SyncError, match="not set up"):
        sync(rb)


def test_check_ins_of_a_goal_deleted_on_the_other_machine_go_with_it(pair) -> None:
    remote, a, b = pair
    drop = goals.add_goal(a, "Drop", target=5)
    init(a, str(remote))
    init(b, str(remote))
    goals.delete_goal(a, drop.id)
    sync(a)
    checkins.log(b, drop.id, 2)  # B has not seen the delete yet
    sync(b)
    sync(a)
    for side in (a, b):
        side.store.invalidate_all()
        left = [d for p in side.store.data_files() if p.name.startswith("checkins-")
                for d in orjson.loads(p.read_bytes())["checkins"].values()]
        assert left == []
    assert export(a) == export(b)


def test_only_data_files_and_gits_own_two_are_written_from_the_remote(pair) -> None:
    """A remote holding other files (a journal, the lock, a script) never puts them in the folder."""
    remote, a, b = pair
    goals.add_goal(a, "Apply")
    init(a, str(remote))
    init(b, str(remote))
    sync(a)
    git = sync_repo.SyncRepo(a.store.folder).git
    plan = orjson.dumps({"renames": [[".x.tmp-1", "rebound.json"]]})
    entries = git.tree("HEAD")
    for name, data in ((".journal.json", plan), ("run-me.sh", b"rm -rf ~\n")):
        entries[name] = ("100644", "blob", git.write_blob(data))
    commit = git.commit_tree(git.write_tree(entries), [git.head() or ""], "foreign files")
    git.run("push", "-q", "origin", f"{commit}:refs/heads/main", timeout=60)
    goals.add_goal(b, "Coffee")
    sync(b)
    assert not (b.store.folder / ".journal.json").exists()
    assert not (b.store.folder / "run-me.sh").exists()
    assert sorted(counts(b)) == ["Apply", "Coffee"]


@pytest.mark.parametrize(("differ", "needed"), [
    ({"checkins-2026.json"}, False),
    ({"checkins-2026.json", "mood-2026.json", "wins-2026.json"}, False),
    ({"rebound.json"}, True),
    ({"contacts.json"}, True),
    ({"mood-2025.json", "mood-2026.json"}, True),
    ({"wins.json", "wins-2026.json"}, True),
    ({".gitignore", "checkins-2026.json"}, False),
])
def test_tidy_runs_when_a_merge_can_need_it(differ: set[str], needed: bool) -> None:
    from tui.services.sync_derived import needs_tidy

    ours = {name: ("100644", "blob", "a" * 40) for name in differ | {"interactions-2026.json"}}
    theirs = {**ours, **{name: ("100644", "blob", "b" * 40) for name in differ}}
    assert needs_tidy(ours, theirs) is needed


def test_a_record_moved_to_another_years_file_on_one_side_and_edited_on_the_other(pair) -> None:
    """A mood entry moved into last year on A while B edited its note: one copy stays."""
    from datetime import timedelta

    remote, a, b = pair
    entry = mood.log_mood(a, 3, note="first")
    init(a, str(remote))
    init(b, str(remote))
    sync(a)
    last_year = a.today().replace(month=1, day=1) - timedelta(days=1)
    mood.edit_mood(a, entry.id, day=last_year)
    mood.edit_mood(b, entry.id, note="edited on B")
    for side in (a, b, a):
        sync(side)
    copies = [r for p in a.store.data_files() if p.name.startswith("mood-")
              for r in orjson.loads(p.read_bytes())["mood"].values() if r["id"] == entry.id]
    assert len(copies) == 1
    assert export(a) == export(b)


def test_networking_wins_of_a_week_both_machines_logged_in_are_derived_again(pair) -> None:
    """Each machine logs the week's first interaction on its own day, and each earned "Reached
    out this week" for it: after the merge the week holds one, the earlier (the sync derives the
    merged weeks' networking wins again, reading only their years' files)."""
    from datetime import timedelta

    from tui.core.clock import week_start_of
    from tui.core.contact_wins import CONTACT_KINDS, REACHED_OUT, contact_wins
    from tui.services import contacts
    from tui.store import contacts as contact_repo
    from tui.store import wins as wins_repo

    remote, a, b = pair
    priya = contacts.add_contact(a, contacts.ContactFields(name="Priya"))
    init(a, str(remote))
    init(b, str(remote))
    week = week_start_of(a.today(), a.clock.week_start) - timedelta(days=7)
    contacts.log_interaction(a, priya.id, kind="coffee", day=week + timedelta(days=1))
    contacts.log_interaction(b, priya.id, kind="email", day=week + timedelta(days=3))
    for side in (a, b, a):
        sync(side)
    for side in (a, b):
        side.store.invalidate_all()
        stored = wins_repo.wins_of(side.store, CONTACT_KINDS)
        reached = [w.day for w in stored if w.kind == REACHED_OUT and w.day >= week]
        assert reached == [week + timedelta(days=1)]
        derived = contact_wins(contact_repo.contacts(side.store), contact_repo.interactions(side.store),
                               side.today(), side.clock.week_start)
        assert sorted(w.key for w in stored) == sorted(w.key for w in derived)
    assert export(a) == export(b)


def test_a_bounce_back_across_two_machines_is_derived_from_the_merged_days(pair) -> None:
    """A hard day logged on one machine and a good one two days later on the other earn a
    bounce-back neither earned alone: the sync derives the bounce-backs of the merged mood days
    (their window, as a local log does) and both machines end with it."""
    from datetime import timedelta

    from tui.core.mood import bounce_backs
    from tui.store import mood as mood_repo
    from tui.store import wins as wins_repo

    remote, a, b = pair
    init(a, str(remote))
    init(b, str(remote))
    low = a.today() - timedelta(days=10)
    mood.log_mood(a, 1, day=low)
    mood.log_mood(b, 5, day=low + timedelta(days=2))
    assert not wins_repo.wins_of(a.store, {"bounce_back"}) and not wins_repo.wins_of(b.store, {"bounce_back"})
    for side in (a, b, a):
        sync(side)
    for side in (a, b):
        side.store.invalidate_all()
        stored = wins_repo.wins_of(side.store, {"bounce_back"})
        assert [w.day for w in stored] == [low + timedelta(days=2)]
        assert {w.key for w in stored} == {w.key for w in bounce_backs(mood_repo.entries(side.store))}
    assert export(a) == export(b)


@pytest.mark.parametrize("rename", [False, True])
def test_a_contact_edit_without_a_rename_derives_no_networking_win_again(pair, monkeypatch, rename) -> None:
    """A merge that changed contacts.json alone, without adding, removing or renaming anyone (a
    follow-up set on the other machine), cannot change a networking win: none is derived again,
    where before every year's interactions were read. A rename still derives them all."""
    from datetime import timedelta

    from tui.core.contact_wins import CONTACT_KINDS, contact_wins
    from tui.services import contacts
    from tui.store import contacts as contact_repo
    from tui.store import wins as wins_repo

    remote, a, b = pair
    priya = contacts.add_contact(a, contacts.ContactFields(name="Priya"))
    contacts.log_interaction(a, priya.id, kind="coffee", day=a.today() - timedelta(days=400))
    init(a, str(remote))
    init(b, str(remote))
    if rename:
        contacts.edit_contact(a, priya.id, contacts.ContactFields(name="Priya Raman"))
    contacts.set_follow_up(a, priya.id, "in 2 weeks")
    contacts.log_interaction(b, priya.id, kind="email")
    sync(a)
    calls = []
    whole = contacts.reconcile_contacts
    monkeypatch.setattr(contacts, "reconcile_contacts",
                        lambda rb, days=None: calls.append(days) or whole(rb, days))
    sync(b)
    assert calls == ([None] if rename else [])
    monkeypatch.undo()
    sync(a)
    for side in (a, b):
        side.store.invalidate_all()
        stored = wins_repo.wins_of(side.store, CONTACT_KINDS)
        derived = contact_wins(contact_repo.contacts(side.store), contact_repo.interactions(side.store),
                               side.today(), side.clock.week_start)
        assert sorted(w.key for w in stored) == sorted(w.key for w in derived)
        assert len(stored) >= 2  # last year's week and this one
    assert export(a) == export(b)
