"""The data folder as a git repository: set-up, the sync lock, this machine's commits, fetch and
push. No merging here (trees.py) and no data files written (the store does that).

Git's own lock files (``index.lock``, ``refs/heads/main.lock``) outlive a killed git and would
stop every later sync. A sync therefore holds its own lock, ``.git/rebound-sync-lock`` (flock),
and hands it to every git it starts: the lock is free only when no git of an earlier sync can
still be running, and then any git lock file left in ``.git`` is stale and is removed.
"""

from __future__ import annotations

import os
import shlex
import socket
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import orjson

from ..store import files
from .git import EXIT_DATA, NETWORK_TIMEOUT, Git, GitFailed, SyncError, last_line

REMOTE = "origin"
DRIVER = "rebound"
SYNC_LOCK = "rebound-sync-lock"
STATE = "rebound-sync.json"  # in .git: when this machine last synced, and how it went
LOCK_WAIT = 30.0

GITIGNORE = """\
# Rebound: only the data files travel. Everything else stays on this machine: the lock, the
# journal and temporary files of a change, the caches (.summaries.json, .checked.json,
# .revisions.json), the prompt state (.prompt), the sync note (.synced.json) and backups/.
/*
!/*.json
!/.gitignore
!/.gitattributes
/.*.json
.rebound.lock
.journal.json
.*.tmp-*
.revisions.json
.summaries.json
.checked.json
.synced.json
.prompt
backups/
"""

GITATTRIBUTES = """\
# Rebound merges its data files record by record (rebound merge-driver).
*.json merge=rebound
.gitignore merge=union
.gitattributes merge=union
"""


def GitFailedCommit(done: object) -> GitFailed:  # noqa: N802 - reads as the error it makes
    return GitFailed(["commit"], done)  # type: ignore[arg-type]


def machine_name() -> str:
    return socket.gethostname().split(".")[0] or "this machine"


def driver_command() -> str:
    """What git runs for a data file changed on both sides: this Python, so it works without
    ``rebound`` on PATH (a virtual environment, pipx)."""
    return f"{shlex.quote(sys.executable)} -m tui.sync.driver %O %A %B %P"


