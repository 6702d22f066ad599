"""Git for the data folder's repository, run as a subprocess (an argument list, never a shell).

Every call names the repository (``--git-dir``, ``--work-tree``): a data folder inside another
repository (a home folder kept in git) must never be taken for it. Git's prompts are off (a
password prompt would hang a sync, or draw over the app) and new files are private (umask 077).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

LOCAL_TIMEOUT = 60.0
NETWORK_TIMEOUT = 120.0
EXIT_REFUSED, EXIT_DATA = 1, 3
# Environment that would point git at another repository than the data folder's.
_FOREIGN = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
            "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_COMMON_DIR")


class SyncError(Exception):
    """A sync that could not be done, with the one line that says why and its exit status
    (3: the data or its repository cannot be read or written; 1: anything else)."""

    def __init__(self, message: str, code: int = EXIT_REFUSED) -> None:
        super().__init__(message)
        self.code = code


class GitFailed(SyncError):
    def __init__(self, args: Sequence[str], done: subprocess.CompletedProcess[bytes]) -> None:
        self.args_ = list(args)
        self.returncode = done.returncode
        self.stderr = done.stderr.decode("utf-8", "replace")
        self.stdout = done.stdout.decode("utf-8", "replace")
        super().__init__(f"git {args[0]} failed: {last_line(self.stderr) or 'no reason given'}",
                         EXIT_DATA)


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:  # git's own verdict is the useful line; hints and progress are not
        if line.startswith(("fatal:", "error:")):
            return line
    return lines[-1] if lines else ""


def find_git() -> str:
    found = shutil.which("git")
    if not found:
        raise SyncError("git is not installed or not on PATH: install git, then sync again; "
                        "nothing was changed")
    return found


def parse_tree(raw: bytes) -> dict[str, tuple[str, str, str]]:
    """A raw tree object: entries of ``MODE NAME\\0`` and the entry's binary object id."""
    width = 20  # SHA-1: the object format of every repository `rebound sync init` makes
    found: dict[str, tuple[str, str, str]] = {}
    at = 0
    while at < len(raw):
        space = raw.index(b" ", at)
        nul = raw.index(b"\0", space)
        mode = raw[at:space].decode()
        name = raw[space + 1:nul].decode("utf-8", "surrogateescape")
        oid = raw[nul + 1:nul + 1 + width].hex()
        kind = "tree" if mode == "40000" else ("commit" if mode == "160000" else "blob")
        found[name] = (mode.rjust(6, "0") if kind == "tree" else mode, kind, oid)
        at = nul + 1 + width
    return found


