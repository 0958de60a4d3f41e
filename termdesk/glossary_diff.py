"""Differences between two glossaries (files, folders or git revisions), for pull requests."""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from .errors import InputError
from .glossary import (
    ALL_COLUMNS,
    LIST_COLUMNS,
    SEPARATOR,
    Entry,
    Glossary,
    Problem,
    conflict_problems,
    form_key,
    load_glossary,
)


class ChangeKind(str, Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    entry_id: str
    field: str = ""
    old: str = ""
    new: str = ""


@dataclass(frozen=True)
class GlossaryDiff:
    changes: tuple[Change, ...]
    new_conflicts: tuple[Problem, ...]

    @property
    def empty(self) -> bool:
        return not self.changes


def _cell(entry: Entry, column: str) -> str:
    value = getattr(entry, column)
    return SEPARATOR.join(value) if column in LIST_COLUMNS else value


def diff_glossaries(old: Glossary, new: Glossary) -> GlossaryDiff:
    """Entries added, removed and changed field by field (keyed by entry id), and new conflicts."""
    old_by = {e.id: e for e in old}
    new_by = {e.id: e for e in new}
    changes: list[Change] = []
    for eid in sorted(set(old_by) | set(new_by)):
        a, b = old_by.get(eid), new_by.get(eid)
        if a is None and b is not None:
            changes.append(Change(ChangeKind.ADDED, eid, "ko", "", b.ko))
        elif b is None and a is not None:
            changes.append(Change(ChangeKind.REMOVED, eid, "ko", a.ko, ""))
        elif a is not None and b is not None:
            for col in ALL_COLUMNS:
                va, vb = _cell(a, col), _cell(b, col)
                if va != vb:
                    changes.append(Change(ChangeKind.CHANGED, eid, col, va, vb))
    before = {_conflict_key(p) for p in conflict_problems(old)}
    after = conflict_problems(new)
    fresh = tuple(p for p in after if _conflict_key(p) not in before)
    return GlossaryDiff(tuple(changes), fresh)


def _conflict_key(problem: Problem) -> str:
    # The message names both forms and both renderings; locations differ between revisions.
    head = problem.message.split(" at ")[0]
    return form_key(head)


def load_side(spec: str, *, folder: str = "glossary", repo: str | Path = ".") -> Glossary:
    """A path (file or folder) if it exists, else a git revision whose ``folder`` is read."""
    if Path(spec).exists():
        return load_glossary(spec)
    return load_revision(spec, folder=folder, repo=repo)


def load_revision(rev: str, *, folder: str = "glossary", repo: str | Path = ".") -> Glossary:
    """Load ``folder`` as it is at git revision ``rev`` (read through ``git show``; nothing written in the repo)."""

    def git(*args: str) -> bytes:
        try:
            return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout
        except FileNotFoundError:
            raise InputError.at(rev, None, "not a path, and git is not installed", "give two paths") from None
        except subprocess.CalledProcessError:
            raise InputError.at(
                rev,
                None,
                "neither an existing path nor a git revision",
                "give a file, a folder, or a revision such as main or HEAD~1",
            ) from None

    names = [n for n in git("ls-tree", "--name-only", f"{rev}:{folder}").decode().splitlines() if n.endswith(".csv")]
    with tempfile.TemporaryDirectory(prefix="termdesk-diff-") as tmp:
        for name in names:
            (Path(tmp) / name).write_bytes(git("show", f"{rev}:{folder}/{name}"))
        if not names:
            return Glossary(())
        glossary = load_glossary(tmp)
    # Point locations at the revision rather than the temporary folder.
    return Glossary(
        Entry(
            **{
                **{f: getattr(e, f) for f in e.__dataclass_fields__},
                "path": f"{rev}:{folder}/{Path(e.path or '').name}",
            }
        )
        for e in glossary
    )


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ") if text else "—"


def render_markdown(diff: GlossaryDiff) -> str:
    """A Markdown table fit for a pull-request description."""
    counts = {k: sum(1 for c in diff.changes if c.kind is k) for k in ChangeKind}
    entries_changed = len({c.entry_id for c in diff.changes if c.kind is ChangeKind.CHANGED})
    lines = [
        f"**Glossary diff:** {counts[ChangeKind.ADDED]} added, {counts[ChangeKind.REMOVED]} removed, "
        f"{entries_changed} changed ({counts[ChangeKind.CHANGED]} fields)",
        "",
    ]
    if diff.changes:
        lines += ["| change | entry | field | old | new |", "|---|---|---|---|---|"]
        for c in diff.changes:
            lines.append(f"| {c.kind.value} | `{c.entry_id}` | {c.field} | {_md(c.old)} | {_md(c.new)} |")
    if diff.new_conflicts:
        lines += ["", f"**⚠ {len(diff.new_conflicts)} new conflict(s):**", ""]
        lines += [f"- {p}" for p in diff.new_conflicts]
    return "\n".join(lines) + "\n"
