"""Mine English defense terms and official titles from articles into a reviewable term list.

>>> result = mine(["seeds/"], glossary=load_glossary("glossary"))   # doctest: +SKIP
>>> result.candidates[0]                                             # doctest: +SKIP
Candidate(canonical='Defense Minister', variants=('South Korean Defense Minister',), type='title', ...)

Articles are read one at a time (optionally in worker processes) and merged into
corpus counts; then candidates are scored, merged across variants (plural, case,
``U.S.``/``US``, hyphenation, acronym ↔ full form, forms of one glossary entry),
given a glossary status and sorted. Extractors live in :mod:`.extract`.

Statuses: ``known`` (every surface form is a form of a glossary entry),
``variant-of-known`` (some surface form is missing from the entry: a glossary
improvement), ``new``.
"""

from __future__ import annotations

import csv
import io
import math
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError, UsageError
from ..glossary import Entry, Glossary
from ..text import Document, Removed, iter_articles, read_article
from ..textio import STDIN
from . import extract as X
from . import lexicon as L
from .article import ArticleTerms, extract_article
from .corpus import MIN_SPECIFICITY, TYPE_WEIGHT, Agg, Corpus, cvalues, evidence, specificity
from .names import NameFinding, name_findings

__all__ = [
    "CSV_COLUMNS",
    "STATUSES",
    "TYPES",
    "Candidate",
    "MineResult",
    "NameFinding",
    "mine",
    "mine_documents",
    "render_csv",
    "write_csv",
]

TYPES: tuple[str, ...] = (
    "title",
    "person",
    "organization",
    "meeting",
    "exercise",
    "weapon",
    "concept",
    "place",
    "media",
    "document",
    "acronym",
)
STATUSES: tuple[str, ...] = ("new", "variant-of-known", "known")
CSV_COLUMNS: tuple[str, ...] = (
    "canonical",
    "variants",
    "type",
    "freq",
    "doc_freq",
    "score",
    "status",
    "entry_id",
    "linked",
    "contexts",
)
SEP = " | "


@dataclass(frozen=True)
class Candidate:
    """One mined term: its forms, type, counts, score, evidence and glossary status."""

    canonical: str
    variants: tuple[str, ...]
    type: str
    freq: int
    doc_freq: int
    score: float
    contexts: tuple[str, ...]
    status: str
    entry_id: str
    linked: tuple[str, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.canonical, *self.variants)


@dataclass(frozen=True)
class MineResult:
    candidates: tuple[Candidate, ...]
    findings: tuple[NameFinding, ...]
    articles: int
    words: int
    removed: tuple[tuple[str, Removed], ...] = ()

    def counts(self) -> dict[str, dict[str, int]]:
        """``{type: {status: n}}``."""
        out: dict[str, Counter] = {}
        for c in self.candidates:
            out.setdefault(c.type, Counter())[c.status] += 1
        return {t: dict(sorted(v.items())) for t, v in sorted(out.items())}


# --------------------------------------------------------------------------- running

_ZIPF: list[X.ZipfCache] = []


def _zipf() -> X.ZipfCache:
    if not _ZIPF:
        _ZIPF.append(X.ZipfCache())
    return _ZIPF[0]


def _mine_file(path: str, encoding: str | None = None, name: str | None = None) -> ArticleTerms:
    """Worker: read, clean and mine one article."""
    return extract_article(read_article(path, encoding=encoding, name=name), _zipf())


def _ordered_parallel(files: Sequence[str], jobs: int, encoding: str | None) -> Iterator[ArticleTerms]:
    """Results in file order, with at most ``4 × jobs`` articles in flight (memory stays bounded)."""
    from concurrent.futures import ProcessPoolExecutor

    window = 4 * jobs
    with ProcessPoolExecutor(max_workers=jobs) as ex:
        pending = []
        it = iter(files)
        for f in it:
            pending.append(ex.submit(_mine_file, f, encoding))
            if len(pending) >= window:
                break
        while pending:
            fut = pending.pop(0)
            result = fut.result()
            nxt = next(it, None)
            if nxt is not None:
                pending.append(ex.submit(_mine_file, nxt, encoding))
            yield result


def mine(
    paths: Sequence[str | Path],
    *,
    glossary: Glossary | None = None,
    jobs: int = 1,
    encoding: str | None = None,
    keep_removed: bool = False,
    progress: Callable[[int, int], None] | None = None,
    stdin_name: str | None = None,
) -> MineResult:
    """Mine the articles in ``paths`` (files or folders). ``jobs > 1`` reads articles in worker processes.

    Articles are streamed: each is read, mined and merged into the corpus counts
    before the next (at most ``4 × jobs`` in flight). ``progress(done, total)`` is
    called after each article.

    ``-`` reads an article from standard input (in this process), named ``stdin_name``.

    Raises ``InputError`` when no article is found or one cannot be read.
    """
    files = [str(f) for f in iter_articles(paths)]
    reads_stdin = files.count(STDIN)
    if reads_stdin > 1:
        raise UsageError("standard input (-) given more than once — give it once")
    if reads_stdin and not stdin_name:
        raise UsageError("reading standard input (-): give --name NAME for the article")
    if not files:
        raise InputError(
            f"{', '.join(str(p) for p in paths)}: no articles found (.txt, .md, .html, .docx) — give files or folders"
        )
    corpus = Corpus()
    removed: list[tuple[str, Removed]] = []
    stream = (
        _ordered_parallel(files, jobs, encoding)
        if jobs > 1 and len(files) > 1 and not reads_stdin
        else (_mine_file(f, encoding, stdin_name if f == STDIN else None) for f in files)
    )
    for done, art in enumerate(stream, start=1):
        corpus.add(art)
        if keep_removed:
            removed.extend((art.path, r) for r in art.removed)
        if progress is not None:
            progress(done, len(files))
    return finalise(corpus, glossary, removed=removed)


