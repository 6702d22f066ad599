"""Repository for wins: ``wins-YYYY.json``, one file per year of the days they belong to, so a
tick rewrites this year's wins, not five years of them. A ``wins.json`` from before the split is
still read, and its wins are taken back from it, but new wins go to the year files."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from datetime import date
from typing import Any

from ..core.wins import Win
from . import compact, files
from .records import delete, find, insert, insert_all, put
from .store import Store

WINS = "wins.json"  # before wins were split by year: read, never added to
PREFIX = "wins-"


def wins_file(day: date) -> str:
    return f"{PREFIX}{day.year}.json"


def win_files(store: Store, since: date | None = None) -> list[str]:
    """The files holding wins (the old ``wins.json`` too); from ``since``'s year on when given."""
    names = store.names_matching("wins")
    return [WINS] * (WINS in names) + list(files.years_named(names, PREFIX, since))


def win_to_doc(win: Win) -> dict[str, Any]:
    return {
        "id": win.id,
        "kind": win.kind,
        "title": win.title,
        "day": win.day.isoformat(),
        "goal_id": win.goal_id,
        "key": win.key,
        "at": win.at,
    }


def win_from_doc(doc: dict[str, Any]) -> Win:
    return Win(
        id=doc["id"],
        kind=compact.shared(doc["kind"]),
        title=doc["title"],
        day=compact.day(doc["day"]),
        goal_id=compact.shared(doc.get("goal_id")),
        key=doc.get("key", ""),
        at=doc.get("at", ""),
    )


def _all(data: dict[str, Any]) -> tuple[Win, ...]:
    return tuple(win_from_doc(d) for d in data.get("wins", {}).values())


def wins(store: Store) -> list[Win]:
    return [win for name in win_files(store) for win in file_wins(store, name)]


def file_wins(store: Store, name: str) -> tuple[Win, ...]:
    return store.file(name).memo("wins", _all)


def year_files(store: Store) -> dict[int, str] | None:
    """year → its wins file; None while an old ``wins.json`` (of any years) is still there."""
    names = store.names_matching("wins")
    named = files.years_named(names, PREFIX)
    if WINS in names or None in named.values():
        return None
    return {year: name for name, year in named.items() if year is not None}


def kind_counts(store: Store, names: Iterable[str] | None = None) -> Counter[str]:
    """How many wins of each kind (in ``names``, default every wins file), counted in the
    files without making a Win of each."""
    counts: Counter[str] = Counter()
    for name in win_files(store) if names is None else names:
        counts.update(store.file(name).memo("win_kinds", _kinds))
    return counts


def _kinds(data: dict[str, Any]) -> Counter[str]:
    return Counter(d["kind"] for d in data.get("wins", {}).values())


def wins_on(store: Store, day: date) -> list[Win]:
    """The wins of one day; only those are converted."""
    text = day.isoformat()
    return [win_from_doc(d) for name in win_files(store, day)
            for d in store.file(name).read().get("wins", {}).values() if d["day"] == text]


def _by_kind_and_goal(data: dict[str, Any]) -> dict[tuple[str, str | None], list[dict[str, Any]]]:
    index: dict[tuple[str, str | None], list[dict[str, Any]]] = defaultdict(list)
    for doc in data.get("wins", {}).values():
        index[(doc["kind"], doc.get("goal_id"))].append(doc)
    return index


def wins_of(
    store: Store,
    kinds: Collection[str],
    goal_ids: Collection[str | None] | None = None,
    since: date | None = None,
) -> list[Win]:
    """The wins of these kinds (and goals, when given; ``None`` in them: wins of no goal; and days
    from ``since``). Only those are converted: a tick looks at this month's wins of one goal, not
    at five years of all of them."""
    first = since.isoformat() if since else ""  # ISO days sort as text
    return [
        win_from_doc(doc)
        for name in win_files(store, since)
        for (kind, goal_id), docs in store.file(name).memo("by_kind_and_goal", _by_kind_and_goal).items()
        if kind in kinds and (goal_ids is None or goal_id in goal_ids)
        for doc in docs
        if doc["day"] >= first
    ]


def insert_win(store: Store, win: Win) -> None:
    with store.transaction():
        insert(store, wins_file(win.day), "wins", win_to_doc(win))


def insert_many(store: Store, wins: Iterable[Win]) -> None:
    """Bulk insert (generated data, imports of history): one write per year file."""
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for win in wins:
        by_file[wins_file(win.day)].append(win_to_doc(win))
    with store.transaction():
        for name, docs in by_file.items():
            insert_all(store, name, "wins", docs, remember=False)


def delete_win(store: Store, win: Win) -> None:
    """Take ``win`` back, from its year's file or, for a win from before the split, ``wins.json``."""
    with store.transaction():
        for name in (wins_file(win.day), *win_files(store)):
            if delete(store, name, "wins", win.id):
                return


def replace_win(store: Store, old: Win, new: Win) -> None:
    """``new`` in place of ``old`` (same id): in place when it stays in its file, else moved."""
    with store.transaction():
        if find(store, wins_file(new.day), "wins", old.id) is not None:
            put(store, wins_file(new.day), "wins", win_to_doc(new))
        else:
            delete_win(store, old)
            insert_win(store, new)
