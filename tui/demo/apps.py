"""Demo applications: two months of a believable search. About 30 applications, a handful gone
quiet, two rejections with reflections, one offer. Written as history (no pipeline follow-ups are
set), so the demo's contacts and Today stay as they were."""

from __future__ import annotations

import random
from datetime import date, timedelta

from ..core.applications import Application
from ..services import Rebound
from ..services import contacts as contact_service
from ..services import mood as mood_service
from ..services.application_wins import reconcile_applications
from ..store import applications as repo

# company, role, source, days ago applied, [(stage, days ago)], contact, next step (text, in days)
DEMO_APPLICATIONS = [
    ("Northwind", "Data analyst", "referral", 40,
     [("screen", 33), ("interview", 25), ("final", 14), ("offer", 3)], "Priya Raman", ("Reply to the offer", 4)),
    ("Tailspin Toys", "Data analyst", "job board", 35,
     [("screen", 28), ("interview", 20), ("final", 12), ("rejected", 6)], None, None),
    ("Contoso", "BI developer", "referral", 50, [("screen", 44), ("rejected", 38)], "Marcus Lee", None),
    ("Fabrikam", "Analytics engineer", "network", 45,
     [("screen", 39), ("interview", 30), ("withdrawn", 22)], "Sofia Álvarez", None),
    ("Litware", "Data analyst", "recruiter", 28, [("screen", 20), ("interview", 9)], "Amara Okafor",
     ("Case study for the second interview", 2)),
    ("Wingtip Toys", "Reporting analyst", "job board", 58, [], None, None),
    ("Adventure Works", "Data analyst", "company site", 55, [("rejected", 41)], None, None),
    ("Woodgrove Bank", "Risk analyst", "job board", 52, [], None, None),
    ("Proseware", "Junior data scientist", "job board", 49, [("ghosted", 20)], None, None),
    ("Lucerne Publishing", "Insights analyst", "company site", 47, [("screen", 40), ("rejected", 33)], None, None),
    ("Coho Winery", "Operations analyst", "job board", 44, [], None, None),
    ("Alpine Ski House", "BI analyst", "recruiter", 42,
     [("screen", 36), ("interview", 29), ("rejected", 24)], None, None),
    ("Trey Research", "Research analyst", "company site", 39, [], None, None),
    ("Margie's Travel", "Data analyst", "job board", 37, [("rejected", 30)], None, None),
    ("Fourth Coffee", "Product analyst", "network", 33, [("screen", 26), ("interview", 18)], None,
     ("Waiting on their feedback", None)),
    ("Humongous Insurance", "Claims data analyst", "job board", 31, [], None, None),
    ("Blue Yonder Airlines", "Revenue analyst", "job board", 29, [("screen", 19)], None, None),
    ("Graphic Design Institute", "Data coordinator", "company site", 27, [("rejected", 22)], None, None),
    ("City Power & Light", "Energy data analyst", "job board", 25, [], None, None),
    ("Consolidated Messenger", "Logistics analyst", "recruiter", 22, [("screen", 15), ("interview", 8)], None,
     ("Thank-you note sent; wait a week", None)),
    ("Relecloud", "Data analyst", "job board", 20, [], None, None),
    ("VanArsdel", "Marketing analyst", "company site", 18, [("rejected", 11)], None, None),
    ("Wide World Importers", "Supply chain analyst", "job board", 16, [("screen", 10)], None, None),
    ("A. Datum", "Data analyst", "network", 14, [("screen", 7)], None, ("Prepare SQL exercise", 1)),
    ("Bellows College", "Institutional research analyst", "company site", 12, [], None, None),
    ("Southridge Video", "Audience analyst", "job board", 10, [], None, None),
    ("Tailwind Traders", "Pricing analyst", "job board", 8, [("rejected", 4)], None, None),
    ("Northwind", "BI developer", "job board", 6, [], None, None),
    ("Munson's Pickles", "Data analyst", "job board", 4, [], None, None),
    ("Lamna Healthcare", "Health data analyst", "referral", 2, [], "Tom Becker", None),
]
REFLECTIONS = {  # the two rejections reflected on: (company, stage reached, lesson)
    "Tailspin Toys": None,  # reflected on by demo/mood.py (its low day and bounce-back)
    "Contoso": ("screening call", "Ask what the BI stack is before the screen, not after"),
}


