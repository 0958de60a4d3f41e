"""Spreadsheets: the glossary as a CSV for Excel, and any CSV/TSV/.xlsx table back in.

Export (``--to csv``): UTF-8 *with* BOM (so Excel detects UTF-8), CRLF, every
glossary column under its own name. A cell that a spreadsheet would run as a
formula — starting with ``=``, ``+``, ``-``, ``@``, a tab or a CR — gets an
apostrophe in front (OWASP "CSV injection" advice); so does a cell that
already starts with apostrophes followed by one of those, which keeps the
rule reversible. Importing a file whose header is exactly the glossary
columns removes that one apostrophe again.

Import (``--from csv`` / ``--from xlsx``): a header row, then one entry per
row. Without ``--map`` the header must use the glossary column names; with
``--map 'English=en,Korean=ko'`` any headers can be mapped. The delimiter is a
tab when the header line has more tabs than commas. Workbooks are read with
openpyxl; merged cells and formula cells are refused (their values are not
what the translator sees).
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError, UsageError
from ..glossary import COLUMNS, Entry, Problem
from ..textio import neutralise, unneutralise
from .base import (
    MAX_XLSX_UNPACKED_BYTES,
    Parsed,
    Rendered,
    decode_text,
    make_entry,
    read_bytes,
    warning,
)

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (and other OLE2 files)


def export(entries: Sequence[Entry]) -> Rendered:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for e in entries:
        row = e.to_row()
        writer.writerow([neutralise(row[c]) for c in COLUMNS])
    return Rendered(text="\ufeff" + buf.getvalue(), entries=len(entries), records=len(entries))


# --------------------------------------------------------------------------- import


def parse_map(spec: str | None) -> dict[str, str]:
    """``'English=en,Korean=ko'`` → ``{'English': 'en', 'Korean': 'ko'}`` (``UsageError`` if malformed)."""
    if not spec:
        return {}
    out: dict[str, str] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        if "=" not in part:
            raise UsageError(f"--map: {part.strip()!r} is not HEADER=column — write e.g. --map 'English=en,Korean=ko'")
        header, _, column = part.rpartition("=")
        header, column = header.strip(), column.strip().casefold()
        if column not in COLUMNS:
            raise UsageError(f"--map: unknown glossary column {column!r} — use one of: {', '.join(COLUMNS)}")
        if column in out.values():
            raise UsageError(f"--map: two headers map to {column!r} — map each glossary column once")
        if not header:
            raise UsageError(f"--map: empty header name before ={column} — write e.g. --map 'English=en,Korean=ko'")
        out[header] = column
    return out


def parse(
    path: str | Path,
    *,
    mapping: str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    fmt: str = "csv",
) -> Parsed:
    """Read a CSV, TSV or .xlsx table (an .xlsx given as ``csv`` is recognised by its bytes)."""
    spath = str(path)
    columns = parse_map(mapping)
    data = read_bytes(path)
    if data.startswith(OLE_MAGIC):
        raise InputError.at(
            spath, None, "an old Excel .xls workbook", 'save it as .xlsx or as "CSV UTF-8", then import that'
        )
    if fmt == "xlsx" and not data.startswith(ZIP_MAGIC):
        raise InputError.at(spath, None, "not an .xlsx workbook", "import CSV or TSV text with --from csv")
    if data.startswith(ZIP_MAGIC):
        if encoding:
            raise UsageError("--encoding does not apply to .xlsx workbooks (they are always Unicode)")
        head_line, header, rows = _xlsx_rows(spath, data, sheet)
        fmt = "xlsx"
    else:
        if sheet:
            raise UsageError("--sheet applies to .xlsx workbooks only")
        text = decode_text(data, spath, encoding=encoding)
        head_line, header, rows = _csv_rows(spath, text)
    return _to_entries(spath, fmt, head_line, header, rows, columns)


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return "\t" if first.count("\t") > first.count(",") else ","


def _csv_rows(path: str, text: str) -> tuple[int, list[str], list[tuple[int, list[str]]]]:
    if not text.strip():
        raise InputError.at(path, 1, "empty file", "give a table with a header row")
    delim = _delimiter(text)
    name = "tab" if delim == "\t" else "comma"
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, len(text) + 1))
    rows: list[tuple[int, list[str]]] = []
    header: list[str] = []
    head_line = 1
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True)
        prev = 0
        while True:
            start = prev + 1
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                msg = str(exc)
                if "unexpected end of data" in msg or "EOF" in msg:
                    raise InputError.at(
                        path,
                        start,
                        "unbalanced quote: a quoted cell starting on this line is never closed",
                        'close the quote (write a literal quote as "")',
                    ) from None
                if "expected after" in msg:
                    raise InputError.at(
                        path,
                        reader.line_num,
                        "a quoted cell has a stray quote inside",
                        'double quotes inside a quoted cell ("""PAC-3"" battery"), as Excel does',
                    ) from None
                raise InputError.at(
                    path,
                    reader.line_num,
                    f"CSV syntax error ({msg})",
                    "quote cells that contain the delimiter or quotes",
                ) from None
            prev = reader.line_num
            if not header:
                header, head_line = record, start
                continue
            if not any(c.strip() for c in record):
                continue
            if len(record) != len(header):
                raise InputError.at(
                    path,
                    start,
                    f"{len(record)} cells, expected {len(header)}",
                    f"check for a missing or extra {name} on this line",
                )
            rows.append((start, record))
    finally:
        csv.field_size_limit(old_limit)
    return head_line, header, rows


