"""The benchmark's networking share of "five busy years": 800 contacts, 8,000 interactions.

Written in bulk (one ``records.insert_all`` per file) inside one transaction, with the wins
``services.contacts.reconcile_contacts`` would award, so the data is what the app would have made.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from ..core.contact_wins import contact_wins
from ..core.contacts import KINDS, Contact, Interaction, next_follow_up
from ..core.wins import Win
from ..services import Rebound
from ..store import contacts as repo
from ..store import wins as wins_repo
from ..store.records import insert_all

COMPANIES = ("Northwind", "Contoso", "Fabrikam", "Litware", "Initech", "Tailspin", "Wingtip", "")
ROLES = ("Recruiter", "Engineering manager", "Designer", "Founder", "Former colleague", "")
TAGS = ("recruiter", "referral", "mentor", "friend", "fintech", "design", "alumni")
FIRST = ("Ada", "Priya", "Marcus", "Sofia", "Tom", "Amara", "Lin", "Omar", "Eva", "Kai")


def generate_contacts(
    rb: Rebound, *, contacts: int = 800, interactions: int = 8000, years: int = 5, seed: int = 5
) -> dict[str, int]:
    rng = random.Random(seed)
    clock = rb.clock
    today = clock.today()
    first = today - timedelta(days=round(365.25 * years))

    def new_id() -> str:
        return f"{rng.getrandbits(128):032x}"

    def some_day(after: date) -> date:
        return after + timedelta(days=rng.randrange(max((today - after).days, 0) + 1))

    people = []
    for i in range(contacts):
        added = some_day(first)
        cadence = rng.choice((None, 7, 14, 30, 60, 90))
        tags = tuple(rng.sample(TAGS, rng.randint(0, 2)))
        people.append(Contact(new_id(), f"{rng.choice(FIRST)} Person{i:03}", added,
                              rng.choice(COMPANIES), rng.choice(ROLES), tags=tags, cadence=cadence))
    items: list[Interaction] = []
    last: dict[str, date] = {}
    days = sorted((some_day(first), rng.randrange(contacts)) for _ in range(interactions))
    for day, who in days:
        contact = people[who]
        day = max(day, contact.added)
        previous = last.get(contact.id)
        due = next_follow_up(contact, previous) if previous else None
        items.append(Interaction(new_id(), contact.id, day, rng.choice(KINDS),
                                 rng.choice(("", "caught up", "sent my CV", "asked for an intro")),
                                 due, f"{day.isoformat()}T12:00:00+00:00"))
        last[contact.id] = day
    earned = contact_wins(people, items, today, clock.week_start)
    store = rb.store
    with store.transaction():
        insert_all(store, repo.CONTACTS, "contacts", [repo.contact_to_doc(c) for c in people],
                   remember=False)
        by_file: dict[str, list[dict[str, object]]] = {}
        for item in items:
            by_file.setdefault(repo.interactions_file(item.day), []).append(repo.interaction_to_doc(item))
        for name, docs in by_file.items():
            insert_all(store, name, "interactions", docs, remember=False)
        wins_repo.insert_many(store, (
            Win(new_id(), w.rule, w.title, w.day, w.goal_id, w.key, f"{w.day.isoformat()}T21:00:00+00:00")
            for w in earned))
    rb.changed()
    return {"contacts": len(people), "interactions": len(items), "contact_wins": len(earned)}
