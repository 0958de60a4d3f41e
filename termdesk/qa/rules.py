"""The rule table: every QA rule, in report order, each with its id, severity and examples."""

from __future__ import annotations

from .alignment import Alignment
from .base import Rule
from .date_rules import Anachronism
from .name_rules import SourceNameVariant
from .numbers import Numbers
from .particles import ParticleAfterTerm
from .target_rules import DeformedTerm, UnsupportedTerm
from .term_rules import AvoidedRendering, Inconsistency, KeyTermMismatch
from .untranslated import Untranslated

RULES: tuple[Rule, ...] = (
    Untranslated(),
    Alignment(),
    KeyTermMismatch(),
    AvoidedRendering(),
    DeformedTerm(),
    UnsupportedTerm(),
    ParticleAfterTerm(),
    Numbers(),
    Inconsistency(),
    SourceNameVariant(),
    Anachronism(),
)

RULE_IDS: tuple[str, ...] = tuple(r.id for r in RULES)


def get_rules(ids: tuple[str, ...] | list[str] | None = None) -> tuple[Rule, ...]:
    """The rules named (all when ``ids`` is empty); unknown ids raise ``UsageError``."""
    if not ids:
        return RULES
    from ..errors import UsageError

    unknown = [i for i in ids if i not in RULE_IDS]
    if unknown:
        raise UsageError(f"unknown rule {unknown[0]!r} — choose from: {', '.join(RULE_IDS)}")
    return tuple(r for r in RULES if r.id in ids)
