"""Three-way merge of two commits' files against their base, in memory: what ``git merge`` with
Rebound's driver gives, without touching a work tree (the data folder changes only through the
store, all at once, after the merge is known to be whole).

The data folder is flat: a commit's top level holds the data files, ``.gitignore`` and
``.gitattributes``.
"""

from __future__ import annotations

from .git import EXIT_DATA, Git, SyncError
from .merge import MergeConflict, merge_texts

Entry = tuple[str, str, str]  # (mode, type, object id)
Change = Entry | bytes | None  # keep that entry, a new content, or the file is gone
UNION = (".gitignore", ".gitattributes")  # merged line by line (merge=union)


Tree = dict[str, Entry]


def merge_trees(git: Git, b: Tree, o: Tree, t: Tree) -> dict[str, Change]:
    """The names whose merged version differs from ours (``o``), with that version; ``b`` is the
    base's tree (empty: unrelated histories), ``t`` theirs."""
    changes: dict[str, Change] = {}
    both: list[str] = []
    for name in sorted({*o, *t}):
        mine, other, old = o.get(name), t.get(name), b.get(name)
        if mine == other or other == old:
            continue
        if mine == old:
            changes[name] = other
        elif mine is None or other is None:
            continue  # deleted on one side, changed on the other: kept as it is here (no loss)
        else:
            both.append(name)
    wanted = [e[2] for n in both for e in (o[n], t[n], b.get(n)) if e is not None]
    texts = git.blobs(wanted)
    for name in both:
        old = b.get(name)
        sides = [None if e is None else _text(name, texts[e[2]]) for e in (old, o[name], t[name])]
        changes[name] = merge_file(name, *sides).encode()
    return changes


def merge_file(name: str, base: str | None, ours: str | None, theirs: str | None) -> str:
    assert ours is not None and theirs is not None
    if name in UNION:
        lines = ours.splitlines()
        return "\n".join(lines + [x for x in theirs.splitlines() if x not in lines]) + "\n"
    try:
        return merge_texts(name, base, ours, theirs)
    except MergeConflict as exc:
        raise SyncError(f"cannot merge {exc.reason}; nothing here was changed", EXIT_DATA) from None


def _text(name: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SyncError(f"cannot merge {name}: a side is not UTF-8 text; nothing here was changed",
                        EXIT_DATA) from None
