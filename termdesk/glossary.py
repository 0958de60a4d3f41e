"""The curated glossary: records, loading, validation and canonical form.

A glossary is a set of CSV files (``glossary/*.csv``), one entry per row, with
exactly the columns in :data:`COLUMNS`. This module

* reads the files (UTF-8 with or without BOM, LF or CRLF; CP949 is named and
  refused unless asked for) into :class:`Entry` records, normalised to NFC;
* validates raw rows and returns :class:`Problem` values (never raises for a
  problem in the data);
* renders the canonical form used by ``termdesk glossary fmt``.

pandas does the table I/O; the stdlib ``csv`` module is used first as a strict
structural scanner, because it knows the physical line each record starts on.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum
from functools import cached_property, lru_cache
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any

from .errors import InputError
from .ko.hangul import HANGUL_CLASS, has_hangul
from .normalize import INVISIBLE
from .textio import UTF8_BOM, decode_bytes, read_bytes

COLUMNS: tuple[str, ...] = (
    "en",
    "ko",
    "type",
    "en_variants",
    "ko_variants",
    "ko_avoid",
    "note",
    "source",
    "status",
    "match",
)
#: Optional columns: a file may omit them or carry any of them after ``match`` (canonical order as here).
OPTIONAL_COLUMNS: tuple[str, ...] = ("ko_short", "ko_first", "valid_from", "valid_to")
ALL_COLUMNS: tuple[str, ...] = COLUMNS + OPTIONAL_COLUMNS
_ALL_COLUMN_SET = frozenset(ALL_COLUMNS)
LIST_COLUMNS: frozenset[str] = frozenset({"en_variants", "ko_variants", "ko_avoid"})
SEPARATOR = " | "
KEEP_LATIN_TAG = "[keep-latin]"
MAX_CELL = 10_000

ZERO_WIDTH = INVISIBLE  # zero-width, soft hyphen, word joiner, bidi controls (termdesk.normalize)
_ZW_RE = re.compile(f"[{ZERO_WIDTH}]")
_FORMULA_START = ("=", "+", "@")
_NUMBER = re.compile(r"-?\d[\d,.]*$")


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class EntryType(str, Enum):
    TITLE = "title"
    PERSON = "person"
    ORGANIZATION = "organization"
    MEETING = "meeting"
    EXERCISE = "exercise"
    WEAPON = "weapon"
    CONCEPT = "concept"
    PLACE = "place"
    MEDIA = "media"
    DOCUMENT = "document"
    EVENT = "event"


class Status(str, Enum):
    APPROVED = "approved"
    PROPOSED = "proposed"
    DEPRECATED = "deprecated"


class MatchMode(str, Enum):
    DEFAULT = ""
    CASE_SENSITIVE = "case-sensitive"
    CASE_INSENSITIVE = "case-insensitive"


#: Which file under glossary/ holds each type (used when merging new entries).
TYPE_FILES: dict[str, str] = {
    "title": "titles.csv",
    "person": "people.csv",
    "organization": "organizations.csv",
    "meeting": "meetings.csv",
    "exercise": "exercises.csv",
    "weapon": "weapons.csv",
    "concept": "concepts.csv",
    "place": "places.csv",
    "media": "media.csv",
    "document": "documents.csv",
    "event": "events.csv",
}

#: Problem codes that mean a file could not be read at all (exit 2 rather than 1).
UNREADABLE_CODES: frozenset[str] = frozenset({"missing-file", "encoding", "binary"})


_SLUG_DROP = re.compile(r"['’.]")
_SLUG_SEP = re.compile(f"[^0-9a-z{HANGUL_CLASS}]+")


def slugify(text: str) -> str:
    """ASCII-ish slug for entry ids: ``Song Young-moo`` → ``song-young-moo``."""
    if text.isascii():
        s = text.casefold()
        if "'" in s or "." in s:  # the ASCII members of _SLUG_DROP
            s = s.replace("'", "").replace(".", "")
    else:
        s = _SLUG_DROP.sub("", unicodedata.normalize("NFKD", text).casefold())
    return _SLUG_SEP.sub("-", s).strip("-")


_FORM_PUNCT = re.compile("['’‘.\\-‐‑‒–—]")
_FORM_DROP = re.compile("['’‘.]")
_FORM_SPACE = re.compile("[\\-‐‑‒–—]")


def form_key(form: str, *, case_sensitive: bool = False) -> str:
    """Comparison key for English forms: punctuation-insensitive, optionally case-insensitive.

    ``U.S. Forces Korea`` and ``US Forces Korea`` share a key; so do
    ``pre-emptive strike`` and ``pre emptive strike``.
    """
    if form.isascii():  # the common case; only ' . - of the punctuation set are ASCII
        if "." in form or "-" in form or "'" in form:
            form = form.replace("'", "").replace(".", "").replace("-", " ")
    else:
        form = unicodedata.normalize("NFKC", form)
        if _FORM_PUNCT.search(form) is not None:
            form = _FORM_SPACE.sub(" ", _FORM_DROP.sub("", form))
    s = " ".join(form.split())
    return s if case_sensitive else s.casefold()


def split_list(cell: str) -> tuple[str, ...]:
    """Split a variants cell on ``|``; blanks dropped, each value trimmed."""
    if "|" not in cell:
        cell = cell.strip()
        return (cell,) if cell else ()
    return tuple(v.strip() for v in cell.split("|") if v.strip())


_NEEDS_CLEANING = re.compile(f"^\\s|\\s$|\\s\\s|[\\t\\r\\n{ZERO_WIDTH}]")


def normalise_cell(value: str) -> str:
    """NFC, zero-width characters removed, runs of whitespace collapsed, trimmed."""
    if not value:
        return value
    if not value.isascii() and not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    if _NEEDS_CLEANING.search(value) is None:
        return value
    value = _ZW_RE.sub("", value)
    return " ".join(value.split())


_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@lru_cache(maxsize=4096)
def parse_period(value: str, *, end: bool = False) -> date:
    """First (or with ``end=True`` last) day of an ISO date, month or year: ``2018-05`` → 2018-05-01 / 2018-05-31.

    Raises ``ValueError`` for anything else (``2018/05``, ``May 2018``, ``2018-13``).
    """
    m = _ISO_DATE.match(value)
    if m is None:
        raise ValueError(f"not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY): {value!r}")
    year, month, day = int(m[1]), m[2], m[3]
    if month is None:
        return date(year, 12, 31) if end else date(year, 1, 1)
    if day is None:
        mo = int(month)
        if end:
            if not 1 <= mo <= 12:
                raise ValueError(f"month out of range: {value!r}")
            return date(year, mo, calendar.monthrange(year, mo)[1])
        return date(year, mo, 1)
    return date(year, int(month), int(day))


@dataclass(frozen=True)
class Entry:
    """One glossary entry (one row)."""

    en: str
    ko: str
    type: str
    en_variants: tuple[str, ...] = ()
    ko_variants: tuple[str, ...] = ()
    ko_avoid: tuple[str, ...] = ()
    note: str = ""
    source: str = ""
    status: str = Status.APPROVED.value
    match: str = MatchMode.DEFAULT.value
    ko_short: str = ""
    ko_first: str = ""
    valid_from: str = ""
    valid_to: str = ""
    path: str | None = field(default=None, compare=False)
    line: int | None = field(default=None, compare=False)

    @cached_property
    def id(self) -> str:
        return f"{self.type}:{slugify(self.en)}"

    @property
    def en_forms(self) -> tuple[str, ...]:
        return (self.en, *self.en_variants)

    @cached_property
    def form_keys(self) -> tuple[str, ...]:
        """:func:`form_key` of each of :attr:`en_forms` (case-insensitive), in the same order."""
        return tuple(map(form_key, (self.en, *self.en_variants)))

    @property
    def ko_forms(self) -> tuple[str, ...]:
        return (self.ko, *self.ko_variants)

    @property
    def dated(self) -> bool:
        """True when the entry has a validity period (``valid_from`` and/or ``valid_to``)."""
        return bool(self.valid_from or self.valid_to)

    @property
    def validity(self) -> tuple[date | None, date | None]:
        """(first day, last day) the rendering is valid, inclusive; None = open. Unparsable dates count as open."""
        start = end = None
        with suppress(ValueError):
            start = parse_period(self.valid_from) if self.valid_from else None
        with suppress(ValueError):
            end = parse_period(self.valid_to, end=True) if self.valid_to else None
        return start, end

    def valid_on(self, day: date | None) -> bool:
        """Whether the rendering is valid on ``day`` (always True for an undated entry or an undated article)."""
        if day is None or not (self.valid_from or self.valid_to):
            return True
        start, end = self.validity
        return (start is None or start <= day) and (end is None or day <= end)

    @property
    def keep_latin(self) -> bool:
        return KEEP_LATIN_TAG in self.note

    @property
    def case_sensitive(self) -> bool | None:
        """True/False when the entry overrides the default matching rule, else None."""
        match = self.match
        if not match:
            return None
        if match == "case-sensitive":
            return True
        if match == "case-insensitive":
            return False
        return None

    def to_row(self) -> dict[str, str]:
        """Every column (required and optional) as CSV cell text."""
        row = {}
        for col in ALL_COLUMNS:
            value = getattr(self, col)
            row[col] = SEPARATOR.join(value) if col in LIST_COLUMNS else value
        return row

    @classmethod
    def from_row(
        cls, row: dict[str, str], *, path: str | None = None, line: int | None = None, clean: bool = False
    ) -> Entry:
        """Build an entry from a CSV row. ``clean=True`` skips normalisation (caller checked the cells)."""
        v = row if clean else {c: normalise_cell(row.get(c, "") or "") for c in ALL_COLUMNS}
        en_variants, ko_variants, ko_avoid = v["en_variants"], v["ko_variants"], v["ko_avoid"]
        fields: dict[str, Any] = {
            "en": v["en"],
            "ko": v["ko"],
            "type": v["type"].casefold(),
            "en_variants": split_list(en_variants) if en_variants else (),
            "ko_variants": split_list(ko_variants) if ko_variants else (),
            "ko_avoid": split_list(ko_avoid) if ko_avoid else (),
            "note": v["note"],
            "source": v["source"],
            "status": v["status"].casefold(),
            "match": v["match"].casefold(),
            "ko_short": v.get("ko_short") or "",
            "ko_first": v.get("ko_first") or "",
            "valid_from": v.get("valid_from") or "",
            "valid_to": v.get("valid_to") or "",
            "path": path,
            "line": line,
        }
        if clean:
            # Fast path for bulk loads: same fields as __init__, set in one step
            # (frozen dataclass __init__ costs one object.__setattr__ per field).
            obj = object.__new__(cls)
            obj.__dict__.update(fields)
            return obj
        return cls(**fields)


@dataclass(frozen=True)
class Problem:
    """One validation finding, with file and line. A value, never raised."""

    path: str
    line: int | None
    code: str
    message: str
    hint: str = ""
    column: str | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        loc = f"{self.path}:{self.line}" if self.line else self.path
        col = f" [{self.column}]" if self.column else ""
        text = f"{loc}:{col} {self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return text


class Glossary:
    """An immutable collection of entries with look-ups by id and English form."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)

    # The look-up indexes are built on first use: validating a 100,000-entry
    # glossary does not pay for maps that only `get` and `lookup` need.
    @cached_property
    def _by_id(self) -> dict[str, Entry]:
        by_id: dict[str, Entry] = {}
        for e in self.entries:
            by_id.setdefault(e.id, e)
        return by_id

    @cached_property
    def _by_form(self) -> dict[str, list[Entry]]:
        by_form: dict[str, list[Entry]] = defaultdict(list)
        for e in self.entries:
            for key in e.form_keys:
                by_form[key].append(e)
        return dict(by_form)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"Glossary({len(self.entries)} entries)"

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def lookup(self, form: str) -> list[Entry]:
        """Entries having ``form`` as canonical or variant English (case/punctuation-insensitive)."""
        return list(self._by_form.get(form_key(form), ()))

    def with_status(self, *statuses: str) -> Glossary:
        wanted = set(statuses)
        return Glossary(e for e in self.entries if e.status in wanted)

    def approved(self) -> Glossary:
        return self.with_status(Status.APPROVED.value)

    def counts(self) -> dict[str, dict[str, int]]:
        """``{type: {status: n}}`` for summaries."""
        out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for e in self.entries:
            out[e.type][e.status] += 1
        return {t: dict(s) for t, s in sorted(out.items())}


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class RawRow:
    """A data row as written in the file, before normalisation."""

    line: int
    values: dict[str, str]


