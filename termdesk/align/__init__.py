"""Korean equivalents for mined candidates, and merging the reviewed ones into the glossary.

``termdesk align CANDIDATES.csv --ko-text KO… -o terms/NAME-proposals.csv``
calls :func:`align_candidates`; ``termdesk glossary add PROPOSALS.csv`` calls
:func:`~termdesk.align.merge.add_proposals`.

>>> result = align_candidates("terms/seeds.csv", ko_text=["ko/"], output="terms/seeds-proposals.csv")  # doctest: +SKIP
>>> result.results[0].best                                                                         # doctest: +SKIP
Proposal(ko='송영무', score=0.93, source='parallel', evidence='parallel: in 2/2 aligned sentence pair(s) …')

Modules: :mod:`.aligning` (:func:`align_candidates`), :mod:`.candidates`
(reading ``termdesk mine`` output), :mod:`.article_pairs` (English articles with
their Korean versions, paired by :mod:`termdesk.pairing`), :mod:`.bitext` (article pairs,
sentence alignment by :mod:`termdesk.aligner`), :mod:`termdesk.ko.phrases` and
:mod:`termdesk.ko.stems` (Korean phrases without particles), :mod:`termdesk.ko.romanize`
(romanisation, names, transliteration), :mod:`.lexicon` (word equivalents), :mod:`.propose`
(the :class:`Proposer`), :mod:`.units` (what explains a Korean sentence), :mod:`.scoring`
(scoring and calibrating phrases), :mod:`.evidence` (the evidence text), :mod:`.coverage`
(what the glossary already covers), :mod:`.occurrences` (the term in English sentences),
:mod:`.proposal_records` (the records), :mod:`.abstain` (calibrated scores, cross-checks, vetoes:
weak proposals are kept as alternatives, not offered), :mod:`.acronyms`, :mod:`.proposals_csv`
(the proposals file), :mod:`.merge` (``glossary add``), :mod:`.review` (its warnings, ``--strict``).
"""

from __future__ import annotations

from .aligning import AlignResult, PairSummary, align_candidates
from .article_pairs import pair_articles
from .candidates import Candidate, read_candidates
from .proposals_csv import PROPOSAL_COLUMNS, render_proposals
from .propose import Proposal, Proposer, Result, Source, acronym_of

__all__ = [
    "PROPOSAL_COLUMNS",
    "AlignResult",
    "Candidate",
    "PairSummary",
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
