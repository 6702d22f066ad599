"""`rebound sync init REMOTE` and `rebound sync --status`."""

from __future__ import annotations

import shutil
from dataclasses import dataclass

from ..core.errors import InputError
from ..sync.git import SyncError
from ..sync.repo import REMOTE, SyncRepo
from .context import Rebound
from .sync import Synced, sync, synced_commit

META_FILES = (".gitignore", ".gitattributes")


def init(rb: Rebound, remote: str) -> Synced:
    """Make the data folder a git work tree that syncs with ``remote``, joining the history the
    remote already holds (the two folders' records merged). A failure leaves no trace."""
    remote = remote.strip()
    if not remote or remote.startswith("-") or any(ord(c) < 32 for c in remote):
        raise InputError(f"{remote!r} is not a git remote: give a URL or the path of a bare repository")
    folder = rb.store.folder
    repo = SyncRepo(folder)
    if repo.is_set_up():
        if repo.remote_url() != remote:
            raise InputError(f"{folder} already syncs with {repo.remote_url()}; to change it: "
                             f"git -C {folder} remote set-url {REMOTE} NEW-REMOTE")
        with repo.locked():
            repo.configure(remote, repo.branch())  # repairs the driver's command (a new Python)
            repo.write_meta_files()
        return sync(rb)
    default, branches = repo.remote_branches(remote)  # unreachable: refused before anything is made
    branch = default if default in branches else ("main" if "main" in branches or not branches
                                                  else branches[0])
    made_repo = not repo.git.is_repo()
    made = [name for name in META_FILES if not (folder / name).exists()]
    try:
        with rb.store.transaction():  # no change of the app lands half-way through
            if made_repo:
                repo.create(remote, branch)
            else:
                repo.configure(remote, branch)
            repo.write_meta_files()
        return sync(rb)  # commits this folder's files first, then merges in the remote's
    except BaseException:
        if made_repo:  # as if it never ran: the data files were never touched
            shutil.rmtree(repo.git.git_dir, ignore_errors=True)
            for name in made:
                (folder / name).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class SyncStatus:
    remote: str
    branch: str
    ahead: int  # commits here the remote has not got (as of the last fetch)
    behind: int  # commits on the remote not merged here (as of the last fetch)
    changed: int  # data files changed here since the last sync's commit
    last_sync: str | None

    def lines(self) -> list[str]:
        last = self.last_sync or "never"
        return [f"Remote: {self.remote} ({self.branch})",
                f"Last sync: {last}",
                f"Ahead: {self.ahead} commit{'s' if self.ahead != 1 else ''}, behind: {self.behind} "
                "(as of the last sync)",
                f"Changed here since: {self.changed} file{'s' if self.changed != 1 else ''}"]


def status(rb: Rebound) -> SyncStatus:
    repo = SyncRepo(rb.store.folder)
    repo.require_set_up()
    git = repo.git
    branch = repo.branch()
    head, tracking = repo.heads(branch)
    synced = synced_commit(rb)
    if synced and head and synced != head and git.resolve(synced) == synced and git.is_ancestor(head, synced):
        head = synced  # a sync was cut short after writing the files; the next one moves the branch
    ahead = behind = 0
    if head and tracking:
        ahead, behind = git.count(f"{tracking}..{head}"), git.count(f"{head}..{tracking}")
    elif head:
        ahead = git.count(head)
    listed = git.out("--no-optional-locks", "status", "--porcelain", "-z") if head else ""
    changed = sum(1 for item in listed.split("\0") if item.strip())
    last = repo.state().get("last_sync")
    return SyncStatus(repo.remote_url(), branch, ahead, behind, changed,
                      last if isinstance(last, str) else None)
