"""Exchange the glossary with translators' tools: TBX, OmegaT, PO, spreadsheets, DeepL, Amazon.

* :func:`export_glossary` — the glossary (``approved`` entries by default) as a
  file in one of :data:`EXPORT_FORMATS`, written atomically or returned as text.
* :func:`parse_file` — entries read from a file in one of :data:`IMPORT_FORMATS`.
* :func:`termdesk.formats.proposals.import_glossary` — a file turned into a
  proposals CSV (status ``proposed``), compared with the glossary.

What each format carries is in :data:`CARRIES`; everything else is lost on the
way out and comes back empty. Imports larger than :data:`MAX_IMPORT_BYTES`
(20 MB) are refused before reading.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, UsageError
from ..glossary import COLUMNS, OPTIONAL_COLUMNS, Entry, Problem, Status, as_of, load_valid_glossary, sort_key
from .base import MAX_IMPORT_BYTES, Parsed, Rendered, usable

__all__ = [
    "CARRIES",
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "MAX_IMPORT_BYTES",
    "Exported",
    "Parsed",
    "Rendered",
    "export_glossary",
    "parse_file",
    "parse_statuses",
    "render",
]

EXPORT_FORMATS: tuple[str, ...] = ("tbx", "omegat", "po", "csv", "deepl", "amazon")
IMPORT_FORMATS: tuple[str, ...] = (*EXPORT_FORMATS, "xlsx")

_RICH = frozenset({"en", "ko", "type", "en_variants", "ko_variants", "ko_avoid", "note", "source", "match"})
_OPTIONAL = frozenset(OPTIONAL_COLUMNS)
#: Glossary columns each format carries through export → import (``status`` never
#: survives an import: imported entries are always proposals).
CARRIES: dict[str, frozenset[str]] = {
    "tbx": _RICH | _OPTIONAL,
    "po": _RICH | _OPTIONAL,
    "csv": frozenset(COLUMNS),
    "xlsx": frozenset(COLUMNS),
    "omegat": frozenset({"en", "en_variants", "ko", "type", "note"}),
    "deepl": frozenset({"en", "en_variants", "ko"}),
    "amazon": frozenset({"en", "en_variants", "ko"}),
}

#: Formats that hold one Korean target per English source term (dated siblings are resolved to today's).
ONE_TARGET_FORMATS: frozenset[str] = frozenset({"deepl", "amazon"})

#: format → (module, export function, parse function)
_MODULES: dict[str, tuple[str, str, str]] = {
    "tbx": ("tbx", "export", "parse"),
    "omegat": ("omegat", "export", "parse"),
    "po": ("po", "export", "parse"),
    "csv": ("spreadsheet", "export", "parse"),
    "xlsx": ("spreadsheet", "export", "parse"),
    "deepl": ("deepl", "export", "parse"),
    "amazon": ("amazon", "export", "parse"),
}

_TEXT_FORMATS = frozenset({"csv", "omegat", "deepl", "amazon"})


@dataclass(frozen=True)
class Exported:
    """Result of :func:`export_glossary`."""

    format: str
    text: str
    entries: int
    records: int
    problems: tuple[Problem, ...]
    output: str | None


def _module(fmt: str) -> object:
    return importlib.import_module(f"{__name__}.{_MODULES[fmt][0]}")


def parse_statuses(statuses: str | Sequence[str]) -> tuple[str, ...]:
    """``'approved,proposed'`` → ``('approved', 'proposed')``; ``UsageError`` for unknown names."""
    items = statuses.split(",") if isinstance(statuses, str) else list(statuses)
    out = tuple(dict.fromkeys(s.strip().casefold() for s in items if s.strip()))
    known = [s.value for s in Status]
    for s in out:
        if s not in known:
            raise UsageError(
                f"--status: unknown status {s!r} — use one or more of: {', '.join(known)} (comma-separated)"
            )
    if not out:
        raise UsageError(f"--status: no status given — use one or more of: {', '.join(known)}")
    return out


#: Exports read by other programs, kept exact (never neutralised): formula-like cells are only warned about.
EXACT_FORMATS: frozenset[str] = frozenset({"deepl", "amazon", "omegat"})


def formula_warnings(entries: Sequence[Entry], *, to: str) -> list[Problem]:
    """A warning for each exported cell a spreadsheet could run as a formula (``= + - @`` first)."""
    from ..textio import starts_formula
    from .base import warning

    out: list[Problem] = []
    for e in entries:
        for column, values in (("en", e.en_forms), ("ko", (e.ko,))):
            for v in values:
                if starts_formula(v):
                    out.append(
                        warning(
                            e.path,
                            e.line,
                            "formula-like",
                            f"{v!r} starts with {v[0]!r}: a spreadsheet opening the {to} file may run it as a formula",
                            "kept exact for the other program; do not open the file in a spreadsheet",
                            column=column,
                        )
                    )
    return out


def render(entries: Sequence[Entry], *, to: str) -> Rendered:
    """Export ``entries`` (any order; written in canonical order) to format ``to`` — no I/O."""
    if to not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {to!r} — use one of: {', '.join(EXPORT_FORMATS)}")
    if to in ONE_TARGET_FORMATS:  # one Korean per English form: dated siblings give today's rendering
        entries = as_of(list(entries), None)
    keep, problems = usable(sorted(entries, key=sort_key))
    if to in EXACT_FORMATS:
        problems.extend(formula_warnings(keep, to=to))
    rendered: Rendered = getattr(_module(to), _MODULES[to][1])(keep)
    return Rendered(rendered.text, rendered.entries, rendered.records, (*problems, *rendered.problems))


def export_glossary(
    *,
    to: str,
    glossary: Sequence[str | Path] = ("glossary",),
    statuses: str | Sequence[str] = (Status.APPROVED.value,),
    output: str | Path | None = None,
) -> Exported:
    """Export the entries of ``glossary`` having one of ``statuses`` to format ``to``.

    With ``output`` the file is written atomically; the text is returned either way.
    """
    if to not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {to!r} — use one of: {', '.join(EXPORT_FORMATS)}")
    wanted = parse_statuses(statuses)
    if output is not None:
        from ..glossary import glossary_files
        from ..textio import refuse_input_overwrite

        refuse_input_overwrite(output, glossary_files(list(glossary)), what="a glossary file being exported")
    g = load_valid_glossary(list(glossary))
    selected = [e for e in g if e.status in wanted]
    if not selected:
        where = ", ".join(str(p) for p in glossary)
        raise InputError(
            f"{where}: no entries with status {' or '.join(wanted)} — choose others with --status "
            "approved,proposed,deprecated"
        )
    rendered = render(selected, to=to)
    if output is not None:
        from ..textio import atomic_write

        atomic_write(output, rendered.text)
    return Exported(
        to,
        rendered.text,
        rendered.entries,
        rendered.records,
        rendered.problems,
        str(output) if output is not None else None,
    )


def parse_file(
    path: str | Path,
    *,
    fmt: str,
    mapping: str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> Parsed:
    """Read entries from ``path`` in format ``fmt`` (options that do not apply are a ``UsageError``)."""
    if fmt not in IMPORT_FORMATS:
        raise UsageError(f"unknown import format {fmt!r} — use one of: {', '.join(IMPORT_FORMATS)}")
    table = fmt in ("csv", "xlsx")
    if mapping and not table:
        raise UsageError(f"--map applies to --from csv or xlsx, not {fmt} (its columns are fixed)")
    if sheet and not table:
        raise UsageError(f"--sheet applies to .xlsx workbooks (--from xlsx), not {fmt}")
    if encoding and fmt not in _TEXT_FORMATS:
        why = {
            "tbx": "XML declares its own encoding",
            "po": "PO files are read as UTF-8",
            "xlsx": "workbooks are always Unicode",
        }[fmt]
        raise UsageError(f"--encoding does not apply to {fmt} ({why})")
    module = _module(fmt)
    parse = getattr(module, _MODULES[fmt][2])
    if table:
        return parse(path, mapping=mapping, encoding=encoding, sheet=sheet, fmt=fmt)
    if fmt in _TEXT_FORMATS:
        return parse(path, encoding=encoding)
    return parse(path)