class Running:
    """A git process started by ``Git.start``: ``wait`` gives what it did; ``stop`` ends it
    unless it has ended (a sync that fails meanwhile leaves no git behind)."""

    def __init__(self, process: subprocess.Popen[bytes], args: list[str], stdin: bytes | None,
                 deadline: float, timeout: float) -> None:
        self.process, self.args, self.stdin = process, args, stdin
        self.deadline, self.timeout = deadline, timeout
        self.done: subprocess.CompletedProcess[bytes] | None = None

    def wait(self, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        if self.done is None:
            try:
                out, err = self.process.communicate(
                    self.stdin, timeout=max(0.0, self.deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                self.stop()
                raise SyncError(f"git {self.args[0]} did not finish within {self.timeout:.0f} s; "
                                "nothing was changed") from None
            except BaseException:
                self.stop()
                raise
            self.done = subprocess.CompletedProcess(self.process.args, self.process.returncode, out, err)
        if check and self.done.returncode != 0:
            raise GitFailed(self.args, self.done)
        return self.done

    def stop(self) -> None:
        if self.done is not None:
            return
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate()  # reaped, its pipes closed


@dataclass
class Git:
    """The repository of ``folder`` (its ``.git``). ``keep_fds``: descriptors every git child
    holds open (the sync lock, so it outlives a killed Rebound until its git children end)."""

    folder: Path
    exe: str
    keep_fds: tuple[int, ...] = ()

    @classmethod
    def at(cls, folder: Path) -> Git:
        return cls(Path(folder), find_git())

    @property
    def git_dir(self) -> Path:
        return self.folder / ".git"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in _FOREIGN}
        env.update(GIT_TERMINAL_PROMPT="0", LC_ALL="C", LANGUAGE="C", GIT_MERGE_AUTOEDIT="no")
        return env

    def run(self, *args: str, stdin: bytes | None = None, check: bool = True,
            timeout: float = LOCAL_TIMEOUT, bare: bool = False) -> subprocess.CompletedProcess[bytes]:
        return self.start(*args, stdin=stdin, timeout=timeout, bare=bare).wait(check=check)

    def start(self, *args: str, stdin: bytes | None = None, timeout: float = LOCAL_TIMEOUT,
              bare: bool = False) -> Running:
        """Git started and left running beside this process (``run`` waits at once)."""
        where = [] if bare else [f"--git-dir={self.git_dir}", f"--work-tree={self.folder}"]
        try:
            process = subprocess.Popen(
                [self.exe, *where, *args], stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env(), cwd=self.folder,
                umask=0o077, pass_fds=self.keep_fds,
            )
        except FileNotFoundError:
            raise SyncError("git is not installed or not on PATH: install git, then sync "
                            "again; nothing was changed") from None
        except OSError as exc:
            raise SyncError(f"cannot run git: {exc.strerror or exc}", EXIT_DATA) from None
        return Running(process, list(args), stdin, time.monotonic() + timeout, timeout)

    def out(self, *args: str, **kwargs: object) -> str:
        return self.run(*args, **kwargs).stdout.decode("utf-8", "replace").strip()  # type: ignore[arg-type]

    # Questions -----------------------------------------------------------------------------
    def is_repo(self) -> bool:
        return (self.git_dir / "HEAD").is_file()

    def head(self) -> str | None:
        """The commit the branch points at; None before the first commit."""
        done = self.run("rev-parse", "--verify", "-q", "HEAD^{commit}", check=False)
        return done.stdout.decode().strip() or None if done.returncode == 0 else None

    def branch(self) -> str:
        return self.out("symbolic-ref", "--short", "HEAD")

    def resolve(self, ref: str) -> str | None:
        done = self.run("rev-parse", "--verify", "-q", f"{ref}^{{commit}}", check=False)
        return done.stdout.decode().strip() or None if done.returncode == 0 else None

    def is_ancestor(self, older: str, newer: str) -> bool:
        return self.run("merge-base", "--is-ancestor", older, newer, check=False).returncode == 0

    def merge_base(self, a: str, b: str) -> str | None:
        done = self.run("merge-base", a, b, check=False)
        return done.stdout.decode().strip() or None if done.returncode == 0 else None

    def config(self, key: str) -> str | None:
        done = self.run("config", "--get", key, check=False)
        return done.stdout.decode().strip() if done.returncode == 0 else None

    def count(self, spec: str) -> int:
        return int(self.out("rev-list", "--count", spec) or 0)

    # Trees and blobs ------------------------------------------------------------------------
    def refs(self, *names: str) -> dict[str, str]:
        """Those of ``names`` (full ref names) that exist → their commits, in one call."""
        listed = self.out("for-each-ref", "--format=%(refname) %(objectname)", *names)
        return dict(line.split(" ", 1) for line in listed.splitlines() if " " in line)

    def objects(self, specs: Sequence[str]) -> dict[str, tuple[str, bytes]]:
        """Many objects (``abc123``, ``HEAD^{tree}``) → (object id, contents), read in one
        ``cat-file --batch``."""
        unique = list(dict.fromkeys(specs))
        if not unique:
            return {}
        raw = self.run("cat-file", "--batch", stdin="".join(f"{o}\n" for o in unique).encode()).stdout
        found: dict[str, tuple[str, bytes]] = {}
        at = 0
        for spec in unique:
            header_end = raw.index(b"\n", at)
            header = raw[at:header_end].split()
            if header[-1] == b"missing":
                raise SyncError(f"the repository in {self.git_dir} lacks {spec}", EXIT_DATA)
            size = int(header[2])
            found[spec] = (header[0].decode(), raw[header_end + 1:header_end + 1 + size])
            at = header_end + 1 + size + 1
        return found

    def blobs(self, oids: Sequence[str]) -> dict[str, bytes]:
        return {oid: data for oid, (_, data) in self.objects(oids).items()}

    def trees(self, commits: Sequence[str]) -> dict[str, dict[str, tuple[str, str, str]]]:
        """The top level of each commit (the data folder is flat): name → (mode, type, id)."""
        found = self.objects([f"{c}^{{tree}}" for c in commits])
        return {c: parse_tree(found[f"{c}^{{tree}}"][1]) for c in commits}

    def tree(self, commit: str | None) -> dict[str, tuple[str, str, str]]:
        return {} if commit is None else self.trees([commit])[commit]

    def write_blobs(self, contents: Sequence[bytes]) -> list[str]:
        """Store many blobs in one ``hash-object``; their ids, in order."""
        if not contents:
            return []
        scratch = self.git_dir / f"rebound-blobs-{os.getpid()}"
        scratch.mkdir(mode=0o700, exist_ok=True)
        try:
            paths = []
            for i, data in enumerate(contents):
                path = scratch / str(i)
                path.write_bytes(data)
                paths.append(str(path))
            listed = "\n".join(paths).encode() + b"\n"
            return self.out("hash-object", "-w", "--no-filters", "--stdin-paths", stdin=listed).split()
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def write_blob(self, data: bytes) -> str:
        return self.write_blobs([data])[0]

    def write_tree(self, entries: dict[str, tuple[str, str, str]]) -> str:
        lines = b"".join(f"{mode} {kind} {oid}\t".encode() + name.encode("utf-8", "surrogateescape")
                         + b"\0" for name, (mode, kind, oid) in sorted(entries.items()))
        return self.out("mktree", "-z", stdin=lines)

    def commit_tree(self, tree: str, parents: Sequence[str], message: str) -> str:
        args = ["commit-tree", tree, "-m", message]
        for parent in parents:
            args += ["-p", parent]
        return self.out(*args)
