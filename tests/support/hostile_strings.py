"""Hostile strings for the hostile-input tests (the CLI's and the forms'): empty and blank text,
10,000 characters, control characters and escape sequences, emoji, right-to-left text, markup,
malformed, far-past and future days, huge, negative and non-numeric counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import strategies as st

HOSTILE = [
    "", " ", "   \t ", "\n", "x" * 10_000, "\x1b[31mred\x1b[0m", "\x1b]0;title\x07", "\x00", "a\x7fb",
    "🎉 emoji 👩‍💻", "مرحبا بالعالم", "\u202eevil\u202c", "שלום", "[b]x[/b]", "[red]oops", "a\nb",
    "-dash", "--flag", "Ω≈ç√∫", "\u200b", "Apply", "friend", "𝕏" * 81, "é" * 80,
]
# Bidi controls are dropped from text wherever it comes in (an RLO makes "exe.gpj" look like
# "jpg.exe"); the rest is saved as typed, trimmed.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def saved_as(text: str) -> str:
    """What a text field holds once saved: the input trimmed, without bidi controls."""
    return "".join(ch for ch in text if ch not in BIDI_CONTROLS).strip()


printable = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40)
texts = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40), printable, printable,
                  st.text(min_size=70, max_size=600))
DAYS = [
    "2026-13-45", "2024-02-30", "0001-01-01", "1000-01-01", "1969-12-31", "9999-12-31", "today",
    "yesterday", "Yesterday ", "20240101", "2024-1-1", "", " 2025-05-01 ", "2025-05-01T00:00",
    "tomorrow", "-1", "2025-06-15",
]
days = st.one_of(st.sampled_from(DAYS), st.sampled_from(DAYS),
                 st.dates(min_value=date(1, 1, 1)).map(date.isoformat), texts)
counts = st.one_of(
    st.sampled_from([0, 1, -1, 2, -2, 10_000, 10_001, -10_000, 10**30, -(10**30), 2**63]),
    st.integers(),
).map(str) | st.sampled_from(["1.5", "NaN", "inf", "", "one", "٣", "+3", " 4 "])


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every data file (not the lock) and its bytes: to prove a refusal wrote nothing."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".rebound.lock"}