class SyncRepo:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(os.path.abspath(folder))  # git runs in it: a relative path would move
        self.git = Git.at(self.folder)  # SyncError when git is missing

    # Set-up ---------------------------------------------------------------------------------
    def is_set_up(self) -> bool:
        return self.git.is_repo() and self.git.config(f"remote.{REMOTE}.url") is not None

    def remote_url(self) -> str:
        return self.git.config(f"remote.{REMOTE}.url") or "?"

    def require_set_up(self) -> None:
        if not self.is_set_up():
            raise SyncError(f"{self.folder} is not set up to sync: run `rebound sync init REMOTE` "
                            "first (REMOTE: a git URL, or the path of a bare repository)")

    def create(self, remote: str, branch: str) -> None:
        """``git init`` with Rebound's config; the folder's own files are written by the caller."""
        self.git.run("init", "-q", "--shared=0600", str(self.folder), bare=True)
        self.git.run("symbolic-ref", "HEAD", f"refs/heads/{branch}")  # `init -b` needs git 2.28
        os.chmod(self.git.git_dir, files.PRIVATE_FOLDER)
        self.configure(remote, branch)

    def configure(self, remote: str, branch: str) -> None:
        git = self.git
        settings = {
            f"merge.{DRIVER}.name": "Rebound's record-level merge",
            f"merge.{DRIVER}.driver": driver_command(),
            "commit.gpgsign": "false",  # a signing prompt would stop a sync
            "core.autocrlf": "false",
            "core.sharedRepository": "0600",
            f"branch.{branch}.remote": REMOTE,  # so a plain `git pull` in the folder works too
            f"branch.{branch}.merge": f"refs/heads/{branch}",
        }
        if not git.config("user.name"):
            settings["user.name"] = f"Rebound on {machine_name()}"
        if not git.config("user.email"):
            settings["user.email"] = f"rebound@{machine_name()}.invalid"
        for key, value in settings.items():
            git.run("config", key, value)
        if git.config(f"remote.{REMOTE}.url") is None:
            git.run("remote", "add", REMOTE, remote)

    def write_meta_files(self) -> None:
        for name, text in ((".gitignore", GITIGNORE), (".gitattributes", GITATTRIBUTES)):
            path = self.folder / name
            try:
                current = path.read_text()
            except (OSError, UnicodeDecodeError):
                current = None
            if current != text:
                files.atomic_write(path, text.encode())

    # The sync lock ---------------------------------------------------------------------------
    @contextmanager
    def locked(self) -> Iterator[None]:
        try:
            import fcntl  # Unix: flock ends with the last process holding the descriptor
        except ImportError:  # Windows: a plain lock file, held by this process only
            from filelock import FileLock, Timeout

            try:
                with FileLock(str(self.git.git_dir / SYNC_LOCK), timeout=LOCK_WAIT):
                    self._remove_stale_git_locks()
                    yield
            except Timeout:
                raise SyncError("another sync of this data folder is still running; "
                                "try again when it is done") from None
            return
        fd = os.open(self.git.git_dir / SYNC_LOCK, os.O_RDWR | os.O_CREAT, files.PRIVATE_FILE)
        try:
            deadline = time.monotonic() + LOCK_WAIT
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise SyncError("another sync of this data folder is still running; "
                                        "try again when it is done") from None
                    time.sleep(0.05)
            self.git.keep_fds = (fd,)
            self._remove_stale_git_locks()
            yield
        finally:
            self.git.keep_fds = ()
            os.close(fd)

    def _remove_stale_git_locks(self) -> None:
        git_dir = self.git.git_dir
        stale = [*git_dir.glob("*.lock"), *git_dir.glob("refs/**/*.lock")]
        for path in stale:
            try:
                path.unlink()
            except OSError:
                pass

    # This machine's side ---------------------------------------------------------------------
    def branch(self) -> str:
        """The checked-out branch, read from ``.git/HEAD`` (no process for it)."""
        try:
            head = (self.git.git_dir / "HEAD").read_text().strip()
        except OSError as exc:
            raise SyncError(f"cannot read {self.git.git_dir / 'HEAD'}: {exc.strerror}", EXIT_DATA) from None
        if not head.startswith("ref: refs/heads/"):
            raise SyncError(f"{self.folder} is not on a branch (git checkout main, then sync)")
        return head[len("ref: refs/heads/"):]

    def heads(self, branch: str) -> tuple[str | None, str | None]:
        """(this machine's commit, the remote's as last fetched)."""
        found = self.git.refs(f"refs/heads/{branch}", f"refs/remotes/{REMOTE}/{branch}")
        return found.get(f"refs/heads/{branch}"), found.get(f"refs/remotes/{REMOTE}/{branch}")

    def commit_local(self, when: datetime, head: str | None) -> str | None:
        """Commit whatever changed in the data files since ``head`` (the branch's commit); the
        branch's commit after it."""
        git = self.git
        git.run("add", "-A")
        message = f"{machine_name()} {when.isoformat(timespec='seconds')}"
        done = git.run("commit", "-q", "--no-verify", "-m", message, check=False)
        if done.returncode == 0:
            return self._branch_commit() or git.head()
        if head is not None and git.run("diff", "--cached", "--quiet", check=False).returncode == 0:
            return head  # nothing to commit
        raise GitFailedCommit(done)

    def _branch_commit(self) -> str | None:
        """The branch's commit read from its loose ref (a commit always writes one): no process."""
        try:
            found = (self.git.git_dir / "refs" / "heads" / self.branch()).read_text().strip()
        except (OSError, SyncError):
            return None
        return found if len(found) in (40, 64) and all(c in "0123456789abcdef" for c in found) else None

    def move_to(self, commit: str, meanwhile: Callable[[], object] = lambda: None) -> None:
        """The branch and the index to ``commit`` (the data files already hold it); ``meanwhile``
        runs while git moves them (it must not use git). Files the index holds unchanged keep
        their recorded stat; the merged ones are hashed by the next ``git add`` instead of now
        (mostly this year's files, which the next day's changes make it hash anyway)."""
        running = self.git.start("reset", "-q", "--no-refresh", commit)
        try:
            meanwhile()
        finally:
            done = running.wait(check=False)
        if done.returncode == 129:  # an older git without --no-refresh
            self.git.run("reset", "-q", commit)
        elif done.returncode != 0:
            raise GitFailed(["reset"], done)

    def recover(self, synced: str | None, head: str | None) -> str | None:
        """A sync killed after writing the merged files but before moving the branch: move it
        now, so those files are not taken for this machine's own changes (counts would add
        twice). Returns the branch's commit."""
        git = self.git
        if synced and synced != head and git.resolve(synced) == synced \
                and (head is None or git.is_ancestor(head, synced)):
            self.move_to(synced)
            return synced
        return head

    # The remote ------------------------------------------------------------------------------
    def fetch(self, branch: str) -> None:
        """The remote's ``branch`` into ``refs/remotes/origin/BRANCH`` (see ``heads``); a
        remote without it yet leaves nothing there."""
        with self.fetching(branch) as fetched:
            fetched()

    @contextmanager
    def fetching(self, branch: str) -> Iterator[Callable[[], None]]:
        """``fetch`` started at once, left running beside what this process does meanwhile;
        the function it yields waits for it to end (its errors are ``fetch``'s). Left before,
        the fetch is stopped (a sync that failed meanwhile leaves no git behind)."""
        tracking = f"refs/remotes/{REMOTE}/{branch}"
        running = self.git.start("fetch", "-q", "--no-tags", REMOTE, f"+refs/heads/{branch}:{tracking}",
                                 timeout=NETWORK_TIMEOUT)

        def fetched() -> None:
            done = running.wait(check=False)
            if done.returncode != 0:
                said = done.stderr.decode("utf-8", "replace")
                if "couldn't find remote ref" in said:
                    self.git.run("update-ref", "-d", tracking)
                    return
                raise self._unreachable(said)

        try:
            yield fetched
        finally:
            running.stop()

    def push(self, commit: str, branch: str) -> bool:
        """Push ``commit`` as the remote's ``branch``; False when the remote moved on first."""
        done = self.git.run("push", "--porcelain", "--no-verify", REMOTE, f"{commit}:refs/heads/{branch}",
                            check=False, timeout=NETWORK_TIMEOUT)
        if done.returncode == 0:  # git moved refs/remotes/origin/BRANCH along with it
            return True
        said = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
        if "[rejected]" in said:
            return False
        raise self._unreachable(done.stderr.decode("utf-8", "replace"), "push to")

    def _unreachable(self, said: str, verb: str = "reach") -> SyncError:
        return SyncError(f"cannot {verb} the remote {self.remote_url()}: "
                         f"{last_line(said) or 'git gave no reason'}; nothing here was changed")

    def remote_branches(self, remote: str) -> tuple[str | None, list[str]]:
        """The remote's default branch (None: it names none) and all its branches."""
        done = self.git.run("ls-remote", "--symref", remote, check=False, timeout=NETWORK_TIMEOUT,
                            bare=True)
        if done.returncode != 0:
            raise SyncError(f"cannot reach the remote {remote}: "
                            f"{last_line(done.stderr.decode('utf-8', 'replace')) or 'git gave no reason'}"
                            "; nothing was changed")
        default, branches = None, []
        for line in done.stdout.decode("utf-8", "replace").splitlines():
            if line.startswith("ref: refs/heads/") and line.endswith("\tHEAD"):
                default = line[len("ref: refs/heads/"):].split("\t")[0]
            elif "\trefs/heads/" in line:
                branches.append(line.split("\trefs/heads/", 1)[1])
        return default, branches

    # What the last sync did ------------------------------------------------------------------
    def state(self) -> dict[str, object]:
        try:
            found = orjson.loads((self.git.git_dir / STATE).read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return {}
        return found if isinstance(found, dict) else {}

    def save_state(self, **values: object) -> None:
        try:
            files.atomic_write(self.git.git_dir / STATE, orjson.dumps({**self.state(), **values}))
        except OSError as exc:
            raise SyncError(f"cannot write {self.git.git_dir / STATE}: {exc.strerror}", EXIT_DATA) from None
