"""`rebound sync`: this machine's changes committed, the remote's merged in, the result pushed.

Nothing in the data folder changes until the merged commit is on the remote: the merge is made in
memory (``sync.trees``), written into the store's open change with the wins it earns, committed to
git and pushed while that change is still open; only a push that went through lets the change
commit, and then every merged file lands in one journalled step together with ``.synced.json``
(the commit the folder now holds). A crash before that step leaves the folder as it was; after it,
the next sync moves the branch to that commit (``SyncRepo.recover``). Network calls run outside
the store's lock except the push, which must happen inside the change it publishes.
"""

from __future__ import annotations

from dataclasses import dataclass

import orjson

from ..store import files, schema
from ..store.store import SIDE_FILES
from ..store.errors import StoreError
from ..sync.git import EXIT_DATA, Git, SyncError
from ..sync.repo import SyncRepo, machine_name
from ..sync.trees import Change, merge_trees
from .context import Rebound
from .sync_derived import Touched, needs_tidy, rederive_wins, tidy_merged

SYNCED = ".synced.json"
assert SYNCED in SIDE_FILES


@dataclass(frozen=True)
class Synced:
    """What a sync did: the files it brought in, and whether the remote got new commits."""

    received: tuple[str, ...]
    pushed: bool
    remote: str

    def line(self) -> str:
        got = (f"{len(self.received)} file{'s' if len(self.received) != 1 else ''} merged in"
               if self.received else "nothing new from the remote")
        sent = "your changes sent" if self.pushed else "nothing to send"
        return f"Synced with {self.remote}: {got}, {sent}."


class _Rejected(Exception):
    """The remote moved on between our fetch and our push."""


def sync(rb: Rebound) -> Synced:
    repo = SyncRepo(rb.store.folder)
    repo.require_set_up()
    with repo.locked():
        branch = repo.branch()
        for _ in range(2):
            with repo.fetching(branch) as fetched:  # while this machine's side is committed
                with rb.store.transaction():
                    head = _commit_here(rb, repo, branch)
                    seen = rb.store.signature()
                fetched()  # outside the store's lock: a slow network never holds up a tick
            try:
                done = _merge_and_push(rb, repo, branch, head, seen)
            except _Rejected:
                continue
            repo.save_state(last_sync=rb.now().isoformat(timespec="seconds"), result=done.line())
            return done
    raise SyncError("the remote refused the push twice (another machine was syncing at the same "
                    "time): nothing here was changed; sync again")


def _commit_here(rb: Rebound, repo: SyncRepo, branch: str) -> str:
    """Inside a change: this machine's data files committed (after a sync killed half way is
    finished, and never a file that cannot be read); the branch's commit."""
    head, _ = repo.heads(branch)
    head = repo.recover(synced_commit(rb), head)
    _refuse_broken_files(rb)
    head = repo.commit_local(rb.now(), head)
    assert head is not None
    return head


def _merge_and_push(rb: Rebound, repo: SyncRepo, branch: str, head: str,
                    seen: tuple[object, ...]) -> Synced:
    """``head``: this machine's commit of the files as ``seen`` (``Store.signature``), made
    while the fetch ran; committed again when they changed since."""
    git = repo.git
    store = rb.store
    with store.transaction():  # the lock: this machine's files hold still from here on
        _, remote = repo.heads(branch)  # the remote's as just fetched
        if store.signature() != seen:  # a change in between (the app's tick): it goes in too
            head = _commit_here(rb, repo, branch)
        base = None if remote is None else git.merge_base(head, remote)
        if remote is None or base == remote:  # nothing new there
            pushed = remote != head and _push(repo, head, branch)
            return Synced((), pushed, repo.remote_url())
        fast_forward = base == head
        trees = git.trees([head, remote] + ([base] if base and not fast_forward else []))
        if fast_forward:
            changes = _differences(trees[head], trees[remote])
        else:
            changes = merge_trees(git, trees.get(base, {}) if base else {}, trees[head], trees[remote])
        touched = Touched()
        others = apply_files(rb, changes, git, touched)
        if not fast_forward and touched.files:
            tidied = needs_tidy(trees[head], trees[remote])
            if tidied:
                tidy_merged(rb)
            rederive_wins(rb, touched, tidied)
        tree = _tree_after(rb, repo, trees[head], changes)
        if fast_forward and tree == _tree_id(git, remote):
            commit = remote
        else:
            parents = [remote] if fast_forward else [head, remote]
            commit = git.commit_tree(tree, parents, f"{machine_name()} merged "
                                     f"{rb.now().isoformat(timespec='seconds')}")
        if commit != remote:
            _push(repo, commit, branch)
        store.put_side_file(SYNCED, orjson.dumps({"commit": commit}))
    _write_others(rb, others)
    # The folder holds the commit now (a crash before the branch moves is what recover() is
    # for); what derives from the data is brought up to date while git moves it.
    repo.move_to(commit, meanwhile=rb.changed)
    return Synced(tuple(sorted(changes)), commit != remote, repo.remote_url())


