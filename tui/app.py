"""The Textual application: modes, global bindings, theme, command palette, change polling."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from time import monotonic
from typing import Any

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.widget import AwaitMount

from . import paths
from .background import BackgroundWork
from .core.errors import InputError
from .services import Rebound
from .services.undo import undo
from .widgets.theme_variables import mood_and_heat_colours
from .store.errors import CorruptFileError, StoreError
from .store.folder import DataFolderGoneError
from .services import settings as settings_service
from .widgets.theme import REBOUND_THEME
from .screens.data_screen import DataScreen
from .screens.lazy import LazyScreen
from .screens.palette import HasPalette, JumpCommands, KeyCommands
from .textual_compat import open_in_dark_theme, style_app_now
from .screens import today  # noqa: F401  (the first screen: imported with the app)

POLL_SECONDS = 1.0
BACKGROUND_AT_LATEST = 1.0  # seconds after the first frame, if the first screen never says it is drawn
STYLES = ("app.tcss", "today.tcss")  # what the first frame needs (the others: background.LATER_STYLES)


class ReboundApp(HasPalette, BackgroundWork, App[None]):
    TITLE = "Rebound"
    CSS_PATH = [paths.styles_dir() / name for name in STYLES]
    MODES = {"today": LazyScreen("today", "TodayScreen"), "goals": LazyScreen("goals", "GoalsScreen"),
             "contacts": LazyScreen("contacts", "ContactsScreen"), "mood": LazyScreen("mood", "MoodScreen"),
             "wins": LazyScreen("wins", "WinsScreen"),
             "applications": LazyScreen("applications", "ApplicationsScreen")}
    DEFAULT_MODE = "today"
    BINDINGS = [
        Binding("1", "switch_mode('today')", "Today", id="mode.today", show=False,
                tooltip="Today screen"),
        Binding("2", "switch_mode('goals')", "Goals", id="mode.goals", show=False,
                tooltip="Goals screen"),
        Binding("3", "switch_mode('contacts')", "Contacts", id="mode.contacts", show=False,
                tooltip="Contacts screen"),
        Binding("4", "switch_mode('mood')", "Mood", id="mode.mood", show=False,
                tooltip="Mood screen"),
        Binding("5", "switch_mode('wins')", "Wins", id="mode.wins", show=False,
                tooltip="Wins screen"),
        Binding("6", "switch_mode('applications')", "Applications", id="mode.applications", show=False,
                tooltip="Applications screen"),
        Binding("u", "undo", "Undo", id="app.undo"),
        Binding("w", "record_win", "Win", id="app.win", tooltip="Record a win"),
        Binding("m", "log_mood", "Mood", id="app.mood", tooltip="Log mood"),  # help: not the Mood screen
        Binding("x", "log_rejection", "Log a rejection", id="app.rejection", show=False),
        Binding("v", "review", "Weekly review", id="app.review", show=False),
        Binding("comma", "settings", "Settings", key_display=",", id="app.settings", show=False),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),  # in the palette as Textual's own "Quit"
    ]
    PALETTE = {  # the command palette's entries (screens.palette): action → title, help
        "switch_mode('today')": ("Today", "Go to the Today screen"),
        "switch_mode('goals')": ("Goals", "Go to the Goals screen"),
        "switch_mode('contacts')": ("Contacts", "Go to the Contacts screen"),
        "switch_mode('mood')": ("Mood", "Go to the Mood screen"),
        "log_mood": ("Log mood", "How are you feeling, 1 to 5"),
        "log_rejection": ("Log a rejection", "Reflect on it and ask for feedback"),
        "switch_mode('wins')": ("Wins", "Go to the Wins screen"),
        "review": ("Weekly review", "This week's review; save it as Markdown"),
        "switch_mode('applications')": ("Applications", "Go to the Applications screen"),
        "help": ("Help", "List every key"),
        "settings": ("Settings", "Day start, first day of the week, theme"),
        "undo": ("Undo", "Undo the last change of this session"),
        "record_win": ("Record a win", "A small victory in your words"),
        "sync_now": ("Sync now", "Sync with your git remote (rebound sync)"),
    }
    COMMANDS = App.COMMANDS | {KeyCommands, JumpCommands}

    def __init__(self, rb: Rebound, *, poll_seconds: float = POLL_SECONDS) -> None:
        super().__init__()
        self.rb = rb
        rb.later = self.call_after_refresh  # the prompt state follows a change a frame later
        rb.resident = True
        self.register_theme(REBOUND_THEME)
        self._open_in_theme(settings_service.current(rb).theme)
        rb.take_earned()  # toasts celebrate this session's changes only
        self.poll_seconds = poll_seconds
        self._signature = rb.data_token()
        self._day = rb.today()
        self.restore_declined: set[object] = set()  # broken files the user answered "Not now" for
        self._last_input = 0.0
        self._first_frame_shown = False
        self._after_first_frame: list[Callable[[], object]] = []
        self._init_background()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **mood_and_heat_colours(self.current_theme)}

    def _open_in_theme(self, remembered: str) -> None:
        """Open in the remembered theme, else Rebound's. Setting ``theme`` queues a reparse of the
        whole stylesheet after its first parse (about 10 ms of every start); a dark theme needs
        only its variables and classes, as nothing is styled yet."""
        name = remembered if remembered in self.available_themes else REBOUND_THEME.name
        if not self.get_theme(name).dark:  # the terminal's colour filter changes too: the full way
            self.theme = name
            return
        open_in_dark_theme(self, name)

    def on_mount(self) -> None:
        self.set_interval(self.poll_seconds, self.poll)

    def on_ready(self) -> None:  # the first layout is done; the first frame follows it
        self.call_after_refresh(self._started)

    def after_first_frame(self, draw: Callable[[], object]) -> None:
        """Draw what a frame can do without: at start once the first frame is on the terminal,
        later once the next one is. Through a timer after the refresh: Textual drops a second
        resize asked for inside the refresh that laid out the first (a text that grows would
        keep its old height)."""
        if self._first_frame_shown:
            self.call_after_refresh(self.set_timer, 0.001, partial(self.read, draw))
        else:
            self._after_first_frame.append(draw)

    def on_unmount(self) -> None:
        if self.rb.derived_pending:  # quit right after a change: the prompt state still follows it
            self.rb.refresh_derived()
        self.rb.later = None
        self.rb.resident = False
        gc.unfreeze()  # another app may start in this process (tests): let its garbage go

    def _warn_if_folder_open(self) -> None:
        from .services.restore import folder_warning

        try:
            said = folder_warning(self.rb)
        except OSError:
            return
        if said:
            self.notify(said[0].upper() + said[1:], title="Your data is not private",
                        severity="warning", timeout=20, markup=False)

    def _started(self) -> None:
        """After the first frame: the rest of the first screen first (``start_drawn`` says when
        it is on the terminal), then the background work."""
        self._first_frame_shown = True
        self._warn_if_folder_open()
        for draw in self._after_first_frame:
            self.read(draw)
        if self.is_running:  # not when it quits at once
            self.set_timer(BACKGROUND_AT_LATEST, self._background)  # a screen that never says

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        self._load_later_styles()  # a form or a prompt before the first frame was shown
        return super().push_screen(*args, **kwargs)

    def switch_mode(self, mode: str) -> AwaitMount:
        self._load_later_styles()
        return super().switch_mode(mode)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)):
            self._last_input = monotonic()
        elif isinstance(event, events.Compose):
            # Textual styles the App itself (its colour) only after its first screen is built and
            # drawn off screen, and restyles everything when the theme is set; ``_open_in_theme``
            # skips that restyle, so the App is styled first and the first drawing is right.
            style_app_now(self)
        await super().on_event(event)

    def watch_theme(self, theme: str) -> None:
        if not self.is_mounted:
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
            from .services.wins import celebrate

            self.notify(celebrate(earned), title="Small victory", timeout=6, markup=False)

    def refresh_data(self) -> None:
        """Redraw the active screen from the store (after a change here or elsewhere)."""
        self._signature = self.rb.data_token()
        try:
            self._day = self.rb.today()
        except StoreError as exc:  # the settings cannot be read: the screen keeps what it drew
            self.report_unreadable(exc)
            return
        for screen in reversed(self.screen_stack):  # a form or a prompt may be on top
            if isinstance(screen, DataScreen):
                self.read(screen.reload)
                return

    def read(self, draw: Callable[[], object]) -> None:
        """Draw from the store; a file that cannot be read becomes a toast, never a crash."""
        try:
            draw()
        except StoreError as exc:
            self.report_unreadable(exc)

    def report_unreadable(self, exc: StoreError) -> None:
        self.notify(str(exc), title="Cannot read your data", severity="error", timeout=20, markup=False)
        self.offer_fix(exc)

    def offer_fix(self, error: StoreError) -> None:
        """A broken file: offer its newest good backup. A vanished folder: wait, or start afresh."""
        if isinstance(error, CorruptFileError):
            from .screens.restore import offer_restore

            offer_restore(self, error)
        elif isinstance(error, DataFolderGoneError):
            from .screens.folder_gone import offer_start_afresh

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
        from .screens.win_form import WinForm

        if not isinstance(self.screen, WinForm):
            self.push_screen(WinForm(), self._win_recorded)

    def _win_recorded(self, title: str | None) -> None:
        if title:
            self.notify(title, title="Win recorded", markup=False)
            self.refresh_data()

    def action_log_mood(self) -> None:
        self._open_mood_form(rejection=False)

    def action_log_rejection(self) -> None:
        self._open_mood_form(rejection=True)

    def _open_mood_form(self, rejection: bool) -> None:
        from .screens.mood_form import MoodForm
        from .screens.rejection_form import RejectionForm

        if not isinstance(self.screen, (MoodForm, RejectionForm)):
            self.push_screen(RejectionForm() if rejection else MoodForm(), self._mood_logged)

    def _mood_logged(self, saved: object | None) -> None:
        from .core.mood import Rejection  # loaded with the form

        if saved is not None:
            self.notify("Reflection saved" if isinstance(saved, Rejection) else "Mood logged")
            self.refresh_data()

    def action_settings(self) -> None:
        from .screens.settings_form import SettingsForm

        if not isinstance(self.screen, SettingsForm):
            current = settings_service.current(self.rb)
            if not current.theme:
                current = replace(current, theme=self.theme)
            self.push_screen(SettingsForm(current, sorted(self.available_themes),
                                          settings_service.pipeline(self.rb)), self._settings_saved)

    def _settings_saved(self, saved: settings_service.Settings | None) -> None:
        if saved is not None:
            self.theme = saved.theme
            self.notify("Settings saved")
            self.refresh_data()  # a new day start or week start re-evaluates Today at once

    def action_sync_now(self) -> None:
        from .screens.sync_now import start_sync

        start_sync(self)

    def action_review(self) -> None:
        from .screens.review import ReviewScreen

        if not isinstance(self.screen, ReviewScreen):
            self.push_screen(ReviewScreen())

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen.active_bindings))
