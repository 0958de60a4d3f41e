"""Review support for ``glossary add``: rows that look wrong are warned about (``--strict`` refuses them).

Each rule of :data:`REVIEW_RULES` carries an example row it flags (the example is a test):

* ``type-evidence`` — the type disagrees with the evidence of the English (its head noun:
  ``Full Operational Capability`` is a concept, not an organization);
* ``surname-in-title`` — a title's Korean holds a person's surname (``송 장관`` for Secretary);
* ``latin-without-mark`` — Korean in Latin script without the ``[keep-latin]`` mark in the note;
* ``word-fragment`` — the Korean occurs in its evidence (the Korean files named in ``source``) only
  inside a longer word (``정안전부`` out of 행정안전부).

:func:`review_rows` checks rows; :func:`add_reviewed` is what ``termdesk glossary add`` calls: it reviews
the selected rows, then merges (:func:`termdesk.align.merge.add_proposals`) — with ``strict`` only the
rows that passed (the merge holds the glossary folder's lock: :func:`~termdesk.align.merge.add_proposals_locked`).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..glossary import Entry, has_hangul
from ..ko.hangul import is_syllable
from ..ko.surnames import is_surname
from ..mine import wordlists as L
from ..mine.quality import head_type
from .merge import ACCEPTED, AddResult, Outcome, add_proposals_locked, read_proposals

__all__ = ["REVIEW_RULES", "ReviewRule", "RowWarning", "add_reviewed", "review_rows"]

KEEP_LATIN = "[keep-latin]"


@dataclass(frozen=True)
class ReviewRule:
    """One review check: its code, what it means, an example row it flags ``(en, ko, type, note)``."""

    code: str
    meaning: str
    example: tuple[str, str, str, str]


REVIEW_RULES: tuple[ReviewRule, ...] = (
    ReviewRule(
        "type-evidence",
        "the type disagrees with the head noun of the English",
        ("Full Operational Capability", "완전운용능력", "organization", ""),
    ),
    ReviewRule("surname-in-title", "a title's Korean holds a person's surname", ("Secretary", "송 장관", "title", "")),
    ReviewRule(
        "latin-without-mark", "Korean in Latin script without the [keep-latin] mark", ("C-130", "C-130", "weapon", "")
    ),
    ReviewRule(
        "word-fragment",
        "the Korean occurs in its evidence only inside a longer Korean word",
        ("Ministry of the Interior and Safety", "정안전부", "organization", ""),
    ),
)


@dataclass(frozen=True)
class RowWarning:
    """A row that looks wrong: where, which rule, what to check."""

    line: int
    id: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: warning {self.id}: {self.code}: {self.message}"


def _expected_type(en: str) -> str:
    t = head_type(en)
    if t:
        return t
    words = en.split()
    if words and words[-1].lower() in L.TITLE_HEADS and len(words) <= 4:
        return "title"
    return ""


def only_inside_words(ko: str, texts: Sequence[str]) -> bool:
    """Whether ``ko`` occurs in the texts and every occurrence is cut from a longer word (a Hangul syllable
    right before it: ``정안전부`` in ``행정안전부``)."""
    seen = False
    for text in texts:
        for m in re.finditer(re.escape(ko), text):
            seen = True
            if m.start() == 0 or not is_syllable(text[m.start() - 1]):
                return False
    return seen


def review_row(entry: Entry, line: int, *, evidence: Sequence[str] = ()) -> list[RowWarning]:
    """The warnings for one row; ``evidence``: the Korean texts its proposal was taken from."""
    out: list[RowWarning] = []
    expected = _expected_type(entry.en)
    if expected and entry.type and expected != entry.type and entry.type != "person":
        out.append(
            RowWarning(line, entry.id, "type-evidence", f"type {entry.type!r}, but the head noun makes it a {expected}")
        )
    words = entry.ko.split()
    if entry.type == "title" and any(is_surname(w) for w in words[:-1]):
        out.append(RowWarning(line, entry.id, "surname-in-title", f"{entry.ko!r} holds a surname; a title has none"))
    if entry.ko and not has_hangul(entry.ko) and KEEP_LATIN not in entry.note:
        out.append(
            RowWarning(
                line, entry.id, "latin-without-mark", f"{entry.ko!r} is Latin script; add {KEEP_LATIN} to the note"
            )
        )
    if entry.ko and has_hangul(entry.ko) and only_inside_words(entry.ko, evidence):
        out.append(RowWarning(line, entry.id, "word-fragment", f"{entry.ko!r} occurs only inside a longer Korean word"))
    return out


def _evidence_texts(entry: Entry, folders: Sequence[Path]) -> list[str]:
    """The Korean files a proposal's ``source`` names (``parallel text: A.ko.txt, B.ko.txt``), where found."""
    if not entry.source.startswith("parallel text:"):
        return []
    out: list[str] = []
    for name in (n.strip() for n in entry.source.split(":", 1)[1].split(",")):
        for folder in folders:
            f = folder / name
            if name and f.is_file():
                with contextlib.suppress(OSError, UnicodeDecodeError):  # evidence is a help, not an input
                    out.append(f.read_text(encoding="utf-8"))
                break
    return out


