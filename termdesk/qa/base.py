"""The rule protocol: a small class per rule, with an id, a severity, a summary and examples."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ..glossary import Severity
from .records import AnalysedDocument, AnalysedSegment, Finding, RuleExample

if TYPE_CHECKING:  # pragma: no cover
    from ..glossary import Glossary


@dataclass(frozen=True)
class Run:
    """What every rule sees: the glossary and all documents of the run, analysed."""

    glossary: Glossary
    documents: tuple[AnalysedDocument, ...]


class Rule:
    """Base class. Segment rules override :meth:`check_segment`; run rules override :meth:`check`.

    ``severity`` is the rule's severity; a rule may give a single finding a lower
    one where its table entry says so (e.g. avoided-rendering without the English
    term in the source is a warning).
    """

    id: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str] = ""
    examples: ClassVar[tuple[RuleExample, ...]] = ()

    def check(self, run: Run) -> Iterator[Finding]:
        for doc in run.documents:
            for seg in doc.segments:
                yield from self.check_segment(doc, seg, run)

    def check_segment(self, doc: AnalysedDocument, seg: AnalysedSegment, run: Run) -> Iterable[Finding]:
        return ()

    def finding(
        self,
        doc: AnalysedDocument,
        segment: int,
        message: str,
        evidence: str = "",
        *,
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(
            rule=self.id,
            severity=severity or self.severity,
            doc=doc.document.name,
            segment=segment,
            message=message,
            evidence=evidence,
        )


def target_missing(seg: AnalysedSegment) -> bool:
    """True when the target is empty, has no Hangul at all, or has Hangul only inside brackets
    (a glossed English sentence): the untranslated rule reports it, and content rules (terms,
    numbers) stay quiet rather than pile on."""
    from ..ko.hangul import has_syllable
    from .untranslated import korean_only_in_brackets

    target = seg.segment.target
    return not target.strip() or not has_syllable(target) or korean_only_in_brackets(target)
