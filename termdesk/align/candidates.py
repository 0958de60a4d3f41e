"""Reading the candidates file written by ``termdesk mine`` (``terms/NAME.csv``).

Columns used (others are ignored): ``canonical`` (or ``en``), ``variants`` (or
``en_variants``), ``type``, ``status``, ``entry_id``, ``linked``, ``contexts``, ``type_confidence``
(``high``/``low``: how sure ``mine`` is of the type; empty in older files).
Lists are ``|``-separated. A context is ``ARTICLE:LINE: snippet with [term]``;
the article name is the file's stem, used to find its Korean version.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..glossary import normalise_cell, split_list
from ..textio import read_text, unneutralise

__all__ = ["Candidate", "context_article", "context_sentence", "read_candidates"]


@dataclass(frozen=True)
class Candidate:
    """One mined candidate term."""

    canonical: str
    variants: tuple[str, ...] = ()
    type: str = ""
    status: str = ""
    entry_id: str = ""
    linked: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    line: int = 0
    type_confidence: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.canonical, *(v for v in self.variants if v != self.canonical))


_CONTEXT = re.compile(r"^(?P<article>[^:|]+?):(?P<line>\d+):\s?(?P<text>.*)$")


def context_article(context: str) -> str | None:
    """The article name a context points to: ``scm_2017:5: …`` → ``scm_2017``."""
    m = _CONTEXT.match(context.strip())
    return m.group("article").strip() if m else None


def context_sentence(context: str) -> str:
    """The snippet of a context without its location, brackets and ellipses."""
    m = _CONTEXT.match(context.strip())
    text = m.group("text") if m else context
    return text.replace("[", "").replace("]", "").strip("… ").strip()


def read_candidates(path: str | Path, *, encoding: str | None = None) -> list[Candidate]:
    """Candidates from a terms CSV; ``InputError`` for an empty or headless file."""
    import pandas as pd

    p = Path(path)
    text = read_text(p, encoding=encoding)
    if not text.strip():
        raise InputError.at(p, None, "empty candidates file", f"run `termdesk mine ARTICLES -o {p}` first")
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False, skip_blank_lines=True)
    except pd.errors.ParserError as exc:
        raise InputError.at(
            p,
            None,
            f"not a readable CSV ({str(exc).splitlines()[0]})",
            "check quoting, or write it again with `termdesk mine`",
        ) from None
    frame = frame.map(unneutralise)  # the ' that `mine` put before formula-like cells
    columns = {c.strip().lower(): c for c in frame.columns}
    en_col = columns.get("canonical") or columns.get("en")
    if en_col is None:
        raise InputError.at(p, 1, "no 'canonical' (or 'en') column", "give the terms CSV written by `termdesk mine`")
    if frame.empty:
        raise InputError.at(
            p, None, "no candidates (header only)", f"run `termdesk mine ARTICLES -o {p}` on articles with terms"
        )

    def col(*names: str) -> str | None:
        for n in names:
            if n in columns:
                return columns[n]
        return None

    var_col, type_col = col("variants", "en_variants"), col("type")
    status_col, id_col, linked_col, ctx_col = col("status"), col("entry_id"), col("linked"), col("contexts")
    conf_col = col("type_confidence")
    out: list[Candidate] = []
    for i, row in enumerate(frame.to_dict("records")):
        en = normalise_cell(row[en_col])
        if not en:
            continue
        out.append(
            Candidate(
                canonical=en,
                variants=tuple(normalise_cell(v) for v in split_list(row[var_col])) if var_col else (),
                type=normalise_cell(row[type_col]).casefold() if type_col else "",
                status=normalise_cell(row[status_col]) if status_col else "",
                entry_id=normalise_cell(row[id_col]) if id_col else "",
                linked=tuple(split_list(row[linked_col])) if linked_col else (),
                contexts=tuple(split_list(row[ctx_col])) if ctx_col else (),
                line=i + 2,
                type_confidence=normalise_cell(row[conf_col]).casefold() if conf_col else "",
            )
        )
    if not out:
        raise InputError.at(
            p, None, "no candidates (every canonical cell is empty)", f"run `termdesk mine ARTICLES -o {p}` again"
        )
    return out
