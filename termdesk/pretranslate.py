"""Pre-translation: a Korean draft in which every glossary term is rendered as the glossary says.

Pipeline, per article::

    read + clean (text.py) → segment → match glossary terms (match.py)
      → protect each term with a placeholder the MT model copies
      → translate the protected segments in batches (mt backend, TM cache)
      → restore each placeholder as the term's Korean (name before title for composed matches)
      → repair the particle after each restored term (termdesk.ko.particles)
      → verify: every term exactly as often as in the source, no placeholder fragment left
      → a segment that fails is retranslated another way (chunks between the terms);
        if that fails too it is marked for the translator with its term list.

Outputs per article: ``NAME.ko.txt`` (draft), ``NAME.po`` (merged with an existing
one: the translator's edits are never overwritten), ``NAME.terms.csv`` and, with
``formats`` including ``xliff``, ``NAME.xlf`` (XLIFF 1.2, :mod:`termdesk.formats.xliff`;
a target confirmed in an earlier ``NAME.xlf`` is kept, and taken into the PO).
The library never prints; progress goes through a callback.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ConflictError, InputError, UsageError
from .poheader import DEFAULT_CONTACTS, TRANSLATOR_FIELDS, PoContacts, po_metadata

if TYPE_CHECKING:  # pragma: no cover
    import polib

    from .formats.xliff import DraftUnit, XliffDocument
    from .glossary import Glossary
    from .match import DatedMatchers, Match, Matcher
    from .mt.base import Translator


# --------------------------------------------------------------------------- placeholders


@dataclass(frozen=True)
class PlaceholderScheme:
    """How terms are hidden from the MT model.

    Tokens are ``{prefix}{n}{suffix}`` with a Latin prefix that SentencePiece keeps
    under NFKC and that Argos's ``_`` → space decoding cannot damage. The finder
    tolerates what real models do to such tokens: spaces inserted inside, case
    changes, a dropped suffix.
    """

    prefix: str = "ZXQ"
    suffix: str = ""

    def token(self, n: int) -> str:
        return f"{self.prefix}{n}{self.suffix}"

    @property
    def finder(self) -> re.Pattern[str]:
        spaced = r"\s*".join(re.escape(c) for c in self.prefix)
        suffix = r"\s*".join(re.escape(c) for c in self.suffix)
        tail = rf"(?:\s*{suffix})?" if self.suffix else ""
        return re.compile(rf"{spaced}\s*(\d+){tail}", re.IGNORECASE)

    @property
    def fragment(self) -> re.Pattern[str]:
        """Anything left that looks like part of a token (checked after restoring)."""
        head = re.escape(self.prefix[:2])
        tail = re.escape(self.prefix[1:])
        return re.compile(rf"{head}|(?<![A-Za-z]){tail}(?![A-Za-z])|{tail}\s*\d", re.IGNORECASE)


DEFAULT_SCHEME = PlaceholderScheme()


class Method(str, Enum):
    MT = "mt"
    CACHE = "cache"
    FALLBACK = "fallback"
    GLOSSARY = "glossary"
    UNVERIFIED = "unverified"
    # the LLM backend (termdesk.mt.llm_pipeline)
    LLM = "llm"
    LLM_RETRY = "llm-retry"
    PLACEHOLDER = "placeholder"


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class TermOccurrence:
    """One glossary term in a source segment, and what became of it in the draft."""

    segment: int
    paragraph: int
    start: int
    end: int
    en: str
    ko: str
    entry_id: str
    type: str
    flags: tuple[str, ...] = ()
    verified: bool = False
    rule: str = ""  # the newsroom rule that gave ``ko`` (termdesk.newsroom); "" for a glossary term


@dataclass(frozen=True)
class SegmentResult:
    index: int
    paragraph: int
    source: str
    target: str
    terms: tuple[TermOccurrence, ...]
    method: Method
    notes: tuple[str, ...] = ()

    @property
    def verified(self) -> bool:
        return self.method is not Method.UNVERIFIED


@dataclass(frozen=True)
class ArticleResult:
    path: str
    name: str
    segments: tuple[SegmentResult, ...]
    outputs: tuple[str, ...]
    kept_edits: int = 0
    obsolete: int = 0

    @property
    def term_total(self) -> int:
        return sum(len(s.terms) for s in self.segments)

    @property
    def term_found(self) -> int:
        return sum(_terms_present(s) for s in self.segments)


@dataclass(frozen=True)
class RunResult:
    backend: str
    articles: tuple[ArticleResult, ...]
    notice: str | None = None

    @property
    def term_total(self) -> int:
        return sum(a.term_total for a in self.articles)

    @property
    def term_found(self) -> int:
        return sum(a.term_found for a in self.articles)

    @property
    def term_accuracy(self) -> float:
        """Exact-match term accuracy (WMT terminology task): share of source term occurrences
        whose Korean rendering is present in the draft. 100.0 when there are no terms."""
        return 100.0 if not self.term_total else 100.0 * self.term_found / self.term_total


def _terms_present(seg: SegmentResult) -> int:
    """Occurrences of the segment's terms whose Korean is present in the target (counted per rendering)."""
    need = Counter(t.ko for t in seg.terms)
    return sum(min(n, seg.target.count(ko)) for ko, n in need.items())