def _refuse_broken_files(rb: Rebound) -> None:
    """A file this Rebound cannot read is never committed: it would reach every machine. (Files
    checked sound before and unchanged since are not read again: ``health.problems``.)"""
    from ..store import health

    broken = health.problems(rb.store)
    if broken:
        names = ", ".join(path.name for path, _ in broken)
        raise SyncError(f"{names} in {rb.store.folder} cannot be read, so nothing was synced: "
                        "`rebound restore` puts back the newest good backup", EXIT_DATA)


def _tree_id(git: Git, commit: str) -> str:
    return git.objects([f"{commit}^{{tree}}"])[f"{commit}^{{tree}}"][0]


def _push(repo: SyncRepo, commit: str, branch: str) -> bool:
    if not repo.push(commit, branch):
        raise _Rejected
    return True


def _differences(ours: dict[str, tuple[str, str, str]],
                 theirs: dict[str, tuple[str, str, str]]) -> dict[str, Change]:
    return {name: theirs.get(name) for name in {*ours, *theirs} if ours.get(name) != theirs.get(name)}


def apply_files(rb: Rebound, changes: dict[str, Change], git: Git,
                touched: Touched) -> dict[str, bytes | None]:
    """Inside the change: each merged data file replaces this machine's, checked as a read is
    (what changed goes into ``touched``). Returns the other files (``.gitignore``,
    ``.gitattributes``), written once the change is."""
    contents = git.blobs([c[2] for c in changes.values() if isinstance(c, tuple)])
    others: dict[str, bytes | None] = {}
    for name, change in sorted(changes.items()):
        raw = change if not isinstance(change, tuple) else contents[change[2]]
        if not _is_data_file(name):
            if name in (".gitignore", ".gitattributes"):  # nothing else a remote holds is written
                others[name] = raw
            continue
        if raw is None:  # gone on the other side: kept as a file without records
            raw = orjson.dumps(schema.empty(name.split("-")[0].split(".")[0]))
        try:
            before = rb.store.file(name).read()
            rb.store.file(name).replace_with(raw, checked=isinstance(change, bytes))
            touched.add(name, before, rb.store.file(name).read())
        except StoreError as exc:
            raise SyncError(f"the merged {name} cannot be read ({getattr(exc, 'problem', exc)}); "
                            "nothing here was changed", EXIT_DATA) from None
    return others


def _write_others(rb: Rebound, others: dict[str, bytes | None]) -> None:
    for name, raw in others.items():
        path = rb.store.folder / name
        if raw is None:
            path.unlink(missing_ok=True)
        else:
            files.atomic_write(path, raw)


def _is_data_file(name: str) -> bool:
    return name.endswith(".json") and not name.startswith(".") and "/" not in name


def _tree_after(rb: Rebound, repo: SyncRepo, head_tree: dict[str, tuple[str, str, str]],
                changes: dict[str, Change]) -> str:
    """The tree of what the folder will hold: this machine's commit with every file the change
    writes (merged files, rederived wins) as the store will write it, byte for byte."""
    git = repo.git
    entries = dict(head_tree)
    new: dict[str, bytes] = {}
    for name, change in changes.items():
        if _is_data_file(name):
            continue
        if change is None:
            entries.pop(name, None)
        elif isinstance(change, tuple):
            entries[name] = change
        else:
            new[name] = change
    for name in rb.store.dirty_names():
        new[name] = rb.store.file(name).serialize()
    names = sorted(new)
    for name, oid in zip(names, git.write_blobs([new[n] for n in names])):
        entries[name] = ("100644", "blob", oid)
    return git.write_tree(entries)


def synced_commit(rb: Rebound) -> str | None:
    try:
        found = orjson.loads((rb.store.folder / SYNCED).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    commit = found.get("commit") if isinstance(found, dict) else None
    return commit if isinstance(commit, str) and len(commit) in (40, 64) else None
