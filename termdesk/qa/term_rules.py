"""Rules about glossary terms: key-term-mismatch, avoided-rendering, inconsistency.

(The particle after a term is checked by ``particle-after-term`` in :mod:`termdesk.qa.particles`.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..glossary import Severity
from ..ko.forms import KoreanText, compact
from ..text import classify_line, is_headline
from .base import Rule, Run, target_missing
from .form_index import KoreanFormIndex, korean_forms
from .records import AnalysedDocument, AnalysedSegment, Finding, RuleExample, TermHit
from .terms import METONYMS, dateline_end, leaf_hits


def _where(seg: AnalysedSegment) -> str:
    p = seg.segment.paragraph
    return f"¶{p}" if p is not None else f"segment {seg.segment.index}"


def _forms_text(forms: Iterable[str], limit: int = 4) -> str:
    forms = list(forms)
    text = " / ".join(forms[:limit])
    return text + (" …" if len(forms) > limit else "")


class KeyTermMismatch(Rule):
    id = "key-term-mismatch"
    severity = Severity.ERROR
    summary = (
        "An approved glossary term in the source whose Korean rendering (ko, a ko_variant, the "
        "designator of a Latin-script term, or a documented later-mention form) is not in the target. "
        "Info instead of error for terms Korean copy often drops or paraphrases: news-agency credits "
        "(CNN, Yonhap), capitals used for governments (Seoul, Washington), single common words (alliance), "
        "places in a wire dateline (SEOUL, South Korea (CNN) --)."
    )
    examples = (
        RuleExample(
            "Defense Minister Song Young-moo met his counterpart.",
            "정경두 국방부 장관이 상대와 만났다.",
            True,
            "wrong person",
        ),
        RuleExample(
            "Defense Minister Song Young-moo met his counterpart.",
            "송영무 국방부장관은 상대와 만났다.",
            False,
            "spacing and particle",
        ),
        RuleExample(
            "Defense Minister Song Young-moo met his counterpart.",
            "국방부 장관인 송영무는 상대와 만났다.",
            False,
            "title after a particle, word order",
        ),
        RuleExample("The THAAD battery arrived.", "사드 포대가 도착했다.", False, "ko_variant"),
        RuleExample("The THAAD battery arrived.", "THAAD 포대가 도착했다.", False, "designator"),
        RuleExample("The THAAD battery arrived.", "미사일 포대가 도착했다.", True, "term dropped"),
        RuleExample("The US sent B-1B bombers.", "미국은 B1B 폭격기를 보냈다.", False, "designator without hyphen"),
        RuleExample(
            "Gen. Martin Dempsey, chairman of the U.S. Joint Chiefs of Staff, arrived.",
            "마틴 뎀프시 미 합참의장이 도착했다.",
            False,
            "rank dropped before the post",
        ),
        RuleExample(
            "They discussed a missile defense system.",
            "양측은 미사일방어(MD) 체계를 논의했다.",
            False,
            "gloss inside the term",
        ),
        RuleExample("The alliance is strong.", "한미 관계는 굳건하다.", True, "info: a common word, often paraphrased"),
        RuleExample(
            "Malaysian Foreign Minister Hamid Albar spoke.",
            "하미드 알바르 말레이시아 외무장관이 말했다.",
            False,
            "another country's post",
        ),
        RuleExample(
            "Assistant Secretary of State James Kelly spoke in Seoul.",
            "제임스 켈리 미 국무부 차관보가 서울에서 말했다.",
            False,
            "modified title",
        ),
        RuleExample(
            "Orchestra president Zarin Mehta spoke.", "자린 메타 사장이 말했다.", False, "another body's officer"
        ),
        RuleExample("The foreign ministers met.", "외무 장관들이 만났다.", False, "plural title: head noun"),
        RuleExample(
            "Defense Secretary Robert Gates arrived.",
            "로버트 게이츠 국방장관이 도착했다.",
            False,
            "name given: country prefix dropped",
        ),
        RuleExample(
            "U.S. Secretary of Defense Ashton Carter arrived.", "카터 미 국방장관이 도착했다.", False, "family name"
        ),
        RuleExample(
            "Defense Minister Song Young-moo spoke.\n\nSong Young-moo left.",
            "송영무 국방부 장관이 말했다.\n\n송 장관은 떠났다.",
            False,
            "surname and title on a later mention",
        ),
        RuleExample("Song Young-moo left.", "송 장관은 떠났다.", True, "surname and title without the full name first"),
        RuleExample("Seoul's defense ministry said.", "국방부는 밝혔다.", False, "possessive capital dropped"),
        RuleExample("Seoul agreed.", "한국 정부는 동의했다.", False, "capital as its country"),
        RuleExample("The talks were held in Seoul.", "회담은 부산에서 열렸다.", True, "info: a capital"),
        RuleExample(
            "MOSCOW, Russia (CNN) -- Three people were killed.",
            "3명이 숨졌다고 당국이 밝혔다.",
            True,
            "info: a dateline",
        ),
        RuleExample("The United States (CNN) said so.", "CNN은 그렇게 밝혔다.", True, "not a dateline: term dropped"),
    )

    def check_segment(self, doc: AnalysedDocument, seg: AnalysedSegment, run: Run) -> Iterable[Finding]:
        if target_missing(seg):
            return
        seen: set[str] = set()
        target = KoreanText(seg.segment.target)
        dateline = dateline_end(seg.segment.source)
        for hit in seg.terms:
            if hit.ok or not hit.approved or hit.entry_id in seen:
                continue
            seen.add(hit.entry_id)
            if self._avoided_form_used(hit, target, run):
                continue  # avoided-rendering reports it, with the form to use
            why = "datelines are not carried into Korean copy" if hit.end <= dateline else self._often_dropped(hit, run)
            message = self._message(hit) + (f" (info: {why})" if why else "")
            yield self.finding(doc, seg.segment.index, message, hit.en, severity=Severity.INFO if why else None)

    @staticmethod
    def _often_dropped(hit: TermHit, run: Run) -> str:
        """Why a missing term is only worth an info finding, or '' (see the rule's summary)."""
        if hit.parts:
            return ""
        if hit.dropped:
            return hit.dropped
        entry = hit.entry if hit.entry is not None else run.glossary.get(hit.entry_id)
        if entry is None:
            return ""
        if entry.type == "media":
            return "news-agency credits are often dropped"
        if entry.type == "place" and entry.en.casefold() in METONYMS:
            return "a capital is often rendered as its country or dropped"
        en = entry.en
        if en.islower() and en.isalpha() and " " not in en:
            return "a common word, often paraphrased"
        return ""

    @staticmethod
    def _avoided_form_used(hit: TermHit, target: KoreanText, run: Run) -> bool:
        for leaf in leaf_hits((hit,)):
            entry = leaf.entry if leaf.entry is not None else run.glossary.get(leaf.entry_id)
            if entry is not None and not leaf.ok and any(target.contains(a) for a in entry.ko_avoid):
                return True
        return False

    @staticmethod
    def _message(hit: TermHit) -> str:
        if not hit.parts:
            return f"'{hit.en}' → {_forms_text(hit.accepted)}: not found in the target"
        missing = [p for p in hit.parts if not p.ok]
        what = "; ".join(f"{p.expected} ('{p.en}')" for p in missing) or hit.expected
        return f"'{hit.en}' → {hit.expected}: {what} not found in the target"


class AvoidedRendering(Rule):
    id = "avoided-rendering"
    severity = Severity.ERROR
    summary = (
        "A ko_avoid form in the target (일본해 for East Sea). Error when the entry's English term is in the "
        "source segment, warning otherwise (the form may be quoted or mean something else)."
    )
    examples = (
        RuleExample(
            "The drill took place in the East Sea.",
            "훈련은 일본해에서 실시됐다.",
            True,
            "avoided form for a source term",
        ),
        RuleExample("The drill took place in the East Sea.", "훈련은 동해에서 실시됐다.", False),
        RuleExample("The drill took place.", "훈련은 일본해에서 실시됐다.", True, "warning: term not in the source"),
        RuleExample(
            "U.S. Secretary of Defense Ashton Carter arrived.",
            "애쉬턴 카터 미 국방장관이 도착했다.",
            True,
            "nonstandard transliteration",
        ),
    )

    def check(self, run: Run) -> Iterator[Finding]:
        index = korean_forms(run.glossary)
        if not index.avoided:
            return
        for doc in run.documents:
            for seg in doc.segments:
                yield from self._check(doc, seg, index)

    def _check(self, doc: AnalysedDocument, seg: AnalysedSegment, index: KoreanFormIndex) -> Iterator[Finding]:
        target = KoreanText(seg.segment.target)
        items = index.avoided_in(target)  # only the avoided forms that occur: O(target), not O(glossary)
        if not items:
            return
        in_source = {h.entry_id for h in leaf_hits(seg.terms)} | {h.entry_id for h in seg.terms}
        present = index.present(target)
        for item in items:
            spans = target.find_all(item.form)
            if not spans:
                continue
            # an accepted form (any entry) containing the avoided one covers it (국방장관 in 미 국방장관)
            covered = [s for k in index.containers(item.key, present) for s in target.find_all(k)]
            spans = [s for s in spans if not any(c[0] <= s[0] and s[1] <= c[1] for c in covered)]
            if not spans:
                continue
            present_in_source = item.entry.id in in_source
            how = (
                f"'{item.entry.en}' is in the source"
                if present_in_source
                else f"'{item.entry.en}' is not in this source segment; check the sense"
            )
            yield self.finding(
                doc,
                seg.segment.index,
                f"avoided rendering {item.form}: use {item.entry.ko} ({how})",
                item.form,
                severity=Severity.ERROR if present_in_source else Severity.WARNING,
            )


def _present_forms(
    seg: AnalysedSegment, hit: TermHit, index: KoreanFormIndex, target: KoreanText, present: set[str]
) -> list[str]:
    """Glossary forms of one term present in the segment as renderings of it.

    An occurrence inside a longer glossary form of another entry does not count
    (국방장관 inside 미 국방장관, the U.S. title), nor one inside a longer form of the
    same term. Only the glossary forms ``present`` in the target (keys, from ``index``) are looked at.
    """
    others = [span for h in leaf_hits(seg.terms) if h.entry_id != hit.entry_id for span in h.target_spans]
    for f in dict.fromkeys(hit.accepted):
        key = compact(f)
        for k in index.containers(key, present):
            if any(e.id != hit.entry_id for _g, e in index.forms[k]):  # a longer form of another entry
                others.extend(target.find_all(k))

    def inside(s: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
        return any(o[0] <= s[0] and s[1] <= o[1] and o[1] - o[0] > s[1] - s[0] for o in spans)

    found: dict[str, list[tuple[int, int]]] = {}
    for f in dict.fromkeys(hit.accepted):
        spans = [sp for sp in target.find_all(f) if not inside(sp, others)]
        if spans:
            found[f] = spans
    all_spans = [sp for spans in found.values() for sp in spans]
    out, seen = [], set()
    for f, spans in found.items():
        key = compact(f)
        if key in seen or all(inside(sp, all_spans) for sp in spans):
            continue
        seen.add(key)
        out.append(f)
    return out


@dataclass(frozen=True)
class _Use:
    doc: AnalysedDocument
    seg: AnalysedSegment
    form: str
    entry_id: str
    en: str
    canonical: str


class Inconsistency(Rule):
    id = "inconsistency"
    severity = Severity.WARNING
    summary = (
        "One term rendered two accepted ways in one run (사드 here, 고고도미사일방어체계 there), or two "
        "different terms sharing one rendering that is canonical for neither. A full form at first mention "
        "followed by a shorter form later in the same article (합동참모본부 → 합참) is Korean news practice "
        "and not reported; a segment giving both forms (고고도미사일방어체계(사드)) defines, and is not counted. "
        "Consistency is per article; across the articles of a run only when asked "
        "(``--consistency run``, ``Inconsistency(across_articles=True)``)."
    )
    examples = (
        RuleExample(
            "The THAAD battery arrived.\n\nThe THAAD battery is ready.",
            "사드 포대가 도착했다.\n\n사드 포대는 준비됐다.",
            False,
        ),
        RuleExample(
            "The THAAD battery arrived.\n\nThe THAAD battery is ready.",
            "사드 포대가 도착했다.\n\n고고도미사일방어체계 포대는 준비됐다.",
            True,
            "short first, full later",
        ),
        RuleExample(
            "The THAAD battery arrived.\n\nThe THAAD battery is ready.",
            "고고도미사일방어체계(사드) 포대가 도착했다.\n\n사드 포대는 준비됐다.",
            False,
            "defining mention",
        ),
        RuleExample(
            "The THAAD battery arrived.\n\nThe THAAD battery is ready.",
            "고고도미사일방어체계 포대가 도착했다.\n\n사드 포대는 준비됐다.",
            False,
            "full first, short later",
        ),
        RuleExample(
            "Austin, Kim hold phone talks\n\nSecretary of Defense Lloyd J. Austin III spoke with Kim.\n\n"
            "Secretary of Defense Austin said so.",
            "오스틴 미 국방장관, 김용현 장관과 통화\n\n로이드 오스틴 미국 국방장관은 김 장관과 통화했다.\n\n"
            "오스틴 미국 국방장관은 그렇게 말했다.",
            False,
            "headline short form, body full form",
        ),
        RuleExample(
            "U.S. bombers flew.\n\nThe U.S. said so.",
            "미 폭격기가 비행했다.\n\n미국은 그렇게 밝혔다.",
            False,
            "one-syllable combining form",
        ),
    )

    def __init__(self, *, across_articles: bool = False) -> None:
        self.across_articles = across_articles

    def check(self, run: Run) -> Iterator[Finding]:
        index = korean_forms(run.glossary)
        uses: dict[str, list[_Use]] = defaultdict(list)
        for doc in run.documents:
            for seg in doc.segments:
                seen: set[str] = set()
                target = KoreanText(seg.segment.target)
                keys: set[str] | None = None
                for hit in leaf_hits(seg.terms):
                    if not hit.approved or hit.found is None or hit.entry_id in seen:
                        continue
                    seen.add(hit.entry_id)
                    if keys is None:
                        keys = index.present(target)
                    present = _present_forms(seg, hit, index, target, keys)
                    if len(present) != 1:
                        continue  # a defining mention (both forms) or a designator-only one
                    if len(compact(present[0])) < 2:
                        continue  # a combining form inside a compound (미 in 미 국방부), not a rendering choice
                    uses[hit.entry_id].append(_Use(doc, seg, present[0], hit.entry_id, hit.en, hit.accepted[0]))
        for _entry_id, entry_uses in uses.items():
            yield from self._one_term(entry_uses)
        yield from self._shared(uses)

    @staticmethod
    def _headline(u: _Use) -> bool:
        """``u`` is in the article's headline (its first paragraph, a short line without a final full stop) or in
        a byline (``By Jim Garamone, DoD News`` ↔ ``짐 개러몬 미 국방부 뉴스 기자``). Headlines and bylines take the
        short forms (미 국방장관, 미 국방부): the body's first mention sets the rendering."""
        seg = u.seg.segment
        first = u.doc.segments[0].segment if u.doc.segments else None
        text = seg.source.strip()
        if "\n" not in text and classify_line(text) == "byline":
            return True
        # a statement's headline runs long ("Joint Statement from the Presidents of … on the Identification of …")
        return first is seg and len(u.doc.segments) > 1 and "\n" not in text and is_headline(text, max_words=30)

    def _one_term(self, uses: list[_Use]) -> Iterator[Finding]:
        first_by_doc: dict[str, _Use] = {}
        reported: set[tuple[str, str]] = set()
        run_first: _Use | None = None
        for u in uses:
            name = u.doc.document.name
            if self._headline(u):
                continue
            first = first_by_doc.setdefault(name, u)
            key = compact(u.form)
            if u is first:
                if run_first is None:
                    run_first = u
                elif self.across_articles and compact(run_first.form) != key and (name, key) not in reported:
                    reported.add((name, key))
                    yield self.finding(
                        u.doc,
                        u.seg.segment.index,
                        f"'{u.en}' rendered {u.form} in this article but {run_first.form} in "
                        f"{run_first.doc.document.name} ({_where(run_first.seg)}): use one rendering across the run",
                        u.form,
                    )
                continue
            first_key = compact(first.form)
            if key == first_key or len(key) < len(first_key) or (name, key) in reported:
                continue
            reported.add((name, key))
            yield self.finding(
                u.doc,
                u.seg.segment.index,
                f"'{u.en}' rendered {u.form} here but {first.form} at first mention ({_where(first.seg)}): "
                "use one rendering",
                u.form,
            )

    def _shared(self, uses: dict[str, list[_Use]]) -> Iterator[Finding]:
        by_form: dict[tuple[str, str], dict[str, _Use]] = defaultdict(dict)
        for entry_id, entry_uses in uses.items():
            for u in entry_uses:
                scope = "" if self.across_articles else u.doc.document.name
                by_form[(scope, compact(u.form))].setdefault(entry_id, u)
        for (_, key), entries in by_form.items():
            if len(entries) < 2:
                continue
            canon = {compact(u.canonical) for u in entries.values()}
            if key in canon or len(canon) < 2:
                continue
            first, *others = sorted(entries.values(), key=lambda u: (u.doc.document.name, u.seg.segment.index))
            for u in others:
                yield self.finding(
                    u.doc,
                    u.seg.segment.index,
                    f"'{u.en}' and '{first.en}' ({first.doc.document.name} {_where(first.seg)}) are both "
                    f"rendered {u.form}: "
                    f"readers cannot tell them apart; use {u.canonical} and {first.canonical}",
                    u.form,
                )
