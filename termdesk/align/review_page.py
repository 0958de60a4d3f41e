"""The review page for a proposals file (``termdesk glossary review PROPOSALS -o review.html``).

:func:`read_review` reads what a reviewer needs for each row of a proposals file
(``termdesk align`` output, perhaps already edited): the English term, its type (and the
type's confidence, when the file has a ``type_confidence`` column), status, the offered
``ko`` with its calibrated score, the alternatives with theirs (an abstaining row's
proposals are all alternatives, marked not offered), the one-line evidence, the warnings
``termdesk glossary add`` would give (:func:`termdesk.align.review.review_rows`, run over
every row), and the evidence sentences side by side: the English sentences holding the term
and the Korean sentences aligned with them.

The sentences are not in the proposals file: they are read from the article pairs — the
Korean files named in the ``source`` column (``parallel text: A.ko.txt``), looked for beside
the proposals file and in the working folder, or every Korean file of ``ko_text``; the English article beside
each Korean file (:func:`termdesk.pairing.english_candidates`) or, by name, among ``en_text`` — and aligned as
``termdesk align`` aligns them (:class:`~termdesk.align.propose.Proposer`, anchored by the
same glossary). A pair that cannot be found is a notice, not an error: evidence is a help.

:func:`write_review_page` renders the page (:func:`termdesk.report.review_html.render_review_html`)
and writes it atomically; it never writes over an input, nor over an existing file that is
not a page termdesk wrote (unless ``force``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConflictError, InputError, UsageError
from ..glossary import Entry
from .review import RowWarning, review_rows

if TYPE_CHECKING:  # pragma: no cover
    from .bitext import Bitext

__all__ = [
    "Alternative",
    "EvidencePair",
    "ReviewItem",
    "ReviewPage",
    "WrittenPage",
    "parse_alternatives",
    "read_review",
    "write_review_page",
]

#: Evidence sentence pairs shown per candidate (the rest are counted).
SENTENCES = 3

_ALTERNATIVE = re.compile(r"^(?P<ko>.*?\S)\s*\(\s*(?P<score>\d+(?:\.\d+)?|\.\d+)\s*,\s*(?P<source>[^(),]+?)\s*\)$")
_SOURCE_FILES = re.compile(r"^parallel text:\s*(?P<files>.+)$")
_EVIDENCE_REFS = re.compile(r"\(((?:[\w.-]+:\d+)(?:,\s*[\w.-]+:\d+)*)\)")
_FIX = "or write the file again with `termdesk align`"


@dataclass(frozen=True)
class Alternative:
    """A proposal the row does not offer as ``ko``: a runner-up, or (``offered`` false) one below the threshold."""

    ko: str
    score: float
    source: str
    offered: bool = True


@dataclass(frozen=True)
class EvidencePair:
    """An English sentence holding the term (at [start, end)) and the Korean sentence(s) aligned with it.

    ``where``: ``ARTICLE:N`` (N counts sentences from 1, as the ``evidence`` column does);
    ``ko`` is empty when no Korean sentence is aligned with it.
    """

    where: str
    en: str
    start: int
    end: int
    ko: str


@dataclass(frozen=True)
class ReviewItem:
    """One row of the proposals file, as the reviewer sees it."""

    line: int
    entry: Entry
    status: str
    score: float | None
    evidence: str
    alternatives: tuple[Alternative, ...]
    type_confidence: str
    warnings: tuple[RowWarning, ...]
    sentences: tuple[EvidencePair, ...]
    occurrences: int

    @property
    def proposal(self) -> str:
        """``offered`` (``ko`` filled), ``abstained`` (only alternatives, all below the threshold) or ``none``."""
        if self.entry.ko:
            return "offered"
        return "abstained" if self.alternatives else "none"


@dataclass(frozen=True)
class ReviewPage:
    """Everything on the page: the rows in file order, the article pairs read, notices (pairs not found)."""

    proposals: str
    items: tuple[ReviewItem, ...]
    pairs: tuple[tuple[str, str], ...]  # (English, Korean) file of each article pair read
    notices: tuple[str, ...]

    def count(self, proposal: str) -> int:
        return sum(1 for i in self.items if i.proposal == proposal)

    @property
    def flagged(self) -> int:
        """Rows with at least one review warning."""
        return sum(1 for i in self.items if i.warnings)


@dataclass(frozen=True)
class WrittenPage:
    """What :func:`write_review_page` wrote."""

    output: str
    page: ReviewPage


# --------------------------------------------------------------------------- cells


def parse_alternatives(cell: str, *, path: str | Path, line: int, offered: bool = True) -> tuple[Alternative, ...]:
    """The ``alternatives`` cell: ``KO (SCORE, SOURCE) | …`` as ``termdesk align`` writes it.

    >>> parse_alternatives("위협 (0.07, parallel) | 국방부 (0.07, parallel)", path="p.csv", line=2)[0]
    Alternative(ko='위협', score=0.07, source='parallel', offered=True)
    """
    out: list[Alternative] = []
    for item in (x.strip() for x in cell.split(" | ")):
        if not item:
            continue
        m = _ALTERNATIVE.match(item)
        if m is None or float(m.group("score")) > 1:
            raise InputError.at(
                path,
                line,
                f"alternatives item {item!r} is not 'KO (SCORE, SOURCE)' with a score from 0 to 1",
                f"correct the cell (items separated by ' | '), {_FIX}",
            )
        out.append(Alternative(m.group("ko"), float(m.group("score")), m.group("source"), offered))
    return tuple(out)


def _score(cell: str, *, path: str | Path, line: int) -> float | None:
    if not cell:
        return None
    try:
        value = float(cell)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise InputError.at(
            path, line, f"score {cell!r} is not a number from 0 to 1", f"correct the cell or leave it empty, {_FIX}"
        )
    return value


def _header(path: Path) -> list[str]:
    """The first line's cells, lower-cased (only to name the kind of file that was given)."""
    from ..textio import read_bytes

    first = read_bytes(path).split(b"\n", 1)[0].decode("utf-8", errors="replace").lstrip("\ufeff")
    return [c.strip().strip('"').lower() for c in first.split(",")]


