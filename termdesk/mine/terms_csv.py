"""The terms CSV that ``termdesk mine`` writes: one row per candidate, columns :data:`CSV_COLUMNS`."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from ..textio import neutralise
from .result import Candidate, MineResult

CSV_COLUMNS: tuple[str, ...] = (
    "canonical",
    "variants",
    "type",
    "freq",
    "doc_freq",
    "score",
    "status",
    "entry_id",
    "linked",
    "contexts",
    "type_confidence",
)
SEP = " | "


def render_csv(candidates: Sequence[Candidate]) -> str:
    """The terms CSV: header :data:`CSV_COLUMNS`, one row per candidate, LF, QUOTE_MINIMAL; formula-like
    cells neutralised with ``'`` (it is opened in a spreadsheet; ``align`` strips the ``'`` again)."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(CSV_COLUMNS)
    for c in candidates:
        w.writerow(
            neutralise(str(cell))
            for cell in [
                c.canonical,
                SEP.join(c.variants),
                c.type,
                c.freq,
                c.doc_freq,
                f"{c.score:.3f}",
                c.status,
                c.entry_id,
                SEP.join(c.linked),
                SEP.join(c.contexts),
                c.type_confidence,
            ]
        )
    return buf.getvalue()


def write_csv(result: MineResult, path: str | Path) -> Path:
    """Write the terms CSV atomically."""
    from ..textio import atomic_write

    return atomic_write(path, render_csv(result.candidates))
