"""The proposals file ``termdesk align`` writes: the glossary's columns, then score, evidence, alternatives and
the type's confidence (``type_confidence``: ``high``/``low`` as ``mine`` judged the type, ``high`` for a type the
glossary gives, empty when unknown; older files lack the column, and readers treat it as optional)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..textio import neutralise
from .abstain import OFFER_THRESHOLD
from .propose import Result

#: The proposals file: the glossary's columns, then score, evidence and the runners-up.
PROPOSAL_COLUMNS: tuple[str, ...] = (
    "en", "ko", "type", "en_variants", "ko_variants", "ko_avoid", "note", "source", "status", "match",
    "score", "evidence", "alternatives", "type_confidence",
)  # fmt: skip


def _cell(text: str) -> str:
    return " ".join(text.split())


def _type_confidence(r: Result) -> str:
    """``high`` for a type the glossary gives, the candidate's own confidence for the type ``mine`` gave, else empty."""
    if r.covered:
        return "high"
    return r.candidate.type_confidence if r.row.type == r.candidate.type else ""


def render_proposals(results: Sequence[Result]) -> str:
    """The proposals CSV: one row per candidate, glossary columns + score, evidence, alternatives (LF, no BOM);
    formula-like cells neutralised with ``'`` (``glossary add`` strips it again)."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(PROPOSAL_COLUMNS)
    for r in results:
        row = r.row.to_row()
        best = r.best
        abstained = best is not None and not r.row.ko
        shown = r.proposals if abstained else r.proposals[1:]
        alts = " | ".join(f"{p.ko} ({p.score:.2f}, {p.source})" for p in shown)
        evidence = (
            best.evidence
            if best
            else "no evidence: the term is not in the glossary, in the aligned Korean text, or in MT"
        )
        if abstained:
            evidence = f"not offered: best score below {OFFER_THRESHOLD:.2f} (see alternatives); " + evidence
        if r.candidate.canonical != r.row.en:
            evidence = f"candidate {r.candidate.canonical!r}; " + evidence
        cells = [
            *(row[c] for c in PROPOSAL_COLUMNS[:10]),
            f"{best.score:.2f}" if best else "",
            _cell(evidence),
            _cell(alts),
            _type_confidence(r),
        ]
        w.writerow(neutralise(c) for c in cells)
    return buf.getvalue()
