"""Verified LLM drafting for the pre-translation pipeline: prompt, verify, repair, fall back.

For each segment, in ``jobs`` parallel requests, results in order:

1. ``llm`` — the segment with only its matched glossary terms and the style guide;
   the reply is cleaned (:func:`~termdesk.mt.prompt.clean_reply`) and verified
   (:func:`~termdesk.mt.verify.verify_terms`: every required Korean form, particle
   after it corrected, no avoided rendering);
2. ``llm-retry`` — once more, the prompt naming exactly what was wrong;
3. ``placeholder`` — the terms hidden behind placeholders the model copies, then
   restored, particles repaired (the Argos path), verified again;
4. ``unverified`` — the glossary backend's rendering (English with the Korean terms
   inline), marked for the translator with what failed.

Every glossary term's Korean is therefore in the draft, and a sentence the model
could not do is visibly untranslated rather than silently wrong. Only verified
results enter the translation memory, keyed by the backend's identity (server,
model, prompt version, style hash) and the exact terms sent.

Server trouble (down, 401, 404, timeouts after the retries) raises ``ModelError``
and the article in progress writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import TermdeskError
from .openai_backend import OpenAIBackend
from .prompt import build_messages, cache_text, clean_reply, instructions_for
from .verify import requirements_for, verify_terms

if TYPE_CHECKING:  # pragma: no cover
    from ..match import Match
    from ..pretranslate import Method, PlaceholderScheme, _Work


@dataclass(frozen=True)
class Outcome:
    target: str
    method: Method
    notes: tuple[str, ...] = ()


def _verified(text: str, matches: Sequence[Match]) -> tuple[str | None, list[str]]:
    check = verify_terms(text, requirements_for(matches))
    return (check.text, []) if check.ok else (None, check.problems())


def _attempt(backend: OpenAIBackend, w: _Work, problems: Sequence[str] = ()) -> tuple[str | None, list[str]]:
    """One prompted request: (normalised Korean, []) or (None, what was wrong)."""
    matches = [m for _, m in w.protected.tokens]
    source = w.protected.source
    messages = build_messages(source, instructions_for(matches), backend.style, problems=problems)
    reply = clean_reply(**backend.complete_kwargs(messages, source))
    if not reply.ok:
        return None, [reply.problem]
    return _verified(reply.text, matches)


def _placeholder(backend: OpenAIBackend, w: _Work, scheme: PlaceholderScheme) -> tuple[str | None, list[str]]:
    from ..pretranslate import _repair, restore

    matches = [m for _, m in w.protected.tokens]
    messages = build_messages(w.protected.text, (), backend.style, placeholders=True)
    reply = clean_reply(**backend.complete_kwargs(messages, w.protected.text))
    if not reply.ok:
        return None, [reply.problem]
    restored = restore(reply.text, w.protected, scheme=scheme)
    if not restored.ok:
        return None, list(restored.problems)
    return _verified(_repair(restored.text, restored.spans), matches)


def _segment(backend: OpenAIBackend, w: _Work, scheme: PlaceholderScheme) -> Outcome:
    from ..pretranslate import Method, restore

    if not w.protected.source.strip():
        return Outcome("", Method.LLM)
    text, first = _attempt(backend, w)
    if text is not None:
        return Outcome(text, Method.LLM)
    text, second = _attempt(backend, w, first)
    if text is not None:
        return Outcome(text, Method.LLM_RETRY, (f"llm: {'; '.join(first)}",))
    notes = [f"llm: {'; '.join(first)}", f"llm-retry: {'; '.join(second)}"]
    if w.protected.tokens:
        text, third = _placeholder(backend, w, scheme)
        if text is not None:
            return Outcome(text, Method.PLACEHOLDER, tuple(notes))
        notes.append(f"placeholder: {'; '.join(third)}")
    inline = restore(w.protected.text, w.protected, scheme=scheme, render=lambda m: f"{m.text} [{m.ko}]")
    notes.append("English kept with the glossary's Korean inline — translate this segment")
    return Outcome(inline.text, Method.UNVERIFIED, tuple(notes))


@dataclass(frozen=True)
class Batch:
    """One article's segments in flight: which came from the cache, which await which ticket."""

    items: Sequence[_Work]
    keys: list[str]
    tickets: dict[int, int]  # item index → pool ticket


