"""Deterministic demo data: believable goals with streaks and slips, seeded so screenshots and
snapshots are stable. ``generate(rb, days=N)`` backfills N days before the service's today."""

from __future__ import annotations

import random
from datetime import timedelta

from ..services import Rebound
from ..services import checkins as checkin_service
from ..services import goals as goal_service
from ..services.wins import add_win
from .apps import busy_applications, generate_applications
from .mood import busy_moods, generate_moods
from ..store.mood import REJECTIONS
from ..store.records import insert_all

DEMO_GOALS = [
    # name, target, period, weekdays, chance of completing a day
    ("Send applications", 2, "day", None, 0.85),
    ("Reach out to someone new", 1, "day", "mon,tue,wed,thu,fri", 0.7),
    ("Practise interview questions", 1, "day", None, 0.6),
    ("Coffee chats", 2, "week", None, 0.5),
    ("Go for a walk", 1, "day", None, 0.9),
]
# Goals that count an activity (core/counting.py); their generated check-ins stand for what was
# done but not logged (the manual adjustments).
COUNTED = {"Reach out to someone new": "new-contacts", "Coffee chats": "interactions:coffee",
           "Attend a meetup": "interactions:meeting"}


def generate(rb: Rebound, *, days: int = 60, seed: int = 7) -> None:
    rng = random.Random(seed)
    today = rb.today()
    with rb.change("demo data"):
        goals = [
            goal_service.add_goal(rb, name, target=target, period=period, weekdays=weekdays,
                                  counts=COUNTED.get(name))
            for name, target, period, weekdays, _ in DEMO_GOALS
        ]
        for offset in range(days, 0, -1):
            day = today - timedelta(days=offset)
            if offset in (20, 41):
                checkin_service.set_rest(rb, day, True, "time off")
                continue
            for goal, (_, target, period, _, chance) in zip(goals, DEMO_GOALS):
                if period == "week":
                    if rng.random() < chance / 3:
                        checkin_service.log(rb, goal.id, 1, day=day)
                elif goal.scheduled_on(day) and rng.random() < chance:
                    checkin_service.log(rb, goal.id, target, day=day)
                elif offset == 9 and goal is goals[2]:
                    checkin_service.set_skip(rb, goal.id, day, True)
        checkin_service.log(rb, goals[0].id, 1, day=today)
        checkin_service.log(rb, goals[4].id, 1, day=today)
        add_win(rb, "A recruiter at Northwind replied to my follow-up", today - timedelta(days=1))
        _demo_contacts(rb, today)
        linked = generate_applications(rb, today)
        generate_moods(rb, today, tailspin=linked["Tailspin Toys"])
    rb.history.clear()  # demo data is the starting point, not an undoable change


DEMO_CONTACTS = [
    # name, company, role, tags, cadence, [(days ago, kind, note)]
    ("Priya Raman", "Northwind", "Recruiter", "recruiter", 14,
     [(30, "email", "sent my CV"), (16, "call", "intro call; she'll share the data role")]),
    ("Marcus Lee", "Contoso", "Engineering manager", "referral hiring", 7,
     [(7, "coffee", "coffee; wants a portfolio link")]),
    ("Sofia Álvarez", "Fabrikam", "Product designer", "mentor", 30,
     [(60, "meeting", "met at the design meetup"), (12, "message", "asked about her team's process")]),
    ("Tom Becker", "", "Former colleague", "friend", None, [(45, "intro", "introduced me to Marcus")]),
    ("Amara Okafor", "Litware", "Talent partner", "recruiter", 21, []),
]


def _demo_contacts(rb: Rebound, today) -> None:  # type: ignore[no-untyped-def]
    """A few contacts: one overdue, one due today, the rest later or without a cadence."""
    from ..services import contacts as contact_service

    for name, company, role, tags, cadence, touches in DEMO_CONTACTS:
        fields = contact_service.ContactFields(name, company=company, role=role, tags=tags,
                                               cadence=cadence)
        contact = contact_service.add_contact(rb, fields)
        for ago, kind, note in touches:
            contact_service.log_interaction(rb, contact.id, kind=kind, note=note,
                                            day=today - timedelta(days=ago))
    amara = contact_service.find_contact(rb, "Amara")
    contact_service.set_follow_up(rb, amara.id, "in 3 days")


# The benchmark's "five busy years" (product.md §6) ------------------------------------------
BUSY_GOALS = [
    *DEMO_GOALS,
    ("Read industry news", 1, "day", None, 0.8),
    ("Update the job tracker", 1, "day", "mon,tue,wed,thu,fri", 0.85),
    ("Learn a new skill", 1, "day", "mon,wed,fri", 0.65),
    ("Stretch", 1, "day", None, 0.75),
    ("Attend a meetup", 1, "week", None, 0.6),
    ("Mock interview", 1, "week", None, 0.7),
    ("Tailor the portfolio", 3, "week", None, 0.5),
]
BUSY_NOTES = ("felt good", "hard day", "with a friend", "short one", "got a reply!")