# --------------------------------------------------------------------------- protect / restore


@dataclass(frozen=True)
class Protected:
    source: str
    text: str  # with placeholders
    tokens: tuple[tuple[int, Match], ...]  # placeholder number → the term it hides


def protect(text: str, matches: Sequence[Match], *, scheme: PlaceholderScheme = DEFAULT_SCHEME) -> Protected:
    """Replace every matched term by a numbered placeholder."""
    out: list[str] = []
    pos = 0
    tokens: list[tuple[int, Match]] = []
    for n, m in enumerate(matches, start=1):
        out.append(text[pos : m.start])
        out.append(scheme.token(n))
        tokens.append((n, m))
        pos = m.end
    out.append(text[pos:])
    return Protected(text, "".join(out), tuple(tokens))


@dataclass(frozen=True)
class Restored:
    text: str
    spans: tuple[tuple[int, int], ...]  # where each restored term stands in text
    ok: bool
    problems: tuple[str, ...]


def restore(
    output: str,
    protected: Protected,
    *,
    scheme: PlaceholderScheme = DEFAULT_SCHEME,
    render: Callable[[Match], str] | None = None,
) -> Restored:
    """Put each term's Korean where the model left its placeholder; report loss and damage."""
    render = render or (lambda m: m.ko)
    by_number = dict(protected.tokens)
    seen: Counter[int] = Counter()
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    problems: list[str] = []
    pos = 0
    length = 0
    for found in scheme.finder.finditer(output):
        n = int(found.group(1))
        before = output[pos : found.start()]
        parts.append(before)
        length += len(before)
        if n in by_number:
            ko = render(by_number[n])
            parts.append(ko)
            spans.append((length, length + len(ko)))
            length += len(ko)
            seen[n] += 1
        else:
            problems.append(f"unknown placeholder {found.group(0)!r}")
        pos = found.end()
    parts.append(output[pos:])
    text = "".join(parts)
    for n, m in by_number.items():
        if seen[n] == 0:
            problems.append(f"term lost: {m.text} → {m.ko}")
        elif seen[n] > 1:
            problems.append(f"term duplicated ×{seen[n]}: {m.text} → {m.ko}")
    if scheme.fragment.search(text):
        problems.append("placeholder fragment left in output")
    return Restored(text, tuple(spans), not problems, tuple(problems))


def _repair(text: str, spans: Sequence[tuple[int, int]]) -> str:
    from .ko.particles import repair_particles

    return repair_particles(text, spans).text


# --------------------------------------------------------------------------- segment translation