@dataclass(frozen=True)
class RawFile:
    path: str
    header: tuple[str, ...]
    rows: tuple[RawRow, ...]
    problems: tuple[Problem, ...]
    text: str = field(default="", repr=False)

    @property
    def readable(self) -> bool:
        return not any(p.severity is Severity.ERROR and p.code in STRUCTURAL_CODES for p in self.problems)


#: Problems that make a file's rows untrustworthy (nothing else is checked, nothing may be rewritten).
STRUCTURAL_CODES: frozenset[str] = UNREADABLE_CODES | {
    "empty-file",
    "unbalanced-quote",
    "column-count",
    "missing-column",
    "unknown-column",
    "duplicate-column",
    "csv-syntax",
}


def glossary_files(paths: Sequence[str | Path]) -> list[Path]:
    """Expand folders to their ``*.csv`` files (sorted); keep files as given."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(path.glob("*.csv")))
        else:
            out.append(path)
    return out


def _problem(path: str, line: int | None, code: str, message: str, hint: str = "", **kw: object) -> Problem:
    return Problem(path=path, line=line, code=code, message=message, hint=hint, **kw)  # type: ignore[arg-type]


def read_raw(path: str | Path, *, encoding: str | None = None) -> RawFile:
    """Read one glossary CSV strictly; structural problems come back as values."""
    spath = str(path)
    p = Path(path)
    try:
        data = read_bytes(p, expected="a glossary CSV file")
    except InputError as exc:
        return RawFile(spath, (), (), (_problem(spath, None, "missing-file", exc.what, exc.fix or "check the path"),))
    try:
        text = decode_bytes(
            data,
            spath,
            encoding=encoding,
            cp949_fix="read it with --encoding cp949, or convert it with `termdesk glossary fmt --encoding cp949 FILE`",
        )
    except InputError as exc:
        code = "binary" if "binary" in exc.what else "encoding"
        return RawFile(spath, (), (), (_problem(spath, exc.line, code, exc.what, exc.fix),))
    raw = parse_csv_text(text, spath)
    saved_by = [
        what for what, found in (("a BOM", data.startswith(UTF8_BOM)), ("CRLF line ends", b"\r\n" in data)) if found
    ]
    if saved_by and raw.readable:
        note = _problem(
            spath,
            None,
            "not-canonical",
            f"{' and '.join(saved_by)} (saved by a spreadsheet?); not in canonical form",
            "run `termdesk glossary fmt`",
            severity=Severity.WARNING,
        )
        raw = RawFile(raw.path, raw.header, raw.rows, (*raw.problems, note), raw.text)
    return raw


def parse_csv_text(text: str, path: str) -> RawFile:
    """Scan CSV text with the stdlib parser (strict) and keep each record's first line."""
    if not text.strip():
        return RawFile(
            path, (), (), (_problem(path, 1, "empty-file", "empty file", "add the header row: " + ",".join(COLUMNS)),)
        )
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, len(text) + 1))
    problems: list[Problem] = []
    rows: list[RawRow] = []
    header: tuple[str, ...] = ()
    prev_line = 0
    try:
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        for record in reader:
            start = prev_line + 1
            prev_line = reader.line_num
            if not header:
                header = tuple(h.strip() for h in record)
                problems.extend(_header_problems(path, header))
                width = len(header)
                continue
            if len(record) != width:
                if record and "".join(record).strip():
                    problems.append(
                        _problem(
                            path,
                            start,
                            "column-count",
                            f"{len(record)} cells, expected {width}",
                            "check for an unquoted comma or a missing cell",
                        )
                    )
                continue
            if not "".join(record).strip():
                continue  # blank line
            rows.append(RawRow(start, dict(zip(header, record, strict=False))))
    except csv.Error as exc:
        msg = str(exc)
        if "unexpected end of data" in msg or "EOF" in msg:
            problems.append(
                _problem(
                    path,
                    prev_line + 1,
                    "unbalanced-quote",
                    "unbalanced quote: a quoted cell starting on this line is never closed",
                    'close the quote (write a literal quote as "")',
                )
            )
        else:
            problems.append(
                _problem(
                    path,
                    reader.line_num,
                    "csv-syntax",
                    f"CSV syntax error ({msg})",
                    "quote cells that contain commas or quotes",
                )
            )
    finally:
        csv.field_size_limit(old_limit)
    if header and not rows and not problems:
        problems.append(
            _problem(
                path,
                1,
                "header-only",
                "header only, no entries",
                "add entries or delete the file",
                severity=Severity.WARNING,
            )
        )
    return RawFile(path, header, tuple(rows), tuple(problems), text)


