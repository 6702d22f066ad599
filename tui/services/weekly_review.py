"""The weekly review of a week: the records it needs, read once, handed to core.weekly_review."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from ..core.errors import InputError
from ..core.weekly_review import WeeklyReview, review, week_of
from ..store import contacts as contacts_repo
from ..store import mood as mood_repo
from ..store import wins as wins_repo
from .context import Rebound
from .history import histories


def weekly_review(rb: Rebound, day: date | None = None, *, notes: bool = False) -> WeeklyReview:
    """The review of the week holding ``day`` (default today), seen from today."""
    from .contacts import contact_views

    clock = rb.clock
    today = clock.today()
    week = week_of(day or today, clock.week_start)
    store = rb.store
    return review(
        week,
        today,
        histories=histories(rb),
        week_start=clock.week_start,
        entries=mood_repo.entries(store, since=week - timedelta(days=7)),  # and the week before
        wins=wins_repo.wins(store),
        rejections=mood_repo.rejections(store),
        contacts=contacts_repo.contacts(store),
        interactions=contacts_repo.interactions(store),
        next_follow_ups={v.contact.id: v.next for v in contact_views(rb, today)},
        with_notes=notes,
    )


def default_path(found: WeeklyReview) -> Path:
    return Path.home() / f"rebound-review-{found.iso_week}.md"


def save_markdown(found: WeeklyReview, where: str) -> Path:
    """Write the review as Markdown to the path the user typed (``~`` allowed). A folder, a
    missing parent or an unwritable place is refused with what went wrong; nothing is half written."""
    from ..core import weekly_review_text as write
    from ..store import files

    text = where.strip()
    if not text:
        raise InputError("type a path to save the review to")
    path = Path(text).expanduser()
    if path.is_dir():
        raise InputError(f"{path} is a folder; add a file name such as {default_path(found).name}")
    if not path.parent.is_dir():
        raise InputError(f"the folder {path.parent} does not exist")
    try:
        files.atomic_write(path, write.markdown(found).encode("utf-8"))
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None
    return path
