"""Asking before a delete: on a terminal, a [y/N] question; elsewhere, only with --yes."""

from __future__ import annotations

import sys

from ..core.errors import InputError


def confirm(question: str, what: str, yes: bool) -> None:
    """Return when the delete may go ahead; InputError (exit 1, nothing changed) otherwise.
    ``what`` names the delete in the refusal ("deleting goal Apply")."""
    if yes:
        return
    if not sys.stdin or not sys.stdin.isatty():
        raise InputError(f"{what} asks first; not run from a terminal, so add --yes to go ahead")
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().casefold() not in ("y", "yes"):
        raise InputError("nothing deleted")
