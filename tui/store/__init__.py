"""Persistence: TinyDB behind atomic, cached, locked storage. Never imports textual."""

from .errors import CorruptFileError, NewerSchemaError, StoreError
from .folder import DataFolderGoneError
from .store import Store

__all__ = ["Store", "StoreError", "CorruptFileError", "NewerSchemaError", "DataFolderGoneError"]
