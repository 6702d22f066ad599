"""Demo moods: a month of entries with a rejection, its reflection and a bounce-back after it."""

from __future__ import annotations

import random
from datetime import date, timedelta

from ..services import Rebound
from ..services import mood as mood_service

TAGS = ("exercise", "networking", "interview", "rest", "")
REJECTION_AGO = 6  # a low day with a reflection; four days ago the bounce-back


def generate_moods(rb: Rebound, today: date, *, days: int = 30, seed: int = 11,
                   tailspin: str | None = None) -> None:
    """Inside the demo's change. Today is left unlogged so Today shows its gentle prompt.
    ``tailspin``: the demo application the rejection closed."""
    rng = random.Random(seed)
    for offset in range(days, 0, -1):
        day = today - timedelta(days=offset)
        if offset == REJECTION_AGO:
            mood_service.log_rejection(
                rb, "Tailspin Toys", role="Data analyst", stage="final round", score=2,
                lesson="Bring one concrete story for each skill in the job ad", day=day,
                application_id=tailspin,
            )
            mood_service.log_mood(rb, 1, note="hard to shake off", day=day)
            continue
        if offset in (REJECTION_AGO - 1, REJECTION_AGO - 2):
            score = 4 if offset == REJECTION_AGO - 2 else 3
            mood_service.log_mood(rb, score, tags="networking", day=day)
            continue
        for _ in range(rng.choice((1, 1, 2, 3))):
            tag = rng.choice(TAGS)
            score = min(5, max(3, round(rng.gauss(3.4 + (0.6 if tag in ("exercise", "rest") else 0), 0.8))))
            mood_service.log_mood(rb, score, tags=tag, day=day)


# The benchmark's "five busy years" share (product.md §6): about 3 moods a day, 400 rejections in 5 y
def busy_moods(rng: random.Random, first: date, today: date, at, per_year: int = 80):  # type: ignore[no-untyped-def]
    """Mood and rejection documents by file, shaped by the repository, and the wins they earn
    (what ``services.mood`` would award). ``at(day, hour)`` makes a timestamp."""
    from ..core.mood import MoodEntry, Rejection, bounce_backs, reflection_win
    from ..store import mood as mood_repo

    def new_id() -> str:
        return f"{rng.getrandbits(128):032x}"

    span = (today - first).days
    rejection_days = set(rng.sample(range(1, span + 1), round(per_year * span / 365.25)))
    entries, found = [], []
    for offset in range(span, 0, -1):
        day = today - timedelta(days=offset)
        low = offset in rejection_days
        for i in range(rng.choice((2, 3, 3, 4))):
            tag = "rejection" if low and i == 0 else rng.choice(TAGS)
            score = rng.randint(1, 3) if low else min(5, max(1, round(rng.gauss(3.4, 0.9))))
            entries.append(MoodEntry(new_id(), day, score, (tag,) if tag else (), "", at(day, 8 + i * 4)))
            if low and i == 0:
                lesson = rng.choice(("", "ask about the team's process earlier", "one story per skill"))
                found.append(Rejection(new_id(), day, f"Company {rng.randrange(300)}", "Analyst",
                                       rng.choice(("application", "interview", "final round")), lesson,
                                       entries[-1].id, at=entries[-1].at))
    by_file: dict[str, list[dict[str, object]]] = {}
    for entry in entries:
        by_file.setdefault(mood_repo.mood_file(entry.day), []).append(mood_repo.entry_to_doc(entry))
    earned = list(bounce_backs(entries)) + [w for r in found if (w := reflection_win(r))]
    return by_file, [mood_repo.rejection_to_doc(r) for r in found], earned
