"""Glossary-wide look-ups the QA rules share, built once per glossary and searched per segment.

A rule must cost O(text) + O(matches), never O(glossary × segments). So instead of
trying every glossary form on every target, the Korean forms (accepted and avoided)
are compiled into Aho–Corasick automata over their compact keys (see
:func:`termdesk.ko.forms.compact`); a segment's target is searched once and only the
forms that occur in it are looked at. Each index is built lazily — the first time a
rule needs it — and kept for the glossary object's lifetime (a weak reference: it goes
with the glossary).
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from ..ko.forms import _DASHES, KoreanText, compact
from ..match import _gc_paused

if TYPE_CHECKING:  # pragma: no cover
    from ..glossary import Entry, Glossary


class AvoidItem(NamedTuple):
    """One ``ko_avoid`` form of a (non-deprecated) entry; ``order`` is its place in glossary order."""

    order: int
    form: str
    key: str
    entry: Entry


_WS = re.compile(r"\s+")
_UPPER = re.compile("[A-Z]+")
_DASH_CHARS = "".join(chr(c) for c in _DASHES)


def _lower(m: re.Match[str]) -> str:
    return m.group().lower()


def compact_all(forms: list[str]) -> list[str]:
    """:func:`compact` of each form, in one pass over the joined text (same result, several times faster).

    NUL joins the forms: it is neither whitespace nor composes under NFC, so the
    normalisation, dash and case mapping of the whole equal those of each part.
    """
    if not forms:
        return []
    joined = "\x00".join(forms)
    if joined.count("\x00") != len(forms) - 1:  # a form holding NUL itself: the slow way
        return [compact(f) for f in forms]
    if not joined.isascii():
        joined = unicodedata.normalize("NFC", joined)
        for dash in _DASH_CHARS:  # str.replace per dash: much faster than str.translate on a large text
            if dash in joined:
                joined = joined.replace(dash, "-")
    joined = _UPPER.sub(_lower, _WS.sub("", joined))
    return joined.split("\x00")


def _automaton(keys: list[str]) -> Any:
    """An automaton storing only each key's length (no Python object per key: cheap to build)."""
    import ahocorasick

    auto = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    with _gc_paused():
        add = auto.add_word
        for k in keys:
            add(k)
        auto.make_automaton()
    return auto


def _found(automaton: Any, target: KoreanText) -> set[str]:
    """Keys of ``automaton`` occurring in the target (spacing-insensitive, with or without its glosses)."""
    out: set[str] = set()
    texts = [target.key]
    glossless = target._glossless
    if glossless is not None:
        texts.append(glossless[0])
    for text in texts:
        if text:
            out.update(text[end - n + 1 : end + 1] for end, n in automaton.iter(text))
    return out


class _FormTable:
    """compact key → the (form, entry) pairs with that key, in glossary order.

    Built in C (``dict(zip(...))`` keeps each key's first index); the few keys shared by
    several forms are resolved on first look-up.
    """

    def __init__(self, keys: list[str], forms: list[str], owners: list[Entry]) -> None:
        self._keys, self._forms, self._owners = keys, forms, owners
        self._first = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1), strict=True))
        self._first.pop("", None)
        self._shared = len(self._first) + keys.count("") < len(keys)
        self._many: dict[str, list[tuple[str, Entry]]] = {}

    def __contains__(self, key: object) -> bool:
        return key in self._first

    def __iter__(self) -> Iterator[str]:
        return iter(self._first)

    def __len__(self) -> int:
        return len(self._first)

    def __bool__(self) -> bool:
        return bool(self._first)

    def __getitem__(self, key: str) -> list[tuple[str, Entry]]:
        i = self._first[key]
        if not self._shared:
            return [(self._forms[i], self._owners[i])]
        if not self._many:  # the keys several forms share, all in one pass (once)
            counts = Counter(self._keys)
            shared = {k for k, c in counts.items() if c > 1 and k}
            for j, k in enumerate(self._keys):
                if k in shared:
                    self._many.setdefault(k, []).append((self._forms[j], self._owners[j]))
        return self._many.get(key) or [(self._forms[i], self._owners[i])]


@dataclass
class KoreanFormIndex:
    """The Korean forms of a glossary's non-deprecated entries, by compact key."""

    entries: list[Entry]
    _forms: _FormTable | None = field(default=None, repr=False)
    _forms_auto: Any = field(default=None, repr=False)
    _avoided: dict[str, list[AvoidItem]] | None = field(default=None, repr=False)
    _avoided_auto: Any = field(default=None, repr=False)

    # ------------------------------------------------------------------ accepted forms (ko, ko_variants)

    @property
    def forms(self) -> _FormTable:
        """compact key → [(form, entry)] in glossary order (a mapping; see :class:`_FormTable`)."""
        if self._forms is None:
            with _gc_paused():  # many small acyclic objects on a large heap: the collector finds nothing
                # every entry's ko, then the variants (the table's consumers do not depend on order)
                entries = self.entries
                with_variants = [e for e in entries if e.ko_variants]
                flat = [e.ko for e in entries] + [f for e in with_variants for f in e.ko_variants]
                owners = entries + [e for e in with_variants for _f in e.ko_variants]
                self._forms = _FormTable(compact_all(flat), flat, owners)
        return self._forms

    def present(self, target: KoreanText) -> set[str]:
        """Compact keys of the accepted forms that occur in ``target``."""
        if self._forms_auto is None:
            self._forms_auto = _automaton(list(self.forms)) if self.forms else False
        return _found(self._forms_auto, target) if self._forms_auto else set()

    @staticmethod
    def containers(key: str, present: set[str]) -> list[str]:
        """Of the keys ``present`` in a target, those longer than ``key`` that contain it."""
        return [k for k in present if key in k and k != key]

    # ------------------------------------------------------------------ avoided forms (ko_avoid)

    @property
    def avoided(self) -> dict[str, list[AvoidItem]]:
        """compact key → the avoided forms with that key, in glossary order."""
        if self._avoided is None:
            avoided: dict[str, list[AvoidItem]] = {}
            n = 0
            with _gc_paused():
                pairs = [(a, e) for e in self.entries if e.ko_avoid for a in e.ko_avoid]
                for (a, e), k in zip(pairs, compact_all([a for a, _e in pairs]), strict=True):
                    if not k:
                        continue
                    avoided.setdefault(k, []).append(AvoidItem(n, a, k, e))
                    n += 1
            self._avoided = avoided
        return self._avoided

    def avoided_in(self, target: KoreanText) -> list[AvoidItem]:
        """The avoided forms that occur in ``target``, in glossary order."""
        if not self.avoided:
            return []
        if self._avoided_auto is None:
            self._avoided_auto = _automaton(list(self.avoided))
        found = _found(self._avoided_auto, target)
        return sorted((item for k in found for item in self.avoided[k]), key=lambda i: i.order)


_INDEXES: weakref.WeakKeyDictionary[Glossary, KoreanFormIndex] = weakref.WeakKeyDictionary()


def korean_forms(glossary: Glossary) -> KoreanFormIndex:
    """The (lazily built, cached) Korean form index of ``glossary``'s non-deprecated entries."""
    index = _INDEXES.get(glossary)
    if index is None:
        index = KoreanFormIndex([e for e in glossary if e.status != "deprecated"])
        _INDEXES[glossary] = index
    return index
