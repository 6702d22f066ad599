"""Issue 14.1: the one wording of a goal's progress, with the reason a part week's target is lower."""

from __future__ import annotations

import pytest

from tui.core.progress import progress_label


@pytest.mark.parametrize(
    ("done", "target", "full", "weekly", "expected"),
    [
        (0, 1, 2, True, "this week 0/1 (2 a week, part week)"),
        (1, 1, 2, True, "this week 1/1 (2 a week, part week)"),
        (2, 1, 2, True, "this week 2 (target 1 met; 2 a week, part week)"),
        (1, 3, 3, True, "this week 1/3"),
        (3, 3, 3, True, "this week 3/3"),
        (4, 3, 3, True, "this week 4 (target 3 met)"),
        (1, 2, 2, False, "1/2"),
        (3, 2, 2, False, "3 (target 2 met)"),
    ],
)
def test_progress_reads_with_its_reason(done, target, full, weekly, expected):
    assert progress_label(done, target, full, weekly) == expected


def test_a_past_week_is_that_week():
    assert progress_label(0, 1, 2, True, "that week") == "that week 0/1 (2 a week, part week)"
