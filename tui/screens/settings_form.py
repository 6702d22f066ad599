"""Settings (`,`): day start hour, first day of the week and theme, saved in the data folder."""

from __future__ import annotations

from ..services import settings as settings_service
from ..services.settings import WEEK_NAMES, Settings
from .field_form import FieldForm


class SettingsForm(FieldForm):
    FIELDS = (
        ("day_start_hour", "Day starts at hour (0–23)", "0"),
        ("week_start", "Week starts on", "Monday"),
        ("theme", "Theme", "rebound"),
    )
    CHOICES = {"week_start": list(WEEK_NAMES)}
    NUMBERS = {"day_start_hour": "the day start is an hour from 0 to 23, like 4"}

    def __init__(self, current: Settings, themes: list[str]) -> None:
        self.themes = themes
        self.CHOICES = {**self.CHOICES, "theme": themes}
        super().__init__(
            "Settings",
            {
                "day_start_hour": str(current.day_start_hour),
                "week_start": WEEK_NAMES[current.week_start],
                "theme": current.theme,
            },
            "Starting the day at 4 makes 01:30 still count for the day before.",
        )

    def submit(self) -> Settings:
        chosen = Settings(
            settings_service.parse_hour(self.value("day_start_hour")),
            settings_service.parse_week_start(self.value("week_start")),
            settings_service.parse_theme(self.value("theme"), self.themes),
        )
        return settings_service.save(self.app.rb, chosen)
