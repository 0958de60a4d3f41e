"""Records shared by the QA rules, the engine and the reports (frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..glossary import Entry, Severity


@dataclass(frozen=True)
class Finding:
    """One problem found in a translation. A value: rules return these, never raise.

    ``segment`` is the 1-based segment number in ``doc`` (0: the whole document).
    ``evidence`` is the text that shows the problem (the source term, the form found).
    """

    rule: str
    severity: Severity
    doc: str
    segment: int
    message: str
    evidence: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "doc": self.doc,
            "segment": self.segment,
            "message": self.message,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class Segment:
    """One aligned source/target pair: a PO entry, or a paragraph of an English/Korean file pair."""

    index: int  # 1-based within the document
    source: str
    target: str
    paragraph: int | None = None  # 1-based paragraph of the article, when known
    line: int | None = None  # line in the target file (PO: the msgstr line)
    fuzzy: bool = False


#: Document kinds read from one bilingual file, located by file:line rather than by paragraph.
BILINGUAL: frozenset[str] = frozenset({"po", "xliff"})


@dataclass(frozen=True)
class Document:
    """One article to check: its name, where it came from, its aligned segments."""

    name: str
    source_path: str
    target_path: str
    segments: tuple[Segment, ...]
    kind: str = "text"  # "text" (EN file + KO file), "po" or "xliff" (a bilingual file: see BILINGUAL)
    #: (English paragraphs, Korean paragraphs) when the counts differ; the article is then
    #: checked as one block (see the alignment rule).
    unaligned: tuple[int, int] | None = None
    #: the ``--date`` option: the article's date unless its dateline gives a full one
    date: date | None = None


@dataclass(frozen=True)
class RuleExample:
    """A rule-table example: a source, a target, and whether the rule must fire on them."""

    source: str
    target: str
    fires: bool
    note: str = ""


@dataclass(frozen=True)
class TermHit:
    """A glossary term in a source segment and what the target has for it.

    ``accepted`` are the Korean forms that satisfy it (glossary ko, ko_variants,
    designators, documented alternates); ``found`` is the longest glossary form
    present in the target (None when only an alternate or nothing was found);
    ``ok`` says whether the term counts as rendered.
    """

    start: int
    end: int
    en: str
    entry_id: str
    type: str
    expected: str
    accepted: tuple[str, ...]
    found: str | None
    ok: bool
    approved: bool = True
    target_spans: tuple[tuple[int, int], ...] = ()
    parts: tuple[TermHit, ...] = ()
    how: str = ""  # how it was accepted: "form", "designator", "family-name", "rank-dropped", …
    dropped: str = ""  # when not rendered: why Korean copy routinely leaves it out (reported as info)
    #: The matched glossary entry (rules read it instead of looking the id up in the whole glossary).
    entry: Entry | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class AnalysedSegment:
    """A segment with its glossary terms worked out (shared by the rules and the reports)."""

    segment: Segment
    terms: tuple[TermHit, ...] = ()


@dataclass(frozen=True)
class AnalysedDocument:
    document: Document
    segments: tuple[AnalysedSegment, ...]
    #: the article's date (dateline, else ``Document.date``); dated glossary renderings follow it
    date: date | None = None


@dataclass(frozen=True)
class QAResult:
    """Everything a report needs: the documents as analysed, the findings, the rules that ran."""

    documents: tuple[AnalysedDocument, ...]
    findings: tuple[Finding, ...]
    rules: tuple[str, ...]
    skipped: tuple[str, ...] = field(default=())

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def at_or_above(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity.rank >= severity.rank)

    @property
    def segment_total(self) -> int:
        return sum(len(d.segments) for d in self.documents)