def _header_problems(path: str, header: tuple[str, ...]) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(
                _problem(path, 1, "duplicate-column", f"duplicate column {name!r}", "keep one column of each name")
            )
        seen.add(name)
    missing = [c for c in COLUMNS if c not in seen]
    unknown = [c for c in header if c not in ALL_COLUMNS]
    if missing:
        problems.append(
            _problem(
                path,
                1,
                "missing-column",
                f"missing column(s): {', '.join(missing)}",
                "the header must be: " + ",".join(COLUMNS),
            )
        )
    if unknown:
        problems.append(
            _problem(
                path,
                1,
                "unknown-column",
                f"unknown column(s): {', '.join(repr(u) for u in unknown)}",
                "the header must be: " + ",".join(COLUMNS) + ", then any of the optional " + ",".join(OPTIONAL_COLUMNS),
            )
        )
    return problems


def read_table(path: str | Path, *, encoding: str | None = None) -> object:
    """Read a glossary CSV into a pandas DataFrame of strings (``NA`` stays ``NA``).

    A ``_line`` column gives each row's first physical line. Raises
    ``InputError`` (one line, file:line) when the file is not a readable
    glossary table.
    """
    raw = read_raw(path, encoding=encoding)
    _raise_structural(raw)
    return _frame(raw)


