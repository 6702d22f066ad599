"""Errors the domain raises. Callers turn them into messages; nothing here prints."""


class InputError(ValueError):
    """The user's input was refused. The message is one clear line meant for them."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