def _extra_cells(path: Path, *, encoding: str | None) -> dict[int, dict[str, str]]:
    """The cells of every row by line, header names lower-cased (the columns ``read_proposals`` leaves out)."""
    from ..glossary import normalise_cell, parse_csv_text
    from ..textio import decode_bytes, read_bytes, unneutralise

    raw = parse_csv_text(decode_bytes(read_bytes(path), path, encoding=encoding), str(path))
    return {
        r.line: {k.strip().lower(): normalise_cell(unneutralise(v or "")) for k, v in r.values.items()}
        for r in raw.rows
    }


# --------------------------------------------------------------------------- article pairs


def _named_korean_files(rows: Sequence[tuple[Entry, str]]) -> list[tuple[str, tuple[str, ...]]]:
    """The Korean files the rows name, in order: ``(what, file names to try)``.

    A ``source`` cell names files (``parallel text: A.ko.txt, B.ko.txt``); an ``evidence`` cell names the sentence
    pairs it counted (``… aligned sentence pair(s) (A:5, B:3)``), so an abstaining row (no ``source``) names its
    article too: ``A`` is looked for as ``A.ko.txt`` (and the other article suffixes).
    """
    from ..pairing import KO_TAG, PAIR_SUFFIXES

    out: dict[str, tuple[str, ...]] = {}
    for entry, evidence in rows:
        m = _SOURCE_FILES.match(entry.source)
        for name in (n.strip() for n in (m.group("files").split(",") if m else ())):
            if name:
                out.setdefault(name, (name,))
        for refs in _EVIDENCE_REFS.findall(evidence):
            for ref in refs.split(","):
                article = ref.strip().rsplit(":", 1)[0]
                out.setdefault(f"{article}{KO_TAG}.txt", tuple(f"{article}{KO_TAG}{s}" for s in PAIR_SUFFIXES))
    return list(out.items())