def _frame(raw: RawFile) -> object:
    import pandas as pd

    frame = pd.read_csv(
        io.StringIO(raw.text),
        dtype=str,
        keep_default_na=False,
        na_filter=False,
        skip_blank_lines=True,
        engine="c",
    )
    frame.insert(0, "_line", [r.line for r in raw.rows])
    return frame


def _raise_structural(raw: RawFile) -> None:
    for p in raw.problems:
        if p.code in STRUCTURAL_CODES and p.severity is Severity.ERROR:
            loc = f"{p.path}:{p.line}" if p.line else p.path
            raise InputError(f"{loc}: {p.message}" + (f" — {p.hint}" if p.hint else ""))


def file_columns(header: Sequence[str]) -> tuple[str, ...]:
    """A file's columns in canonical order: the required ones, then the optional ones its header has."""
    present = set(header)
    return COLUMNS + tuple(c for c in OPTIONAL_COLUMNS if c in present)


def load_glossary(paths: str | Path | Sequence[str | Path], *, encoding: str | None = None) -> Glossary:
    """Load one file, several, or whole folders into a :class:`Glossary`.

    Values are normalised (NFC, trimmed, zero-width removed). A file that cannot
    be read as a glossary table raises ``InputError``; content problems are not
    raised — call :func:`validate` for them.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = glossary_files(paths)
    if not files:
        raise InputError(
            f"{', '.join(str(p) for p in paths)}: no glossary CSV files found — give a .csv file or a folder of them"
        )
    entries: list[Entry] = []
    for f in files:
        raw = read_raw(f, encoding=encoding)
        _raise_structural(raw)
        # The stdlib csv rows read_raw already parsed strictly (no pandas on the start-up path).
        suspects = _suspect_rows(raw.rows)
        path = str(f)
        for i, row in enumerate(raw.rows):
            entries.append(Entry.from_row(row.values, path=path, line=row.line, clean=i not in suspects))
    return Glossary(entries)


def load_valid_glossary(paths: str | Path | Sequence[str | Path], *, encoding: str | None = None) -> Glossary:
    """:func:`load_glossary` for the commands that use a glossary: one with errors is refused.

    ``InputError`` ``glossary has N errors — run termdesk glossary check PATH`` (exit 2);
    warnings do not block. One pass: the entries come from :func:`validate`.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    report = validate(paths, encoding=encoding)
    if report.unreadable or report.glossary is None or not report.files:
        return load_glossary(paths, encoding=encoding)  # raises the reader's one-line error
    errors = len(report.errors)
    if errors:
        where = " ".join(str(p) for p in paths)
        raise InputError(
            f"glossary has {errors} error{'s' if errors != 1 else ''} — run termdesk glossary check {where}"
        )
    return report.glossary


# --------------------------------------------------------------------------- validation


_SUSPECT = re.compile(f"(?:^|\\x00)(?:\\s|[=+@])|\\s(?:\\x00|$)|\\s\\s|[\\t\\r\\n{ZERO_WIDTH}]")


def _suspect_rows(rows: Sequence[RawRow]) -> set[int]:
    """Indices of rows that need the detailed cell checks (most rows do not).

    Each column is joined with NUL (never present: NUL files are refused) and
    probed with substring searches; only columns with a hit are checked row by row.
    """
    suspects: set[int] = set()
    present = rows[0].values if rows else {}
    for col in (c for c in ALL_COLUMNS if c in present):  # a file's header: optional columns may be absent
        values = [r.values.get(col, "") for r in rows]
        joined = "\x00" + "\x00".join(values) + "\x00"
        if not joined.isascii() and not unicodedata.is_normalized("NFC", joined):
            suspects.update(
                i for i, v in enumerate(values) if not v.isascii() and not unicodedata.is_normalized("NFC", v)
            )
        probes = ("  ", "\t", "\r", "\n", "\x00 ", " \x00", "\x00=", "\x00+", "\x00@", "\x00-", "\x00'", *ZERO_WIDTH)
        if col in LIST_COLUMNS:
            probes += ("|",)
        if any(p in joined for p in probes) or (len(joined) > MAX_CELL and any(len(v) > MAX_CELL for v in values)):
            suspects.update(
                i
                for i, v in enumerate(values)
                if v
                and (
                    len(v) > MAX_CELL
                    or v[0] in _FORMULA_START
                    or v[0] in "-'"
                    or _NEEDS_CLEANING.search(v)
                    or (col in LIST_COLUMNS and "|" in v)
                )
            )
    return suspects


