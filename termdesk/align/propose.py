"""Korean equivalents for mined candidates: glossary first, then parallel text, then MT.

:class:`Proposer` holds what every candidate needs — the glossary (its matcher
and a word lexicon), the aligned article pairs — and :meth:`Proposer.propose`
turns one :class:`~termdesk.align.candidates.Candidate` into a :class:`Result`:
ranked :class:`Proposal` values, each with a score in 0–1 and its evidence.

1. **Glossary.** A candidate the glossary already covers — exact form, variant,
   inflected (plural, possessive), composed (``Defense Minister Song Young-moo``
   → ``송영무 국방부 장관``) or an acronym of an entry (``EDSCG`` → the
   Extended Deterrence Strategy and Consultation Group entry, and the reverse) —
   gets that rendering and nothing else.
2. **Parallel text.** For every English sentence where the term occurs, the
   Korean sentence(s) aligned with it give candidate phrases
   (:mod:`termdesk.ko.phrases`; units and their Korean: :mod:`.units`), whole words only. Each phrase is
   scored by how consistently it co-occurs with the term (share of occurrences, Dice against its frequency in all
   Korean sentences) and, in each sentence, by what explains it: Korean of
   the term's own words inside the phrase (glossary entries and the word
   lexicon, :mod:`.lexicon`) counts for it; Korean of the *other* English words
   and terms of the sentence counts against it; a bracketed gloss with the
   term or its acronym right after it (``확장억제전략협의체(EDSCG)``), a
   known title right after a name (``류제승 국방부 국방정책실장``), matching
   Latin tokens and digits (``KF-21``), a length prior and the position in the
   sentence break ties. Names: Korean names must be spelt compatibly
   (:func:`~termdesk.ko.romanize.name_score`); foreign names and loanwords
   are compared by transliteration, and a foreign surname the glossary already
   renders must agree.
3. **Machine translation** of the term and of one context, when a backend is
   given, marked ``mt`` and always scored below attested evidence.

Scoring lives in :mod:`.scoring`, the evidence text in :mod:`.evidence`, the
units of a sentence and what they explain in :mod:`.units`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..glossary import Entry, Glossary, form_key, has_hangul
from ..ko.hangul import is_syllable
from ..ko.phrases import phrases
from .abstain import (
    REMOVING,
    SHIP_READ_SCORE,
    calibrate,
    checks_of,
    cuts_known_word,
    extended,
    head_added,
    korean_words,
    numbers_trimmed,
    offered,
    part_forms,
    particle_trimmed,
    people_words,
    place_trimmed,
    ship_name,
    ship_named,
    ships_read,
    trailing_trimmed,
    unit_trimmed,
    veto,
    with_modifier,
    without_qualifier,
)
from .acronyms import acronym_of, acronyms_of
from .bitext import Bitext
from .candidates import Candidate, context_sentence
from .coverage import GlossaryCoverage, covered_result
from .evidence import AGREES_WITH_MT, machine_evidence, parallel_evidence
from .lexicon import CORE_PAIRS, Lexicon, Unit, derive
from .occurrences import find_occurrences
from .proposal_records import Coverage, Occurrence, Proposal, Result, Source
from .scoring import (
    PhraseEvidence,
    Reach,
    TermProfile,
    allowed,
    foreign_name_tokens,
    local_score,
    profile,
    rank,
    strong_name,
)
from .units import UnitFinder, all_known, explain_sentences, glued_units, present_weight

if TYPE_CHECKING:  # pragma: no cover
    from ..match import Matcher
    from ..mt.base import Translator

__all__ = ["Coverage", "Occurrence", "Proposal", "Proposer", "Result", "Source", "acronym_of", "acronyms_of"]


class Proposer:
    """Proposes Korean equivalents from a glossary and aligned article pairs.

    ``hidden``: entry ids left out of the glossary (the benchmark hides the
    terms it evaluates). ``translator``: an MT backend (``translate_batch``),
    used for a marked, low-scored proposal.
    """

    def __init__(
        self,
        glossary: Glossary | Iterable[Entry],
        bitexts: Sequence[Bitext] = (),
        *,
        translator: Translator | None = None,
        hidden: Iterable[str] = (),
        align: bool = True,
    ) -> None:
        from ..match import Matcher

        hide = frozenset(hidden)
        entries = [e for e in glossary if e.id not in hide and e.status != "deprecated"]
        self.glossary = Glossary(entries)
        self.matcher: Matcher = Matcher.from_glossary(self.glossary, statuses=("approved", "proposed"))
        self.lexicon = Lexicon([*CORE_PAIRS, *derive(entries)])
        self.finder = UnitFinder(self.matcher, self.lexicon)
        self.translator = translator
        self._units: dict[tuple[int, int], list[Unit]] = {}
        self._claims: dict[tuple[int, int], list[Unit]] = defaultdict(list)
        self._df: Counter[str] | None = None
        self._name_tokens = foreign_name_tokens(entries)
        self._people = people_words(entries)
        self._ko_words = korean_words(entries, self.lexicon)
        self._common = self.lexicon.korean_forms()  # no people: the lexicon skips them
        self.coverage = GlossaryCoverage(self.glossary, self.matcher, entries)
        self.bitexts: list[Bitext] = [self.align(b) if align and not b.beads else b for b in bitexts]

    # ------------------------------------------------------------------ units and alignment

    def units(self, sentence: str) -> list[Unit]:
        """Glossary terms (with their Korean) and lexicon words in an English sentence."""
        return self.finder.units(sentence)

    def _sentence_units(self, pair: int, index: int) -> list[Unit]:
        key = (pair, index)
        if key not in self._units:
            self._units[key] = self.units(self.bitexts[pair].en[index])
        return self._units[key] + self._claims.get(key, [])

    def align(self, bitext: Bitext) -> Bitext:
        """The pair with its sentence alignment (anchors: numbers, Latin tokens, glossary/lexicon Korean)."""
        return self.finder.align(bitext)

    def _ko_df(self) -> Counter[str]:
        """In how many Korean sentences of all pairs each phrase occurs."""
        if self._df is None:
            df: Counter[str] = Counter()
            for b in self.bitexts:
                for s in b.ko:
                    df.update(phrases(s).keys())
            self._df = df
        return self._df

    # ------------------------------------------------------------------ glossary and occurrences

    def resolve(self, cand: Candidate) -> Coverage | None:
        """How the glossary covers the candidate, or None."""
        return self.coverage.resolve(cand)

    def occurrences(self, cand: Candidate) -> list[Occurrence]:
        """Where the candidate's forms occur in the English sentences of the pairs."""
        return find_occurrences(cand, self.bitexts)

    # ------------------------------------------------------------------ parallel text

    def parallel(self, cand: Candidate, occs: Sequence[Occurrence] | None = None) -> tuple[list[Proposal], int]:
        """Ranked proposals from the aligned pairs (source ``parallel``), and the aligned occurrences used."""
        t = profile(cand)
        occs = self.occurrences(cand) if occs is None else occs
        acc: dict[str, PhraseEvidence] = defaultdict(PhraseEvidence)
        n = 0
        for occ in occs:
            b = self.bitexts[occ.pair]
            if not b.ko_for(occ.sentence):
                continue
            n += 1
            where = f"{b.name}:{occ.sentence + 1}"
            for text, (reach, local, feats) in self._placements(cand, t, occ).items():
                acc[text].add(reach, local, feats, where)
        if not n:
            return [], 0
        df = self._ko_df()
        out: list[Proposal] = []
        parts = part_forms(cand.canonical, self.units(cand.canonical))
        for p in rank(t, acc, n, df, self._name_tokens):
            refused = veto(t, p.text, people=self._people, parts=parts, known=self._ko_words, common=self._common)
            if refused in REMOVING:
                continue
            checks = checks_of(t, p, n)
            score = calibrate(p.score, checks)
            evidence = parallel_evidence(p, n, df.get(p.text, 0))
            if refused:
                score = min(score, 0.2)
                evidence += f"; {refused}: not offered"
            out.append(Proposal(p.text, score, Source.PARALLEL.value, evidence, checks))
        aligned = [self.bitexts[o.pair].ko[k] for o in occs for k in self.bitexts[o.pair].ko_for(o.sentence)]
        ship = ship_name(t.forms[0])
        if ship:  # a ship's name read in the aligned sentences, which the ranker may miss inside a list
            score = calibrate(SHIP_READ_SCORE, ("name",))
            note = f"reads the ship {ship} in an aligned sentence"
            for ko in ships_read(ship, aligned):
                old = next((p for p in out if p.ko == ko), None)
                if old is None:
                    out.append(Proposal(ko, score, Source.PARALLEL.value, note, ("name",)))
                elif old.score < score:
                    checks = tuple(dict.fromkeys((*old.checks, "name")))
                    out[out.index(old)] = replace(old, score=score, evidence=f"{old.evidence}; {note}", checks=checks)
        out.sort(key=lambda x: -x.score)
        term_units = self.units(cand.canonical)
        out = extended(without_qualifier(with_modifier(out, term_units), t), t, term_units)
        out = place_trimmed(out, t, term_units, known=self._ko_words)
        out = unit_trimmed(ship_named(trailing_trimmed(out, t, term_units, known=self._ko_words), t), t, term_units)
        out = particle_trimmed(head_added(numbers_trimmed(out, t), t, term_units, aligned))
        return out, n

    def _placements(
        self, cand: Candidate, t: TermProfile, occ: Occurrence
    ) -> dict[str, tuple[Reach, float, dict[str, Any]]]:
        """For one occurrence of the term: each allowed Korean phrase's best placement (reach, local score, features).

        Looked for in the aligned sentences, their neighbours (a misaligned rewrite)
        and the rest of the article (only for a gloss or a name).
        """
        b = self.bitexts[occ.pair]
        ko_idx = b.ko_for(occ.sentence)
        en_s = b.en[occ.sentence]
        own = f"claim:{cand.canonical}"
        one_word = all(" " not in f and "-" not in f and "/" not in f for f in t.forms)
        units = [u for u in self._sentence_units(occ.pair, occ.sentence) if u.key != own]
        inside = [u for u in units if occ.start <= u.start and u.end <= occ.end]
        outside = [u for u in units if u.end <= occ.start or u.start >= occ.end]
        titles = [
            u.ko
            for u in outside
            if u.key.startswith("title:") and (0 <= occ.start - u.end <= 3 or 0 <= u.start - occ.end <= 4)
        ]
        rel_en = (occ.start + occ.end) / 2 / max(1, len(en_s))
        near = [k for k in (ko_idx[0] - 1, ko_idx[-1] + 1) if 0 <= k < len(b.ko)]
        rest = [k for k in range(len(b.ko)) if k not in ko_idx and k not in near]
        glued = glued_units(en_s, occ.start, occ.end, outside)
        sentences = [b.ko[k] for k in (*ko_idx, *near)]
        explained = dict(zip((*ko_idx, *near), explain_sentences(sentences, inside, outside, glued=glued), strict=True))
        present = present_weight(inside, [e.found for e in explained.values()])
        known = all_known(en_s, occ, inside)
        found = frozenset().union(*(e.found for e in explained.values()))
        complete = known and len(found) == len(inside)  # each of the term's words has its Korean here
        total = sum(len(b.ko[k]) for k in ko_idx) or 1
        offset = 0
        best: dict[str, tuple[Reach, float, dict[str, Any]]] = {}
        for k in (*ko_idx, *near, *rest):
            ks = b.ko[k]
            reach = Reach.ALIGNED if k in ko_idx else Reach.NEIGHBOUR if k in near else Reach.ARTICLE
            e = explained.get(k)
            in_locs = e.locations if e else []
            out_mask = e.out_mask if e else [False] * len(ks)
            in_mask = e.in_mask if e else [False] * len(ks)
            for text, spans in phrases(ks).items():
                if not allowed(t, text, spans[0]):
                    continue
                for sp in spans:
                    if (sp.part and not (sp.listed and one_word)) or (sp.start > 0 and is_syllable(ks[sp.start - 1])):
                        # cut inside a word the Korean continues (사일 위협 out of 미사일 위협); a word of a list
                        # joined by a middle dot is whole for a one-word term (이라크 of 이라크·아프가니스탄 for Iraq),
                        # not for a compound the dot renders (인도·태평양 for Indo-Pacific)
                        continue
                    if cuts_known_word(ks, sp.start, sp.end, self._ko_words):
                        continue  # a particle cut out of a known word (정상회 + 의 out of 정상회의)
                    if reach is Reach.ALIGNED:
                        rel_ko = (offset + (sp.start + sp.end) / 2) / total
                        shift = abs(rel_ko - rel_en)
                    else:
                        shift = 0.5
                    local, feats = local_score(
                        t, ks, sp, in_locs, present, out_mask, in_mask, shift, titles, known, complete
                    )
                    if reach is Reach.ARTICLE and not (feats.get("gloss") or (t.person and strong_name(t, text))):
                        continue
                    cur = best.get(text)
                    if cur is None or (reach.weight, local) > (cur[0].weight, cur[1]):
                        best[text] = (reach, local, feats)
            if reach is Reach.ALIGNED:
                offset += len(ks)
        return best

    # ------------------------------------------------------------------ machine translation

    def machine(self, cand: Candidate, occs: Sequence[Occurrence]) -> Proposal | None:
        """The MT backend's Korean for the term alone (its context is translated too), or None.

        Its score is 0 here: :meth:`propose` places it below the attested proposals.
        """
        tr = self.translator
        if tr is None or tr.inline:
            return None
        context = ""
        if occs:
            o = occs[0]
            context = self.bitexts[o.pair].en[o.sentence]
        elif cand.contexts:
            context = context_sentence(cand.contexts[0])
        segments = [cand.canonical] + ([context] if context else [])
        outputs = tr.translate_batch(segments)
        ko = outputs[0].strip().rstrip(".").strip() if outputs else ""
        if not ko or (not has_hangul(ko) and not cand.canonical.isupper()):
            return None
        name = tr.name
        in_ctx = len(outputs) > 1 and ko.replace(" ", "") in outputs[1].replace(" ", "")
        return Proposal(ko, 0.0, Source.MT.value, machine_evidence(name, in_context=in_ctx))

    # ------------------------------------------------------------------ one candidate

    def propose(self, cand: Candidate, *, top: int = 3) -> Result:
        """The ranked proposals for one candidate."""
        coverage = self.resolve(cand)
        if coverage is not None:
            return covered_result(cand, coverage)
        occs = self.occurrences(cand)
        ranked, n = self.parallel(cand, occs)
        proposals = ranked[:top]
        mt = self.machine(cand, occs)
        if mt is not None:
            same = [i for i, p in enumerate(proposals) if p.ko.replace(" ", "") == mt.ko.replace(" ", "")]
            if same:
                i = same[0]
                proposals[i] = replace(proposals[i], evidence=proposals[i].evidence + AGREES_WITH_MT)
            else:
                floor = min((p.score for p in proposals), default=0.35)
                proposals.append(replace(mt, score=round(max(0.01, min(0.3, floor - 0.01)), 2)))
        # attested proposals first (at most ``top``), then the MT one, never above them
        proposals.sort(key=lambda p: (p.source == Source.MT.value, -p.score))
        best = proposals[0] if proposals else None
        if best is not None and not offered(best.score, best.source):
            best = None  # below the threshold: kept among the alternatives with its score, not offered
        kind = cand.type if cand.type else ""
        latin = best is not None and not has_hangul(best.ko)
        row = Entry(
            en=cand.canonical,
            ko=best.ko if best else "",
            type=kind,
            en_variants=tuple(v for v in cand.variants if form_key(v) != form_key(cand.canonical)),
            note="[keep-latin] Korean copy keeps it in Latin script." if latin else "",
            source=self._source(best),
            status="proposed",
        )
        return Result(cand, row, tuple(proposals), "", (), n)

    def _source(self, best: Proposal | None) -> str:
        """The proposals row's ``source`` column: the MT backend, or the Korean files holding the proposal."""
        if best is None:
            return ""
        if best.source == Source.MT.value:
            return f"machine translation ({self.translator.name if self.translator else 'mt'})"
        files = sorted({b.ko_path.rsplit("/", 1)[-1] for b in self.bitexts if any(best.ko in s for s in b.ko)})
        return "parallel text: " + ", ".join(files[:3]) if files else "parallel text"

    # ------------------------------------------------------------------ many candidates

    def propose_all(self, candidates: Sequence[Candidate], *, top: int = 3, rounds: int = 2) -> list[Result]:
        """Proposals for every candidate; a second round uses the confident first-round answers as anchors."""
        results = [self.propose(c, top=top) for c in candidates]
        for _ in range(rounds - 1):
            if not self.bitexts:
                break
            self._claims.clear()
            for r in results:
                if r.covered or not r.best or r.best.source != Source.PARALLEL.value or r.best.score < 0.5:
                    continue
                for occ in self.occurrences(r.candidate):
                    self._claims[(occ.pair, occ.sentence)].append(
                        Unit(occ.start, occ.end, f"claim:{r.candidate.canonical}", (r.best.ko,), "claim")
                    )
            if not self._claims:
                break
            results = [
                self.propose(c, top=top) if not r.covered else r for c, r in zip(candidates, results, strict=True)
            ]
        self._claims.clear()
        return results
