"""Turn an imported file into a proposals CSV for review, compared with the glossary.

Every imported entry becomes a ``status=proposed`` row of a glossary-format
CSV (exactly the glossary columns, canonical form via
:func:`termdesk.glossary.render_csv`, so ``termdesk glossary check`` and
``termdesk glossary add`` read it like any glossary file). The glossary itself
is never written. Compared with the glossary, an imported entry is

* **already known** — each of its English forms is already in the glossary
  with the same ``ko``, and whatever else it carries (variants, note, type …)
  is there too: skipped and reported;
* a **conflict** — one of its English forms belongs to an *approved* entry
  with a different ``ko``: kept in the proposals (a reviewer decides) and
  listed with both renderings;
* a **change** — same entry id as an existing entry, other fields differ: kept;
* **new** — kept.

Rows repeating an earlier row of the same file (same id, or the same English
form with another ``ko``) are dropped and reported, so the proposals file
stays free of duplicates and conflicts. The output is never overwritten
unless ``force``; it may not be the imported file or a file in the glossary.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import ConflictError, UsageError
from ..glossary import (
    COLUMNS,
    Entry,
    Glossary,
    Problem,
    Severity,
    Status,
    form_key,
    glossary_files,
    load_valid_glossary,
    periods_overlap,
    render_csv,
    validate,
)
from ..textio import atomic_write
from . import CARRIES, parse_file
from .base import TYPES, plural

#: Optional fields compared when deciding whether an import is already known.
_SCALARS = ("type", "note", "source", "match")


@dataclass(frozen=True)
class Known:
    """An imported entry the glossary already has (skipped)."""

    entry: Entry
    existing: Entry

    def __str__(self) -> str:
        return f"{_at(self.entry)}: {self.entry.en} → {self.entry.ko} (in {self.existing.id}, {_at(self.existing)})"


@dataclass(frozen=True)
class Conflict:
    """An imported English form whose approved rendering in the glossary is different."""

    entry: Entry
    form: str
    existing: Entry

    def __str__(self) -> str:
        return (
            f"{_at(self.entry)}: {self.form!r} → {self.entry.ko!r} here, but → {self.existing.ko!r} "
            f"in approved {self.existing.id} ({_at(self.existing)})"
        )


@dataclass(frozen=True)
class Change:
    """An imported entry with the id of an existing one and different fields (kept)."""

    entry: Entry
    existing: Entry
    fields: tuple[str, ...]

    def __str__(self) -> str:
        return f"{_at(self.entry)}: {self.existing.id} differs in {', '.join(self.fields)} ({_at(self.existing)})"


@dataclass(frozen=True)
class Dropped:
    """A row repeating or contradicting an earlier row of the same file (not written)."""

    entry: Entry
    first: Entry
    reason: str

    def __str__(self) -> str:
        return f"{_at(self.entry)}: {self.reason} (line {self.first.line}); dropped"


@dataclass(frozen=True)
class ImportResult:
    source: str
    format: str
    output: str
    summary: str | None
    read: int
    proposed: tuple[Entry, ...]
    known: tuple[Known, ...]
    conflicts: tuple[Conflict, ...]
    changes: tuple[Change, ...]
    dropped: tuple[Dropped, ...]
    problems: tuple[Problem, ...]
    check: tuple[Problem, ...]
    report: tuple[str, ...]


def _at(e: Entry) -> str:
    return f"{e.path}:{e.line}" if e.line else f"{e.path}"


def _check_target(target: Path, option: str, source: Path, glossary: Sequence[str | Path], force: bool) -> None:
    resolved = target.resolve()
    if resolved == source.resolve():
        raise UsageError(f"{option} {target} is the file being imported — write the proposals to a new file")
    for g in glossary:
        gp = Path(g)
        if gp.is_dir() and resolved.parent == gp.resolve():
            raise UsageError(
                f"{option} {target} is inside the glossary folder {g} — write proposals elsewhere, then merge "
                "them with `termdesk glossary add`"
            )
    if resolved in {f.resolve() for f in glossary_files(glossary)}:
        raise UsageError(
            f"{option} {target} is a glossary file — write proposals elsewhere, then merge them with "
            "`termdesk glossary add`"
        )
    if target.is_dir():
        raise UsageError(f"{option} {target} is a directory — give a file name")
    if target.exists() and not force:
        raise ConflictError(f"{target}: already exists — choose another {option} file, or add --force to replace it")


def _same_form(a: str, b: str, *, exact: bool) -> bool:
    return form_key(a, case_sensitive=exact) == form_key(b, case_sensitive=exact)


def _matches(glossary: Glossary, form: str, entry: Entry) -> list[Entry]:
    """Glossary entries having ``form`` (case-insensitive unless either side is case-sensitive)."""
    out = []
    for e in glossary.lookup(form):
        exact = "case-sensitive" in (e.match, entry.match)
        if not exact or any(_same_form(f, form, exact=True) for f in e.en_forms):
            out.append(e)
    return out


def _dated_sibling(entry: Entry, other: Entry, hits: Sequence[Entry]) -> bool:
    """``other`` renders the form differently only as a dated sibling of a hit that has ``entry``'s Korean."""
    same = [h for h in hits if h.ko == entry.ko]
    return bool(same) and (other.dated or any(h.dated for h in same))