def _cell_problems(path: str, row: RawRow) -> list[Problem]:
    out: list[Problem] = []
    for col, value in row.values.items():
        if col not in _ALL_COLUMN_SET:
            continue
        if not value:
            continue
        if len(value) > MAX_CELL:
            out.append(
                _problem(
                    path,
                    row.line,
                    "cell-too-long",
                    f"cell of {len(value):,} characters (limit {MAX_CELL:,})",
                    "a glossary cell holds a term, not a document",
                    column=col,
                )
            )
            continue
        if value[0] == "'" and value[1:2] in ("=", "+", "-", "@"):
            out.append(
                _problem(
                    path,
                    row.line,
                    "neutralised-formula",
                    f"cell starts with an apostrophe before {value[1]!r}, a spreadsheet export's formula guard",
                    "remove the apostrophe (was the file overwritten by an Excel export?)",
                    column=col,
                )
            )
        if value[0] in _FORMULA_START or (value[0] == "-" and not _NUMBER.match(value)):
            out.append(
                _problem(
                    path,
                    row.line,
                    "formula-like",
                    f"cell starts with {value[0]!r}; spreadsheets may treat it as a formula",
                    "it is kept as text; rephrase if unintended",
                    column=col,
                    severity=Severity.WARNING,
                )
            )
        if not value.isascii() and not unicodedata.is_normalized("NFC", value):
            out.append(
                _problem(
                    path,
                    row.line,
                    "not-nfc",
                    "text is not NFC (decomposed Hangul, e.g. from macOS)",
                    "run `termdesk glossary fmt`",
                    column=col,
                )
            )
        if col in LIST_COLUMNS and "|" in value and any(not p.strip() for p in value.split("|")):
            out.append(
                _problem(
                    path,
                    row.line,
                    "empty-variant",
                    "empty value between | separators",
                    "remove the extra |",
                    column=col,
                )
            )
        if _NEEDS_CLEANING.search(value) is None:
            continue
        if _ZW_RE.search(value):
            out.append(
                _problem(
                    path,
                    row.line,
                    "zero-width",
                    "zero-width or invisible character",
                    "delete it (or run `termdesk glossary fmt`)",
                    column=col,
                )
            )
        if value != value.strip():
            out.append(
                _problem(
                    path, row.line, "edge-space", "leading or trailing space", "run `termdesk glossary fmt`", column=col
                )
            )
        if "  " in value or "\t" in value or "\n" in value or "\r" in value:
            out.append(
                _problem(
                    path,
                    row.line,
                    "doubled-space",
                    "doubled space, tab or line break inside a cell",
                    "use single spaces (or run `termdesk glossary fmt`)",
                    column=col,
                )
            )
    return out


def _entry_problems(path: str, row: RawRow, entry: Entry) -> list[Problem]:
    out: list[Problem] = []
    line = row.line
    if not (entry.en and entry.ko and entry.type in _TYPES and entry.status in _STATUSES and entry.match in _MATCHES):
        if not entry.en:
            out.append(_problem(path, line, "empty-en", "empty en", "give the canonical English form", column="en"))
        if not entry.ko:
            out.append(_problem(path, line, "empty-ko", "empty ko", "give the approved Korean rendering", column="ko"))
        if entry.type not in _TYPES:
            out.append(
                _problem(
                    path,
                    line,
                    "unknown-type",
                    f"unknown type {entry.type!r}",
                    "use one of: " + ", ".join(sorted(_TYPES)),
                    column="type",
                )
            )
        if entry.status not in _STATUSES:
            out.append(
                _problem(
                    path,
                    line,
                    "unknown-status",
                    f"unknown status {entry.status!r}" if entry.status else "empty status",
                    "use one of: approved, proposed, deprecated",
                    column="status",
                )
            )
        if entry.match not in _MATCHES:
            out.append(
                _problem(
                    path,
                    line,
                    "unknown-match",
                    f"unknown match rule {entry.match!r}",
                    "leave empty, or use case-sensitive / case-insensitive",
                    column="match",
                )
            )
    for col, forms in (("en", (entry.en,)), ("en_variants", entry.en_variants)):
        for form in forms:
            if not form.isascii() and has_hangul(form):
                out.append(
                    _problem(
                        path,
                        line,
                        "hangul-in-en",
                        f"Hangul in English form {form!r}",
                        "put Korean in ko or ko_variants",
                        column=col,
                    )
                )
    if not entry.keep_latin:
        for col, forms in (("ko", (entry.ko,) if entry.ko else ()), ("ko_variants", entry.ko_variants)):
            for form in forms:
                if not has_hangul(form):
                    out.append(
                        _problem(
                            path,
                            line,
                            "no-hangul-in-ko",
                            f"no Hangul in Korean form {form!r}",
                            f"translate it, or add {KEEP_LATIN_TAG} to note if Korean copy keeps it in Latin script",
                            column=col,
                        )
                    )
    if entry.ko_avoid:
        ko_forms = {f for f in entry.ko_forms if f}
        for avoid in entry.ko_avoid:
            if avoid == entry.ko:
                out.append(
                    _problem(
                        path,
                        line,
                        "avoid-is-ko",
                        f"ko_avoid {avoid!r} is the entry's own ko",
                        "remove it from ko_avoid or change ko",
                        column="ko_avoid",
                    )
                )
            elif avoid in ko_forms:
                out.append(
                    _problem(
                        path,
                        line,
                        "avoid-is-variant",
                        f"ko_avoid {avoid!r} is also listed in ko_variants",
                        "keep it in one of the two",
                        column="ko_avoid",
                    )
                )
    if entry.ko_short or entry.ko_first or entry.valid_from or entry.valid_to:
        out.extend(_optional_problems(path, line, entry))
    if entry.ko_variants and entry.ko in entry.ko_variants:
        out.append(
            _problem(
                path,
                line,
                "variant-is-ko",
                f"ko_variants repeats ko {entry.ko!r}",
                "remove it from ko_variants",
                column="ko_variants",
                severity=Severity.WARNING,
            )
        )
    return out


