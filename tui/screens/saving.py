"""The one way every form saves: call the service, then show a refusal, offer a way out of a failed
write, or celebrate and close."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from ..core.errors import InputError
from ..store.errors import StoreError


class Form(Protocol):
    app: Any

    def show_error(self, field: str | None, message: str) -> None: ...

    def dismiss(self, result: Any = None) -> Any: ...


def save_form(form: Form, submit: Callable[[], object], store_field: str | None = None) -> None:
    """``submit()`` calls the service. An InputError shows under the field it names and a failed
    write under ``store_field``, with the way out offered (a broken file's backup, a vanished
    folder); both keep what was typed. A result closes the form with it; ``None`` keeps the form
    open (it handed over to another form)."""
    try:
        result = submit()
    except InputError as exc:
        form.show_error(exc.field, str(exc))
        return
    except StoreError as exc:
        form.show_error(store_field, f"Could not save: {exc}")
        form.app.offer_fix(exc)
        return
    if result is not None:
        form.app.celebrate_earned()
        form.dismiss(result)