@dataclass
class _Work:
    """Mutable scratch state for one segment while the batch is in flight."""

    index: int
    paragraph: int
    protected: Protected
    target: str = ""
    method: Method = Method.MT
    notes: list[str] = field(default_factory=list)
    verified: bool = False


def _translate_texts(
    texts: Sequence[str],
    backend: Translator,
    cache: object | None,
) -> tuple[list[str], set[int]]:
    """Translate unique texts through the cache; returns outputs and the indices served from cache."""
    unique = list(dict.fromkeys(t for t in texts if t.strip()))
    cached: dict[str, str] = {}
    if cache is not None and unique:
        cached = cache.get_many(backend.identity, unique)  # type: ignore[attr-defined]
    todo = [t for t in unique if t not in cached]
    fresh = dict(zip(todo, backend.translate_batch(todo), strict=False)) if todo else {}
    if cache is not None and fresh:
        cache.put_many(backend.identity, fresh.items())  # type: ignore[attr-defined]
    table = {**cached, **fresh}
    outputs = [table.get(t, t) for t in texts]
    from_cache = {i for i, t in enumerate(texts) if t in cached}
    return outputs, from_cache


def _chunks(protected: Protected, scheme: PlaceholderScheme) -> list[tuple[str, int | None]]:
    """Split a protected source at its placeholders: [(text, None), ('', n), …]."""
    out: list[tuple[str, int | None]] = []
    pos = 0
    for found in scheme.finder.finditer(protected.text):
        out.append((protected.text[pos : found.start()], None))
        out.append(("", int(found.group(1))))
        pos = found.end()
    out.append((protected.text[pos:], None))
    return out


def translate_segments(
    items: Sequence[_Work],
    backend: Translator,
    *,
    scheme: PlaceholderScheme = DEFAULT_SCHEME,
    cache: object | None = None,
    inline: bool = False,
) -> None:
    """Translate, restore, repair and verify a batch of segments in place (fills each _Work)."""
    if inline:
        # No MT: the English segment with each term's Korean inline.
        for w in items:
            r = restore(w.protected.text, w.protected, scheme=scheme, render=lambda m: f"{m.text} [{m.ko}]")
            w.target, w.method, w.verified = r.text, Method.GLOSSARY, r.ok
            if not r.ok:  # cannot happen with an identity backend; kept honest anyway
                w.method = Method.UNVERIFIED
                w.notes.extend(r.problems)
        return
    outputs, from_cache = _translate_texts([w.protected.text for w in items], backend, cache)
    failed: list[_Work] = []
    for i, (w, out) in enumerate(zip(items, outputs, strict=False)):
        r = restore(out, w.protected, scheme=scheme)
        if r.ok:
            w.target = _repair(r.text, r.spans)
            w.method = Method.CACHE if i in from_cache else Method.MT
            w.verified = True
        else:
            w.notes.extend(r.problems)
            failed.append(w)
    if not failed:
        return
    # Retranslate another way: the stretches between terms separately, terms inserted in order.
    chunked = {id(w): _chunks(w.protected, scheme) for w in failed}
    texts = [text for w in failed for text, n in chunked[id(w)] if n is None]
    outs, _ = _translate_texts(texts, backend, cache)
    it = iter(outs)
    for w in failed:
        by_number = dict(w.protected.tokens)
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        length = 0
        for text, n in chunked[id(w)]:
            if n is None:
                piece = next(it).strip() if text.strip() else ""
            else:
                piece = by_number[n].ko
            if not piece:
                continue
            if parts:
                parts.append(" ")
                length += 1
            if n is not None:
                spans.append((length, length + len(piece)))
            parts.append(piece)
            length += len(piece)
        candidate = "".join(parts)
        leftover = scheme.finder.search(candidate) or scheme.fragment.search(candidate)
        if leftover:
            # The model produced something token-like from plain text: mark for the translator.
            w.target = candidate
            w.method = Method.UNVERIFIED
            w.notes.append("placeholder-like text in fallback output")
            continue
        w.target = _repair(candidate, spans)
        w.method = Method.FALLBACK
        w.verified = True
        w.notes.append("terms restored by chunk retranslation: check word order")


