"""Every place Rebound reaches past Textual's public API, in one module.

Each function names what it assumes of Textual and what it buys (figures: bench/RESULTS.md,
measured on 8.2.8). ``tests/ui/test_textual_assumptions.py`` asserts each assumption against the
installed Textual, so an upgrade that breaks one fails with its name; pyproject.toml pins the
minor version they were checked against. The rest of the code calls these functions only.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.screen import Screen


def adopt_current_styles(screen: Screen[Any]) -> None:
    """Mark a mode's new screen as styled by the stylesheet as it stands.

    Assumes: ``App._css_update_count`` and ``Screen._css_update_count`` are ints, a new screen
    starts at -1, and ``App._init_mode``/``switch_mode`` call ``refresh_css()`` (re-parse every
    stylesheet, restyle every widget of every screen) whenever the two differ.
    Buys: mounting styles the screen anyway; without this each screen's first visit re-parsed and
    restyled everything, twice (about 100 ms of each first visit), and dropped the parsed rules.
    """
    screen._css_update_count = screen.app._css_update_count


def open_in_dark_theme(app: App[Any], name: str) -> None:
    """Put a dark theme in place before anything is styled, without ``App.theme``'s watcher.

    Assumes: ``set_reactive(App.theme, ...)`` skips the watcher (which calls
    ``_invalidate_css`` and queues ``refresh_css``: a second parse of every stylesheet after the
    first); the watcher's other work for a dark theme is the classes ``-theme-<name>``,
    ``-dark-mode`` and the stylesheet's variables (a light theme also changes the terminal's
    colour filter: callers set ``app.theme`` the ordinary way for those).
    Buys: about 10 ms of every start.
    """
    app.set_reactive(App.theme, name)
    app.update_classes({f"-theme-{name}": True, "-dark-mode": True, "-light-mode": False})
    app.stylesheet.set_variables(app.get_css_variables())


def style_app_now(app: App[Any]) -> None:
    """Style the App node itself (its background and colour); call it on the App's Compose.

    Assumes: the App receives ``events.Compose`` before its first screen is drawn off screen, and
    Textual styles the App node only in the theme watcher's ``refresh_css``, which
    ``open_in_dark_theme`` skips.
    Buys: the first frame drawn with the final colours (without it the 10 ms saved above costs a
    first frame in the unstyled colours).
    """
    app.stylesheet.apply(app)


def add_stylesheets(app: App[Any], paths: Iterable[Path]) -> None:
    """Read and parse more TCSS files into the running app's stylesheet.

    Assumes: ``Stylesheet.read`` keeps the file among its sources, so a later ``reparse`` (a
    theme change) keeps its rules, and the new rules reach widgets mounted afterwards without a
    restyle of those already shown (``parse`` does now what the next mount would do lazily).
    Buys: only ``app.tcss`` and ``today.tcss`` are parsed before the first frame (about 10 ms).
    """
    for path in paths:
        app.stylesheet.read(path)
    app.stylesheet.parse()


def build_mode_ahead(app: App[Any], mode: str) -> Screen[Any] | None:
    """Build and mount a mode's screen without showing it; None if it was built already.

    Assumes: ``App._screen_stacks`` maps each mode built so far to its stack, and
    ``App._init_mode(mode)`` builds the mode's screen from ``MODES``, mounts it and puts it on
    the mode's own stack while the current mode and screen stay as they are; a later
    ``switch_mode`` to it shows that same screen (as for a mode visited before).
    Buys: a first visit costs what a later switch costs (layout and drawing of a mounted screen)
    instead of building, mounting and styling every widget: 45-120 ms → 10-30 ms at five years.
    """
    if mode in app._screen_stacks:
        return None
    app._init_mode(mode)
    return app._screen_stacks[mode][0]
