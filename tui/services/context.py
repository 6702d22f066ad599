"""The service context: a store and a clock, passed to every use case."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..core.clock import Clock, local_now
from ..store import Store
from ..store import repo
from ..core.wins import Win
from ..store.records import Change

if TYPE_CHECKING:  # read when first asked for: the app's first frame does without it
    from .cache_file import SummaryCache


def follow_activity(rb: Rebound) -> None:
    from .counted import follow_activity as follow  # counted imports this module

    follow(rb)


@dataclass(frozen=True)
class ChangeSet:
    """One user action ("tick Send applications") and every record it changed."""

    label: str
    changes: tuple[Change, ...]


class Rebound:
    """What every use case needs: the data (``store``) and the time (``now``)."""

    def __init__(self, store: Store, now: Callable[[], datetime] = local_now) -> None:
        self.store = store
        self.now = now
        self.history: list[ChangeSet] = []  # this session's changes, for undo
        self.earned: list[Win] = []  # wins awarded by changes since the UI last took them
        self.deferred_wins: tuple[set[str] | None, set[date]] | None = None  # see wins_deferred
        self._label: str | None = None
        self._summary_cache: SummaryCache | None = None
        # Counted goals' combined years and the new-contacts index (core/counting.combine):
        # reused while their inputs are the very same objects, so never stale.
        self.kept: dict[object, object] = {}
        # Set by an app: how to run the derived files' rewrite a little later (after the screen
        # shows the change); None rewrites them at once, inside the change's call.
        self.later: Callable[[Callable[[], None]], None] | None = None
        # Set by an app: it lives on, so what it has walked (core.prefix's checkpoints) serves
        # its next figures; a command starts cold and does better from ``.summaries.json``.
        self.resident = False
        self._derived_pending = False
        store.today = self.today
        store.now = now  # records' ``updated`` come from the same clock as everything else

    @classmethod
    def open(cls, folder: Path, now: Callable[[], datetime] = local_now) -> Rebound:
        return cls(Store.open(folder), now)

    @property
    def clock(self) -> Clock:
        settings = repo.get_settings(self.store)
        return Clock(
            now=self.now,
            day_start_hour=int(settings.get("day_start_hour", 0)),
            week_start=int(settings.get("week_start", 0)),
        )

    def data_token(self) -> object:
        """Changes whenever the data on disk changes (here or in another process), and drops the
        caches another process outdated: what screens compare to skip or redo a redraw."""
        return self.store.signature()

    def today(self) -> date:
        return self.clock.today()

    def summary_cache(self) -> SummaryCache:
        """This run's ``.summaries.json`` (services/summary_cache.py): one object, the file read
        once, when first needed; another one if the store moved to another folder."""
        from .cache_file import SummaryCache

        cache = self._summary_cache
        if cache is None or cache.folder != self.store.folder:
            cache = self._summary_cache = SummaryCache(self.store.folder)
        return cache

    @contextmanager
    def change(self, label: str) -> Iterator[None]:
        """One undoable user action: a single all-or-nothing transaction, remembered for undo.
        A change inside another joins it (the outer label wins)."""
        if self._label is not None or self.store.in_transaction:
            with self.store.transaction():  # part of a larger change, recorded by its owner
                yield
            return
        self._label = label
        earned = len(self.earned)
        try:
            with self.store.transaction():
                yield
                follow_activity(self)  # counted goals move with their activity, in this change
        except BaseException:
            del self.earned[earned:]  # rolled back: those wins were never saved
            raise
        finally:
            self._label = None
        if self.store.last_changes:
            self.history.append(ChangeSet(label, self.store.last_changes))
            self.changed()

    def changed(self) -> None:
        """After every committed change (undo and restore too): rewrite what derives from it, at
        once or, in an app, just after the screen shows the change (``later``; several changes
        in one frame rewrite once). Until then the prompt sees the data files' identities moved
        and prints nothing rather than a stale line."""
        if self.later is None:
            self.refresh_derived()
        elif not self._derived_pending:
            self._derived_pending = True
            self.later(self.refresh_derived)

    def refresh_derived(self) -> None:
        """Rewrite the derived files now (the prompt state): also what an app does as it closes."""
        from .prompt_state import refresh

        self._derived_pending = False
        refresh(self)

    @property
    def derived_pending(self) -> bool:
        return self._derived_pending

    def take_earned(self) -> list[Win]:
        earned, self.earned = self.earned, []
        return earned