# --------------------------------------------------------------------------- articles


def _segment_article(
    path: Path,
    matcher: Matcher | DatedMatchers,
    scheme: PlaceholderScheme,
    encoding: str | None = None,
    name: str | None = None,
    *,
    day: date | None = None,
    on: date | None = None,
) -> tuple[object, list[_Work]]:
    """Segments with their terms: glossary matches rendered by the newsroom rules, article by article
    (later mentions carry across segments; an unresolved weekday is left in English)."""
    from .newsroom import render_article
    from .text import read_article, segment

    doc = read_article(path, encoding=encoding, name=name)
    if hasattr(matcher, "for_date"):  # dated matchers: the article's date picks the renderings
        from .article_date import article_date

        day = article_date(doc.text, default=on)
        matcher = matcher.for_date(day)
    segs = segment(doc)
    rendered = render_article([seg.text for seg in segs], matcher, date=day, unresolved=False)
    work: list[_Work] = []
    for seg, matches in zip(segs, rendered, strict=True):
        work.append(_Work(seg.index, seg.paragraph, protect(seg.text, matches, scheme=scheme)))
    return doc, work


def _occurrences(w: _Work) -> tuple[TermOccurrence, ...]:
    out = []
    for _, m in w.protected.tokens:
        out.append(
            TermOccurrence(
                segment=w.index,
                paragraph=w.paragraph,
                start=m.start,
                end=m.end,
                en=m.text,
                ko=m.ko,
                entry_id=m.entry.id if m.entry is not None else "",
                type=m.type,
                flags=tuple(m.flags),
                verified=w.verified and m.ko in w.target,
                rule=m.rule,
            )
        )
    return tuple(out)


def _split_long(protected: Protected, limit: int, count: Callable[[str], int]) -> list[str]:
    """Split a protected segment whose token count exceeds ``limit`` at clause, then word, boundaries.

    Placeholders are single words, so they are never cut. Nothing is dropped.
    """
    text = protected.text
    if count(text) <= limit:
        return [text]
    pieces = re.split(r"(?<=[;:,—])\s+", text)
    if len(pieces) == 1:
        pieces = text.split(" ")
    out: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current} {piece}".strip()
        if current and count(candidate) > limit:
            out.append(current)
            current = piece
        else:
            current = candidate
    if current:
        out.append(current)
    final: list[str] = []
    for chunk in out:
        if count(chunk) > limit and " " in chunk:
            words = chunk.split(" ")
            half = len(words) // 2
            final.extend(_split_long(Protected(chunk, " ".join(words[:half]), ()), limit, count))
            final.extend(_split_long(Protected(chunk, " ".join(words[half:]), ()), limit, count))
        else:
            final.append(chunk)
    return final


# --------------------------------------------------------------------------- outputs


DRAFT_HASH_HEADER = "X-Termdesk-Draft-SHA256"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _build_po(
    name: str, segments: Sequence[SegmentResult], backend: str, contacts: PoContacts = DEFAULT_CONTACTS
) -> polib.POFile:
    import polib

    po = polib.POFile(wrapwidth=0)
    po.metadata = po_metadata(project=name, generator=f"termdesk pretranslate ({backend})", contacts=contacts)
    seen: Counter[str] = Counter()
    for s in segments:
        seen[s.source] += 1
        comments = [
            f"{t.en} → {t.ko}"
            + (f" ({', '.join(t.flags)})" if t.flags else "")
            + (f" [rule: {t.rule}]" if t.rule else "")
            for t in s.terms
        ]
        if s.method is Method.UNVERIFIED:
            comments.insert(
                0,
                "termdesk: TERMS NOT VERIFIED — insert them yourself: "
                + "; ".join(f"{t.en} → {t.ko}" for t in s.terms),
            )
            comments[1:1] = [f"termdesk: {n}" for n in s.notes]
        elif s.method is Method.FALLBACK:
            comments.insert(0, "termdesk: terms restored by chunk retranslation — check word order")
        elif s.method is Method.PLACEHOLDER:
            comments.insert(
                0, "termdesk: LLM draft failed twice; terms placed by the placeholder path — check word order"
            )
        po.append(
            polib.POEntry(
                msgctxt=f"{name}#{seen[s.source]}" if seen[s.source] > 1 else None,
                msgid=s.source,
                msgstr=s.target,
                flags=["fuzzy"],
                comment="\n".join(comments),
                occurrences=[(name, str(s.paragraph + 1))],
            )
        )
    return po


