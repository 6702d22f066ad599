"""How a goal's progress for the day or week reads, with the reason when its target was lowered.

One wording for Today, Goals and `rebound status`: ``this week 0/1 (2 a week, part week)``. A count
past the target reads ``this week 3 (target 2 met)``, never ``3/2``: the target is what was asked,
and a lowered one must not look like a typo beside the goal's own.
"""

from __future__ import annotations


def progress_label(done: int, target: int, full_target: int, weekly: bool,
                   week: str = "this week") -> str:
    """``target``: this period's (a part week's is lowered); ``full_target``: the goal's own;
    ``week``: how the week is named ("that week" for a past day)."""
    prefix = f"{week} " if weekly else ""
    reason = f"{full_target} a week, part week" if weekly and target < full_target else ""
    if done > target:
        return f"{prefix}{done} (target {target} met{'; ' + reason if reason else ''})"
    return f"{prefix}{done}/{target}" + (f" ({reason})" if reason else "")
