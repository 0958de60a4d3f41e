"""The particle-after-term rule: a particle that does not agree with the term before it.

``국방부 장관는`` → ``국방부 장관은``: the choice between 은/는, 이/가, 을/를, 과/와,
으로/로 … depends on the last syllable of the word it follows. The agreement
itself lives in ``termdesk.ko.particles``; this rule only points it at the
places where a glossary term's Korean form stands in the target.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from ..glossary import Severity
from .base import Rule, Run, target_missing
from .records import AnalysedDocument, AnalysedSegment, Finding, RuleExample
from .terms import leaf_hits


def term_spans(seg: AnalysedSegment) -> list[tuple[int, int]]:
    """Where the glossary terms of a segment stand in its target (longest span at each start)."""
    best: dict[int, int] = {}
    for hit in seg.terms:
        for hits in ((hit,), tuple(leaf_hits((hit,)))):
            for h in hits:
                for s, e in h.target_spans:
                    best[s] = max(best.get(s, e), e)
    spans = sorted(best.items())
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


class ParticleAfterTerm(Rule):
    id = "particle-after-term"
    severity = Severity.ERROR
    summary = (
        "A particle that does not agree with the glossary term it follows (장관는 → 장관은), checked by termdesk.ko."
    )
    examples = (
        RuleExample("Defense Minister Song Young-moo spoke.", "송영무 국방부 장관는 말했다.", True, "장관는"),
        RuleExample("Defense Minister Song Young-moo spoke.", "송영무 국방부 장관은 말했다.", False),
        RuleExample("The THAAD battery arrived.", "사드은 도착했다.", True, "사드은"),
        RuleExample("The THAAD battery arrived.", "사드는 도착했다.", False),
    )

    def check_segment(self, doc: AnalysedDocument, seg: AnalysedSegment, run: Run) -> Iterable[Finding]:
        if target_missing(seg):
            return
        from ..ko.particles import check_particles

        target = unicodedata.normalize("NFC", seg.segment.target)  # the spans' text (forms.KoreanText)
        for issue in check_particles(target, term_spans(seg)):
            yield self.finding(
                doc,
                seg.segment.index,
                f"particle after {issue.word}: {issue.found} should be {issue.expected}",
                f"{issue.word}{issue.found}",
            )
