"""The command palette (ctrl+p): one provider over the keys, one over the records to jump to.

Each key's entry comes from the BINDINGS of the app and of the screen, titled and explained by
the ``PALETTE`` map beside those BINDINGS (action → title, help); the key itself is read from
the binding, so no help text repeats it. A map entry whose action has no key of its own there
(an action reached through a list's keys) is listed too, its help naming the way to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar

from textual.actions import parse
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape


class HasPalette:
    """A class whose BINDINGS (and more actions) the palette lists: ``AREA`` prefixes the titles
    ("Goals: …"); ``PALETTE`` maps an action, as the BINDINGS write it, to (title, help)."""

    AREA: ClassVar[str] = ""
    PALETTE: ClassVar[Mapping[str, tuple[str, str]]] = {}


@dataclass(frozen=True)
class Command:
    title: str
    help: str
    callback: Callable[[], Any]


def shown(matcher: Matcher, title: str) -> Content:
    """The title with the letters the query matched highlighted; a title that holds markup
    (a goal named "[b]") is shown as typed, unhighlighted."""
    return matcher.highlight(title) if escape(title) == title else Content(title)


def key_of(bindings: Iterable[Binding | tuple[str, ...]], action: str) -> str | None:
    """How the first binding of ``action`` shows its key ("+", "space", "esc"), or None."""
    for binding in bindings:
        if isinstance(binding, Binding) and binding.action == action:
            return binding.key_display or binding.key.split(",")[0]
    return None


def commands_of(node: HasPalette) -> list[Command]:
    """The node's palette entries, in the map's order."""
    bindings = type(node).BINDINGS  # type: ignore[attr-defined]
    prefix = f"{node.AREA}: " if node.AREA else ""
    found = []
    for action, (title, help_text) in node.PALETTE.items():
        _, name, args = parse(action)
        key = key_of(bindings, action)
        found.append(Command(prefix + title, f"{help_text} ({key})" if key else help_text,
                             partial(getattr(node, f"action_{name}"), *args)))
    return found


def key_commands(app: object, screen: object) -> list[Command]:
    """What the palette lists over ``screen``: the app's commands, then the screen's."""
    return [command for node in (app, screen) if isinstance(node, HasPalette)
            for command in commands_of(node)]


class KeyCommands(Provider):
    """Every key of the app and of the screen the palette was opened over (and the screen's
    actions without a key), found by the words of their titles."""

    async def startup(self) -> None:
        self.commands = key_commands(self.app, self.screen)

    async def discover(self) -> Hits:
        for command in self.commands:
            yield DiscoveryHit(Content(command.title), command.callback, text=command.title,
                               help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands:
            if (score := matcher.match(command.title)) > 0:
                yield Hit(score, shown(matcher, command.title), command.callback,
                          text=command.title, help=command.help)


class JumpCommands(Provider):
    """"Goals: Jump to …" and "Contacts: Jump to …", found by name. The names are read once per
    version of the data (``jump.jump_targets``), not at every opening of the palette."""

    async def search(self, query: str) -> Hits:
        from .jump import jump_targets  # imported when the palette is first searched

        matcher = self.matcher(query)
        for title, help_text, jump in jump_targets(self.app):
            if (score := matcher.match(title)) > 0:
                yield Hit(score, shown(matcher, title), jump, text=title, help=help_text)
