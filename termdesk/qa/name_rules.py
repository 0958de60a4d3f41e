"""The source-name-variant rule: one person spelled two ways in the English source.

Wire copy misspells names (the Korea Herald seed has both ``Song Myoung-moo`` and
``Song Young-moo``); a translator who transliterates the misspelling propagates
it. Reported, once per document and spelling:

* two Korean-style names (``Surname Given-name``) in the run that the mining
  detector calls similar (``termdesk.mine.name_variants.similar_names``: all parts equal
  but one, and that one a near spelling), unless both are glossary forms of people;
* a name (Korean-style, or a two-word Western name with a glossary person's given
  name) similar in the same way to a glossary person's English form but equal to
  none (for a Western name, only one edit away: Christopher Hill is not Christopher
  Miller). Without the glossary spelling in the run this is reported only when the
  differing part is one edit away and the surname is not one of the ten most
  common Korean ones (Kim Yong-chol and Kim Jong-chol are different people).

* an English variant of a glossary person that the entry's note calls a
  misspelling (kept in en_variants only so the matcher finds it: ``Song
  Myoung-moo``), wherever it appears.

The message gives the glossary's Korean when there is one, and whether the
target has it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..glossary import Severity
from ..ko.forms import KoreanText
from .base import Rule, Run
from .records import AnalysedDocument, AnalysedSegment, Finding, RuleExample

if TYPE_CHECKING:  # pragma: no cover
    from ..glossary import Entry

_KOREAN_STYLE = re.compile(r"\b([A-Z][a-z]{1,6})\s+([A-Z][a-z]+)-([a-z]+)\b")
_WESTERN = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
COMMON_SURNAMES = frozenset({"Kim", "Lee", "Park", "Choi", "Jung", "Jeong", "Kang", "Cho", "Yoon", "Jang", "Lim"})


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, capped at ``limit`` (enough to tell 1 from 2 from 'far')."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) >= limit:
            return limit
        prev = cur
    return min(prev[-1], limit)


def similarity(a: str, b: str) -> int:
    """0: the same name; 1: one part one edit apart; 2: similar; 3: different.

    "Similar" is the mining detector's test (``termdesk.mine.name_variants.similar_names``: same
    number of parts, all equal but one, and that one a near spelling), so ``termdesk mine``
    and the QA agree on what a variant spelling is.
    """
    from ..mine.name_variants import name_parts, similar_names

    pa, pb = name_parts(a), name_parts(b)
    if pa == pb:
        return 0
    if not similar_names(pa, pb):
        return 3
    x, y = next((x, y) for x, y in zip(pa, pb, strict=False) if x != y)
    return 1 if edit_distance(x, y) <= 1 else 2


@dataclass(frozen=True)
class NameUse:
    text: str
    surname: str
    given: str
    doc: AnalysedDocument
    seg: AnalysedSegment


def names_in(doc: AnalysedDocument) -> Iterator[NameUse]:
    for seg in doc.segments:
        for m in _KOREAN_STYLE.finditer(seg.segment.source):
            yield NameUse(m.group(0), m.group(1), f"{m.group(2)}-{m.group(3)}", doc, seg)


@dataclass(frozen=True)
class _Person:
    en: str
    ko: str
    surname: str
    given: str
    western: bool
    entry_id: str
    canonical: str  # the entry's en
    misspelling: bool = False  # an en_variant the entry's note calls a misspelling


def _is_misspelling(form: str, entry: Entry) -> bool:
    """An English variant kept only so the matcher finds it: the note says it misspells the name."""
    note = entry.note.casefold()
    return form != entry.en and "misspell" in note and form.casefold() in note


def _people(run: Run) -> list[_Person]:
    out = []
    for e in run.glossary:
        if e.type != "person" or e.status == "deprecated":
            continue
        for form in e.en_forms:
            bad = _is_misspelling(form, e)
            m = _KOREAN_STYLE.fullmatch(form)
            if m:
                out.append(_Person(form, e.ko, m.group(1), f"{m.group(2)}-{m.group(3)}", False, e.id, e.en, bad))
                continue
            w = _WESTERN.fullmatch(form)
            if w:
                out.append(_Person(form, e.ko, w.group(2), w.group(1), True, e.id, e.en, bad))
    return out


class SourceNameVariant(Rule):
    id = "source-name-variant"
    severity = Severity.WARNING
    summary = (
        "A person spelled two ways in the source (Song Myoung-moo / Song Young-moo), or a spelling near a "
        "glossary person's: check which is right and do not transliterate the misspelling."
    )
    examples = (
        RuleExample(
            "Defense Minister Song Myoung-moo met him.\n\nDefense Minister Song Young-moo spoke.",
            "송영무 국방부 장관이 그를 만났다.\n\n송영무 국방부 장관이 말했다.",
            True,
            "two spellings in one article",
        ),
        RuleExample("Defense Minister Song Young-moo spoke.", "송영무 국방부 장관이 말했다.", False),
        RuleExample(
            "Defense Minister Song Myoung-moo spoke.",
            "송영무 국방부 장관이 말했다.",
            True,
            "a misspelling the glossary note names",
        ),
        RuleExample(
            "Kim Jong-un met Kim Jong-il's widow.", "김정은은 김정일의 미망인을 만났다.", False, "two glossary people"
        ),
        RuleExample("Ashton Cartor arrived.", "애슈턴 카터가 도착했다.", True, "near a glossary person"),
        RuleExample("Ashton Carson arrived.", "애슈턴 카슨이 도착했다.", False, "another person: more than one edit"),
        RuleExample(
            "Kim Jong-eun spoke.", "김정은이 말했다.", False, "common surname, glossary spelling not in the run"
        ),
        RuleExample(
            "Kim Jong-un spoke.\n\nKim Jong-eun left.",
            "김정은이 말했다.\n\n김정은이 떠났다.",
            True,
            "both spellings in the run",
        ),
    )

    def check(self, run: Run) -> Iterator[Finding]:
        people = _people(run)
        owner = {p.en: p.entry_id for p in people}
        known = {p.en for p in people if not p.misspelling}
        uses = [u for d in run.documents for u in names_in(d)]
        reported: set[tuple[str, str]] = set()
        spellings_in_run = {u.text for u in uses}
        # 0. a spelling the glossary itself calls a misspelling
        for p in (p for p in people if p.misspelling):
            for u in (u for u in uses if u.text == p.en):
                key = (u.doc.document.name, u.text)
                if key not in reported:
                    reported.add(key)
                    yield self._finding(u, p.canonical, p.ko, "the glossary has")
        # 1. two spellings in the run
        texts = list(dict.fromkeys(u.text for u in uses))
        for i, a in enumerate(texts):
            for b in texts[i + 1 :]:
                if similarity(a, b) in (0, 3):
                    continue
                if a in owner and b in owner and owner[a] != owner[b]:
                    continue  # two different people in the glossary (Kim Jong-un, Kim Jong-il)
                wrong, right = (a, b) if b in known else (b, a)
                for u in (x for x in uses if x.text == wrong):
                    key = (u.doc.document.name, u.text)
                    if key not in reported:
                        reported.add(key)
                        yield self._finding(u, right, self._ko_of(right, people), "elsewhere")
        # 2. near a glossary person
        for p in people:
            if p.western:
                yield from self._near_western(run, p, known, reported)
                continue
            for u in uses:
                if u.text in known:
                    continue
                d = similarity(u.text, p.en)
                if d in (0, 3):
                    continue
                if p.en not in spellings_in_run and (d > 1 or u.surname in COMMON_SURNAMES):
                    continue
                key = (u.doc.document.name, u.text)
                if key not in reported:
                    reported.add(key)
                    yield self._finding(u, p.en, p.ko, "the glossary has")

    def _near_western(self, run: Run, p: _Person, known: set[str], reported: set[tuple[str, str]]) -> Iterator[Finding]:
        pattern = re.compile(rf"\b{re.escape(p.given)}\s+([A-Z][a-z]{{3,}})\b")
        for doc in run.documents:
            for seg in doc.segments:
                for m in pattern.finditer(seg.segment.source):
                    text = m.group(0)
                    if text in known or similarity(text, p.en) != 1:  # Hill ≠ Miller: one edit only
                        continue
                    key = (doc.document.name, text)
                    if key not in reported:
                        reported.add(key)
                        yield self._finding(
                            NameUse(text, m.group(1), p.given, doc, seg), p.en, p.ko, "the glossary has"
                        )

    @staticmethod
    def _ko_of(en: str, people: list[_Person]) -> str:
        return next((p.ko for p in people if p.en == en), "")

    def _finding(self, use: NameUse, right: str, ko: str, basis: str) -> Finding:
        if ko:
            has = KoreanText(use.seg.segment.target).contains(ko)
            tail = f"render {ko}" + (" (the target has it)" if has else " — the target does not have it")
        else:
            tail = "check which spelling is right before transliterating"
        return self.finding(
            use.doc,
            use.seg.segment.index,
            f"source spells '{use.text}', {basis} '{right}': {tail}",
            use.text,
        )
