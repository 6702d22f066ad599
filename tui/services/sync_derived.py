"""After a sync's merge, inside its change: the cross-file rules (``sync.tidy``), then the wins
derived again from the merged data (each machine derived its own; together they can earn more,
say "all goals done" on a day each machine ticked one goal). Scoped as a local change is: the
goals and days whose check-ins the merge changed, the domains whose files it changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..store.folder import MAIN
from ..store.mood import REJECTIONS
from .context import Rebound


@dataclass
class Touched:
    """What the merge changed: file names, the goals and days of changed check-ins, the days of
    changed interactions and mood entries."""

    files: set[str] = field(default_factory=set)
    goals: set[str] = field(default_factory=set)
    days: set[date] = field(default_factory=set)
    interaction_days: set[date] = field(default_factory=set)
    mood_days: set[date] = field(default_factory=set)
    contacts_named: bool = False  # a contact added, removed or renamed: which interactions count

    def add(self, name: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        self.files.add(name)
        if name == "contacts.json":
            self.contacts_named |= _names(before) != _names(after)
            return
        table = name.split("-")[0]
        if table not in ("checkins", "interactions", "mood"):
            return
        old = {d.get("id"): d for d in before.get(table, {}).values()}
        new = {d.get("id"): d for d in after.get(table, {}).values()}
        for key in old.keys() | new.keys():
            if old.get(key) != new.get(key):
                for doc in (old.get(key), new.get(key)):
                    if doc is None:
                        continue
                    day = date.fromisoformat(str(doc.get("day")))
                    if table == "interactions":
                        self.interaction_days.add(day)
                    elif table == "mood":
                        self.mood_days.add(day)
                    else:
                        self.goals.add(str(doc.get("goal_id")))
                        self.days.add(day)

    def family(self, *prefixes: str) -> bool:
        return any(name.startswith(prefixes) for name in self.files)


def _names(data: dict[str, Any]) -> dict[Any, Any]:
    table = data.get("contacts")
    docs = table.values() if isinstance(table, dict) else ()
    return {doc.get("id"): doc.get("name") for doc in docs if isinstance(doc, dict)}


def needs_tidy(ours: dict[str, Any], theirs: dict[str, Any]) -> bool:
    """Can the merge of these two trees (name → entry) leave what ``tidy`` removes? Each side is
    tidy, so a check-in left without its goal needs the goal deleted on one side (``rebound.json``
    or ``contacts.json`` differ), and a record in two files needs it moved to another file on one
    side (two files of one family differ). Reading every file to find nothing is skipped."""
    differ = [n for n in {*ours, *theirs} if ours.get(n) != theirs.get(n)
              and n.endswith(".json") and not n.startswith(".")]
    if any(name in (MAIN, "contacts.json") for name in differ):
        return True
    families = [name.split("-")[0].split(".")[0] for name in differ]
    return len(families) != len(set(families))


def tidy_merged(rb: Rebound) -> None:
    """``sync.tidy``'s removals over the files on disk and those the merge brings in (not on
    disk yet, so ``tidy.tidy`` would not list them)."""
    from ..store.records import delete
    from ..sync.tidy import removals

    store = rb.store
    names = sorted(set(store.data_names()) | set(store.dirty_names()))
    for removal in removals({name: store.file(name).read() for name in names}):
        delete(store, removal.file, removal.table, removal.record_id)


def rederive_wins(rb: Rebound, touched: Touched, tidied: bool = True) -> None:
    """Every automatic win equal to what the merged data earns. Wins awarded here are not
    celebrated: they were earned before. ``tidied``: ``tidy_merged`` ran (it may have removed
    records no file's difference names, so the networking wins are derived whole)."""
    from ..core.mood import bounce_backs, reflection_win
    from ..store import mood as mood_repo
    from ..store import wins as wins_repo
    from .application_wins import reconcile_applications
    from .contacts import reconcile_contacts
    from .mood import sync_bounce_backs
    from .wins import every_day, reconcile, sync_wins

    earned = len(rb.earned)
    store = rb.store
    if MAIN in touched.files:  # goals, rest days, skips or settings: every goal, every day
        reconcile(rb, None, every_day(rb))
    elif touched.goals:
        reconcile(rb, touched.goals, touched.days)
    if touched.contacts_named or (tidied and touched.family("interactions")):
        reconcile_contacts(rb)  # who is a contact decides which interactions count: every week
    elif touched.family("interactions"):  # a week's wins: its interactions and the names alone
        reconcile_contacts(rb, touched.interaction_days)
    if touched.family("applications", "rejections"):
        reconcile_applications(rb)
    if touched.family("mood") and tidied:  # tidy may have removed entries no difference names
        sync_wins(rb, bounce_backs(mood_repo.entries(store)), wins_repo.wins_of(store, {"bounce_back"}))
    elif touched.family("mood"):
        for day in sorted(touched.mood_days):  # each day's window, as a local change does
            sync_bounce_backs(rb, day)
    if touched.family("rejections") or REJECTIONS in store.dirty_names():  # tidy's removals too
        reflections = [w for r in mood_repo.rejections(store) if (w := reflection_win(r)) is not None]
        sync_wins(rb, reflections, wins_repo.wins_of(store, {"reflected"}))
    del rb.earned[earned:]