def _covered(entry: Entry, by_form: dict[str, list[Entry]], carried: frozenset[str]) -> Entry | None:
    """The existing entry showing ``entry`` is already known, or None."""
    same: list[Entry] = []
    for form in entry.en_forms:
        hits = [e for e in by_form[form] if e.ko == entry.ko]
        if not hits:
            return None
        same.extend(h for h in hits if h not in same)
    if "ko_variants" in carried and not set(entry.ko_variants) <= {k for e in same for k in e.ko_forms}:
        return None
    if "ko_avoid" in carried and not set(entry.ko_avoid) <= {k for e in same for k in e.ko_avoid}:
        return None
    for col in _SCALARS:
        value = getattr(entry, col)
        if col in carried and value and value not in {getattr(e, col) for e in same}:
            return None
    return same[0]


def _fill_type(entry: Entry, glossary: Glossary, default_type: str | None) -> Entry:
    if entry.type:
        return entry
    for form in entry.en_forms:
        for e in _matches(glossary, form, entry):
            if e.type:
                return replace(entry, type=e.type)
    return replace(entry, type=default_type) if default_type else entry


def _dated_pair(a: Entry, b: Entry, known: dict[str, Entry]) -> bool:
    """Two rows whose glossary entries (by id; else the rows) are dated siblings: both may keep a shared form."""
    ea, eb = known.get(a.id, a), known.get(b.id, b)
    if not (ea.dated or eb.dated):
        return False
    return ea.dated != eb.dated or not periods_overlap(ea, eb)


def _dedupe(entries: Iterable[Entry], known: dict[str, Entry] | None = None) -> tuple[list[Entry], list[Dropped]]:
    kept: list[Entry] = []
    dropped: list[Dropped] = []
    by_id: dict[str, Entry] = {}
    by_key: dict[str, list[tuple[str, Entry]]] = {}
    for e in entries:
        clash = None
        for form in e.en_forms:
            for other_form, other in by_key.get(form_key(form), ()):
                exact = "case-sensitive" in (e.match, other.match)
                if other.ko != e.ko and (not exact or other_form == form) and not _dated_pair(e, other, known or {}):
                    clash = (form, other)
                    break
            if clash:
                break
        if clash is not None:
            form, other = clash
            dropped.append(Dropped(e, other, f"{form!r} → {e.ko!r}, but an earlier row has → {other.ko!r}"))
            continue
        first = by_id.get(e.id)
        if first is not None:
            diff = [c for c in COLUMNS if getattr(first, c) != getattr(e, c)]
            reason = f"{e.id} again, with a different {', '.join(diff)}" if diff else f"{e.id} repeats an earlier row"
            dropped.append(Dropped(e, first, reason))
            continue
        by_id[e.id] = e
        for form in e.en_forms:
            by_key.setdefault(form_key(form), []).append((form, e))
        kept.append(e)
    return kept, dropped


