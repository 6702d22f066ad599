"""The weekly review written out: Markdown (to share), plain text (the terminal) and JSON."""

from __future__ import annotations

from typing import Any

from .mood import SCORE_LABELS
from .weekly_review import WeeklyReview


def _day(d: Any) -> str:
    return d.strftime("%a %d %b")


def _signed(n: float, digits: int = 0) -> str:
    text = f"{n:+.{digits}f}"
    return "±0" if float(text) == 0 else text


def _mood(value: float) -> str:
    return f"{value:.1f} ({SCORE_LABELS[min(5, max(1, round(value)))]})"


def sections(r: WeeklyReview) -> list[tuple[str, list[str]]]:
    """(heading, lines) in order: what both the Markdown and the text forms write."""
    goals = [
        f"{g.name}: {g.progress} · {g.streak}-{g.unit} streak · {_signed(g.change)} on last week"
        for g in r.goals
    ] or ["No goals that week."]
    net = r.networking
    networking = [
        f"{net.interactions} interaction{'s' if net.interactions != 1 else ''}",
        f"{len(net.new_contacts)} new contact{'s' if len(net.new_contacts) != 1 else ''}"
        + (f": {', '.join(net.new_contacts)}" if net.new_contacts else ""),
    ]
    networking += [f"Follow up with {name} on {_day(day)}" for day, name in net.due_next_week] or [
        "No follow-ups due next week"]
    m = r.mood
    if m.average is None:
        mood = ["No mood logged that week."]
    else:
        mood = [f"Average {_mood(m.average)} over {m.days_logged} day{'s' if m.days_logged != 1 else ''}"
                + (f", {_signed(m.change, 1)} on the week before" if m.change is not None else "")]
        if m.best_day:
            mood.append(f"Best day: {_day(m.best_day[0])} ({m.best_day[1]:.1f})")
    wins = [f"{_day(day)}: {title}" for day, title in r.wins] or ["None recorded; small steps count too."]
    lessons = [
        f"{_day(x.day)}, {x.company}{' · ' + x.role if x.role else ''}"
        f"{' (' + x.stage + ')' if x.stage else ''}: {x.lesson}"
        for x in r.lessons
    ] or ["No rejections reflected on."]
    result = [("Goals", goals)]
    if r.applications is not None:  # plugs in once the pipeline exists
        result.append(("Applications", [str(r.applications)]))
    result += [("Networking", networking), ("Mood", mood), ("Wins", wins),
               ("Lessons from rejections", lessons)]
    if r.notes is not None:
        result.append(("Private notes", [f"{_day(d)}: {t}" for d, t in r.notes] or ["None."]))
    return result


def title(r: WeeklyReview) -> str:
    span = f"{r.week.strftime('%d %b')} – {r.end.strftime('%d %b %Y')}"
    return f"Weekly review {r.iso_week} ({span}{', so far' if r.part else ''})"


def markdown(r: WeeklyReview) -> str:
    out = [f"# {title(r)}", ""]
    for heading, lines in sections(r):
        out += [f"## {heading}", "", *(f"- {_escape(line)}" for line in lines), ""]
    return "\n".join(out)


def _escape(text: str) -> str:
    """User words must not turn into Markdown structure (a goal named ``*urgent*``)."""
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def text(r: WeeklyReview) -> str:
    out = [title(r)]
    for heading, lines in sections(r):
        out += ["", heading, *(f"  {line}" for line in lines)]
    return "\n".join(out) + "\n"


def as_json(r: WeeklyReview) -> dict[str, Any]:
    m, net = r.mood, r.networking
    result: dict[str, Any] = {
        "week": r.iso_week,
        "from": r.week.isoformat(),
        "to": r.end.isoformat(),
        "as_of": r.as_of.isoformat(),
        "goals": [
            {"name": g.name, "period": g.period, "done": g.done, "target": g.target,
             "full_target": g.full_target, "progress": g.progress, "streak": g.streak,
             "change": g.change}
            for g in r.goals
        ],
        "networking": {
            "interactions": net.interactions,
            "new_contacts": net.new_contacts,
            "due_next_week": [{"name": n, "day": d.isoformat()} for d, n in net.due_next_week],
        },
        "mood": {
            "average": None if m.average is None else round(m.average, 2),
            "previous": None if m.previous is None else round(m.previous, 2),
            "change": None if m.change is None else round(m.change, 2),
            "best_day": None if m.best_day is None else {
                "day": m.best_day[0].isoformat(), "mood": round(m.best_day[1], 2)},
            "days_logged": m.days_logged,
        },
        "wins": [{"day": d.isoformat(), "title": t} for d, t in r.wins],
        "lessons": [{"day": x.day.isoformat(), "company": x.company, "role": x.role,
                     "stage": x.stage, "lesson": x.lesson} for x in r.lessons],
    }
    if r.notes is not None:
        result["notes"] = [{"day": d.isoformat(), "note": t} for d, t in r.notes]
    return result
