"""Amazon Translate custom terminology (CSV): header ``en,ko``, one pair per row.

Same pair rules as DeepL (see :mod:`termdesk.formats.deepl`), with Amazon's
limits: source terms are case-sensitive and unique, no empty cell, each term
at most 200 bytes, the file at most 10 MB. On import the header row names the
languages; the first column must be English (``en`` or ``en-US`` …) and a
``ko`` column must be present (other target languages are ignored).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..glossary import Entry, Problem
from .base import Parsed, Rendered, collapse_runs, read_input_text, warning
from .deepl import AMAZON, pairs, size_problems


def export(entries: Sequence[Entry]) -> Rendered:
    """Amazon Translate CSV: header ``en,ko``, one pair per row."""
    out, problems = pairs(entries, AMAZON)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["en", "ko"])
    writer.writerows(out)
    text = buf.getvalue()
    problems += size_problems(text, AMAZON)
    return Rendered(text=text, entries=len(entries), records=len(out), problems=tuple(problems))


def _lang(code: str) -> str:
    return code.strip().split("-")[0].split("_")[0].casefold()


def parse(path: str | Path, *, encoding: str | None = None) -> Parsed:
    spath = str(path)
    text = read_input_text(path, encoding=encoding)
    if not text.strip():
        raise InputError.at(
            spath, 1, "empty file", "an Amazon terminology file starts with a row of language codes, e.g. en,ko"
        )
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, str, str, dict[str, str]]] = []
    problems: list[Problem] = []
    header: list[str] = []
    src = tgt = -1
    prev = 0
    while True:
        start = prev + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError.at(
                spath, start, f"CSV syntax error ({exc})", "quote terms that contain commas or quotes"
            ) from None
        prev = reader.line_num
        if not any(c.strip() for c in record):
            continue
        if not header:
            header = record
            langs = [_lang(c) for c in header]
            if not langs or langs[0] != "en":
                raise InputError.at(
                    spath,
                    start,
                    f"first column is {header[0].strip()!r}, expected the source language en",
                    "an Amazon terminology file starts with a row of language codes, e.g. en,ko",
                )
            if "ko" not in langs:
                raise InputError.at(
                    spath,
                    start,
                    f"no ko column in the header ({','.join(h.strip() for h in header)})",
                    "add the Korean column, headed ko",
                )
            src, tgt = 0, langs.index("ko")
            continue
        if len(record) != len(header):
            raise InputError.at(
                spath,
                start,
                f"{len(record)} cells, expected {len(header)}",
                "check for a missing or extra comma on this line",
            )
        source, target = record[src].strip(), record[tgt].strip()
        if not source or not target:
            problems.append(
                warning(
                    spath,
                    start,
                    "incomplete-row",
                    f"empty {'en' if not source else 'ko'} cell; row skipped",
                    "fill it in, or delete the row",
                )
            )
            continue
        rows.append((start, source, target, {}))
    return Parsed(path=spath, format="amazon", entries=tuple(collapse_runs(rows, path=spath)), problems=tuple(problems))
