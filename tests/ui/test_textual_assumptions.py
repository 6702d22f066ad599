"""What tui/textual_compat.py assumes of Textual, asserted against the installed Textual on bare
apps: an upgrade that breaks an assumption fails here, with the assumption's name."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.widget import Widget
from textual.widgets import Static

import tui

from tui.textual_compat import (add_stylesheets, adopt_current_styles, build_mode_ahead,
                                open_in_dark_theme, style_app_now)

DARK = "nord"  # a dark theme other than Textual's default


def counting(monkeypatch: Any, owner: type, name: str) -> list[object]:
    """Record a call of ``owner.name`` (its first argument) in the returned list."""
    calls: list[object] = []
    real = getattr(owner, name)

    def wrapper(self: object, *args: Any, **kwargs: Any) -> Any:
        calls.append(args[0] if args else None)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(owner, name, wrapper)
    return calls


class Styled(Screen[None]):
    def compose(self):  # type: ignore[no-untyped-def]
        yield Static("styled", id="late")


def adopted() -> Screen[None]:
    screen = Styled()
    adopt_current_styles(screen)
    return screen


class Modes(App[None]):
    CSS = "Screen { background: $primary; }"
    MODES = {"first": Screen, "plain": Styled, "adopted": adopted}
    DEFAULT_MODE = "first"


async def test_css_update_counters_are_ints_and_a_new_screen_starts_behind_the_app() -> None:
    """adopt_current_styles writes Screen._css_update_count from App._css_update_count."""
    app = Modes()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app._css_update_count, int)
        fresh = Styled()
        assert isinstance(fresh._css_update_count, int)
        assert fresh._css_update_count != app._css_update_count
        adopt_current_styles(fresh)
        assert fresh._css_update_count == app._css_update_count


async def test_a_new_mode_screen_behind_the_counter_makes_textual_restyle_everything(monkeypatch) -> None:
    """The cost adopt_current_styles avoids: a mode's new screen whose counter is behind the
    App's makes the first switch call refresh_css (re-parse, restyle every screen); adopted, none,
    and mounting styles it all the same."""
    app = Modes()
    async with app.run_test() as pilot:
        await pilot.pause()
        calls = counting(monkeypatch, App, "refresh_css")
        await app.switch_mode("plain")
        await pilot.pause()
        assert calls, "a new screen behind App._css_update_count no longer triggers refresh_css"
        styled = app.screen.styles.background
        calls.clear()
        await app.switch_mode("adopted")
        await pilot.pause()
        assert calls == []
        assert app.screen.styles.background == styled  # styled all the same, as it mounted


class Themed(App[None]):
    """``compat`` True: the theme as Rebound opens it; False: Textual's ordinary way."""

    CSS = "Screen { background: $primary; } Static { color: $accent; }"

    def __init__(self, compat: bool) -> None:
        super().__init__()
        self.compat = compat
        if compat:
            open_in_dark_theme(self, DARK)
        else:
            self.theme = DARK

    def compose(self):  # type: ignore[no-untyped-def]
        self.while_composed = (self.styles.background, self.styles.color)  # the first screen's build
        yield Static("text")

    async def on_event(self, event: events.Event) -> None:
        if self.compat and isinstance(event, events.Compose):
            style_app_now(self)
        await super().on_event(event)


async def started(app: Themed) -> dict[str, object]:
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.while_composed == (app.styles.background, app.styles.color) or not app.compat
        return {"classes": set(app.classes), "variables": app.get_css_variables(),
                "app": (app.styles.background, app.styles.color),
                "screen": app.screen.styles.background,
                "text": app.screen.query_one(Static).styles.color,
                "theme": app.theme, "dark": app.current_theme.dark}


async def test_a_dark_theme_set_with_set_reactive_is_not_parsed_twice(monkeypatch) -> None:
    """open_in_dark_theme: set_reactive(App.theme) skips the watcher, so the stylesheet is
    parsed once at start (the ordinary way re-parses it after the first parse: ~10 ms)."""
    reparses = counting(monkeypatch, Stylesheet, "reparse")
    await started(Themed(compat=False))
    assert reparses, "setting App.theme in __init__ no longer re-parses: the shortcut buys nothing"
    reparses.clear()
    await started(Themed(compat=True))
    assert reparses == []


