"""Term QA: check a Korean translation against the glossary and its English source.

Rules (see :data:`termdesk.qa.rules.RULES`) each have an id, a severity and
examples; they return :class:`Finding` values. Entry points:
:func:`check_translation` (paths in, :class:`QAResult` out) and
:func:`check_documents` (documents already read).
"""

from __future__ import annotations

from .base import Rule, Run
from .engine import check_documents, check_translation
from .records import (
    AnalysedDocument,
    AnalysedSegment,
    Document,
    Finding,
    QAResult,
    RuleExample,
    Segment,
    TermHit,
)
from .rules import RULE_IDS, RULES, get_rules

__all__ = [
    "RULES",
    "RULE_IDS",
    "AnalysedDocument",
    "AnalysedSegment",
    "Document",
    "Finding",
    "QAResult",
    "Rule",
    "RuleExample",
    "Run",
    "Segment",
    "TermHit",
    "check_documents",
    "check_translation",
    "get_rules",
]