def generate_history(rb: Rebound, *, years: int = 5, seed: int = 1800) -> dict[str, int]:
    """Seeded ``years`` of busy history for the benchmark, in one transaction on an empty folder:
    12 goals (8 daily, 4 weekly; 3 count interactions or new contacts, ``COUNTED``), check-ins on most days with slumps, rest days, skips, and the
    wins all that earned. Same seed and clock, same files. Returns what it wrote, by kind.

    Check-ins and wins are written in bulk (one ``records.insert_all`` per file), shaped by
    the repository; wins are what ``services.wins.reconcile`` would award for every goal and day.
    Moods (about 3 a day) and 400 rejections come from ``demo.mood.busy_moods``, 400 applications
    a year from ``demo.apps.busy_applications``.
    """
    from datetime import datetime, time

    from ..core.application_wins import application_wins
    from ..core.goals import CheckIn, Goal, RestDay
    from ..core.victories import all_done_wins, goal_wins
    from ..core.wins import Win
    from ..services.goals import parse_schedule
    from ..services.history import histories
    from ..store import repo
    from ..store import applications as app_repo
    from ..store import mood as mood_repo
    from ..store import wins as wins_repo

    rng = random.Random(seed)
    clock = rb.clock
    today = clock.today()
    tz = rb.now().tzinfo
    first = today - timedelta(days=round(365.25 * years))

    def new_id() -> str:
        return f"{rng.getrandbits(128):032x}"

    def at(day, hour: int) -> str:  # type: ignore[no-untyped-def]
        moment = datetime.combine(day, time(hour, rng.randrange(60)), tzinfo=tz)
        return moment.isoformat(timespec="seconds")

    store = rb.store
    with store.transaction():
        if repo.goals(store, include_archived=True):
            raise ValueError("generate_history needs an empty data folder")
        goals = [
            Goal(new_id(), name, first, target, period, parse_schedule(period, weekdays),
                 created_at=at(first, 8), counts=COUNTED.get(name, "manual"))
            for name, target, period, weekdays, _ in BUSY_GOALS
        ]
        for goal in goals:
            repo.insert_goal(store, goal)
        by_file: dict[str, list[dict[str, object]]] = {}
        rest_days = skips = 0
        slump = 0
        for offset in range((today - first).days, -1, -1):
            day = today - timedelta(days=offset)
            if offset == 0:  # today: partly done, so a tick has something to complete
                picks = [(goals[0], 1), (goals[4], goals[4].target)]
            else:
                if day.weekday() == 0 and not slump and rng.random() < 0.08:
                    slump = rng.randint(3, 10)  # a bad stretch: everything gets harder
                slump = max(slump - 1, 0)
                if rng.random() < 0.03:
                    repo.set_rest_day(store, RestDay(day, "time off"), day)
                    rest_days += 1
                    continue
                picks = []
                for goal, (*_, chance) in zip(goals, BUSY_GOALS):
                    chance *= 0.5 if slump else 1.0
                    if goal.is_weekly:
                        if rng.random() < chance * goal.target / 4:
                            picks.append((goal, 1))
                    elif not goal.scheduled_on(day):
                        continue
                    elif rng.random() < chance:
                        picks.append((goal, goal.target))
                    elif rng.random() < 0.04:
                        repo.set_skip(store, goal.id, day, True)
                        skips += 1
                    elif goal.target > 1 and rng.random() < 0.3:
                        picks.append((goal, goal.target - 1))
            docs = by_file.setdefault(repo.checkins_file(day), [])
            for goal, count in picks:
                parts = [1] * count if count > 1 and rng.random() < 0.3 else [count]
                for part in parts:  # a tick is one check-in; "+1" presses are one each
                    note = rng.choice(BUSY_NOTES) if rng.random() < 0.05 else ""
                    checkin = CheckIn(new_id(), goal.id, day, part, note, at(day, rng.randint(7, 22)))
                    docs.append(repo.checkin_to_doc(checkin))
        for name, docs in by_file.items():
            insert_all(store, name, "checkins", docs, remember=False)
        moods, rejections, mood_wins = busy_moods(random.Random(seed + 1), first, today, at)
        for name, docs in moods.items():
            insert_all(store, name, "mood", docs, remember=False)
        insert_all(store, REJECTIONS, "rejections", rejections, remember=False)
        applications = busy_applications(random.Random(seed + 2), first, today, at)
        for name, docs in applications.items():
            insert_all(store, name, "applications", docs, remember=False)

        every = histories(rb, include_archived=True)
        earned = [w for h in every for w in goal_wins(h, today, clock.week_start)]
        days = [first + timedelta(days=i) for i in range((today - first).days + 1)]
        earned += all_done_wins(every, days, today)
        earned += mood_wins
        earned += application_wins(app_repo.applications(store), mood_repo.rejections(store))
        earned.sort(key=lambda w: (w.day, w.key))
        wins_repo.insert_many(store, (
            Win(new_id(), w.rule, w.title, w.day, w.goal_id, w.key, at(w.day, 21)) for w in earned))
    rb.history.clear()
    rb.earned.clear()
    rb.changed()
    return {
        "goals": len(goals),
        "checkins": sum(len(d) for d in by_file.values()),
        "rest_days": rest_days,
        "skips": skips,
        "wins": len(earned),
        "moods": sum(len(d) for d in moods.values()),
        "rejections": len(rejections),
        "applications": sum(len(d) for d in applications.values()),
    }
