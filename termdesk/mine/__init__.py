"""Mine English defense terms and official titles from articles into a reviewable term list.

>>> result = mine(["seeds/"], glossary=load_glossary("glossary"))   # doctest: +SKIP
>>> result.candidates[0]                                             # doctest: +SKIP
Candidate(canonical='Defense Minister', variants=('South Korean Defense Minister',), type='title', ...)

Articles are read one at a time (optionally in worker processes) and merged into
corpus counts; then candidates are scored, merged across variants (plural, case,
``U.S.``/``US``, hyphenation, acronym ↔ full form, forms of one glossary entry),
given a glossary status and sorted. Extractors live in :mod:`.extract`.

Statuses: ``known`` (every surface form is a form of a glossary entry),
``variant-of-known`` (some surface form is missing from the entry: a glossary
improvement), ``new``.

Modules: :mod:`.mining` (:func:`mine`, :func:`mine_documents`), :mod:`.article`
(one article's counts), :mod:`.corpus` (merging and scoring), :mod:`.finalise`
(the named steps from counts to candidates), :mod:`.quality` (no fragments, bare title words,
coordinations or generic phrases; country-prefixed variants of known titles; head-noun types and
``type_confidence``), :mod:`.result` (:class:`Candidate`,
:class:`MineResult`), :mod:`.terms_csv` (the terms CSV), :mod:`.name_variants`
(name consistency), :mod:`.extract` and :mod:`.wordlists` (the extractors and
the word lists they use).
"""

from __future__ import annotations

from .mining import mine, mine_documents
from .name_variants import NameFinding
from .result import STATUSES, TYPES, Candidate, MineResult
from .terms_csv import CSV_COLUMNS, render_csv, write_csv

__all__ = [
    "CSV_COLUMNS",
    "STATUSES",
    "TYPES",
    "Candidate",
    "MineResult",
    "NameFinding",
    "mine",
    "mine_documents",
    "render_csv",
    "write_csv",
]
