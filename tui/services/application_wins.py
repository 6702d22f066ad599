"""Keep the job-search wins equal to what the applications and rejections earn (every change to
either calls this inside its own change; undo restores the wins with the records)."""

from __future__ import annotations

from dataclasses import replace

from ..core.application_wins import APPLICATION_KINDS, application_wins
from ..core.wins import Win
from ..store import applications as app_repo
from ..store import mood as mood_repo
from ..store import wins as wins_repo
from .context import Rebound
from .wins import sync_wins


def reconcile_applications(rb: Rebound) -> list[Win]:
    """Inside a change: award what the data now earns, take back what it no longer earns, and
    rename a kept win whose application was renamed (no toast: it is not a new win)."""
    store = rb.store
    expected = application_wins(app_repo.applications(store), mood_repo.rejections(store))
    titles = {w.key: w.title for w in expected}
    stored = wins_repo.wins_of(store, APPLICATION_KINDS)
    for win in stored:
        if win.key in titles and win.title != titles[win.key]:
            wins_repo.replace_win(store, win, replace(win, title=titles[win.key]))
    return sync_wins(rb, expected, stored)