def _optional_problems(path: str, line: int, entry: Entry) -> list[Problem]:
    """Checks of the optional columns: validity dates, first-mention and short forms."""
    out: list[Problem] = []
    bounds: dict[str, date] = {}
    for col, is_end in (("valid_from", False), ("valid_to", True)):
        value = getattr(entry, col)
        if not value:
            continue
        try:
            bounds[col] = parse_period(value, end=is_end)
        except ValueError:
            out.append(
                _problem(
                    path,
                    line,
                    "bad-date",
                    f"{col} {value!r} is not a date",
                    "write YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2018-05-30)",
                    column=col,
                )
            )
    if len(bounds) == 2 and parse_period(entry.valid_from) > bounds["valid_to"]:
        out.append(
            _problem(
                path,
                line,
                "date-order",
                f"valid_from {entry.valid_from} is after valid_to {entry.valid_to}",
                "swap the dates or correct one",
                column="valid_to",
            )
        )
    ko_forms = [f for f in entry.ko_forms if f]
    if entry.ko_first and ko_forms and not any(f in entry.ko_first for f in ko_forms):
        out.append(
            _problem(
                path,
                line,
                "ko-first-mismatch",
                f"ko_first {entry.ko_first!r} contains neither ko nor a ko_variant",
                f"write the first-mention form around {entry.ko!r}, e.g. {entry.ko}(약어)",
                column="ko_first",
            )
        )
    short = entry.ko_short
    if short:
        if not has_hangul(short) or short.isascii():
            out.append(
                _problem(
                    path,
                    line,
                    "ko-short-not-hangul",
                    f"ko_short {short!r} is not Korean",
                    "give the Korean short title (장관, 의장, 사령관) or leave it empty",
                    column="ko_short",
                    severity=Severity.WARNING,
                )
            )
        elif not any(f.endswith(short) for f in ko_forms):
            out.append(
                _problem(
                    path,
                    line,
                    "ko-short-not-suffix",
                    f"ko_short {short!r} is not the last word of ko or of a ko_variant",
                    "the short title is the end of the full one (국방부 장관 → 장관); check it, or leave it empty",
                    column="ko_short",
                    severity=Severity.WARNING,
                )
            )
    return out


_TYPES = frozenset(t.value for t in EntryType)
_STATUSES = frozenset(s.value for s in Status)
_MATCHES = frozenset(m.value for m in MatchMode)


def sort_key(entry_or_en: Entry | str) -> tuple[str, str]:
    en = entry_or_en.en if isinstance(entry_or_en, Entry) else entry_or_en
    return (en.casefold(), en)


def _order_problem(path: str, entries: Sequence[tuple[RawRow, Entry]]) -> list[Problem]:
    keys = [sort_key(e) for _, e in entries]
    for i in range(1, len(keys)):
        if keys[i] < keys[i - 1]:
            row = entries[i][0]
            return [
                _problem(
                    path,
                    row.line,
                    "order",
                    f"rows out of canonical order ({entries[i][1].en!r} sorts before {entries[i - 1][1].en!r})",
                    "run `termdesk glossary fmt` to sort",
                )
            ]
    return []


_en_forms = attrgetter("en_forms")