def _xlsx_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    return str(value)


def _xlsx_rows(path: str, data: bytes, sheet: str | None) -> tuple[int, list[str], list[tuple[int, list[str]]]]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
    except zipfile.BadZipFile:
        raise InputError.at(
            path, None, "not a readable .xlsx workbook (damaged zip)", "open it in Excel and save it again as .xlsx"
        ) from None
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise InputError.at(
            path,
            None,
            f"workbook unpacks to {unpacked / 2**20:.0f} MB, over the {MAX_XLSX_UNPACKED_BYTES // 2**20} MB limit",
            "save the glossary sheet alone, or as CSV",
        )
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=False)
    except (InvalidFileException, KeyError, zipfile.BadZipFile, ValueError) as exc:
        raise InputError.at(
            path,
            None,
            f"not a readable .xlsx workbook ({type(exc).__name__})",
            "open it in Excel and save it again as .xlsx",
        ) from None
    if sheet is None:
        ws = wb.worksheets[0]
    elif sheet in wb.sheetnames:
        ws = wb[sheet]
    else:
        raise InputError.at(path, None, f"no sheet named {sheet!r}", f"sheets are: {', '.join(wb.sheetnames)}")
    merged = sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col))
    if merged:
        first = merged[0]
        raise InputError.at(
            path,
            first.min_row,
            f"sheet {ws.title!r} has merged cells ({first.coord})",
            "unmerge them (Merge & Center → Unmerge Cells), fill every cell, and save again",
        )
    header: list[str] = []
    head_line = 1
    rows: list[tuple[int, list[str]]] = []
    for cells in ws.iter_rows():
        if not cells:
            continue
        rownum = cells[0].row
        for cell in cells:
            if cell.data_type == "f":
                raise InputError.at(
                    path,
                    rownum,
                    f"sheet {ws.title!r}: cell {cell.coordinate} is a formula",
                    "replace formulas with their values (Paste Special → Values) and save again",
                )
        values = [_xlsx_cell(c.value) for c in cells]
        if not header:
            if any(v.strip() for v in values):
                header, head_line = values, rownum
            continue
        if not any(v.strip() for v in values):
            continue
        rows.append((rownum, values))
    if not header:
        raise InputError.at(
            path,
            None,
            f"sheet {ws.title!r} is empty",
            "put a header row and the entries on the first sheet, or name the sheet with --sheet",
        )
    width = max([len(header), *(len(r) for _, r in rows)])
    header = header + [""] * (width - len(header))
    return head_line, header, [(n, r + [""] * (width - len(r))) for n, r in rows]


def _resolve(
    path: str, line: int, header: Sequence[str], rows: Sequence[tuple[int, list[str]]], columns: dict[str, str]
) -> tuple[dict[int, str], list[Problem]]:
    names = [h.strip() for h in header]
    seen: set[str] = set()
    for name in names:
        key = name.casefold()
        if key and key in seen:
            raise InputError.at(path, line, f"duplicate column {name!r}", "give each column a different header")
        seen.add(key)
    index: dict[int, str] = {}
    if columns:
        folded = {n.casefold(): i for i, n in enumerate(names)}
        for src, col in columns.items():
            if src.casefold() not in folded:
                raise InputError.at(
                    path,
                    line,
                    f"no column {src!r} (named in --map)",
                    f"columns are: {', '.join(repr(n) for n in names)}",
                )
            index[folded[src.casefold()]] = col
    else:
        for i, n in enumerate(names):
            if n.casefold() in COLUMNS:
                index[i] = n.casefold()
    for need, what in (("en", "English"), ("ko", "Korean")):
        if need not in index.values():
            raise InputError.at(
                path, line, f"no {need} ({what}) column", f"name it {need}, or map it: --map 'English=en,Korean=ko'"
            )
    problems = []
    ignored = [
        repr(n) if n else f"#{i + 1} (no header)"
        for i, n in enumerate(names)
        if i not in index and (n or any(r[i].strip() for _, r in rows if i < len(r)))
    ]
    if ignored:
        problems.append(
            warning(
                path,
                line,
                "ignored-column",
                f"column(s) not imported: {', '.join(ignored)}",
                "map them with --map 'Header=column' if they hold glossary data",
            )
        )
    return index, problems


def _to_entries(
    path: str,
    fmt: str,
    head_line: int,
    header: Sequence[str],
    rows: Sequence[tuple[int, list[str]]],
    columns: dict[str, str],
) -> Parsed:
    index, problems = _resolve(path, head_line, header, rows, columns)
    ours = not columns and [h.strip() for h in header] == list(COLUMNS)
    entries: list[Entry] = []
    for line, record in rows:
        values = {col: record[i] for i, col in index.items()}
        if ours:
            values = {k: unneutralise(v) for k, v in values.items()}
        if not any(v.strip() for v in values.values()):
            continue
        entry = make_entry(values, path=path, line=line)
        if not entry.en or not entry.ko:
            missing = "en" if not entry.en else "ko"
            problems.append(
                warning(
                    path,
                    line,
                    "incomplete-row",
                    f"no {missing} ({'English' if missing == 'en' else 'Korean'}); row skipped",
                    "fill it in, or delete the row",
                    column=missing,
                )
            )
            continue
        entries.append(entry)
    return Parsed(
        path=path, format=fmt, entries=tuple(entries), problems=tuple(problems), columns=frozenset(index.values())
    )
