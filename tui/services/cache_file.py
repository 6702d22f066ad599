"""``.summaries.json``, the file: its entries, their keys, and which a run keeps when it saves.

What goes in it is computed elsewhere: the goals' carried states (``summary_cache``), the older
years' latest interactions, first days of contacts and win kinds (``older_cache``), the
applications (``app_status``), the day's summaries (``day_summaries``) and, kept the same way,
what Today shows below the goals (``today_view``) and the `status --json` object (``status``).
The file is not data: losing it, or failing to write it (a read-only folder), costs time only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

try:
    from _blake2 import blake2b  # CPython's own: no OpenSSL to load (2 ms of every start)
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b

from ..store import files

if TYPE_CHECKING:
    from .context import Rebound

CACHE = ".summaries.json"
# 2: strength as Loop computes it (a doubled 14-day window for weekly goals); 3: each entry kept
# as its own JSON text, parsed when asked for (the others stay text: 0.5 MB, not 1.9 MB of objects
# at ten years, which the app held as long as it ran)
VERSION = 3
# Fixed entries, each with the identity of what it was made from: the older years' count of wins
# by kind (see win_kinds), their open applications (Today's quiet list) and today's applications
# by stage (status); a run that does not use one keeps it.
WIN_KINDS = "win-kinds"
OPEN_APPLICATIONS = "open-applications"
APPLICATIONS_TODAY = "applications-today"
TODAY_SUMMARIES = "today-summaries"  # the day's summaries as the last run left them (day_summaries)
TODAY_VIEW = "today-view"  # what Today shows below the goals, likewise (today_view)
STATUS = "status"  # the `status --json` object, likewise (status)
FIXED = (WIN_KINDS, OPEN_APPLICATIONS, APPLICATIONS_TODAY, TODAY_SUMMARIES, TODAY_VIEW, STATUS)


class SummaryCache:
    """The entries of ``.summaries.json``; ``save`` keeps the ones used by this run, and every
    entry of a part this run did not look at. One per run (``Rebound.summary_cache``): the file
    is read once. An entry's key names its part (``goal:…``, ``latest:…``; see ``_digest``), so
    the goals' save never drops the follow-ups' entry, whichever part ran first."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / CACHE
        self.entries: dict[str, str] = self._read()  # key → the entry's JSON text
        self.used: set[str] = set()
        self.parts: set[str] = set()  # the parts this run looked up
        self.changed = False
        self.fixed_changed = False

    def get(self, key: str) -> Any:
        """The entry parsed afresh (the caller may keep or change it), or None."""
        self.parts.add(_part(key))
        text = self.entries.get(key)
        if text is None:
            return None
        self.used.add(key)
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            return None  # a hand edit: read as missing

    def put(self, key: str, value: Any) -> None:
        self.parts.add(_part(key))
        self.entries[key] = orjson.dumps(value).decode()
        self.used.add(key)
        if key in FIXED:  # a fixed entry alone is no reason to drop the entries this run left unused
            self.fixed_changed = True
        else:
            self.changed = True

    def _read(self) -> dict[str, Any]:
        try:
            found = orjson.loads(self.path.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return {}
        ok = isinstance(found, dict) and found.get("version") == VERSION
        entries = found.get("entries") if ok else None
        if not isinstance(entries, dict):
            return {}
        return {key: text for key, text in entries.items() if isinstance(text, str)}

    def save(self, prune: bool = True) -> None:
        """Write the entries this run used and those of the parts it did not look up
        (``prune``), or every entry; the entries under a fixed name (one each, never more) are
        always kept. A key that names no part (an older cache's) goes with any prune."""
        if not (self.changed or self.fixed_changed):
            return
        if prune and self.changed:
            kept = {key: value for key, value in self.entries.items()
                    if key in self.used or key in FIXED or (_part(key) not in self.parts and ":" in key)}
        else:
            kept = dict(self.entries)
        try:
            data = orjson.dumps({"version": VERSION, "entries": kept})
            files.write_temp(self.path, data, durable=False).replace(self.path)
        except OSError:
            pass  # a read-only or full folder: the next status reads everything again
        self.changed = self.fixed_changed = False


def _identity(rb: Rebound, names: list[str]) -> list[Any]:
    store = rb.store
    revisions = store.revisions()
    return [[n, files.stamp(store.folder / n), revisions.get(n)] for n in sorted(names)]


def _digest(parts: list[Any]) -> str:
    """The key of what ``parts`` stand for; it names its part when the first is a label
    (``"goal"``, ``"latest"``: see ``SummaryCache.save``)."""
    digest = blake2b(orjson.dumps([VERSION, *parts], default=str), digest_size=20).hexdigest()
    return f"{parts[0]}:{digest}" if parts and isinstance(parts[0], str) else digest


def _part(key: str) -> str:
    return key.partition(":")[0]