def conflict_problems(entries: Iterable[Entry]) -> list[Problem]:
    """English forms (canonical or variant) that map to different Korean in two entries.

    Forms are compared case- and punctuation-insensitively, except where either
    entry is marked ``case-sensitive`` (then case counts: ``US`` vs ``us``).
    Deprecated entries take no part. A form repeated inside one entry is a warning.
    """
    entries = entries if isinstance(entries, Sequence) else list(entries)
    # Pass 1 (C-speed counting): keys that occur more than once anywhere. Only the
    # entries holding one of them can have a conflict or a repeated form.
    counts = Counter(map(form_key, chain.from_iterable(map(_en_forms, entries))))
    shared = {k for k, n in counts.items() if n > 1}
    if not shared:
        return []
    first: dict[str, tuple[str, Entry]] = {}  # key → the first (form, entry) that has it
    clashes: dict[str, list[tuple[str, Entry]]] = {}  # only keys held by two or more forms
    out: list[Problem] = []
    for e in entries:
        keys = e.form_keys
        if shared.isdisjoint(keys):
            continue
        if len(keys) > 1 and len(set(keys)) < len(keys):
            keys = _dedupe_forms(e, out)
            forms: Sequence[str] = [f for f, _ in keys]
            keys = tuple(k for _, k in keys)
        else:
            forms = e.en_forms
        if not e.ko or e.status == "deprecated":
            continue
        for form, key in zip(forms, keys, strict=False):
            if not form:
                continue
            pair = (form, e)
            held = first.setdefault(key, pair)
            if held is not pair and (held[1] is not e or held[0] != form):
                clashes.setdefault(key, [held]).append(pair)
    for group in clashes.values():
        for i, (form_a, a) in enumerate(group):
            for form_b, b in group[i + 1 :]:
                if a is b or a.ko == b.ko:
                    continue
                if ("case-sensitive" in (a.match, b.match)) and form_a != form_b:
                    continue
                if a.dated != b.dated:
                    continue  # a dated exception to an undated rendering (see as_of)
                if a.dated and b.dated:
                    if not periods_overlap(a, b):
                        continue  # dated siblings: each rendering holds in its own period
                    out.append(
                        _problem(
                            b.path or "?",
                            b.line,
                            "validity-overlap",
                            f"English form {form_b!r} → {b.ko!r} ({_period_text(b)}) overlaps "
                            f"{a.ko!r} ({_period_text(a)}) at {a.path}:{a.line}",
                            "dated entries sharing an English form must not overlap: fix valid_from/valid_to",
                            column="valid_from",
                        )
                    )
                    continue
                out.append(
                    _problem(
                        b.path or "?",
                        b.line,
                        "conflict",
                        f"English form {form_b!r} → {b.ko!r}, but {form_a!r} → {a.ko!r} at {a.path}:{a.line}",
                        "one English form must have one approved rendering: merge the entries, or make the "
                        "form case-sensitive",
                        column="en",
                    )
                )
    return out


def periods_overlap(a: Entry, b: Entry) -> bool:
    """Whether the validity periods of two entries share a day (open ends are unbounded)."""
    a_start, a_end = a.validity
    b_start, b_end = b.validity
    return (a_end is None or b_start is None or b_start <= a_end) and (
        b_end is None or a_start is None or a_start <= b_end
    )


def as_of(entries: Iterable[Entry], day: date | None) -> list[Entry]:
    """The entries as the matcher should see them on ``day`` (None: an undated article).

    Where an English form is shared by entries with different Korean and at least one
    of them is dated, only the rendering right for the day keeps that form: an entry
    dated to include ``day`` wins over an undated one (the dated entry is the exception
    in its period), an undated one over entries dated to exclude the day. For an undated
    article the undated entry wins, else the dated one still valid (no ``valid_to``),
    else the one valid last. The losing entries lose only the shared form; an entry
    left without forms is dropped. Entries not involved are returned as they are.
    """
    entries = entries if isinstance(entries, list) else list(entries)
    groups = period_groups(entries)
    if not groups:
        return entries
    losing: dict[int, set[str]] = defaultdict(set)
    for key, group in groups.items():
        winners = {id(e) for e in _winners(group, day)}
        for e in group:
            if id(e) not in winners:
                losing[id(e)].add(key)
    if not losing:
        return entries
    out: list[Entry] = []
    for e in entries:
        keys = losing.get(id(e))
        if not keys:
            out.append(e)
            continue
        kept = [f for f, k in zip(e.en_forms, e.form_keys, strict=True) if k not in keys]
        if not kept:
            continue
        entry_id = e.id
        if kept[0] == e.en:
            new = replace(e, en_variants=tuple(kept[1:]))
        else:
            new = replace(e, en=kept[0], en_variants=tuple(kept[1:]))
        new.__dict__["id"] = entry_id  # the entry keeps its identity (id comes from the original en)
        out.append(new)
    return out