class VerifiedDrafter:
    """Drafts batches of segments (one per article) through one pool of ``jobs`` workers.

    ``submit`` an article's segments as soon as they are known and ``finish`` them in
    article order: the next article's requests are already in flight while the pipeline
    waits for this one's, and an article is complete (or raises) before it is written.
    Cache reads and writes happen in the calling thread (SQLite connections are per thread).
    """

    def __init__(
        self,
        backend: OpenAIBackend,
        *,
        scheme: PlaceholderScheme,
        cache: object | None = None,
        on_segment: Callable[[int], None] | None = None,
    ) -> None:
        from .pool import JobPool

        self.backend = backend
        self.scheme = scheme
        self.cache = cache
        self.on_segment = on_segment
        self.identity = f"{backend.identity}|verified"
        self.pool = JobPool(backend.settings.jobs, on_done=(lambda _: on_segment(1)) if on_segment else None)

    def submit(self, items: Sequence[_Work]) -> Batch:
        from ..pretranslate import Method

        keys = [cache_text(w.protected.source, instructions_for([m for _, m in w.protected.tokens])) for w in items]
        cached: dict[str, str] = {}
        if self.cache is not None and keys:
            cached = self.cache.get_many(self.identity, list(dict.fromkeys(keys)))  # type: ignore[attr-defined]
        tickets: dict[int, int] = {}
        for i, w in enumerate(items):
            if keys[i] in cached:
                w.target, w.method, w.verified = cached[keys[i]], Method.CACHE, True
                if self.on_segment:
                    self.on_segment(1)
            else:
                tickets[i] = self.pool.submit(lambda w=w: _segment(self.backend, w, self.scheme))  # type: ignore[misc]
        return Batch(items, keys, tickets)

    def finish(self, batch: Batch) -> None:
        """Wait for the batch; fill each ``_Work`` (target, method, verified, notes); cache verified drafts."""
        from ..pretranslate import Method

        order = list(batch.tickets)
        outcomes = self.pool.wait([batch.tickets[i] for i in order])
        fresh: dict[str, str] = {}
        for i, outcome in zip(order, outcomes, strict=True):
            w = batch.items[i]
            w.target, w.method = outcome.target, outcome.method
            w.verified = outcome.method is not Method.UNVERIFIED
            w.notes.extend(outcome.notes)
            if w.verified and outcome.target:
                fresh[batch.keys[i]] = outcome.target
        if self.cache is not None and fresh:
            self.cache.put_many(self.identity, fresh.items())  # type: ignore[attr-defined]

    def close(self) -> None:
        self.pool.close()


class ArticleDrafts:
    """The articles of a run, drafted in order with the next ones' requests already in flight.

    ``draft(k)`` returns article ``k``'s segments, filled. Before waiting for them it
    segments and submits the following articles while fewer than ``2 × jobs`` segments
    are in flight, so the pool never idles at an article's last, part-full round. An
    input error in a later article (an unreadable file) is kept and raised only when
    that article's turn comes, so the articles before it are still written.
    """

    def __init__(self, drafter: VerifiedDrafter, count: int, segment: Callable[[int], list[_Work]]) -> None:
        self.drafter = drafter
        self.count = count
        self.segment = segment
        self.ahead: dict[int, tuple[list[_Work], Batch | None, TermdeskError | None]] = {}

    def _prepare(self, k: int) -> None:
        if k >= self.count or k in self.ahead:
            return
        try:
            work = self.segment(k)
        except TermdeskError as exc:
            self.ahead[k] = ([], None, exc)
            return
        self.ahead[k] = (work, self.drafter.submit(work), None)

    def draft(self, k: int) -> list[_Work]:
        self._prepare(k)
        nxt = k + 1
        while nxt < self.count and self.drafter.pool.busy < 2 * self.drafter.pool.jobs:
            self._prepare(nxt)
            nxt += 1
        work, batch, error = self.ahead.pop(k)
        if error is not None:
            raise error
        assert batch is not None
        self.drafter.finish(batch)
        return work

    def close(self) -> None:
        self.drafter.close()


def translate_verified(
    items: Sequence[_Work],
    backend: OpenAIBackend,
    *,
    scheme: PlaceholderScheme,
    cache: object | None = None,
    on_segment: Callable[[int], None] | None = None,
) -> None:
    """Fill each ``_Work`` (target, method, verified, notes) through the verified LLM path (one batch)."""
    drafter = VerifiedDrafter(backend, scheme=scheme, cache=cache, on_segment=on_segment)
    try:
        drafter.finish(drafter.submit(items))
    finally:
        drafter.close()


@dataclass(frozen=True)
class MethodStats:
    """Per drafting method: segments, and term occurrences found / expected in the draft."""

    method: str
    segments: int
    found: int
    total: int

    @property
    def accuracy(self) -> float:
        return 100.0 if not self.total else 100.0 * self.found / self.total


def method_stats(segments: Sequence[object]) -> tuple[MethodStats, ...]:
    """Term accuracy per method over ``SegmentResult``s (order: llm, llm-retry, placeholder, cache, unverified…)."""
    from ..pretranslate import _terms_present

    table: dict[str, list[int]] = {}
    for s in segments:
        row = table.setdefault(s.method.value, [0, 0, 0])  # type: ignore[attr-defined]
        row[0] += 1
        row[1] += _terms_present(s)  # type: ignore[arg-type]
        row[2] += len(s.terms)  # type: ignore[attr-defined]
    order = ["llm", "llm-retry", "placeholder", "cache", "mt", "fallback", "glossary", "unverified"]
    names = sorted(table, key=lambda m: order.index(m) if m in order else len(order))
    return tuple(MethodStats(m, *table[m]) for m in names)
