"""Settings (`,`): day start hour, first day of the week, theme, the weekly target of job-search
activities, and the pipeline's (quiet after ``ghost_days``, its three follow-ups), saved in the
data folder in one undoable change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Checkbox, Label

from ..services import settings as settings_service
from ..services.settings import WEEK_NAMES, Pipeline, Settings
from .field_form import FieldForm

# Pipeline field → the switch's words (product.md §3 "Applications")
SWITCHES = (
    ("thank_you", "Thank-you follow-up after an interview or final round"),
    ("referrer", "Follow up with the referrer 7 days after applying"),
    ("feedback", "Ask for feedback 3 days after a rejection"),
)


class SettingsForm(FieldForm):
    FIELDS = (
        ("day_start_hour", "Day starts at hour (0–23)", "0"),
        ("week_start", "Week starts on", "Monday"),
        ("theme", "Theme", "rebound"),
        ("activities_per_week", "Job-search activities a week (0 = off)", "0"),
        ("ghost_days", "An open application is quiet after this many days (1–365)", "21"),
    )
    CHOICES = {"week_start": list(WEEK_NAMES)}
    NUMBERS = {"day_start_hour": "the day start is an hour from 0 to 23, like 4",
               "activities_per_week": "job-search activities a week: a whole number, like 3 (0 is off)",
               "ghost_days": "quiet after a whole number of days, 1 to 365, like 21"}

    def __init__(self, current: Settings, themes: list[str], pipeline: Pipeline | None = None) -> None:
        self.themes = themes
        self.pipeline = pipeline or Pipeline()
        self.sync_on_quit = current.sync_on_quit
        self.CHOICES = {**self.CHOICES, "theme": themes}
        super().__init__(
            "Settings",
            {
                "day_start_hour": str(current.day_start_hour),
                "week_start": WEEK_NAMES[current.week_start],
                "theme": current.theme,
                "activities_per_week": str(current.activities_per_week),
                "ghost_days": str(self.pipeline.ghost_days),
            },
            "Starting the day at 4 makes 01:30 still count for the day before.",
        )

    def compose_extra(self) -> ComposeResult:
        yield Label("Follow-ups set on an application's contacts (space switches)")
        for name, words in SWITCHES:
            yield Checkbox(words, getattr(self.pipeline, name), id=f"pipeline-{name}",
                           classes="form-switch", compact=True)
        yield Checkbox("Sync with your remote when the app closes (rebound sync)", self.sync_on_quit,
                       id="sync_on_quit", classes="form-switch", compact=True)

    def submit(self) -> Settings:
        chosen = Settings(
            settings_service.parse_hour(self.value("day_start_hour")),
            settings_service.parse_week_start(self.value("week_start")),
            settings_service.parse_theme(self.value("theme"), self.themes),
            settings_service.parse_activities(self.value("activities_per_week")),
            self.query_one("#sync_on_quit", Checkbox).value,
        )
        pipeline = Pipeline(settings_service.parse_ghost_days(self.value("ghost_days")),
                            **{name: self.query_one(f"#pipeline-{name}", Checkbox).value
                               for name, _ in SWITCHES})
        rb = self.app.rb
        with rb.change("settings"):  # every setting, one undo
            settings_service.save_pipeline(rb, pipeline)
            return settings_service.save(rb, chosen)