def period_groups(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    """The English form keys that entries of different periods share with different Korean (``Foreign Minister``:
    외교부 장관, and 외교통상부 장관 for 1998–2013: at least one of them dated), each with its entries."""
    entries = entries if isinstance(entries, list) else list(entries)
    dated_keys = {k for e in entries if e.valid_from or e.valid_to for k in e.form_keys}
    if not dated_keys:
        return {}
    groups: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        for k in set(e.form_keys) & dated_keys:
            groups[k].append(e)
    return {k: g for k, g in groups.items() if len(g) >= 2 and len({e.ko for e in g}) >= 2}


def _winners(group: Sequence[Entry], day: date | None) -> list[Entry]:
    if day is not None:
        valid = [e for e in group if e.valid_on(day)]
        dated = [e for e in valid if e.dated]
        if dated or valid:
            return dated or valid
    undated = [e for e in group if not e.dated]
    if undated:
        return undated
    current = [e for e in group if not e.valid_to]
    if current:
        return current
    last = max(e.validity[1] or date.max for e in group)
    return [e for e in group if (e.validity[1] or date.max) == last]


def _period_text(e: Entry) -> str:
    return f"{e.valid_from or '…'}–{e.valid_to or '…'}"


def _dedupe_forms(e: Entry, out: list[Problem]) -> list[tuple[str, str]]:
    """(form, key) pairs of an entry with each form once; repeats become warnings in ``out``."""
    seen: set[str] = set()
    kept: list[tuple[str, str]] = []
    for form, key in zip(e.en_forms, e.form_keys, strict=False):
        if not form:
            continue
        exact = form_key(form, case_sensitive=True) if e.match == "case-sensitive" else key
        if exact in seen:
            out.append(
                _problem(
                    e.path or "?",
                    e.line,
                    "duplicate-variant",
                    f"English form {form!r} listed twice in this entry",
                    "remove the repeat",
                    column="en_variants",
                    severity=Severity.WARNING,
                )
            )
            continue
        seen.add(exact)
        kept.append((form, key))
    return kept


def duplicate_problems(entries: Iterable[Entry]) -> list[Problem]:
    """Two rows with the same id (type + canonical English)."""
    first: dict[str, Entry] = {}
    out = []
    for e in entries:
        if e.id in first:
            a = first[e.id]
            out.append(
                _problem(
                    e.path or "?",
                    e.line,
                    "duplicate-entry",
                    f"duplicate entry {e.id!r} (first at {a.path}:{a.line})",
                    "merge the two rows",
                )
            )
        else:
            first[e.id] = e
    return out


@dataclass(frozen=True)
class Report:
    """Result of validating a set of glossary files."""

    files: tuple[str, ...]
    entries: int
    problems: tuple[Problem, ...]
    glossary: Glossary | None = field(default=None, compare=False, repr=False)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def unreadable(self) -> bool:
        return any(p.code in UNREADABLE_CODES for p in self.problems)


def validate(paths: str | Path | Sequence[str | Path], *, encoding: str | None = None) -> Report:
    """Validate glossary files or folders; every problem is returned, nothing is raised or written.

    One pass: the report also carries the entries of every readable file as a
    :class:`Glossary` (``report.glossary``), so callers need not load twice.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = glossary_files(paths)
    problems: list[Problem] = []
    all_entries: list[Entry] = []
    if not files:
        problems.append(
            _problem(
                ", ".join(str(p) for p in paths),
                None,
                "missing-file",
                "no glossary CSV files found",
                "give a .csv file or a folder of them",
            )
        )
    for f in files:
        raw = read_raw(f, encoding=encoding)
        problems.extend(raw.problems)
        if not raw.readable:
            continue
        pairs: list[tuple[RawRow, Entry]] = []
        suspects = _suspect_rows(raw.rows)
        for i, row in enumerate(raw.rows):
            clean = i not in suspects
            if not clean:
                problems.extend(_cell_problems(raw.path, row))
            entry = Entry.from_row(row.values, path=raw.path, line=row.line, clean=clean)
            problems.extend(_entry_problems(raw.path, row, entry))
            pairs.append((row, entry))
        problems.extend(_order_problem(raw.path, pairs))
        all_entries.extend(e for _, e in pairs)
    problems.extend(duplicate_problems(all_entries))
    problems.extend(conflict_problems(all_entries))
    problems.sort(key=lambda p: (p.path, p.line or 0, p.code))
    return Report(
        files=tuple(str(f) for f in files),
        entries=len(all_entries),
        problems=tuple(problems),
        glossary=Glossary(all_entries),
    )


# --------------------------------------------------------------------------- canonical form


def render_csv(entries: Iterable[Entry], *, columns: Sequence[str] | None = None, for_spreadsheet: bool = False) -> str:
    """Canonical CSV text: header, rows sorted by English, QUOTE_MINIMAL, LF, no BOM.

    ``columns`` is the header (default: the required columns plus each optional
    column that some entry fills); optional columns always follow ``match`` in
    the order of :data:`OPTIONAL_COLUMNS`.
    ``for_spreadsheet``: formula-like cells neutralised with ``'`` (a proposals file a reviewer
    opens in a spreadsheet; ``glossary add`` strips the ``'`` again). Never for glossary files."""
    from .textio import neutralise

    entries = list(entries)
    if columns is None:
        used = {c for c in OPTIONAL_COLUMNS for e in entries if getattr(e, c)}
        header = file_columns(tuple(used))
    else:
        header = file_columns(columns)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for e in sorted(entries, key=sort_key):
        row = e.to_row()
        writer.writerow([neutralise(row[c]) if for_spreadsheet else row[c] for c in header])
    return buf.getvalue()


@dataclass(frozen=True)
class FormatResult:
    path: str
    changed: bool
    written: bool


def format_files(
    paths: str | Path | Sequence[str | Path], *, check: bool = False, encoding: str | None = None
) -> list[FormatResult]:
    """Rewrite glossary files into canonical form (atomically); ``check`` only reports.

    A file with structural problems is never rewritten: ``InputError`` names it.
    Only form changes: NFC, whitespace, zero-width characters, separators,
    quoting, row order, UTF-8 without BOM, LF.
    """
    from .textio import atomic_write_all

    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = glossary_files(paths)
    if not files:
        raise InputError(
            f"{', '.join(str(p) for p in paths)}: no glossary CSV files found — give a .csv file or a folder of them"
        )
    planned: list[tuple[Path, str, bool]] = []
    for f in files:
        raw = read_raw(f, encoding=encoding)
        _raise_structural(raw)
        entries = [_form_only(row) for row in raw.rows]
        new_text = render_csv(entries, columns=raw.header)
        old = read_bytes(f)
        changed = old != new_text.encode("utf-8")
        planned.append((f, new_text, changed))
    if not check:  # all files or none
        atomic_write_all([(f, text) for f, text, changed in planned if changed])
    return [FormatResult(str(f), changed, changed and not check) for f, _, changed in planned]


def _form_only(row: RawRow) -> Entry:
    """An entry from a raw row, changing form only (``type``/``status`` keep their letters)."""
    values = {c: normalise_cell(row.values.get(c, "")) for c in ALL_COLUMNS}
    return Entry(
        en=values["en"],
        ko=values["ko"],
        type=values["type"],
        en_variants=split_list(values["en_variants"]),
        ko_variants=split_list(values["ko_variants"]),
        ko_avoid=split_list(values["ko_avoid"]),
        note=values["note"],
        source=values["source"],
        status=values["status"],
        match=values["match"],
        ko_short=values["ko_short"],
        ko_first=values["ko_first"],
        valid_from=values["valid_from"],
        valid_to=values["valid_to"],
    )