def merge_po(new: polib.POFile, old: polib.POFile | None) -> tuple[polib.POFile, int, int]:
    """Merge a fresh draft PO into the translator's PO.

    * an entry the translator edited (non-fuzzy, non-empty msgstr) keeps its msgstr and comments;
    * a fuzzy (machine) entry takes the new draft;
    * entries whose source disappeared are kept as obsolete.
    Returns (merged, kept edits, obsolete count).
    """
    if old is None:
        return new, 0, 0
    import polib

    old_by = {(e.msgctxt, e.msgid): e for e in old if not e.obsolete}
    kept = 0
    merged = polib.POFile(wrapwidth=0)
    # The translator's editor maintains the revision date, translator and team; everything else is refreshed,
    # so a PO written before termdesk wrote complete headers gets the missing fields.
    merged.metadata = dict(new.metadata)
    merged.metadata.update({k: v for k, v in old.metadata.items() if k in TRANSLATOR_FIELDS and v.strip()})
    merged.metadata.update({k: v for k, v in old.metadata.items() if k not in new.metadata})
    merged.header = old.header
    used: set[tuple[str | None, str]] = set()
    for e in new:
        key = (e.msgctxt, e.msgid)
        prev = old_by.get(key)
        if prev is not None and prev.msgstr and "fuzzy" not in prev.flags:
            e.msgstr = prev.msgstr
            e.flags = [f for f in prev.flags if f != "fuzzy"]
            e.tcomment = prev.tcomment
            kept += 1
        elif prev is not None:
            e.tcomment = prev.tcomment
        used.add(key)
        merged.append(e)
    obsolete = 0
    for e in old:
        key = (e.msgctxt, e.msgid)
        if key in used or not e.msgid:
            continue
        e.obsolete = True
        merged.append(e)
        obsolete += 1
    return merged, kept, obsolete


def _draft_text(po: polib.POFile, segments: Sequence[SegmentResult]) -> str:
    """The Korean draft from the merged PO (translator edits included), paragraphs preserved."""
    by_key = {(e.msgctxt, e.msgid): e.msgstr for e in po if not e.obsolete}
    seen: Counter[str] = Counter()
    paragraphs: dict[int, list[str]] = {}
    name = po.metadata.get("Project-Id-Version", "")
    for s in segments:
        seen[s.source] += 1
        ctxt = f"{name}#{seen[s.source]}" if seen[s.source] > 1 else None
        text = by_key.get((ctxt, s.source), s.target)
        paragraphs.setdefault(s.paragraph, []).append(text)
    return "\n\n".join(" ".join(p) for _, p in sorted(paragraphs.items())) + "\n"


#: What ``formats`` may name (the PO is always written).
OUTPUT_FORMATS: tuple[str, ...] = ("po", "xliff")


def _segment_keys(name: str, segments: Sequence[SegmentResult]) -> list[tuple[str | None, str, int]]:
    """(msgctxt, msgid, occurrence) of each segment, as _build_po numbers repeated sources."""
    seen: Counter[str] = Counter()
    out = []
    for s in segments:
        seen[s.source] += 1
        out.append((f"{name}#{seen[s.source]}" if seen[s.source] > 1 else None, s.source, seen[s.source]))
    return out


