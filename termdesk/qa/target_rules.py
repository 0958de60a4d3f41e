"""Rules that read the target for terms: deformed-term and unsupported-term.

The term rules go from the source to the target (is each English term rendered?). These two
go the other way: a word in the target that deforms the rendering of a source term
(``핵자문그룹(NCG)`` for ``핵협의그룹``: a substring search, or the acronym in brackets, would
accept it), and a named glossary term in the target that nothing in the source supports
(``주한미군`` where the English speaks of alliance forces).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..glossary import Severity
from ..ko.forms import KoreanText, compact
from ..ko.hangul import has_syllable, is_syllable, syllable_count
from ..ko.nearmiss import deformed_forms
from .base import Rule, Run, target_missing
from .records import AnalysedDocument, AnalysedSegment, Finding, RuleExample
from .terms import leaf_hits

#: Entry types whose Korean names one thing (a body, a weapon, a meeting…): their rendering in
#: the target needs a source. Titles, places, concepts and people are left out: Korean copy adds
#: them routinely (a title or a full name on a later mention, 서울 in a dateline, 동맹).
NAMED_TYPES = frozenset({"organization", "weapon", "meeting", "exercise", "document", "event"})
#: Shortest form checked for support (shorter forms are too often part of other words).
MIN_SYLLABLES = 3


_KNOWN: dict[int, tuple[object, frozenset[str]]] = {}
#: How a term was accepted when the glossary's rendering does not apply to it (another country's
#: post, another body's officer…): a look-alike of that rendering is then no deformation
#: (외무장관 for a Malaysian foreign minister).
NOT_THIS_ENTRY = frozenset({"foreign-post", "other-body", "plural-title", "longer-title"})


class DeformedTerm(Rule):
    id = "deformed-term"
    severity = Severity.ERROR
    summary = (
        "A word in the target that deforms the glossary rendering of a term in the source: same first "
        "syllable and head, a changed or dropped middle (고고도방어체계 for 고고도미사일방어체계, 합참본부 for "
        "합동참모본부, 핵자문그룹 for 핵협의그룹) — even when the term's acronym follows in brackets."
    )
    examples = (
        RuleExample("The THAAD battery arrived.", "고고도방어체계(사드) 포대가 도착했다.", True, "middle dropped"),
        RuleExample("The THAAD battery arrived.", "고고도미사일방어체계(사드) 포대가 도착했다.", False),
        RuleExample(
            "Malaysian Foreign Minister Hamid Albar spoke.",
            "하미드 알바르 말레이시아 외무장관이 말했다.",
            False,
            "another country's post",
        ),
    )

    @staticmethod
    def _known(run: Run) -> frozenset[str]:
        """Every Korean form of the glossary: a word that is one is another term, not a deformation."""
        cached = _KNOWN.get(id(run.glossary))
        if cached is None or cached[0] is not run.glossary:
            cached = (run.glossary, frozenset(compact(f) for e in run.glossary for f in e.ko_forms))
            _KNOWN.clear()  # one glossary at a time
            _KNOWN[id(run.glossary)] = cached
        return cached[1]

    def check_segment(self, doc: AnalysedDocument, seg: AnalysedSegment, run: Run) -> Iterable[Finding]:
        if target_missing(seg):
            return
        reported: set[str] = set()
        for hit in leaf_hits(seg.terms):
            if not hit.approved or hit.how in NOT_THIS_ENTRY:
                continue
            # a person named by one word of the name (해리스 for 해리 해리스) is a later mention, no deformation
            parts = {w for f in hit.accepted for w in f.split()} if hit.type == "person" else set()
            for word, form in deformed_forms(seg.segment.target, hit.accepted, self._known(run)):
                if word in reported or word in parts:
                    continue
                reported.add(word)
                yield self.finding(
                    doc,
                    seg.segment.index,
                    f"'{hit.en}' is rendered {form}; the target writes {word}, a deformed form — use {form}",
                    word,
                )


def _straddles(text: str, span: tuple[int, int]) -> bool:
    """The occurrence starts inside a word and runs on past a space: the tail of one word and the head of the
    next (국방위 out of 대한민국 방위), not the term written with a space of its own (한미 연합훈련)."""
    start, end = span
    return start > 0 and is_syllable(text[start - 1]) and any(ch.isspace() for ch in text[start:end])


class UnsupportedTerm(Rule):
    id = "unsupported-term"
    severity = Severity.ERROR
    summary = (
        "A named glossary term (a body, weapon, meeting, exercise, document or event; three syllables or "
        "more) in the target that no term of the article's source supports. Error when it stands in for a "
        "source term of the same type that is not rendered (패트리엇 where the English has THAAD: a wrong "
        "term); info otherwise (Korean copy names bodies the English implies: 국방부 for the Pentagon's "
        "spokesperson). Support is looked for in the whole article, and a form inside the rendering of a "
        "source term or inside a longer glossary form in the target (미 합참 in 미 합참의장) is supported."
    )
    examples = (
        RuleExample("The THAAD battery arrived.", "B-1B 폭격기가 도착했다.", True, "a bomber for THAAD"),
        RuleExample(
            "The allies held talks.",
            "한미는 고고도미사일방어체계 배치를 논의했다.",
            True,
            "info: named in the target only",
        ),
        RuleExample("The allies discussed THAAD.", "한미는 고고도미사일방어체계 배치를 논의했다.", False),
    )

    def check(self, run: Run) -> Iterator[Finding]:
        table = self._table(run)
        if not table:
            return
        all_forms = sorted({ckey for ckey, *_ in table} | {compact(f) for e in run.glossary for f in e.ko_forms})
        for doc in run.documents:
            supported = {h.entry_id for s in doc.segments for h in (*s.terms, *leaf_hits(s.terms))}
            supported_forms = {
                compact(f) for s in doc.segments for h in (*s.terms, *leaf_hits(s.terms)) for f in h.accepted
            }
            for seg in doc.segments:
                if target_missing(seg):
                    continue
                yield from self._check(doc, seg, table, supported, supported_forms, all_forms, run)

    @staticmethod
    def _table(run: Run) -> list[tuple[str, str, str, str]]:
        """(compact form, form, entry id, entry en) for the named entries' forms worth checking."""
        out = []
        for e in run.glossary:
            if e.status != "approved" or e.type not in NAMED_TYPES:
                continue
            for f in e.ko_forms:
                if has_syllable(f) and syllable_count(f) >= MIN_SYLLABLES:
                    out.append((compact(f), f, e.id, e.en))
        return out

    def _check(
        self,
        doc: AnalysedDocument,
        seg: AnalysedSegment,
        table: list[tuple[str, str, str, str]],
        supported: set[str],
        supported_forms: set[str],
        all_forms: list[str],
        run: Run,
    ) -> Iterator[Finding]:
        target = KoreanText(seg.segment.target)
        key = target.key
        reported: set[str] = set()
        for ckey, form, entry_id, en in table:
            if entry_id in supported or ckey not in key or entry_id in reported:
                continue
            if any(ckey in sf for sf in supported_forms):
                continue  # part of the rendering of a source term (국방부 in 미 국방부 대변인)
            longer = [f for f in all_forms if ckey in f and f != ckey and f in key]
            covered = [sp for f in longer for sp in target.find_all(f)]
            spans = [
                s
                for s in target.find_all(form)
                if not any(c[0] <= s[0] and s[1] <= c[1] for c in covered) and not _straddles(target.nfc, s)
            ]
            if not spans:
                continue
            reported.add(entry_id)
            entry = run.glossary.get(entry_id)
            kind = entry.type if entry is not None else ""
            missing = [
                h for h in leaf_hits(seg.terms) if not h.ok and h.approved and h.type == kind and h.entry_id != entry_id
            ]
            if missing:
                yield self.finding(
                    doc,
                    seg.segment.index,
                    f"{form} ('{en}') is in the target where the source has '{missing[0].en}' "
                    f"({missing[0].expected}): a wrong term",
                    form,
                )
            else:
                yield self.finding(
                    doc,
                    seg.segment.index,
                    f"{form} ('{en}') is in the target but not in the source (info: Korean copy may name what the "
                    "English implies — check it is meant)",
                    form,
                    severity=Severity.INFO,
                )
