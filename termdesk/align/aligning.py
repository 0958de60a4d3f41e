"""Running the align stage: read the candidates, pair the articles, propose Korean, write the proposals file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConflictError, UsageError
from .article_pairs import pair_articles
from .candidates import read_candidates
from .proposals_csv import render_proposals
from .propose import Proposer, Result

if TYPE_CHECKING:  # pragma: no cover
    from ..formats.tmx import TmxPair
    from ..mt.base import Translator
    from .bitext import Bitext


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
        """Candidates by where their offered ``ko`` comes from (``glossary``, ``parallel``, ``mt``), ``abstained``
        (proposals all below the threshold, kept as alternatives) and ``none``."""
        out = {"glossary": 0, "parallel": 0, "mt": 0, "abstained": 0, "none": 0}
        for r in self.results:
            if r.best is None:
                out["none"] += 1
            elif not r.row.ko:
                out["abstained"] += 1
            else:
                out[r.best.source] += 1
        return out


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
    from ..glossary import load_valid_glossary
    from ..textio import atomic_write

    out = Path(output)
    src = Path(candidates)
    from ..glossary import glossary_files
    from ..pairing import walk_files
    from ..textio import refuse_input_overwrite

    refuse_input_overwrite(out, [src], what="the candidates file")
    refuse_input_overwrite(out, [f for f, _ in walk_files([*ko_text, *en_text])], what="a text being aligned")
    gpaths = [glossary] if isinstance(glossary, (str, Path)) else list(glossary)
    refuse_input_overwrite(out, glossary_files([g for g in gpaths if Path(g).exists()]), what="a glossary file")
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
    gl = load_valid_glossary(glossary)
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