def _take_confirmed(po: polib.POFile, xlf: XliffDocument) -> int:
    """Targets confirmed in the earlier XLIFF go into still-fuzzy PO entries; returns how many.

    A segment confirmed in the PO too keeps the PO's text (the PO is the merge base).
    """
    confirmed = xlf.confirmed()
    name = po.metadata.get("Project-Id-Version", "")
    taken = 0
    for e in po:
        if e.obsolete or not e.msgid:
            continue
        n = int(e.msgctxt.rsplit("#", 1)[1]) if e.msgctxt and e.msgctxt.startswith(f"{name}#") else 1
        target = confirmed.get((e.msgid, n))
        if target is not None and "fuzzy" in e.flags:
            e.msgstr = target
            e.flags = [f for f in e.flags if f != "fuzzy"]
            taken += 1
    return taken


def _draft_units(po: polib.POFile, segments: Sequence[SegmentResult]) -> list[DraftUnit]:
    """The XLIFF units: the merged PO's text and state for each segment, its terms as notes."""
    from .formats.xliff import STATE_CONFIRMED, STATE_DRAFT, STATE_UNVERIFIED, DraftUnit

    name = po.metadata.get("Project-Id-Version", "")
    by_key = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
    units = []
    for s, (ctxt, msgid, _) in zip(segments, _segment_keys(name, segments), strict=True):
        entry = by_key.get((ctxt, msgid))
        target = entry.msgstr if entry is not None else s.target
        confirmed = entry is not None and bool(entry.msgstr) and "fuzzy" not in entry.flags
        notes = tuple(f"term: {t.en} → {t.ko}" + (f" ({', '.join(t.flags)})" if t.flags else "") for t in s.terms)
        warnings: tuple[str, ...] = ()
        if confirmed:
            state, qualifier = STATE_CONFIRMED, None
        elif s.method is Method.UNVERIFIED:
            state, qualifier = STATE_UNVERIFIED, None
            warnings = ("TERMS NOT VERIFIED — insert them yourself: " + "; ".join(f"{t.en} → {t.ko}" for t in s.terms),)
        else:
            state = STATE_DRAFT
            qualifier = "leveraged-glossary" if s.method is Method.GLOSSARY else "mt-suggestion"
            if s.method is Method.FALLBACK:
                warnings = ("terms restored by chunk retranslation — check word order",)
        units.append(
            DraftUnit(
                s.index,
                s.paragraph,
                s.source,
                target,
                state,
                qualifier,
                notes,
                warnings,
                urgent=s.method is Method.UNVERIFIED and not confirmed,
            )
        )
    return units


TERMS_COLUMNS = (
    "segment",
    "paragraph",
    "start",
    "end",
    "en",
    "ko",
    "entry_id",
    "type",
    "flags",
    "method",
    "verified",
    "rule",
)


def _terms_csv(segments: Sequence[SegmentResult]) -> str:
    from .textio import neutralise

    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(TERMS_COLUMNS)
    for s in segments:
        for t in s.terms:
            w.writerow(
                neutralise(str(cell))
                for cell in [
                    t.segment + 1,
                    t.paragraph + 1,
                    t.start,
                    t.end,
                    t.en,
                    t.ko,
                    t.entry_id,
                    t.type,
                    " ".join(t.flags),
                    s.method.value,
                    "yes" if t.verified else "no",
                    t.rule,
                ]
            )
    return buf.getvalue()


# --------------------------------------------------------------------------- entry point


