"""From corpus counts to the mine result, in named steps (:func:`finalise`):

1. :func:`collect_terms` — one candidate per term key: named things first, then the scored phrases
   (a phrase that is also a named unit joins it);
2. :func:`fold_acronyms` — each acronym into the long form it was introduced with;
3. :func:`type_and_score` — types and scores of named things;
4. :func:`merge_per_entry` and :func:`glossary_status` — one candidate per glossary entry, and its
   status (``known``, ``variant-of-known``; ``new`` otherwise);
5. :func:`candidate_records` — the sorted :class:`~termdesk.mine.result.Candidate` records, then
   :func:`~termdesk.mine.quality.review_candidates` (no fragments, bare title words, coordinations or
   generic phrases; country-prefixed known titles are variants; types from head nouns);
6. :func:`name_consistency` — probable variant spellings of people's names.

The working state is two maps: ``cands`` (final key → :class:`WorkingCandidate`) and ``owner``
(each original term key → the final key that absorbed it).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..glossary import Entry, Glossary
from ..text import Removed
from . import extract as X
from . import wordlists as L
from .corpus import MIN_SPECIFICITY, TYPE_WEIGHT, Agg, Corpus, cvalues, evidence, shared_zipf, specificity
from .name_variants import NameFinding, name_findings
from .quality import review_candidates
from .result import Candidate, MineResult

#: A candidate's glossary status: (status, entry id, entry).
Status = tuple[str, str, Entry | None]


@dataclass
class WorkingCandidate:
    """A candidate while it is being merged: its corpus counts, type, score and the term keys it absorbed."""

    agg: Agg
    type: str
    score: float
    keys: set[str]


def finalise(corpus: Corpus, glossary: Glossary | None, *, removed: Sequence[tuple[str, Removed]] = ()) -> MineResult:
    """Score, merge variants, attach glossary status and sort."""
    known = frozenset(X.merge_key(f) for e in glossary or () for f in e.en_forms)
    cands, owner = collect_terms(corpus, known=known)
    proper = {k: cands.pop(k) for k in [k for k, c in cands.items() if c.agg.kind == "proper"]}
    fold_acronyms(corpus, cands, owner)
    type_and_score(cands)
    statuses: dict[str, Status] = {}
    if glossary is not None:
        merge_per_entry(cands, owner, glossary)
        statuses = glossary_status(cands, glossary)
    out = review_candidates(candidate_records(cands, owner, statuses), glossary)
    out.extend(proper_headed(proper, out, known))
    out.sort(key=lambda c: -c.score)  # stable: the reviewed order among equal scores
    findings = name_consistency(corpus, out, glossary)
    return MineResult(tuple(out), tuple(findings), corpus.articles, corpus.words, tuple(removed))


def _final_key(key: str, agg: Agg) -> str:
    """The key a term is merged under: a phrase's merge key, else its own key."""
    if agg.kind == "np":
        return X.merge_key(" ".join(agg.words))
    return key


def collect_terms(
    corpus: Corpus, *, known: frozenset[str] = frozenset()
) -> tuple[dict[str, WorkingCandidate], dict[str, str]]:
    """Step 1: one candidate per final key; named things first, then phrases that pass the C-value and
    specificity bars (a phrase that is also a named unit joins it), and phrases that are glossary forms
    (``known``: their merge keys) whatever their C-value: ``weapons of mass destruction`` seen only inside
    ``weapons of mass destruction programs`` is still reported known. Returns ``(cands, owner)``."""
    zipf = shared_zipf()
    terms = corpus.terms
    # C-values over the phrases that can be listed at all: a phrase nested in a longer one that is too general to
    # list ("unilateral sanctions" in "unilateral sanctions of great effect") keeps its own frequency
    spec = {k: specificity(a.words, zipf) for k, a in terms.items() if a.kind == "np"}
    phrases = {k: (terms[k].words, terms[k].freq) for k, sp in spec.items() if _listable(terms[k], sp)}
    cv = cvalues(phrases)
    cands: dict[str, WorkingCandidate] = {}
    owner: dict[str, str] = {}  # original key -> final key
    for key, agg in sorted(terms.items(), key=lambda kv: (kv[1].kind == "np", kv[0])):
        fk = _final_key(key, agg)
        if agg.kind == "np":
            if fk in cands:
                _merge_into(cands[fk].agg, agg)
                owner[key] = fk
                continue
            score = _phrase_score(agg, cv.get(key, 0.0), spec[key])
            if score is None and fk in known:
                score = (_type_of(agg), 0.0)  # a glossary form nested in a longer phrase: known, not offered
            if score is None:
                continue
            type_, value = score
            cands[fk] = WorkingCandidate(_copy(agg), type_, value, {key})
            owner[key] = fk
        else:
            if fk in cands:
                _merge_into(cands[fk].agg, agg)
                cands[fk].keys.add(key)
            else:
                cands[fk] = WorkingCandidate(_copy(agg), "", 0.0, {key})
            owner[key] = fk
    return cands, owner


