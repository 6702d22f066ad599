"""Shared test helpers live in ``tests/support`` (the real terminal, hostile strings)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

SUPPORT = str(Path(__file__).resolve().parent / "support")
if SUPPORT not in sys.path:
    sys.path.insert(0, SUPPORT)
pytest.register_assert_rewrite("pty_terminal", "hostile_strings", "screen_text")