def pretranslate(
    paths: Sequence[str | Path],
    *,
    out_dir: str | Path,
    glossary: Glossary,
    backend: Translator | None = None,
    use_cache: bool = True,
    cache_path: str | Path | None = None,
    force: bool = False,
    scheme: PlaceholderScheme = DEFAULT_SCHEME,
    progress: Callable[[str], None] | None = None,
    encoding: str | None = None,
    on: date | None = None,
    on_segment: Callable[[int], None] | None = None,
    formats: Collection[str] = ("po",),
    contacts: PoContacts = DEFAULT_CONTACTS,
    stdin_name: str | None = None,
) -> RunResult:
    """Pre-translate articles into ``out_dir``; returns per-article results and term accuracy.

    ``backend=None`` picks the best available: an installed en→ko Argos package,
    else the glossary-only backend (with a notice saying how to install a model).
    ``encoding`` reads the articles in that encoding (default: UTF-8, CP949 detected
    and refused with a clear error). Each article's date is its dateline, else ``on`` (the
    ``--date`` option): dated glossary renderings follow it, and the newsroom rules resolve
    ``today`` and weekdays against it (with neither, they stay in English). ``on_segment(n)``
    is called as ``n`` more segments are done (the LLM backend reports each segment; a progress
    bar counts them). ``formats``: ``po`` (always written: it holds the translator's merge state)
    and optionally ``xliff``. ``contacts`` fill the PO header's Last-Translator and Language-Team.
    ``stdin_name`` names the outputs of ``-`` (standard input).
    """
    from .formats.xliff import read_xliff, render_xliff
    from .match import DatedMatchers
    from .mt.base import require_translator
    from .mt.select import select_backend
    from .pairing import english_articles
    from .pofile import read_po
    from .textio import STDIN, atomic_write_all, read_text, refuse_input_overwrite
    from .tm import TranslationCache

    notice = None
    if backend is None:
        backend, notice = select_backend(None)
    require_translator(backend)
    inline = backend.inline
    unknown = sorted(set(formats) - set(OUTPUT_FORMATS))
    if unknown:
        raise UsageError(f"--format: unknown output format {unknown[0]!r} — use {', '.join(OUTPUT_FORMATS)}")
    files = english_articles(paths)
    if any(str(f) == STDIN for f in files):
        if not stdin_name:
            raise UsageError("reading standard input (-): give --name NAME for the output files")
        if sum(1 for f in files if str(f) == STDIN) > 1:
            raise UsageError("standard input (-) given more than once — give it once")
    out = Path(out_dir)
    for path in files:  # an output that is one of the inputs is refused before anything is written
        suffixes = (".po", ".ko.txt", ".terms.csv", ".xlf") if "xliff" in formats else (".po", ".ko.txt", ".terms.csv")
        for target in (out / f"{path.stem}{suffix}" for suffix in suffixes):
            refuse_input_overwrite(target, files, option="--out", what="an article being translated")
    matchers = DatedMatchers(glossary)
    cache = TranslationCache(cache_path) if use_cache and not inline else None
    limit = backend.max_input_tokens
    results: list[ArticleResult] = []

    def name_of(path: Path) -> str:
        return stdin_name if str(path) == STDIN and stdin_name else path.stem

    llm = None
    drafter = backend.drafter(scheme=scheme, cache=cache, on_segment=on_segment)
    if drafter is not None:  # the backend drafts whole segments itself (the LLM); articles overlap
        from .mt.llm_pipeline import ArticleDrafts

        llm = ArticleDrafts(
            drafter,
            len(files),
            lambda k: _segment_article(files[k], matchers, scheme, encoding, name_of(files[k]), on=on)[1],
        )
    try:
        for k, path in enumerate(files):
            name = name_of(path)
            po_path, ko_path, terms_path = out / f"{name}.po", out / f"{name}.ko.txt", out / f"{name}.terms.csv"
            xlf_path = out / f"{name}.xlf"
            # Everything that could stop us is checked before anything is written.
            old_po = read_po(po_path) if po_path.exists() else None
            old_xlf = read_xliff(xlf_path) if "xliff" in formats and xlf_path.exists() else None
            if ko_path.exists() and not force:
                recorded = old_po.metadata.get(DRAFT_HASH_HEADER) if old_po is not None else None
                try:
                    current = _sha(read_text(ko_path))
                except InputError:
                    current = ""
                if recorded != current:
                    raise ConflictError(
                        f"{ko_path}: edited since termdesk wrote it (or not written by termdesk) — "
                        "move it away, or pass --force to overwrite it"
                    )
            if llm is not None:
                work = llm.draft(k)
            else:
                _, work = _segment_article(path, matchers, scheme, encoding, name, on=on)
                if limit:
                    work = _expand_long(work, limit, backend.count_tokens, scheme)
                translate_segments(work, backend, scheme=scheme, cache=cache, inline=inline)
            segments = tuple(
                SegmentResult(
                    w.index,
                    w.paragraph,
                    w.protected.source,
                    w.target,
                    _occurrences(w),
                    w.method if w.verified else Method.UNVERIFIED,
                    tuple(w.notes),
                )
                for w in _collapse(work)
            )
            po, kept, obsolete = merge_po(_build_po(name, segments, backend.name, contacts), old_po)
            if old_xlf is not None:
                kept += _take_confirmed(po, old_xlf)
            draft = _draft_text(po, segments)
            po.metadata[DRAFT_HASH_HEADER] = _sha(draft)
            from .pofile import render_po

            # the files of an article: all or none
            writes: list[tuple[Path, str | bytes]] = [
                (terms_path, _terms_csv(segments)),
                (ko_path, draft),
                (po_path, render_po(po)),
            ]
            outputs = [str(ko_path), str(po_path), str(terms_path)]
            if "xliff" in formats:
                from . import __version__

                original = "<stdin>" if str(path) == STDIN else path.name
                units = _draft_units(po, segments)
                writes.append((xlf_path, render_xliff(original=original, units=units, tool_version=__version__)))
                outputs.append(str(xlf_path))
            atomic_write_all(writes)
            results.append(ArticleResult(str(path), name, segments, tuple(outputs), kept, obsolete))
            if progress:
                progress(name)
    finally:
        if llm is not None:
            llm.close()
        if cache is not None:
            cache.close()
    return RunResult(backend.name, tuple(results), notice)