def proper_headed(
    proper: dict[str, WorkingCandidate], reviewed: Sequence[Candidate], known: frozenset[str]
) -> list[Candidate]:
    """Step 6: the phrases of a proper modifier and a lowercase head (``DPRK policy review``, ``Kim regime``,
    ``U.S.-Japan alliance``: :func:`~termdesk.mine.extract.proper_headed_phrases`), held back below the others,
    best evidence first. Such a phrase is as often a term of the beat as a phrase of the sentence (``ROK
    officials``), so none is offered; the reviewer finds them in the list. A phrase that is a form of a reviewed
    candidate or of the glossary (``known``: merge keys), in any case (``Korean peninsula``), is left out: it is
    listed, or known, already."""
    taken = {k.casefold() for k in known} | {X.merge_key(f).casefold() for c in reviewed for f in c.forms}
    out: list[Candidate] = []
    for c in proper.values():
        canonical = _canonical(c, None)
        variants = _variants(c.agg.surfaces, canonical)
        if any(X.merge_key(f).casefold() in taken for f in (canonical, *variants)):
            continue
        type_ = _type_of(c.agg)
        out.append(
            Candidate(
                canonical=canonical,
                variants=tuple(variants),
                type=type_,
                freq=c.agg.freq,
                doc_freq=c.agg.doc_freq,
                score=round(evidence(c.agg.freq, c.agg.doc_freq) * TYPE_WEIGHT.get(type_, 1.0), 3),
                contexts=tuple(c.agg.contexts),
                status="held-back",
                entry_id="",
                linked=(),
                type_confidence="low",
            )
        )
    out.sort(key=lambda c: (-c.score, c.canonical.casefold(), c.canonical))
    return out


def _listable(agg: Agg, spec: float) -> bool:
    """A phrase (of :func:`specificity` ``spec``) that is not too general to list, whatever its C-value: not an
    ``X of`` phrase seen once with a generic head or a low specificity, and specific enough
    (:data:`MIN_SPECIFICITY`)."""
    words = agg.words
    if "of" in words and agg.freq < 2 and (spec < 0.55 or words[words.index("of") - 1] in L.GENERIC_OF):
        return False
    return spec >= MIN_SPECIFICITY


def _phrase_score(agg: Agg, value: float, spec: float) -> tuple[str, float] | None:
    """A phrase's (type, score) from its C-value, document frequency and specificity, or None when it has no
    C-value (a phrase that is not :func:`_listable` has none: :func:`collect_terms` leaves it out of the C-values)."""
    words = agg.words
    if value <= 0:
        return None
    type_ = _type_of(agg)
    independent = value / math.log2(len(words))
    score = (
        math.log2(1 + independent)
        * (1 + 0.5 * math.log2(max(agg.doc_freq, 1)))
        * (0.3 + spec)
        * TYPE_WEIGHT.get(type_, 1.0)
    )
    return type_, score


def fold_acronyms(corpus: Corpus, cands: dict[str, WorkingCandidate], owner: dict[str, str]) -> None:
    """Step 2: merge each acronym into the long form it was most often introduced with (creating the long
    form's candidate when the long form was not mined on its own)."""
    best_long: dict[str, tuple[int, str]] = {}
    for (acr, long_key), n in corpus.pairs.items():
        if acr == long_key:
            continue
        if acr not in best_long or (n, long_key) > best_long[acr]:
            best_long[acr] = (n, long_key)
    for acr, (_, long_key) in sorted(best_long.items()):
        target = owner.get(long_key, long_key if long_key in cands else None)
        if target is None:
            target = owner.get("np:" + long_key.replace(" ", " "))
        if target is None or target not in cands:
            surface = corpus.long_surface.get(long_key, Counter({long_key: 1})).most_common(1)[0][0]
            agg = Agg(freq=0, doc_freq=0, surfaces=Counter({surface: 0}), kind="named")
            t = X.type_named_unit(surface.split()) if surface[0].isupper() else X.np_type(surface.lower().split())
            if t:
                agg.types[t] += 1
            target = long_key
            cands[target] = WorkingCandidate(agg, "", 0.0, set())
        src_key = owner.get(acr, acr)
        if src_key in cands and src_key != target:
            src = cands.pop(src_key)
            _merge_into(cands[target].agg, src.agg)
            cands[target].keys |= src.keys
            for k in src.keys:
                owner[k] = target
        else:
            for s in corpus.acr_surface.get(acr, {}):
                cands[target].agg.surfaces.setdefault(s, 0)
        owner[acr] = target


