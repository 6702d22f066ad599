"""Use cases shared by the CLI and the UI: validate, write, return what changed."""

from .context import Rebound

__all__ = ["Rebound"]