def import_glossary(
    path: str | Path,
    *,
    fmt: str,
    output: str | Path,
    glossary: Sequence[str | Path] = ("glossary",),
    mapping: str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    default_type: str | None = None,
    force: bool = False,
    summary: str | Path | None = None,
    verbose: bool = False,
) -> ImportResult:
    """Import ``path`` (format ``fmt``) into a proposals CSV at ``output``; see the module docstring.

    The report (``ImportResult.report``) counts everything and lists the new and conflicting
    rows; ``verbose`` also lists the rows already in the glossary.
    """
    if default_type is not None and default_type not in TYPES:
        raise UsageError(f"--type: unknown type {default_type!r} — use one of: {', '.join(sorted(TYPES))}")
    source, out = Path(path), Path(output)
    _check_target(out, "-o", source, glossary, force)
    if summary is not None:
        if Path(summary).resolve() == out.resolve():
            raise UsageError("--summary must be a different file from -o")
        _check_target(Path(summary), "--summary", source, glossary, force)
    existing = load_valid_glossary(list(glossary))
    parsed = parse_file(path, fmt=fmt, mapping=mapping, encoding=encoding, sheet=sheet)
    carried = parsed.columns if parsed.columns is not None else CARRIES[parsed.format]

    imported = [replace(_fill_type(e, existing, default_type), status=Status.PROPOSED.value) for e in parsed.entries]
    kept, dropped = _dedupe(imported, {e.id: e for e in existing})
    proposed: list[Entry] = []
    known: list[Known] = []
    conflicts: list[Conflict] = []
    changes: list[Change] = []
    ids = {e.id: e for e in existing}
    for e in kept:
        by_form = {form: _matches(existing, form, e) for form in e.en_forms}
        clashes = [
            Conflict(e, form, x)
            for form, hits in by_form.items()
            for x in hits
            if x.status == Status.APPROVED.value and x.ko != e.ko and not _dated_sibling(e, x, hits)
        ]
        if clashes:
            seen: set[str] = set()
            for c in clashes:
                if c.existing.id not in seen:
                    seen.add(c.existing.id)
                    conflicts.append(c)
            proposed.append(e)
            continue
        hit = _covered(e, by_form, carried)
        if hit is not None:
            known.append(Known(e, hit))
            continue
        prior = ids.get(e.id)
        if prior is not None:
            fields = tuple(
                c
                for c in ("ko", "en_variants", "ko_variants", "ko_avoid", "note", "source", "match")
                if c in carried and getattr(e, c) != getattr(prior, c)
            )
            if fields:
                changes.append(Change(e, prior, fields))
        proposed.append(e)

    atomic_write(out, render_csv(proposed, for_spreadsheet=True))
    check = tuple(p for p in validate(out).problems if p.code not in ("header-only", "neutralised-formula"))
    result = ImportResult(
        source=str(path),
        format=parsed.format,
        output=str(output),
        summary=str(summary) if summary is not None else None,
        read=len(parsed.entries),
        proposed=tuple(proposed),
        known=tuple(known),
        conflicts=tuple(conflicts),
        changes=tuple(changes),
        dropped=tuple(dropped),
        problems=parsed.problems,
        check=check,
        report=(),
    )
    lines = tuple(report_lines(result, verbose=verbose))
    if summary is not None:
        atomic_write(summary, "\n".join(lines) + "\n")
    return replace(result, report=lines)


@dataclass(frozen=True)
class New:
    """An imported entry the glossary does not have (written for review)."""

    entry: Entry

    def __str__(self) -> str:
        return f"{_at(self.entry)}: {self.entry.en} → {self.entry.ko}"


def new_entries(r: ImportResult) -> list[New]:
    """The proposed entries that are neither conflicts nor changes to an existing entry."""
    other = {id(c.entry) for c in r.conflicts} | {id(c.entry) for c in r.changes}
    return [New(e) for e in r.proposed if id(e) not in other]


def count_line(r: ImportResult) -> str:
    """``452 already in the glossary, 3 new, 1 conflict`` (changes and repeats when there are any)."""
    conflicted = len({id(c.entry) for c in r.conflicts})
    parts = [
        f"{len(r.known)} already in the glossary",
        f"{len(new_entries(r))} new",
        plural(conflicted, "conflict"),
    ]
    if r.changes:
        parts.append(plural(len(r.changes), "change") + " to existing entries")
    if r.dropped:
        parts.append(f"{len(r.dropped)} repeated in the file")
    return ", ".join(parts)


def report_lines(r: ImportResult, *, verbose: bool = False) -> list[str]:
    """The terminal summary of an import (also written to ``--summary``): counts, then the new and
    conflicting rows (and changes, repeats, warnings); ``verbose`` lists the known rows too."""
    lines = [f"{r.source}: read {plural(r.read, 'entry', 'entries')} ({r.format})", count_line(r)]

    def section(title: str, items: Sequence[object]) -> None:
        if items:
            lines.append(f"{title}: {len(items)}")
            lines.extend(f"  {item}" for item in items)

    section("new (written for review)", new_entries(r))
    section("conflicts with approved entries (kept for review)", r.conflicts)
    section("changes to existing entries (kept for review)", r.changes)
    section("repeated in the file (dropped)", r.dropped)
    section("warnings", r.problems)
    if verbose:
        section("already in the glossary (skipped)", r.known)
    lines.append(f"wrote {plural(len(r.proposed), 'proposed entry', 'proposed entries')} to {r.output}")
    errors = [p for p in r.check if p.severity is Severity.ERROR]
    if errors:
        lines.append(f"to fix in {r.output} before `termdesk glossary add`: {len(errors)}")
        lines.extend(f"  {p}" for p in errors)
    return lines
