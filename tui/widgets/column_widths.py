"""How a table's width is shared between its columns (Contacts, Applications)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.cells import cell_len


def share_width(columns: Sequence[str], fixed: Mapping[str, int],
                flexible: Sequence[tuple[str, int, int]], texts: Mapping[str, list[str]],
                room: int) -> dict[str, int]:
    """Each column's width in ``room`` cells (two of padding per column): the ``fixed`` ones
    whole, every header whole, then the ``flexible`` ones (key, most, step) share what is left
    ``step`` cells at a time up to their longest text (``texts``) or ``most``, so a wide terminal
    shows them whole and a narrow one cuts the names first."""
    want = {key: max([cell_len(key)] + [cell_len(t) for t in texts[key]]) for key, _, _ in flexible}
    widths = {key: cell_len(key) for key, _, _ in flexible} | dict(fixed)
    free = room - sum(widths.values()) - 2 * len(columns)
    growing = [(key, min(most, want[key]), step) for key, most, step in flexible]
    while free > 0 and any(widths[key] < most for key, most, _ in growing):
        for key, most, step in growing:
            grow = min(step, free, most - widths[key])
            if grow > 0:
                widths[key] += grow
                free -= grow
    return {key: widths[key] for key in columns}
