"""Sync between machines: the record-level merge git runs as Rebound's merge driver."""

from .merge import MergeConflict, merge_texts

__all__ = ["MergeConflict", "merge_texts"]
