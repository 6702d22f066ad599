"""The sentences said in several places (toasts, CLI lines) come from one home."""

from __future__ import annotations

from datetime import date

import pytest

from tui.core.contacts import KINDS
from tui.core.wording import already_rest, day_label, rest_message, skip_message, with_article


@pytest.mark.parametrize("word, expected", [
    ("email", "an email"), ("intro", "an intro"), ("other", "an other"), ("call", "a call"),
    ("coffee", "a coffee"), ("message", "a message"), ("meeting", "a meeting"), ("referral", "a referral"),
])
def test_the_article_fits_every_interaction_kind(word: str, expected: str) -> None:
    assert word in KINDS
    assert with_article(word) == expected


def test_rest_and_skip_sentences() -> None:
    day = date(2026, 12, 5)
    assert day_label(day) == "Sat 5 Dec"
    assert rest_message(day, True) == "Sat 5 Dec is a rest day for every goal — enjoy it"
    assert rest_message(day, False) == "Sat 5 Dec is no longer a rest day"
    assert already_rest(day, True) == "Sat 5 Dec is already a rest day"
    assert skip_message("Apply", day, True) == "Apply: skipped on Sat 5 Dec"
    assert skip_message("Apply", day, False) == "Apply: skip cleared on Sat 5 Dec"