def mine_documents(docs: Sequence[Document], *, glossary: Glossary | None = None) -> MineResult:
    """Mine already-read documents (in-process; used by tests and by other stages)."""
    corpus = Corpus()
    for d in docs:
        corpus.add(extract_article(d, _zipf()))
    return finalise(corpus, glossary)


# --------------------------------------------------------------------------- finalising


@dataclass
class _Cand:
    agg: Agg
    type: str
    score: float
    keys: set[str]


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


def finalise(corpus: Corpus, glossary: Glossary | None, *, removed: Sequence[tuple[str, Removed]] = ()) -> MineResult:
    """Score, merge variants, attach glossary status and sort."""
    zipf = _zipf()
    terms = corpus.terms
    phrases = {k: (a.words, a.freq) for k, a in terms.items() if a.kind == "np"}
    cv = cvalues(phrases)
    cands: dict[str, _Cand] = {}
    owner: dict[str, str] = {}  # original key -> final key

    def final_key(key: str, agg: Agg) -> str:
        if agg.kind == "np":
            return X.merge_key(" ".join(agg.words))
        return key

    # 1. named things first, then phrases (a phrase that is also a named unit joins it)
    for key, agg in sorted(terms.items(), key=lambda kv: (kv[1].kind == "np", kv[0])):
        fk = final_key(key, agg)
        if agg.kind == "np":
            words = agg.words
            value = cv.get(key, 0.0)
            if fk in cands:
                _merge_into(cands[fk].agg, agg)
                owner[key] = fk
                continue
            spec = specificity(words, zipf)
            if value <= 0 or (
                "of" in words and agg.freq < 2 and (spec < 0.55 or words[words.index("of") - 1] in L.GENERIC_OF)
            ):
                continue
            if spec < MIN_SPECIFICITY:
                continue
            type_ = _type_of(agg)
            independent = value / math.log2(len(words))
            score = (
                math.log2(1 + independent)
                * (1 + 0.5 * math.log2(max(agg.doc_freq, 1)))
                * (0.3 + spec)
                * TYPE_WEIGHT.get(type_, 1.0)
            )
            cands[fk] = _Cand(_copy(agg), type_, score, {key})
            owner[key] = fk
        else:
            if fk in cands:
                _merge_into(cands[fk].agg, agg)
                cands[fk].keys.add(key)
            else:
                cands[fk] = _Cand(_copy(agg), "", 0.0, {key})
            owner[key] = fk

    # 2. acronyms into their long forms
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
            cands[target] = _Cand(agg, "", 0.0, set())
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

    # 3. types and scores of named things
    for fk, c in cands.items():
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

    # 4. glossary status (and one candidate per glossary entry)
    statuses: dict[str, tuple[str, str, Entry | None]] = {}
    if glossary is not None:
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
        for fk, c in cands.items():
            entry = _entry_for(c, glossary)
            if entry is not None:
                covered = {X.merge_key(f) for f in entry.en_forms}
                real = [s for s, n in c.agg.surfaces.items() if n > 0]
                missing = [s for s in real if X.merge_key(s) not in covered]
                statuses[fk] = ("variant-of-known" if missing else "known", entry.id, entry)
                c.type = entry.type

    # 5. records
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
    known_people = {X.merge_key(f) for c in out if c.type == "person" and c.status != "new" for f in c.forms}
    from .article import person_key

    findings = name_findings(
        corpus.persons,
        glossary,
        known={
            k
            for k in corpus.persons
            if X.merge_key(k) in known_people or person_key(k) in {person_key(f) for f in known_people}
        },
    )
    return MineResult(tuple(out), tuple(findings), corpus.articles, corpus.words, tuple(removed))


def _copy(agg: Agg) -> Agg:
    return replace(
        agg,
        surfaces=Counter(agg.surfaces),
        types=Counter(agg.types),
        contexts=list(agg.contexts),
        linked=set(agg.linked),
    )


def _entry_for(c: _Cand, glossary: Glossary) -> Entry | None:
    found: Counter = Counter()
    entries: dict[str, Entry] = {}
    for surface, n in c.agg.surfaces.items():
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


def _canonical(c: _Cand, entry: Entry | None) -> str:
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


# --------------------------------------------------------------------------- output


def render_csv(candidates: Sequence[Candidate]) -> str:
    """The terms CSV: header :data:`CSV_COLUMNS`, one row per candidate, LF, QUOTE_MINIMAL."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(CSV_COLUMNS)
    for c in candidates:
        w.writerow(
            [
                c.canonical,
                SEP.join(c.variants),
                c.type,
                c.freq,
                c.doc_freq,
                f"{c.score:.3f}",
                c.status,
                c.entry_id,
                SEP.join(c.linked),
                SEP.join(c.contexts),
            ]
        )
    return buf.getvalue()


def write_csv(result: MineResult, path: str | Path) -> Path:
    """Write the terms CSV atomically."""
    from ..textio import atomic_write

    return atomic_write(path, render_csv(result.candidates))
