"""Korean equivalents for mined candidates, and merging the reviewed ones into the glossary.

``termdesk align CANDIDATES.csv --ko-text KO… -o terms/NAME-proposals.csv``
calls :func:`align_candidates`; ``termdesk glossary add PROPOSALS.csv`` calls
:func:`~termdesk.align.merge.add_proposals`.

>>> result = align_candidates("terms/seeds.csv", ko_text=["ko/"], output="terms/seeds-proposals.csv")  # doctest: +SKIP
>>> result.results[0].best                                                                         # doctest: +SKIP
Proposal(ko='송영무', score=0.93, source='parallel', evidence='parallel: in 2/2 aligned sentence pair(s) …')

Modules: :mod:`.candidates` (reading ``termdesk mine`` output), :mod:`.bitext`
(article pairs, sentence alignment), :mod:`.kospans` and :mod:`.particles`
(Korean phrases without particles), :mod:`.hangul` (romanisation, names,
transliteration), :mod:`.lexicon` (word equivalents), :mod:`.propose` (the
scorer), :mod:`.merge` (``glossary add``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConflictError, InputError, UsageError
from .candidates import Candidate, context_article, read_candidates
from .propose import Proposal, Proposer, Result, Source, acronym_of

if TYPE_CHECKING:  # pragma: no cover
    from ..formats.tmx import TmxPair
    from ..mt.base import Translator
    from .bitext import Bitext

__all__ = [
    "PROPOSAL_COLUMNS",
    "AlignResult",
    "Candidate",
    "Proposal",
    "Proposer",
    "Result",
    "Source",
    "acronym_of",
    "align_candidates",
    "pair_articles",
    "read_candidates",
    "render_proposals",
]

#: The proposals file: the glossary's columns, then score, evidence and the runners-up.
PROPOSAL_COLUMNS: tuple[str, ...] = (
    "en", "ko", "type", "en_variants", "ko_variants", "ko_avoid", "note", "source", "status", "match",
    "score", "evidence", "alternatives",
)  # fmt: skip


@dataclass(frozen=True)
class PairSummary:
    """One English article and its Korean version as used."""

    name: str
    en_path: str
    ko_path: str
    en_sentences: int
    ko_sentences: int
    en_paragraphs: int
    ko_paragraphs: int
    beads: int


@dataclass(frozen=True)
class AlignResult:
    """What :func:`align_candidates` did: the results per candidate, the pairs used, notices."""

    candidates: str
    output: str
    results: tuple[Result, ...]
    pairs: tuple[PairSummary, ...]
    notices: tuple[str, ...]
    mt: str | None
    tmx: str | None = None
    tmx_units: int = 0
    tmx_below: int = 0  # aligned groups left out of the TMX for a score under min_score

    def counts(self) -> dict[str, int]:
        """Candidates by where their best proposal comes from (``glossary``, ``parallel``, ``mt``, ``none``)."""
        out = {"glossary": 0, "parallel": 0, "mt": 0, "none": 0}
        for r in self.results:
            out[r.best.source if r.best else "none"] += 1
        return out


def pair_articles(
    candidates: Sequence[Candidate],
    *,
    ko_text: Sequence[str | Path],
    en_text: Sequence[str | Path] = (),
    search: Sequence[Path] = (),
    encoding: str | None = None,
) -> tuple[list[Bitext], list[str]]:
    """English articles paired with their Korean versions, read into sentences (not aligned), and notices.

    English articles are those given with ``en_text``, else those named in the
    candidates' contexts, looked for in the Korean files' folders and ``search``.
    ``A.txt`` pairs with ``A.ko.txt``. An article given with ``en_text`` that has
    no Korean version is an error; one only named in a context is noted and skipped.
    """
    from ..text import ARTICLE_SUFFIXES
    from .bitext import english_files, korean_files, read_pair

    ko_files = korean_files(ko_text)
    notices: list[str] = []
    explicit = bool(en_text)
    if explicit:
        en_files = english_files(en_text)
    else:
        names: list[str] = []
        for c in candidates:
            for ctx in c.contexts:
                name = context_article(ctx)
                if name and name not in names:
                    names.append(name)
        dirs: list[Path] = []
        for f in ko_files.values():
            if f.parent not in dirs:
                dirs.append(f.parent)
        dirs.extend(d for d in search if d not in dirs)
        en_files = []
        for name in names:
            found = next(
                (d / f"{name}{ext}" for d in dirs for ext in ARTICLE_SUFFIXES if (d / f"{name}{ext}").is_file()), None
            )
            if found is None:
                if name in ko_files:
                    notices.append(
                        f"{name}: the English article named in the candidates was not found next to {ko_files[name]} — give it with --en-text"
                    )
                continue
            en_files.append(found)
    bitexts = []
    for f in en_files:
        ko = ko_files.get(f.stem)
        if ko is None:
            if explicit:
                where = ", ".join(str(p) for p in ko_text)
                raise InputError.at(
                    f,
                    None,
                    f"no Korean version found ({f.stem}.ko{f.suffix} in {where})",
                    "add it to --ko-text, or leave the article out of --en-text",
                )
            notices.append(f"{f.name}: no Korean version ({f.stem}.ko{f.suffix}); its sentences are not used")
            continue
        bitexts.append(read_pair(f, ko, encoding=encoding))
    if ko_text and not bitexts:
        raise InputError.at(
            ", ".join(str(p) for p in ko_text),
            None,
            "no Korean file matches an English article",
            "name the Korean version of A.txt A.ko.txt, and give the English articles with --en-text",
        )
    return bitexts, notices


def _cell(text: str) -> str:
    return " ".join(text.split())


def render_proposals(results: Sequence[Result]) -> str:
    """The proposals CSV: one row per candidate, glossary columns + score, evidence, alternatives (LF, no BOM)."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(PROPOSAL_COLUMNS)
    for r in results:
        row = r.row.to_row()
        best = r.best
        alts = " | ".join(f"{p.ko} ({p.score:.2f}, {p.source})" for p in r.proposals[1:])
        evidence = (
            best.evidence
            if best
            else "no evidence: the term is not in the glossary, in the aligned Korean text, or in MT"
        )
        if r.candidate.canonical != r.row.en:
            evidence = f"candidate {r.candidate.canonical!r}; " + evidence
        w.writerow(
            [
                *(row[c] for c in PROPOSAL_COLUMNS[:10]),
                f"{best.score:.2f}" if best else "",
                _cell(evidence),
                _cell(alts),
            ]
        )
    return buf.getvalue()


