"""Shared test helpers live in ``tests/support`` (the real terminal, hostile strings)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

SUPPORT = str(Path(__file__).resolve().parent / "support")
if SUPPORT not in sys.path:
    sys.path.insert(0, SUPPORT)
pytest.register_assert_rewrite("pty_terminal", "hostile_strings", "screen_text")

# The machine is shared and its speed drifts: a property test checks answers, never time.
# Tests' own @settings still set their example counts; this only lifts the timing checks.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "rebound", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile("rebound")
