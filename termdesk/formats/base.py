"""Records and helpers shared by the exchange formats (no heavy imports here).

Every format module offers two pure functions:

* ``export(entries) -> Rendered``: the file text for a sequence of entries
  (already selected and sorted), with warnings for what the format could not take;
* ``parse(path, ...) -> Parsed``: entries read back from a file, each carrying
  the file's path and the line it came from, with warnings for rows skipped.

File-level problems (wrong root, missing column, syntax error, file too large)
raise :class:`~termdesk.errors.InputError` with ``path:line: what — fix``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..glossary import ALL_COLUMNS, Entry, EntryType, Problem, Severity, normalise_cell
from ..textio import decode_bytes

#: Largest file ``termdesk glossary import`` reads. A glossary of 100,000 entries
#: is about 20 MB as CSV; anything bigger is not a glossary (or should be split).
MAX_IMPORT_BYTES = 20 * 1024 * 1024
#: Largest total size of the parts inside an .xlsx workbook (a zip): guards
#: against a small file that unpacks into gigabytes.
MAX_XLSX_UNPACKED_BYTES = 200 * 1024 * 1024

TYPES: frozenset[str] = frozenset(t.value for t in EntryType)

#: C0/C1 control characters and Unicode line/paragraph separators: not allowed
#: inside a term by DeepL, and never meaningful in a glossary cell.
CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True)
class Rendered:
    """A file produced by an exporter."""

    text: str
    entries: int
    records: int
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Parsed:
    """Entries read from a file, in file order, each with ``path`` and ``line``."""

    path: str
    format: str
    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...] = ()
    #: Glossary columns present in the file (tables only; else the format's fixed set).
    columns: frozenset[str] | None = None


def warning(
    path: str | None, line: int | None, code: str, message: str, hint: str = "", column: str | None = None
) -> Problem:
    return Problem(
        path=path or "?", line=line, code=code, message=message, hint=hint, column=column, severity=Severity.WARNING
    )


def make_entry(values: dict[str, str], *, path: str, line: int | None) -> Entry:
    """An entry from cell values (missing columns empty), normalised like the glossary loader does."""
    row = {c: values.get(c, "") or "" for c in ALL_COLUMNS}
    return Entry.from_row(row, path=path, line=line)


def check_size(path: str | Path) -> int:
    """Size of ``path`` in bytes; ``InputError`` when missing, a folder, or over :data:`MAX_IMPORT_BYTES`."""
    from ..textio import read_error

    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise read_error(p, exc) from None
    if p.is_dir():
        raise InputError.at(p, None, "is a directory", "give a file")
    if size > MAX_IMPORT_BYTES:
        raise InputError.at(
            p,
            None,
            f"file is {size / 2**20:.1f} MB, over the {MAX_IMPORT_BYTES // 2**20} MB import limit",
            "split it into smaller files and import them one by one",
        )
    return size


def read_bytes(path: str | Path) -> bytes:
    """Read a file for import after the size check."""
    from ..textio import read_bytes as read_file

    check_size(path)
    return read_file(path)


def read_input_text(path: str | Path, *, encoding: str | None = None) -> str:
    """Size-checked :func:`termdesk.textio.read_text` (BOM removed, CP949 named)."""
    return decode_text(read_bytes(path), path, encoding=encoding)


def decode_text(data: bytes, path: str | Path, *, encoding: str | None = None) -> str:
    """:func:`termdesk.textio.decode_bytes`, with the CP949 hint worded for imports."""
    try:
        return decode_bytes(data, path, encoding=encoding)
    except InputError as exc:
        if exc.what.startswith("file is CP949"):
            raise InputError.at(
                path, exc.line, exc.what, 'import it with --encoding cp949, or save it from Excel as "CSV UTF-8"'
            ) from None
        raise


def text_lines(text: str) -> list[str]:
    """Physical lines (LF or CRLF). Unlike ``str.splitlines`` this does not split on
    form feeds, U+2028 and other characters that may sit inside a term."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def usable(entries: Iterable[Entry]) -> tuple[list[Entry], list[Problem]]:
    """Entries that have both ``en`` and ``ko``; the others come back as warnings."""
    keep: list[Entry] = []
    problems: list[Problem] = []
    for e in entries:
        if e.en and e.ko:
            keep.append(e)
        else:
            missing = "en" if not e.en else "ko"
            problems.append(
                warning(
                    e.path,
                    e.line,
                    "not-exported",
                    f"entry {e.id!r} has no {missing}; not exported",
                    "run `termdesk glossary check`",
                    column=missing,
                )
            )
    return keep, problems


def unique_ids(entries: Sequence[Entry]) -> list[str]:
    """Entry ids, with ``#2``, ``#3`` … appended to repeats (a glossary with errors may have them)."""
    seen: dict[str, int] = {}
    out = []
    for e in entries:
        n = seen.get(e.id, 0) + 1
        seen[e.id] = n
        out.append(e.id if n == 1 else f"{e.id}#{n}")
    return out


def one_line(value: str) -> str:
    """Cell text made safe for line-based formats: tabs and line breaks become spaces."""
    if "\t" in value or "\n" in value or "\r" in value:
        return normalise_cell(value.replace("\t", " ").replace("\r", " ").replace("\n", " "))
    return value


def collapse_runs(rows: Sequence[tuple[int, str, str, dict[str, str]]], *, path: str) -> list[Entry]:
    """Consecutive rows ``(line, en, ko, extra)`` sharing ``ko`` and ``extra`` become one entry.

    The first row's English is canonical and the others are variants. Used by
    the pair formats (OmegaT, DeepL, Amazon), whose exports write an entry's
    English forms on consecutive lines.
    """
    out: list[Entry] = []
    i = 0
    while i < len(rows):
        line, en, ko, extra = rows[i]
        forms = [en]
        j = i + 1
        while j < len(rows) and rows[j][2] == ko and rows[j][3] == extra:
            if rows[j][1] not in forms:
                forms.append(rows[j][1])
            j += 1
        out.append(
            make_entry({"en": en, "ko": ko, "en_variants": " | ".join(forms[1:]), **extra}, path=path, line=line)
        )
        i = j
    return out
