"""Restoring broken data files from backups: the use case behind `rebound restore` and the app's
"Restore from backup" question."""

from __future__ import annotations

from pathlib import Path

from ..store import folder as data_folder
from ..store import health
from ..store import restore as store_restore
from ..store.files import stamp
from ..store.restore import BrokenFile, Restored, backup_time
from .context import Rebound

__all__ = ["BrokenFile", "Restored", "broken_files", "restore", "restore_all", "describe_backup"]


def broken_files(rb: Rebound) -> list[BrokenFile]:
    return store_restore.broken_files(rb.store)


def restore(rb: Rebound, name: str) -> Restored:
    """Restore one data file (by name, e.g. ``checkins-2026.json``) from its newest good backup."""
    restored = store_restore.restore(rb.store, name, now=rb.now().astimezone().replace(tzinfo=None))
    rb.changed()
    return restored


def restore_all(rb: Rebound) -> list[Restored]:
    """Restore every broken file that has a good backup; files without one are left as they are."""
    return [restore(rb, broken.path.name) for broken in broken_files(rb) if broken.backup is not None]


def start_afresh(rb: Rebound) -> None:
    """The data folder vanished and the user chose a new, empty one: this session's undo history
    belongs to the vanished data, so it goes too."""
    data_folder.start_afresh(rb.store)
    rb.history.clear()


def content_id(path: Path) -> object:
    """Changes whenever the file is written again: the app asks once per broken content."""
    return (path, stamp(path))


def describe_backup(backup: Restored | BrokenFile) -> str:
    """'the backup of 25 Nov 2026 14:03 (backups/2026-11-25)' for messages."""
    copy = backup.backup
    return "no good backup" if copy is None else _backup_words(copy)


def warnings(rb: Rebound) -> list[str]:
    """What a command says on the side while something is wrong with the data folder: each data
    file that cannot be read (a command that does not read it still succeeds, and the daily backup
    leaves it out), and, once, a folder other users can look into."""
    said = []
    for path, problem in health.problems(rb.store):
        advice = ""
        if path.is_file() and not path.is_symlink():
            backup = rb.store.newest_backup_of(path)
            advice = (
                f"; `rebound restore {path.name}` puts back {_backup_words(backup)}" if backup
                else "; no good backup of it exists: fix it by hand, or move it away to start "
                "that file afresh"
            )
        said.append(f"{path} cannot be read: {problem}. It is left untouched and out of the "
                    f"backups{advice}")
    open_folder = folder_warning(rb)
    return said + ([open_folder] if open_folder else [])


def folder_warning(rb: Rebound) -> str | None:
    """Once per mode: the data folder is open to other users (made by an older Rebound, say)."""
    mode = health.open_to_others(rb.store)
    if mode is None:
        return None
    folder = rb.store.folder
    return (f"other users can look into your data folder {folder} (mode {mode:o}): "
            f"`chmod 700 {folder}` keeps your job search private (said once)")


def _backup_words(copy: Path) -> str:
    when = backup_time(copy).strftime("%-d %b %Y %H:%M")
    return f"the backup of {when} ({copy.parent.parent.name}/{copy.parent.name})"