def _korean_files(
    rows: Sequence[tuple[Entry, str]], *, ko_text: Sequence[str | Path], folders: Sequence[Path]
) -> tuple[list[Path], list[str]]:
    """The Korean files to read (every one of ``ko_text``, else those the rows name, found in ``folders``)."""
    from ..pairing import korean_files

    if ko_text:
        return list(korean_files(ko_text).values()), []
    found: list[Path] = []
    notices: list[str] = []
    for shown, names in _named_korean_files(rows):
        hit = next((f / n for n in names for f in folders if (f / n).is_file()), None)
        if hit is None:
            where = ", ".join(str(f) for f in folders)
            notices.append(
                f"{shown} (named in the proposals) was not found in {where}: its evidence sentences are not "
                "shown — give its folder with --ko-text"
            )
        elif hit not in found:
            found.append(hit)
    return found, notices


def _pairs(
    ko_files: Sequence[Path], *, en_text: Sequence[str | Path], encoding: str | None
) -> tuple[list[Bitext], list[str]]:
    """The English article of each Korean file, read as sentence pairs (not yet aligned), and notices."""
    from ..pairing import article_name, english_articles, english_candidates
    from .bitext import read_pair

    given: dict[str, Path] = {}
    for f in english_articles(en_text) if en_text else ():
        given.setdefault(article_name(f), f)
    out: list[Bitext] = []
    notices: list[str] = []
    seen: set[str] = set()
    for ko in ko_files:
        name = article_name(ko)
        if name in seen:
            continue
        seen.add(name)
        looked = english_candidates(ko)
        en = given.get(name) or next((c for c in looked if c.is_file()), None)
        if en is None:
            also = " or among --en-text" if en_text else ""
            notices.append(
                f"{ko}: its English article was not found (looked for {looked[0]}, {looked[1]}{also}): its "
                "sentences are not shown — put the English article beside it, or give it with --en-text"
            )
            continue
        out.append(read_pair(en, ko, encoding=encoding))
    return out, notices


# --------------------------------------------------------------------------- evidence sentences


def _evidence(entry: Entry, pairs: Sequence[Bitext], *, best: str, limit: int) -> tuple[tuple[EvidencePair, ...], int]:
    """Up to ``limit`` sentence pairs holding the term (those whose Korean holds ``best`` — the offered ``ko``, else
    the first alternative — first), and how many English sentences hold it in all."""
    from .candidates import Candidate
    from .occurrences import find_occurrences

    if not entry.en or not pairs:
        return (), 0
    cand = Candidate(canonical=entry.en, variants=entry.en_variants, type=entry.type)
    found: dict[tuple[int, int], EvidencePair] = {}
    for occ in find_occurrences(cand, pairs):
        key = (occ.pair, occ.sentence)
        if key in found:
            continue
        b = pairs[occ.pair]
        ko = " ".join(b.ko[j] for j in b.ko_for(occ.sentence))
        found[key] = EvidencePair(f"{b.name}:{occ.sentence + 1}", b.en[occ.sentence], occ.start, occ.end, ko)
    ranked = sorted(found.values(), key=lambda p: (not (best and best in p.ko), not p.ko))
    return tuple(ranked[:limit]), len(found)


# --------------------------------------------------------------------------- the page