def review_rows(
    proposals: str | Path, *, ids: Sequence[str] = (), encoding: str | None = None, search: Sequence[Path] = ()
) -> list[RowWarning]:
    """Warnings for the rows ``glossary add`` would merge (the ``ids``, else the accepted rows)."""
    path = Path(proposals)
    folders = [path.parent, *search, Path.cwd()]
    wanted = {x for v in ids for x in re.split(r"[,\s]+", v) if x}
    out: list[RowWarning] = []
    for line, entry, status in read_proposals(path, encoding=encoding):
        if (wanted and entry.id not in wanted) or (not wanted and status not in ACCEPTED):
            continue
        out.extend(review_row(entry, line, evidence=_evidence_texts(entry, folders)))
    return out


@dataclass(frozen=True)
class ReviewedAdd:
    """``glossary add`` with review: the warnings, and the merge's result (rows refused by ``strict`` in it)."""

    warnings: tuple[RowWarning, ...]
    result: AddResult


def add_reviewed(
    proposals: str | Path,
    *,
    strict: bool = False,
    glossary: str | Path = "glossary",
    wait: float = 0,
    ids: Sequence[str] = (),
    accepted: bool = False,
    update: bool = False,
    encoding: str | None = None,
    dry_run: bool = False,
) -> ReviewedAdd:
    """Review the selected rows, then merge them; with ``strict`` the flagged rows are refused, not merged."""
    warnings = review_rows(proposals, ids=ids, encoding=encoding)
    if not strict or not warnings:
        result = add_proposals_locked(
            proposals,
            glossary=glossary,
            wait=wait,
            ids=ids,
            accepted=accepted,
            update=update,
            encoding=encoding,
            dry_run=dry_run,
        )
        return ReviewedAdd(tuple(warnings), result)
    flagged = {w.id for w in warnings}
    refused = [
        Outcome(w.line, w.id, "refused", f"--strict: {w.code}: {w.message}")
        for w in {w.id: w for w in warnings}.values()
    ]
    wanted = {x for v in ids for x in re.split(r"[,\s]+", v) if x}
    keep = [
        e.id
        for _, e, st in read_proposals(proposals, encoding=encoding)
        if e.id not in flagged and ((e.id in wanted) if wanted else st in ACCEPTED)
    ]
    if not keep:
        return ReviewedAdd(tuple(warnings), AddResult(str(proposals), tuple(refused), (), dry_run))
    result = add_proposals_locked(
        proposals, glossary=glossary, wait=wait, ids=keep, update=update, encoding=encoding, dry_run=dry_run
    )
    outcomes = sorted([*refused, *result.outcomes], key=lambda o: o.line)
    return ReviewedAdd(tuple(warnings), replace(result, outcomes=tuple(outcomes)))