def type_and_score(cands: dict[str, WorkingCandidate]) -> None:
    """Step 3: type and score every named thing (scored phrases of a phrase-like type keep theirs)."""
    zipf = shared_zipf()
    for c in cands.values():
        if (
            c.agg.kind == "np"
            and c.score > 0
            and not c.agg.types.keys()
            - {"concept", "weapon", "document", "exercise", "meeting", "title", "organization"}
        ):
            c.type = c.type or _type_of(c.agg)
            continue
        c.type = _type_of(c.agg)
        if c.agg.kind == "acronym" and not (c.agg.types.keys() - {""}):
            c.type = "acronym"
        c.score = evidence(c.agg.freq, c.agg.doc_freq) * TYPE_WEIGHT.get(c.type, 1.0)
        if c.agg.kind == "np":
            c.score *= 0.3 + specificity(c.agg.words, zipf)


def merge_per_entry(cands: dict[str, WorkingCandidate], owner: dict[str, str], glossary: Glossary) -> None:
    """Step 4a: one candidate per glossary entry — the less frequent forms of an entry join the most frequent."""
    by_entry: dict[str, str] = {}
    for fk in sorted(cands, key=lambda k: (-cands[k].agg.freq, k)):
        c = cands.get(fk)
        if c is None:
            continue
        entry = _entry_for(c, glossary)
        if entry is None:
            continue
        if entry.id in by_entry and by_entry[entry.id] in cands and by_entry[entry.id] != fk:
            dst = cands[by_entry[entry.id]]
            _merge_into(dst.agg, c.agg)
            dst.score = max(dst.score, c.score) + 0.1 * min(dst.score, c.score)
            dst.keys |= c.keys
            for k in c.keys:
                owner[k] = by_entry[entry.id]
            owner[fk] = by_entry[entry.id]
            del cands[fk]
        else:
            by_entry[entry.id] = fk


def glossary_status(cands: dict[str, WorkingCandidate], glossary: Glossary) -> dict[str, Status]:
    """Step 4b: ``known`` when every surface form is a form of the entry, ``variant-of-known`` when some
    form is missing from it; the entry's type wins. Candidates not in the glossary are left out (``new``)."""
    statuses: dict[str, Status] = {}
    for fk, c in cands.items():
        entry = _entry_for(c, glossary)
        if entry is not None:
            covered = {X.merge_key(f) for f in entry.en_forms}
            real = [s for s, n in c.agg.surfaces.items() if n > 0]
            missing = [s for s in real if X.merge_key(s) not in covered]
            statuses[fk] = ("variant-of-known" if missing else "known", entry.id, entry)
            c.type = entry.type
    return statuses


def candidate_records(
    cands: dict[str, WorkingCandidate], owner: dict[str, str], statuses: dict[str, Status]
) -> list[Candidate]:
    """Step 5: the records, best score first: canonical form, variants, linked candidates, status."""
    canon: dict[str, str] = {}
    for fk, c in cands.items():
        entry = statuses.get(fk, ("", "", None))[2]
        canon[fk] = _canonical(c, entry)
    out: list[Candidate] = []
    for fk, c in cands.items():
        status, entry_id, _ = statuses.get(fk, ("new", "", None))
        canonical = canon[fk]
        variants = _variants(c.agg.surfaces, canonical)
        linked = sorted(
            {canon[owner[k]] for k in c.agg.linked if k in owner and owner[k] in canon and owner[k] != fk},
            key=str.casefold,
        )
        out.append(
            Candidate(
                canonical=canonical,
                variants=tuple(variants),
                type=c.type,
                freq=c.agg.freq,
                doc_freq=c.agg.doc_freq,
                score=round(c.score, 3),
                contexts=tuple(c.agg.contexts),
                status=status,
                entry_id=entry_id,
                linked=tuple(linked),
            )
        )
    out.sort(key=lambda c: (-c.score, c.canonical.casefold(), c.canonical))
    return out


