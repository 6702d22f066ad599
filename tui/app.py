"""The Textual application: modes, global bindings, theme, command palette, change polling."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from . import paths
from .core.errors import InputError
from .services import Rebound
from .services.undo import undo
from .services.wins import celebrate
from .theme_variables import mood_and_heat_colours
from .store.errors import CorruptFileError, StoreError
from .store.folder import DataFolderGoneError
from .screens.contacts import ContactsScreen
from .screens.goals import GoalsScreen
from .screens.help import HelpScreen
from .screens.mood import MoodScreen
from .screens.mood_form import MoodForm
from .screens.rejection_form import RejectionForm
from .screens.folder_gone import offer_start_afresh
from .screens.restore import offer_restore
from .screens.settings_form import SettingsForm
from .services import settings as settings_service
from .theme import REBOUND_THEME
from .jump import jump_commands
from .screens.today import TodayScreen
from .screens.win_form import WinForm
from .screens.wins import WinsScreen

POLL_SECONDS = 1.0
STYLES = ("app.tcss", "today.tcss", "forms.tcss", "help.tcss", "wins.tcss", "goals.tcss", "confirm.tcss",
          "contacts.tcss", "mood.tcss")


class ReboundApp(App[None]):
    TITLE = "Rebound"
    CSS_PATH = [paths.styles_dir() / name for name in STYLES]
    MODES = {"today": TodayScreen, "goals": GoalsScreen, "contacts": ContactsScreen, "mood": MoodScreen,
             "wins": WinsScreen}
    DEFAULT_MODE = "today"
    BINDINGS = [
        Binding("1", "switch_mode('today')", "Today", id="mode.today", show=False),
        Binding("2", "switch_mode('goals')", "Goals", id="mode.goals", show=False),
        Binding("3", "switch_mode('contacts')", "Contacts", id="mode.contacts", show=False),
        Binding("4", "switch_mode('mood')", "Mood", id="mode.mood", show=False),
        Binding("5", "switch_mode('wins')", "Wins", id="mode.wins", show=False),
        Binding("u", "undo", "Undo", id="app.undo"),
        Binding("w", "record_win", "Win", id="app.win"),
        Binding("m", "log_mood", "Mood", id="app.mood"),
        Binding("x", "log_rejection", "Log a rejection", id="app.rejection", show=False),
        Binding("comma", "settings", "Settings", key_display=",", id="app.settings", show=False),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, rb: Rebound, *, poll_seconds: float = POLL_SECONDS) -> None:
        super().__init__()
        self.rb = rb
        self.register_theme(REBOUND_THEME)
        self._theme_loaded = False  # save theme changes only after the remembered one is applied
        self.theme = REBOUND_THEME.name  # the default until a remembered theme is applied on mount
        rb.take_earned()  # toasts celebrate this session's changes only
        self.poll_seconds = poll_seconds
        self._signature = rb.data_token()
        self._day = rb.today()
        self.restore_declined: set[object] = set()  # broken files the user answered "Not now" for

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **mood_and_heat_colours(self.current_theme)}

    def on_mount(self) -> None:
        theme = settings_service.current(self.rb).theme
        if theme in self.available_themes:
            self.theme = theme
        self._theme_loaded = True
        self.set_interval(self.poll_seconds, self.poll)

    def watch_theme(self, theme: str) -> None:
        if not self.is_mounted or not getattr(self, "_theme_loaded", False):
            return
        self.attempt(lambda: settings_service.save_theme(self.rb, theme))

    # Changes --------------------------------------------------------------------------------
    def attempt(self, change: Callable[[], object]) -> object | None:
        """Run a service call; refusals and failed writes become toasts, never a crash."""
        try:
            result = change()
        except InputError as exc:
            self.notify(str(exc), title="Not saved", severity="warning", markup=False)
            return None
        except StoreError as exc:
            self.notify(str(exc), title="Could not save", severity="error", timeout=12, markup=False)
            self.offer_fix(exc)
            self.refresh_data()
            return None
        self.celebrate_earned()
        return result

    def celebrate_earned(self) -> None:
        """One toast per change, however many wins it earned."""
        earned = self.rb.take_earned()
        if earned:
            self.notify(celebrate(earned), title="Small victory", timeout=6, markup=False)

    def refresh_data(self) -> None:
        """Redraw the active screen from the store (after a change here or elsewhere)."""
        self._signature = self.rb.data_token()
        try:
            self._day = self.rb.today()
        except StoreError as exc:  # the settings cannot be read: the screen keeps what it drew
            self.report_unreadable(exc)
            return
        screen = self.screen
        for candidate in reversed(self.screen_stack):
            if hasattr(candidate, "reload"):
                screen = candidate
                break
        reload = getattr(screen, "reload", None)
        if reload is not None:
            try:
                reload()
            except StoreError as exc:
                self.report_unreadable(exc)

    def report_unreadable(self, exc: StoreError) -> None:
        self.notify(str(exc), title="Cannot read your data", severity="error", timeout=20, markup=False)
        self.offer_fix(exc)

    def offer_fix(self, error: StoreError) -> None:
        """A broken file: offer its newest good backup. A vanished folder: wait, or start afresh."""
        if isinstance(error, CorruptFileError):
            offer_restore(self, error)
        elif isinstance(error, DataFolderGoneError):
            offer_start_afresh(self, error)

    def poll(self) -> None:
        """Notice another process's changes and a new logical day."""
        try:
            changed = self.rb.data_token() != self._signature or self.rb.today() != self._day
        except StoreError:
            return  # unreadable since the last refresh, which reported it: no toast every second
        if changed:
            self.refresh_data()

    # Actions --------------------------------------------------------------------------------
    def action_undo(self) -> None:
        label = self.attempt(lambda: undo(self.rb) or "")
        if label is None:
            return
        if label:
            self.notify(f"Undid {label}", title="Undo", markup=False)
        else:
            self.notify("Nothing to undo in this session", severity="warning")
        self.refresh_data()

    def action_record_win(self) -> None:
        if not isinstance(self.screen, WinForm):
            self.push_screen(WinForm(), self._win_recorded)

    def _win_recorded(self, title: str | None) -> None:
        if title:
            self.notify(title, title="Win recorded", markup=False)
            self.refresh_data()

    def action_log_mood(self) -> None:
        if not isinstance(self.screen, (MoodForm, RejectionForm)):
            self.push_screen(MoodForm(), self._mood_logged)

    def action_log_rejection(self) -> None:
        if not isinstance(self.screen, (MoodForm, RejectionForm)):
            self.push_screen(RejectionForm(), self._mood_logged)

    def _mood_logged(self, saved: object | None) -> None:
        if saved is not None:
            self.notify("Reflection saved" if hasattr(saved, "company") else "Mood logged")
            self.refresh_data()

    def action_settings(self) -> None:
        if not isinstance(self.screen, SettingsForm):
            current = settings_service.current(self.rb)
            if not current.theme:
                current = settings_service.Settings(current.day_start_hour, current.week_start, self.theme)
            self.push_screen(SettingsForm(current, sorted(self.available_themes)), self._settings_saved)

    def _settings_saved(self, saved: settings_service.Settings | None) -> None:
        if saved is not None:
            self.theme = saved.theme
            self.notify("Settings saved")
            self.refresh_data()  # a new day start or week start re-evaluates Today at once

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen.active_bindings))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Today", "Go to the Today screen (1)", lambda: self.switch_mode("today"))
        yield SystemCommand("Goals", "Go to the Goals screen (2)", lambda: self.switch_mode("goals"))
        yield SystemCommand("Contacts", "Go to the Contacts screen (3)", lambda: self.switch_mode("contacts"))
        yield SystemCommand("Mood", "Go to the Mood screen (4)", lambda: self.switch_mode("mood"))
        yield SystemCommand("Log mood", "How are you feeling, 1 to 5 (m)", self.action_log_mood)
        yield SystemCommand("Log a rejection", "Reflect on it and ask for feedback (x)",
                            self.action_log_rejection)
        yield SystemCommand("Wins", "Go to the Wins screen (5)", lambda: self.switch_mode("wins"))
        yield SystemCommand("Help", "List every key (?)", self.action_help)
        yield SystemCommand("Settings", "Day start, first day of the week, theme (,)", self.action_settings)
        yield SystemCommand("Undo", "Undo the last change of this session (u)", self.action_undo)
        yield SystemCommand("Record a win", "A small victory in your words (w)", self.action_record_win)
        commands = getattr(screen, "commands", None)
        if commands is not None:
            for title, help_text, callback in commands():
                yield SystemCommand(title, help_text, callback)
        yield from jump_commands(self)