def align_candidates(
    candidates: str | Path,
    *,
    output: str | Path,
    ko_text: Sequence[str | Path] = (),
    en_text: Sequence[str | Path] = (),
    glossary: str | Path | Sequence[str | Path] = "glossary",
    force: bool = False,
    translator: Translator | None = None,
    mt_name: str | None = None,
    encoding: str | None = None,
    top: int = 3,
    tmx: str | Path | None = None,
    min_score: float = 0.0,
) -> AlignResult:
    """Read the candidates, propose Korean for each, write the proposals file atomically.

    Refuses to replace an existing ``output`` unless ``force`` (``ConflictError``),
    and to write over the candidates file (``UsageError``).

    ``tmx``: also write the aligned sentence pairs of the parallel articles as a TMX 1.4b
    translation memory there (pairs scoring under ``min_score`` left out; same overwrite rule).
    """
    from ..glossary import load_glossary
    from ..textio import atomic_write

    out = Path(output)
    src = Path(candidates)
    if src.exists() and out.exists() and out.resolve() == src.resolve():
        raise UsageError(f"-o {out} is the candidates file — write the proposals to a new file")
    if out.is_dir():
        raise UsageError(f"-o {out} is a directory — give a file name")
    if out.exists() and not force:
        raise ConflictError(
            f"{out}: already exists (it may hold a reviewer's edits) — choose another -o, or add --force to replace it"
        )
    if tmx is not None:
        tmx_path = Path(tmx)
        if not ko_text:
            raise UsageError(
                "--tmx needs --ko-text: the memory is built from English articles and their Korean versions"
            )
        if tmx_path.resolve() in (out.resolve(), src.resolve()):
            raise UsageError(f"--tmx {tmx_path} is the -o or candidates file — give the memory its own file")
        if tmx_path.is_dir():
            raise UsageError(f"--tmx {tmx_path} is a directory — give a file name")
        if tmx_path.exists() and not force:
            raise ConflictError(f"{tmx_path}: already exists — choose another --tmx, or add --force to replace it")
    if not 0.0 <= min_score <= 1.0:
        raise UsageError(f"--min-score {min_score}: give a score from 0 to 1")
    if en_text and not ko_text:
        raise UsageError("--en-text needs --ko-text: parallel text is an English article with its Korean version")
    cands = read_candidates(src, encoding=encoding)
    gl = load_glossary(glossary)
    bitexts, notices = (
        pair_articles(cands, ko_text=ko_text, en_text=en_text, search=[src.parent, Path.cwd()], encoding=encoding)
        if ko_text
        else ([], [])
    )
    proposer = Proposer(gl, bitexts, translator=translator)
    results = proposer.propose_all(cands, top=top)
    atomic_write(out, render_proposals(results))
    tmx_units = tmx_below = 0
    if tmx is not None:
        from .. import __version__
        from ..formats.tmx import render_tmx

        memory = tmx_pairs(proposer.bitexts)
        kept = [p for p in memory if p.score >= min_score]
        tmx_units, tmx_below = len(kept), len(memory) - len(kept)
        atomic_write(tmx, render_tmx(kept, tool_version=__version__))
    pairs = tuple(
        PairSummary(b.name, b.en_path, b.ko_path, len(b.en), len(b.ko), b.en_paragraphs, b.ko_paragraphs, len(b.beads))
        for b in proposer.bitexts
    )
    return AlignResult(
        str(src),
        str(out),
        tuple(results),
        pairs,
        tuple(notices),
        mt_name if translator is not None else None,
        str(tmx) if tmx is not None else None,
        tmx_units,
        tmx_below,
    )


def tmx_pairs(bitexts: Sequence[Bitext]) -> list[TmxPair]:
    """The aligned sentence groups of each article as translation-memory pairs (one side empty: left out)."""
    from ..formats.tmx import TmxPair, bead_score

    out: list[TmxPair] = []
    for b in bitexts:
        n = 0
        for bead in b.beads:
            if not bead.en or not bead.ko:
                continue
            n += 1
            en = " ".join(b.en[i] for i in bead.en)
            ko = " ".join(b.ko[j] for j in bead.ko)
            out.append(TmxPair(en, ko, b.name, bead_score(bead.cost), n))
    return out
