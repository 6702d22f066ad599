"""`rebound review`: the week's review in text, Markdown or JSON; private notes only with --notes."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

from cli_support import Result, assert_refused


def test_review_formats_and_notes(ok: Callable[..., Result], rebound: Callable[..., Result]) -> None:
    ok("goal", "add", "Apply")
    ok("log", "Apply")
    ok("mood", "4", "--note", "private thought")
    ok("win", "Landed an interview")
    text = ok("review").out
    assert text.startswith("Weekly review ")
    assert "Apply: this week 1/" in text and "Landed an interview" in text
    assert "private thought" not in text
    md = ok("review", "--format", "md").out
    assert md.startswith("# Weekly review") and "## Mood" in md
    assert "private thought" not in md
    assert "private thought" in ok("review", "--format", "md", "--notes").out
    found = ok("review", "--format", "json").json()
    assert found["goals"][0]["name"] == "Apply" and "notes" not in found
    assert ok("review", "--format", "json", "--notes").json()["notes"][0]["note"].endswith("private thought")
    last_week = (date.today() - timedelta(days=7)).isoformat()
    assert "Landed an interview" not in ok("review", "--week", last_week).out
    assert_refused(rebound("review", "--week", (date.today() + timedelta(days=8)).isoformat()), "future")
    assert rebound("review", "--format", "pdf").code == 2
