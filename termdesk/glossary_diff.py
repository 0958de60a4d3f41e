"""Differences between two glossaries (files, folders or git revisions), for pull requests."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:  # pragma: no cover
    from .match import Match


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


# --------------------------------------------------------------------------- impact on sample articles


@dataclass(frozen=True)
class TermChange:
    """One term in a sentence rendered differently: ``before``/``after`` are "" where nothing matched."""

    text: str
    before: str
    after: str
    entry_ids: tuple[str, ...]


@dataclass(frozen=True)
class SentenceImpact:
    article: str
    sentence: str
    changes: tuple[TermChange, ...]


@dataclass(frozen=True)
class Unmatched:
    """An entry that matched in the sample with the old glossary and matches nothing with the new."""

    entry_id: str
    en: str
    ko: str
    why: str


@dataclass(frozen=True)
class Impact:
    articles: int
    sentences: int
    changed: tuple[SentenceImpact, ...]
    unmatched: tuple[Unmatched, ...]


def impact(
    old: Glossary,
    new: Glossary,
    articles: Sequence[str | Path],
    *,
    on: date | None = None,
    encoding: str | None = None,
) -> Impact:
    """Match every sentence of the sample articles with both glossaries and keep the differences.

    Each article is matched as of its date (its dateline, else ``on``), so dated
    entries render as they would in that article. Unreadable articles raise ``InputError``.
    """
    from .article_date import article_date
    from .match import DatedMatchers
    from .pairing import english_articles
    from .text import read_article, segment
    from .textio import read_text

    before_m, after_m = DatedMatchers(old), DatedMatchers(new)
    files = english_articles(list(articles))
    docs = [(f, read_article(f, encoding=encoding), read_text(f, encoding=encoding)) for f in files]
    changed: list[SentenceImpact] = []
    hit_before: dict[str, int] = {}
    hit_after: dict[str, int] = {}
    sentences = 0
    for f, article, raw in docs:
        day = article_date(raw, default=on)
        mb, ma = before_m.for_date(day), after_m.for_date(day)
        for s in segment(article):
            sentences += 1
            a, b = mb.find(s.text), ma.find(s.text)
            for m in a:
                for eid in m.entry_ids:
                    hit_before[eid] = hit_before.get(eid, 0) + 1
            for m in b:
                for eid in m.entry_ids:
                    hit_after[eid] = hit_after.get(eid, 0) + 1
            diffs = _term_changes(a, b)
            if diffs:
                changed.append(SentenceImpact(f.name, s.text, tuple(diffs)))
    new_ids = {e.id: e for e in new}
    old_ids = {e.id: e for e in old}
    unmatched = []
    for eid in sorted(set(hit_before) - set(hit_after)):
        e = new_ids.get(eid) or old_ids.get(eid)
        if e is None:
            continue
        if eid not in new_ids:
            why = "removed"
        elif e.dated:
            period = f"{e.valid_from or '…'} – {e.valid_to or '…'}"
            why = f"dated {period}: its sibling renders the form in the sample's articles"
        else:
            why = "changed: no English form of it matches the sample any more"
        unmatched.append(Unmatched(eid, e.en, e.ko, why))
    return Impact(len(docs), sentences, tuple(changed), tuple(unmatched))


def _term_changes(before: Sequence[Match], after: Sequence[Match]) -> list[TermChange]:
    """Pair overlapping matches of the two runs; report those whose Korean or extent differs."""
    out: list[TermChange] = []
    used: set[int] = set()
    for m in before:
        partner = None
        for j, n in enumerate(after):
            if j not in used and n.start < m.end and m.start < n.end:
                partner = j
                break
        if partner is None:
            out.append(TermChange(m.text, m.ko, "", tuple(m.entry_ids)))
            continue
        used.add(partner)
        n = after[partner]
        if (m.ko, m.start, m.end) != (n.ko, n.start, n.end):
            ids = tuple(dict.fromkeys((*n.entry_ids, *m.entry_ids)))
            out.append(TermChange(n.text, m.ko, n.ko, ids))
    for j, n in enumerate(after):
        if j not in used:
            out.append(TermChange(n.text, "", n.ko, tuple(n.entry_ids)))
    return out


def render_impact_markdown(result: Impact, diff: GlossaryDiff | None = None) -> str:
    """The impact as Markdown for a pull-request description (each change names its entry)."""
    fields: dict[str, list[str]] = {}
    if diff is not None:
        for c in diff.changes:
            fields.setdefault(c.entry_id, []).append(c.kind.value if c.kind is not ChangeKind.CHANGED else c.field)
    lines = [
        f"### Impact on {result.articles} sample article(s), {result.sentences} sentences",
        "",
        f"**{len(result.changed)} sentence(s) render differently**, "
        f"{len(result.unmatched)} entr{'y' if len(result.unmatched) == 1 else 'ies'} no longer match anything.",
    ]
    article = None
    for s in result.changed:
        if s.article != article:
            article = s.article
            lines += ["", f"#### {article}"]
        lines += ["", "> " + _md(s.sentence)]
        for t in s.changes:
            why = ", ".join(
                f"`{eid}`" + (f" ({', '.join(dict.fromkeys(fields[eid]))})" if eid in fields else "")
                for eid in t.entry_ids
            )
            lines.append(
                f"- **{_md(t.text)}**: {_md(t.before) if t.before else '(no match)'} → "
                f"{_md(t.after) if t.after else '(no match)'} — {why}"
            )
    if result.unmatched:
        lines += ["", "#### Entries that no longer match anything in the sample", ""]
        lines += [f"- `{u.entry_id}` {_md(u.en)} → {_md(u.ko)}: {u.why}" for u in result.unmatched]
    return "\n".join(lines) + "\n"
