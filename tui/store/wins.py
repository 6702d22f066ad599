"""Repository for wins (``wins.json``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date
from typing import Any

from ..core.wins import Win
from .records import delete, insert
from .store import Store

WINS = "wins.json"


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
        kind=doc["kind"],
        title=doc["title"],
        day=date.fromisoformat(doc["day"]),
        goal_id=doc.get("goal_id"),
        key=doc.get("key", ""),
        at=doc.get("at", ""),
    )


def _all(data: dict[str, Any]) -> tuple[Win, ...]:
    return tuple(win_from_doc(d) for d in data.get("wins", {}).values())


def wins(store: Store) -> list[Win]:
    return list(store.file(WINS).memo("wins", _all))


def wins_on(store: Store, day: date) -> list[Win]:
    """The wins of one day; only those are converted."""
    text = day.isoformat()
    return [win_from_doc(d) for d in store.file(WINS).read().get("wins", {}).values()
            if d["day"] == text]


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
    index = store.file(WINS).memo("by_kind_and_goal", _by_kind_and_goal)
    first = since.isoformat() if since else ""  # ISO days sort as text
    return [
        win_from_doc(doc)
        for (kind, goal_id), docs in index.items()
        if kind in kinds and (goal_ids is None or goal_id in goal_ids)
        for doc in docs
        if doc["day"] >= first
    ]


def insert_win(store: Store, win: Win) -> None:
    with store.transaction():
        insert(store, WINS, "wins", win_to_doc(win))


def delete_win(store: Store, win_id: str) -> None:
    with store.transaction():
        delete(store, WINS, "wins", win_id)
