"""DeepL glossary entries (TSV); the pair rules shared with Amazon Translate (``amazon.py``).

DeepL and Amazon Translate both take plain source → target pairs, so every
English form of an entry (``en`` and each of ``en_variants``) becomes its own
pair mapping to ``ko``. Their rules, checked on export:

* DeepL (``--to deepl``): ``source TAB target`` per line, no header; no empty
  term, no leading/trailing whitespace, no C0/C1 control characters, tabs or
  line breaks (U+2028/2029 included), each term at most 1024 UTF-8 bytes,
  and a source term appears once (compared exactly, so ``US`` and ``us`` are
  two sources — as DeepL's own client libraries check).
* Amazon Translate (``--to amazon``): CSV with a header row of language codes
  (``en,ko``), one pair per row; source terms are case-sensitive and must be
  unique, no empty cell, each term at most 200 bytes (Amazon's limit).

A form listed in two entries with the same ``ko`` is written once; with
different ``ko`` it is a glossary conflict and the export stops (fix it with
``termdesk glossary check``). Terms over the size limit are left out with a
warning. On import, consecutive lines with the same target collapse into one
entry (first line canonical). Not carried: ``type``, ``ko_variants``,
``ko_avoid``, ``note``, ``source``, ``match``, ``status``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..glossary import Entry, Problem
from .base import CONTROL_RE, Parsed, Rendered, collapse_runs, read_input_text, text_lines, warning


@dataclass(frozen=True)
class PairRules:
    service: str
    max_bytes: int
    max_file_bytes: int


DEEPL = PairRules("DeepL", 1024, 10 * 2**20)
AMAZON = PairRules("Amazon Translate", 200, 10 * 2**20)


def size_problems(text: str, rules: PairRules) -> list[Problem]:
    size = len(text.encode("utf-8"))
    if size <= rules.max_file_bytes:
        return []
    return [
        warning(
            f"{rules.service} export",
            None,
            "file-too-large",
            f"file is {size / 2**20:.1f} MB, over {rules.service}'s {rules.max_file_bytes // 2**20} MB limit",
            "export fewer entries (--status) or split the file",
        )
    ]


def pairs(entries: Sequence[Entry], rules: PairRules) -> tuple[list[tuple[str, str]], list[Problem]]:
    """``(source, target)`` pairs following ``rules``; conflicts raise ``InputError``."""
    out: list[tuple[str, str]] = []
    problems: list[Problem] = []
    first: dict[str, Entry] = {}
    for e in entries:
        target = e.ko
        bad_target = _term_problem(target, rules)
        if bad_target:
            problems.append(
                warning(
                    e.path,
                    e.line,
                    "term-rejected",
                    f"Korean {target!r} {bad_target}; entry {e.id!r} not exported",
                    f"{rules.service} would reject it",
                    column="ko",
                )
            )
            continue
        for form in e.en_forms:
            bad = _term_problem(form, rules)
            if bad:
                problems.append(
                    warning(
                        e.path,
                        e.line,
                        "term-rejected",
                        f"English form {form!r} {bad}; not exported",
                        f"{rules.service} would reject it",
                        column="en",
                    )
                )
                continue
            prior = first.get(form)
            if prior is not None:
                if prior.ko != target:
                    raise InputError.at(
                        e.path or "?",
                        e.line,
                        f"English form {form!r} → {target!r} here, but → {prior.ko!r} at {prior.path}:{prior.line}",
                        f"{rules.service} takes one target per source term; resolve the conflict (termdesk "
                        "glossary check) or export with --status to leave one out",
                    )
                continue
            first[form] = e
            out.append((form, target))
    return out, problems


def _term_problem(term: str, rules: PairRules) -> str:
    if not term:
        return "is empty"
    if term != term.strip():
        return "has leading or trailing whitespace"
    if CONTROL_RE.search(term):
        return "contains a tab, line break or control character"
    size = len(term.encode("utf-8"))
    if size > rules.max_bytes:
        return f"is {size} bytes, over {rules.service}'s {rules.max_bytes}-byte limit"
    return ""


def export(entries: Sequence[Entry]) -> Rendered:
    """DeepL TSV: ``source TAB target`` lines, no header."""
    out, problems = pairs(entries, DEEPL)
    text = "".join(f"{s}\t{t}\n" for s, t in out)
    problems += size_problems(text, DEEPL)
    return Rendered(text=text, entries=len(entries), records=len(out), problems=tuple(problems))


def parse(path: str | Path, *, encoding: str | None = None) -> Parsed:
    spath = str(path)
    text = read_input_text(path, encoding=encoding)
    rows: list[tuple[int, str, str, dict[str, str]]] = []
    problems: list[Problem] = []
    for lineno, line in enumerate(text_lines(text), start=1):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) == 1:
            raise InputError.at(
                spath, lineno, "no tab: expected source TAB target", "separate the English and the Korean with a tab"
            )
        if len(cells) > 2:
            raise InputError.at(
                spath, lineno, f"{len(cells) - 1} tabs: expected source TAB target", "remove the extra tab"
            )
        source, target = cells[0].strip(), cells[1].strip()
        if not source or not target:
            problems.append(
                warning(
                    spath,
                    lineno,
                    "incomplete-row",
                    f"empty {'source (English)' if not source else 'target (Korean)'}; line skipped",
                    "fill it in, or delete the line",
                )
            )
            continue
        rows.append((lineno, source, target, {}))
    return Parsed(path=spath, format="deepl", entries=tuple(collapse_runs(rows, path=spath)), problems=tuple(problems))
