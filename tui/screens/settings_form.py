"""Settings (`,`): day start hour, first day of the week, theme and the weekly target of job-search
activities, saved in the data folder."""

from __future__ import annotations

from ..services import settings as settings_service
from ..services.settings import WEEK_NAMES, Settings
from .field_form import FieldForm


class SettingsForm(FieldForm):
    FIELDS = (
        ("day_start_hour", "Day starts at hour (0–23)", "0"),
        ("week_start", "Week starts on", "Monday"),
        ("theme", "Theme", "rebound"),
        ("activities_per_week", "Job-search activities a week (0 = off)", "0"),
    )
    CHOICES = {"week_start": list(WEEK_NAMES)}
    NUMBERS = {"day_start_hour": "the day start is an hour from 0 to 23, like 4",
               "activities_per_week": "job-search activities a week: a whole number, like 3 (0 is off)"}

    def __init__(self, current: Settings, themes: list[str]) -> None:
        self.themes = themes
        self.CHOICES = {**self.CHOICES, "theme": themes}
        super().__init__(
            "Settings",
            {
                "day_start_hour": str(current.day_start_hour),
                "week_start": WEEK_NAMES[current.week_start],
                "theme": current.theme,
                "activities_per_week": str(current.activities_per_week),
            },
            "Starting the day at 4 makes 01:30 still count for the day before.",
        )

    def submit(self) -> Settings:
        chosen = Settings(
            settings_service.parse_hour(self.value("day_start_hour")),
            settings_service.parse_week_start(self.value("week_start")),
            settings_service.parse_theme(self.value("theme"), self.themes),
            settings_service.parse_activities(self.value("activities_per_week")),
        )
        return settings_service.save(self.app.rb, chosen)
