"""The service context: a store and a clock, passed to every use case."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Callable

from ..core.clock import Clock, local_now
from ..store import Store
from ..store import repo


class Rebound:
    """What every use case needs: the data (``store``) and the time (``now``)."""

    def __init__(self, store: Store, now: Callable[[], datetime] = local_now) -> None:
        self.store = store
        self.now = now
        store.today = self.today

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

    def today(self) -> date:
        return self.clock.today()
