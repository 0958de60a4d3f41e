"""Attributive nouns: a capability noun used before another noun takes the Korean of the act, not the capability.

``deterrent`` is 억제력 (the capability: ``a credible deterrent``), but ``a deterrent posture`` is
억제태세 and ``a strong deterrent signal`` 억제 신호: Korean joins the act (억제) to the noun it
modifies. The table names the glossary entry matched, the entry whose Korean the attributive use
takes, and the nouns after which the word is attributive (a closed list: ``the deterrent remains``
is a noun and a verb, never read as attributive).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..glossary import Entry
from ..match import Match
from .rules import NewsroomRule, make_match, replace_span

__all__ = ["ATTRIBUTIVE", "ATTRIBUTIVE_RULES", "Attributive", "apply_attributive"]


@dataclass(frozen=True)
class Attributive:
    """A glossary noun (``entry_id``) that, before one of ``heads``, renders as ``as_entry``'s Korean."""

    entry_id: str
    as_entry: str
    heads: tuple[str, ...]
    rule: NewsroomRule


ATTRIBUTIVE: tuple[Attributive, ...] = (
    Attributive(
        "concept:deterrent",
        "concept:deterrence",
        (
            "posture",
            "postures",
            "signal",
            "signals",
            "message",
            "messages",
            "effect",
            "effects",
            "value",
            "measures",
            "role",
            "strategy",
            "options",
            "actions",
        ),
        NewsroomRule(
            "term-attributive",
            "attributive",
            "'deterrent' before the noun it modifies (posture, signal, message …) → 억제 (억제태세, 억제 신호), "
            "not the capability 억제력",
            "Austin said a strong deterrent posture is needed.",
            "억제",
        ),
    ),
)

ATTRIBUTIVE_RULES: tuple[NewsroomRule, ...] = tuple(a.rule for a in ATTRIBUTIVE)


def apply_attributive(text: str, ms: list[Match], entries: Iterable[Entry]) -> list[Match]:
    """Each plain match of an :data:`ATTRIBUTIVE` entry followed by one of its head nouns → the other entry's Korean.

    ``entries``: the glossary (the Korean comes from it, never from this table).
    """
    wanted = {a.as_entry for a in ATTRIBUTIVE}
    by_id = {e.id: e for e in entries if e.id in wanted}
    for a in ATTRIBUTIVE:
        target = by_id.get(a.as_entry)
        if target is None:
            continue
        heads = re.compile(rf"\s+(?:{'|'.join(a.heads)})(?![\w-])")
        for m in list(ms):
            if m.entry is None or m.entry.id != a.entry_id or m.rule or m.composed_of:
                continue
            if not heads.match(text, m.end):
                continue
            ms = replace_span(ms, make_match(text, m.start, m.end, target.ko, a.rule.id, entry=target, parts=(m,)))
    return ms