def generate_applications(rb: Rebound, today: date, *, seed: int = 18) -> dict[str, str]:
    """Inside the demo's change, after the contacts. Returns company → id of the applications a
    reflection is to link to (the demo's moods add Tailspin's)."""
    rng = random.Random(seed)
    linked: dict[str, str] = {}
    for i, (company, role, source, ago, moves, person, step) in enumerate(DEMO_APPLICATIONS):
        applied = today - timedelta(days=ago)
        history = (("applied", applied), *((stage, today - timedelta(days=d)) for stage, d in moves))
        contacts = (contact_service.find_contact(rb, person).id,) if person else ()
        text, due = step or ("", None)
        app = Application(
            id=f"{rng.getrandbits(128):032x}", company=company, role=role, applied=applied,
            history=history, source=source, contacts=contacts, next_step=text,
            next_day=today + timedelta(days=due) if due is not None else None,
            created=f"{applied.isoformat()}T09:{i:02d}:00+00:00",
            updated=f"{history[-1][1].isoformat()}T17:00:00+00:00",
        )
        repo.save(rb.store, app)
        if company in REFLECTIONS:
            linked[company] = app.id
    reconcile_applications(rb)  # the job-search wins this history earned
    stage, lesson = REFLECTIONS["Contoso"]  # type: ignore[misc]
    mood_service.log_rejection(rb, "Contoso", role="BI developer", stage=stage, lesson=lesson,
                               day=today - timedelta(days=38), application_id=linked["Contoso"])
    return linked


# The benchmark's "five busy years" share (product.md §6): 400 applications a year -----------------
def busy_applications(rng: random.Random, first: date, today: date, at,  # type: ignore[no-untyped-def]
                      per_year: int = 400) -> dict[str, list[dict[str, object]]]:
    """Application documents by year file: each with a stage history as a real search has one
    (most get no answer or a rejection; a few go far). Older than two months, nearly all are
    closed; a few stay open, so the quiet list has something to show."""
    from ..core.applications import SOURCES

    span = (today - first).days
    docs: dict[str, list[dict[str, object]]] = {}
    companies = [f"Company {i}" for i in range(600)]
    roles = ("Data analyst", "BI developer", "Analytics engineer", "Product analyst", "Data scientist")
    for _ in range(round(per_year * span / 365.25)):
        applied = today - timedelta(days=rng.randrange(span + 1))
        history, day = [("applied", applied)], applied
        for stage in ("screen", "interview", "final", "offer"):
            if rng.random() > (0.35 if stage == "screen" else 0.5):
                break
            day += timedelta(days=rng.randint(3, 12))
            history.append((stage, day))
        old = (today - applied).days > 60
        if old and rng.random() < 0.95:
            reached = history[-1][0]
            ending = "accepted" if reached == "offer" and rng.random() < 0.5 else rng.choice(
                ("rejected", "rejected", "ghosted", "withdrawn"))
            day += timedelta(days=rng.randint(3, 30))
            history.append((ending, day))
        history = [(s, min(d, today)) for s, d in history]
        app = Application(
            id=f"{rng.getrandbits(128):032x}", company=rng.choice(companies), role=rng.choice(roles),
            applied=applied, history=tuple(history), source=rng.choice(SOURCES),
            created=at(applied, 9), updated=at(history[-1][1], 17),
        )
        docs.setdefault(repo.applications_file(applied), []).append(repo.to_doc(app))
    return docs