def name_consistency(corpus: Corpus, out: Sequence[Candidate], glossary: Glossary | None) -> list[NameFinding]:
    """Step 6: probable variant spellings of people in the corpus and against the glossary (people already
    known to the glossary are not reported as new spellings)."""
    from .article import person_key
    from .quality import person_key as spelling_key

    # a name tied to a glossary person only as a one-letter misspelling (Jeong Keyong-doo) is still reported
    spelt = {spelling_key(f) for e in glossary or () if e.type == "person" for f in e.en_forms}
    known_people = {
        X.merge_key(f)
        for c in out
        if c.type == "person"
        and (c.status == "known" or (c.status == "variant-of-known" and any(spelling_key(x) in spelt for x in c.forms)))
        for f in c.forms
    }
    return name_findings(
        corpus.persons,
        glossary,
        known={
            k
            for k in corpus.persons
            if X.merge_key(k) in known_people or person_key(k) in {person_key(f) for f in known_people}
        },
    )


# --------------------------------------------------------------------------- helpers

_TYPE_PRIORITY = {
    t: i
    for i, t in enumerate(
        (
            "person",
            "title",
            "weapon",
            "meeting",
            "exercise",
            "document",
            "organization",
            "media",
            "place",
            "concept",
            "acronym",
        )
    )
}


def _type_of(agg: Agg) -> str:
    if not agg.types:
        return "acronym" if agg.kind == "acronym" else "concept" if agg.kind == "np" else "organization"
    best = max(agg.types.items(), key=lambda kv: (kv[1], -_TYPE_PRIORITY.get(kv[0], 99)))
    return best[0]


def _merge_into(dst: Agg, src: Agg) -> None:
    """Merge two candidates' corpus counts (variants of one term); document frequency is the larger."""
    dst.absorb(src)
    dst.doc_freq = max(dst.doc_freq, src.doc_freq)


def _copy(agg: Agg) -> Agg:
    return replace(
        agg,
        surfaces=Counter(agg.surfaces),
        types=Counter(agg.types),
        contexts=list(agg.contexts),
        linked=set(agg.linked),
    )


def _initials(form: str) -> set[str]:
    """A phrase's initials, without its function words (:func:`~termdesk.mine.extract.initials`) and with them
    (``indicators of compromise`` → IC, IOC)."""
    words = re.findall(r"[A-Za-z]+", form)
    return X.initials(words) | {"".join(w[0] for w in words).upper()}


def _entry_for(c: WorkingCandidate, glossary: Glossary) -> Entry | None:
    """The glossary entry most of the candidate's forms are forms of. An acronym of a candidate with its own
    expansion does not count when the expansion is no form of the entry (``indicators of compromise (IOCs)`` is
    no IOC, initial operational capability)."""
    found: Counter = Counter()
    entries: dict[str, Entry] = {}
    # the candidate's own expansions the glossary lacks, by their initials ("indicators of compromise" → IOC, IC)
    spelled = {a for s in c.agg.surfaces if " " in s and not glossary.lookup(s) for a in _initials(s)}
    for surface, n in c.agg.surfaces.items():
        if X._is_acronym_text(surface) and X._singular_phrase(surface).upper() in spelled:
            continue
        forms = [surface]
        singular = X._singular_phrase(surface)
        if singular != surface:
            forms.append(singular)
        for f in forms:
            for e in glossary.lookup(f):
                if e.status == "deprecated":
                    continue
                found[e.id] += n + 1
                entries[e.id] = e
    if not found:
        return None
    best = max(found.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return entries[best]


def _canonical(c: WorkingCandidate, entry: Entry | None) -> str:
    surfaces = c.agg.surfaces
    if entry is not None:
        for f in entry.en_forms[:1]:
            if any(X.merge_key(s) == X.merge_key(f) for s in surfaces):
                return f
    real = [(n, s) for s, n in surfaces.items() if n > 0] or [(0, s) for s in surfaces]
    if c.agg.kind == "designator":
        return min((s for _, s in real), key=lambda s: (len(s), s))
    long_forms = [(n, s) for n, s in real if not X._is_acronym_text(s.replace(".", ""))]
    if long_forms and len(long_forms) < len(real):
        real = long_forms
    elif not long_forms and any(not X._is_acronym_text(s.replace(".", "")) for s in surfaces):
        long_only = [s for s in surfaces if not X._is_acronym_text(s.replace(".", ""))]
        return max(long_only, key=lambda s: (surfaces[s], s))

    def rank(item: tuple[int, str]) -> tuple:
        n, s = item
        lower_ok = c.type == "concept"
        return (n, s[0].isupper() != lower_ok, -abs(len(s) - 20), s)

    return max(real, key=rank)[1]


def _variants(surfaces: Counter, canonical: str) -> list[str]:
    seen = {canonical}
    out = []
    for s, _ in sorted(surfaces.items(), key=lambda kv: (-kv[1], kv[0])):
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out