def read_review(
    proposals: str | Path,
    *,
    ko_text: Sequence[str | Path] = (),
    en_text: Sequence[str | Path] = (),
    glossary: str | Path | Sequence[str | Path] | None = None,
    encoding: str | None = None,
    sentences: int = SENTENCES,
) -> ReviewPage:
    """Every row of ``proposals`` with its scores, warnings and evidence sentences; see the module doc.

    ``glossary``: anchors the sentence alignment as in ``termdesk align`` (None: numbers and Latin tokens only).
    ``InputError`` naming the file and line for a file that is not a proposals file or a malformed cell.
    """
    from ..glossary import Glossary, load_valid_glossary
    from .merge import read_proposals
    from .propose import Proposer

    path = Path(proposals)
    if str(proposals) == "-":
        raise UsageError("give the proposals file by name: the page is built from it in more than one pass")
    try:
        rows = read_proposals(path, encoding=encoding)
    except InputError as exc:
        if exc.line == 1 and exc.what.startswith("missing column") and "canonical" in _header(path):
            raise InputError.at(
                path,
                1,
                "a candidates file (`termdesk mine` output), not a proposals file",
                f"run `termdesk align {path} -o PROPOSALS.csv` and review the file it writes",
            ) from None
        raise
    cells = _extra_cells(path, encoding=encoding)
    entries = [e for _, e, _ in rows]
    folders = list(dict.fromkeys([path.parent, Path.cwd()]))
    named = [(e, cells.get(line, {}).get("evidence", "")) for line, e, _ in rows]
    ko_files, notices = _korean_files(named, ko_text=ko_text, folders=folders)
    texts, more = _pairs(ko_files, en_text=en_text, encoding=encoding)
    notices.extend(more)
    bitexts: list[Bitext] = []
    if texts:
        anchors = load_valid_glossary(glossary) if glossary is not None else Glossary([])
        bitexts = Proposer(anchors, texts).bitexts
    search = list(dict.fromkeys(f.parent for f in ko_files))
    warnings: dict[int, list[RowWarning]] = {}
    ids = [e.id for e in entries]
    if ids:
        for w in review_rows(path, ids=ids, encoding=encoding, search=search):
            warnings.setdefault(w.line, []).append(w)
    items: list[ReviewItem] = []
    for line, entry, status in rows:
        row = cells.get(line, {})
        score = _score(row.get("score", ""), path=path, line=line)
        alternatives = parse_alternatives(
            row.get("alternatives", ""), path=path, line=line, offered=bool(entry.ko) or not row.get("alternatives")
        )
        best = entry.ko or (alternatives[0].ko if alternatives else "")
        shown, total = _evidence(entry, bitexts, best=best, limit=sentences)
        items.append(
            ReviewItem(
                line,
                entry,
                status,
                score,
                row.get("evidence", ""),
                alternatives,
                row.get("type_confidence", "").casefold(),
                tuple(warnings.get(line, ())),
                shown,
                total,
            )
        )
    files = tuple((b.en_path, b.ko_path) for b in bitexts)
    return ReviewPage(str(path), tuple(items), files, tuple(notices))


def write_review_page(
    proposals: str | Path,
    *,
    output: str | Path,
    ko_text: Sequence[str | Path] = (),
    en_text: Sequence[str | Path] = (),
    glossary: str | Path | Sequence[str | Path] | None = None,
    encoding: str | None = None,
    sentences: int = SENTENCES,
    force: bool = False,
) -> WrittenPage:
    """:func:`read_review`, rendered and written to ``output`` atomically.

    ``UsageError`` when ``output`` is the proposals file, an article read or a glossary file (``force`` does not
    change that); ``ConflictError`` when it exists and is not a page termdesk wrote, unless ``force``.
    """
    from ..glossary import glossary_files
    from ..pairing import Side, english_articles, korean_files, side_of
    from ..report.review_html import render_review_html
    from ..textio import atomic_write, refuse_input_overwrite

    out = Path(output)
    fix = "write the page to a new file, e.g. review.html"
    refuse_input_overwrite(out, [proposals], what="the proposals file", fix=fix)
    articles = [*korean_files(ko_text).values(), *(english_articles(en_text) if en_text else ())]
    refuse_input_overwrite(out, articles, what="an article being read", fix=fix)
    if glossary is not None:
        gpaths = [glossary] if isinstance(glossary, (str, Path)) else list(glossary)
        refuse_input_overwrite(
            out, glossary_files([g for g in gpaths if Path(g).exists()]), what="a glossary file", fix=fix
        )
    if out.is_dir():
        raise UsageError(f"-o {out} is a directory — give a file name, e.g. review.html")
    ours = out.suffix.lower() in (".html", ".htm") and side_of(out) is Side.OUTPUT
    if out.exists() and not ours and not force:
        raise ConflictError(
            f"{out}: already exists and is not a page termdesk wrote — choose another -o, or add --force to replace it"
        )
    page = read_review(
        proposals, ko_text=ko_text, en_text=en_text, glossary=glossary, encoding=encoding, sentences=sentences
    )
    refuse_input_overwrite(out, [f for pair in page.pairs for f in pair], what="an article being read", fix=fix)
    atomic_write(out, render_review_html(page))
    return WrittenPage(str(out), page)
