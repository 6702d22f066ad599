"""Pilot fixtures: an app on a temporary data folder with a frozen clock."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from tui.app import ReboundApp
from tui.services import Rebound

FROZEN = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
SIZE = (110, 34)


class MovableClock:
    def __init__(self, now: datetime = FROZEN) -> None:
        self.value = now

    def __call__(self) -> datetime:
        return self.value


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def rb(tmp_path: Path, clock: MovableClock) -> Rebound:
    return Rebound.open(tmp_path / "data", now=clock)


@pytest.fixture
def make_app(rb: Rebound):
    def make(poll_seconds: float = 3600) -> ReboundApp:
        return ReboundApp(rb, poll_seconds=poll_seconds)

    return make