SPLIT_NOTE = "split: longer than the model's input limit"


def _expand_long(
    work: list[_Work], limit: int, count: Callable[[str], int], scheme: PlaceholderScheme = DEFAULT_SCHEME
) -> list[_Work]:
    """Split segments longer than the model's input limit into pieces (same index, in order)."""
    out: list[_Work] = []
    for w in work:
        pieces = _split_long(w.protected, limit, count)
        if len(pieces) == 1:
            out.append(w)
            continue
        numbers = dict(w.protected.tokens)
        for piece in pieces:
            own = tuple(
                (n, numbers[n]) for n in (int(f.group(1)) for f in scheme.finder.finditer(piece)) if n in numbers
            )
            out.append(_Work(w.index, w.paragraph, Protected(w.protected.source, piece, own), notes=[SPLIT_NOTE]))
    return out


def _collapse(work: list[_Work]) -> list[_Work]:
    """Join the pieces of split segments back into one segment each."""
    out: list[_Work] = []
    for w in work:
        if (
            out
            and out[-1].index == w.index
            and out[-1].protected.source == w.protected.source
            and w.notes[:1] == [SPLIT_NOTE]
        ):
            prev = out[-1]
            prev.target = f"{prev.target} {w.target}".strip()
            prev.protected = Protected(
                prev.protected.source,
                f"{prev.protected.text} {w.protected.text}",
                prev.protected.tokens + w.protected.tokens,
            )
            prev.verified = prev.verified and w.verified
            prev.notes.extend(n for n in w.notes if n not in prev.notes)
            if w.method is Method.FALLBACK:
                prev.method = Method.FALLBACK
        else:
            out.append(w)
    return out