async def test_a_dark_theme_needs_only_its_classes_and_variables() -> None:
    """open_in_dark_theme does the theme watcher's work for a dark theme by hand: the same
    classes, variables and colours as setting App.theme the ordinary way; with style_app_now
    the App has its final colours while its first screen is built (``started``)."""
    ordinary = await started(Themed(compat=False))
    compat = await started(Themed(compat=True))
    assert compat == ordinary
    assert compat["dark"] and compat["theme"] == DARK


async def test_the_app_gets_compose_before_its_first_screen_and_is_styled_only_after_it(monkeypatch) -> None:
    """style_app_now runs on the App's Compose: Textual builds the first screen while handling
    that event and styles the App node itself only afterwards (else in the theme's restyle)."""
    seen: list[tuple[str, int]] = []
    applied = counting(monkeypatch, Stylesheet, "apply")

    class Watched(App[None]):
        async def on_event(self, event: events.Event) -> None:
            if isinstance(event, events.Compose):
                seen.append(("compose", len(self.screen_stack)))
                await super().on_event(event)
                seen.append(("composed", len(self.screen_stack)))
                seen.append(("app styled", sum(node is self for node in applied)))
                return
            await super().on_event(event)

    app = Watched()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert seen == [("compose", 0), ("composed", 1), ("app styled", 0)]
        assert any(node is app for node in applied)  # styled later, by Textual


async def test_stylesheets_added_later_reach_new_widgets_and_survive_a_reparse(tmp_path, monkeypatch) -> None:
    """add_stylesheets: Stylesheet.read keeps the file among its sources, its rules apply to
    widgets mounted afterwards without a restyle of every screen, and a theme change (reparse)
    keeps them."""
    css = tmp_path / "later.tcss"
    css.write_text("#late { width: 7; }\n", encoding="utf-8")
    app = Modes()
    async with app.run_test() as pilot:
        await pilot.pause()
        add_stylesheets(app, [css])
        restyles = counting(monkeypatch, App, "refresh_css")
        await app.switch_mode("adopted")
        await pilot.pause()
        assert restyles == []
        late = app.screen.query_one("#late")
        assert late.styles.width is not None and late.styles.width.value == 7
        app.theme = DARK  # re-parses every stylesheet and restyles every widget
        await pilot.pause()
        assert late.styles.width is not None and late.styles.width.value == 7


def test_only_textual_compat_touches_textuals_private_names() -> None:
    """Every private attribute or method of Textual's App, Screen, Widget, ScrollView and
    Stylesheet used (or overridden by accident) in tui/ is used in tui/textual_compat.py only."""
    private: set[str] = set()
    for node in (App(), Screen(), Widget(), ScrollView(), Stylesheet()):
        private.update(n for n in dir(node) if n.startswith("_") and not n.startswith("__"))
    root = Path(tui.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "textual_compat.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node, "attr", None) or getattr(node, "name", None)
            if isinstance(node, (ast.Attribute, ast.FunctionDef, ast.AsyncFunctionDef)) and name in private:
                found.append(f"{path.relative_to(root)}:{node.lineno} {name}")
    assert found == []


class TwoModes(App[None]):
    MODES = {"one": Styled, "two": Styled}
    DEFAULT_MODE = "one"


async def test_build_mode_ahead_mounts_a_hidden_screen_that_the_switch_then_shows() -> None:
    app = TwoModes()
    async with app.run_test() as pilot:
        await pilot.pause()
        shown = app.screen
        built = build_mode_ahead(app, "two")
        await pilot.pause()
        assert built is not None and built.is_mounted and built.query_one("#late")
        assert app.current_mode == "one" and app.screen is shown  # nothing else changed
        assert build_mode_ahead(app, "two") is None  # once
        app.switch_mode("two")
        await pilot.pause()
        assert app.screen is built  # the switch shows the screen built ahead, no second one
