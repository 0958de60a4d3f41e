"""Country compounds as Korean copy writes them: 한미, 한미일, 남북, 북미, 미중 …

Korean news copy joins the countries of a relationship into one word of one syllable
each: South Korea and the U.S. → 한미, the U.S., Japan and South Korea → 한미일,
inter-Korean → 남북, the U.S. and North Korea → 북미. The order is fixed by convention,
not by the English: South Korea first, then North Korea, then the U.S., China, Japan
and Russia (Yonhap style; 러일 is the one historical exception, kept as a table entry).
South Korea is 한 except beside North Korea, where the pair is 남북 (and 남북미).

This table is the one home of that knowledge: the newsroom rules compose compounds from
it (English → Korean) and QA reads compounds with it (a country term is satisfied by its
syllable inside a compound). Every entry carries its example, and every example is a test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .hangul import SYLLABLE_CLASS

__all__ = [
    "COMPOUND_EXCEPTIONS",
    "COUNTRIES",
    "COUNTRY_NAMES",
    "HEADLINE_ABBREVIATIONS",
    "SOUTH_BESIDE_NORTH",
    "CountrySyllable",
    "compose_compound",
    "compound_prefix",
    "countries_in",
    "countries_of_compound",
    "country_of_name",
]


@dataclass(frozen=True)
class CountrySyllable:
    """One country's syllable in compounds and its rank in the conventional order."""

    code: str  # "KR", "KP", "US", "CN", "JP", "RU"
    syllable: str  # the syllable used in compounds
    rank: int  # lower comes first
    example: str  # a compound using it, as Korean copy writes it


COUNTRIES: tuple[CountrySyllable, ...] = (
    CountrySyllable("KR", "한", 0, "한미동맹"),
    CountrySyllable("KP", "북", 1, "북미 정상회담"),
    CountrySyllable("US", "미", 2, "한미일 안보협력"),
    CountrySyllable("CN", "중", 3, "미중 갈등"),
    CountrySyllable("JP", "일", 4, "한일 관계"),
    CountrySyllable("RU", "러", 5, "북러 조약"),
)

#: South Korea's syllable when North Korea is in the same compound.
SOUTH_BESIDE_NORTH = "남"

#: Compounds whose conventional order differs from the ranks: (codes in English order-free set) → compound.
COMPOUND_EXCEPTIONS: dict[frozenset[str], str] = {
    frozenset({"RU", "JP"}): "러일",  # 러일전쟁: the historical order
}

_BY_CODE = {c.code: c for c in COUNTRIES}
_BY_SYLLABLE = {c.syllable: c.code for c in COUNTRIES}


def compose_compound(codes: Iterable[str]) -> str:
    """The compound for a set of countries in Korean order: ``{"US", "KR"}`` → ``한미``.

    Raises ``KeyError`` for a code not in :data:`COUNTRIES` and ``ValueError`` for fewer than two.
    """
    unique = frozenset(codes)
    if len(unique) < 2:
        raise ValueError("a compound needs at least two countries")
    if unique in COMPOUND_EXCEPTIONS:
        return COMPOUND_EXCEPTIONS[unique]
    ordered = sorted((_BY_CODE[c] for c in unique), key=lambda c: c.rank)
    north = "KP" in unique
    return "".join(SOUTH_BESIDE_NORTH if c.code == "KR" and north else c.syllable for c in ordered)


def countries_of_compound(word: str) -> frozenset[str] | None:
    """The countries a compound names (``남북미`` → KR, KP, US), or ``None`` if ``word`` is not one.

    ``북미`` is also North America: a caller that reads compounds out of running text
    decides by context (a North Korea or U.S. term in the source).

    ``word`` is the compound alone (``한미``), not a longer word that starts with one
    (``한미동맹``): callers cut the compound off first (see :func:`compound_prefix`).
    """
    for exception, compound in COMPOUND_EXCEPTIONS.items():
        if word == compound:
            return exception
    if len(word) < 2:
        return None
    codes: list[str] = []
    for i, ch in enumerate(word):
        if ch == SOUTH_BESIDE_NORTH and "북" in word[i + 1 :]:
            codes.append("KR")
        elif ch in _BY_SYLLABLE:
            codes.append(_BY_SYLLABLE[ch])
        else:
            return None
    unique = frozenset(codes)
    if len(unique) != len(codes) or compose_compound(unique) != word:
        return None
    return unique


def compound_prefix(word: str) -> tuple[str, frozenset[str]] | None:
    """The longest country compound that ``word`` starts with: ``한미동맹`` → (``한미``, {KR, US}).

    Only compounds of two or more countries count, so ``한국`` or ``미국`` give ``None``
    (``한`` + ``국`` is not a compound: 국 is no country's syllable).
    """
    for n in range(min(len(word), len(COUNTRIES)), 1, -1):
        codes = countries_of_compound(word[:n])
        if codes is not None:
            return word[:n], codes
    return None


#: Each country's name in running text (the forms a country term is rendered with).
COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "KR": ("한국", "대한민국", "남한"),
    "KP": ("북한",),
    "US": ("미국",),
    "CN": ("중국",),
    "JP": ("일본",),
    "RU": ("러시아",),
}

#: One-character Hanja abbreviations of countries in Korean headlines (北 미사일 발사 규탄),
#: each with its example.
HEADLINE_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "韓": ("KR", "韓美 국방장관 회담"),
    "北": ("KP", "미 국방부, 北 미사일 발사 규탄"),
    "美": ("US", "美 국방장관 방한"),
    "中": ("CN", "中 외교부 반발"),
    "日": ("JP", "日 방위상 방한"),
    "露": ("RU", "北露 군사협력"),
}

_NAME_TO_CODE = {name: code for code, names in COUNTRY_NAMES.items() for name in names}


def country_of_name(name: str) -> str | None:
    """The country code of a country's name in running text (``대한민국`` → ``KR``), else ``None``."""
    return _NAME_TO_CODE.get("".join(name.split()))


#: A visit named by the country visited (``방한``, 'a visit to Korea'; ``방미``, ``방북``): the word names the country.
VISIT_WORDS: dict[str, str] = {"방" + c.syllable: c.code for c in COUNTRIES}
#: (text, country): examples of :data:`VISIT_WORDS`.
VISIT_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("미 태평양함대사령관 방한 결과", "KR"),
    ("윤 대통령은 방미 기간 중", "US"),
    ("특사가 방북해", "KP"),
)


#: A country's syllable written with a middle dot (``한·미·일``, ``한·유엔사``): the syllable names the country.
_COUNTRY_SYLLABLE = "[" + "".join(c.syllable for c in COUNTRIES) + "]"
_DOTTED_COUNTRY = re.compile(
    rf"(?<![{SYLLABLE_CLASS}])({_COUNTRY_SYLLABLE})·(?=[{SYLLABLE_CLASS}])"
    rf"|(?<=[{SYLLABLE_CLASS}]·)({_COUNTRY_SYLLABLE})(?![{SYLLABLE_CLASS}])"
)
#: (text, countries): examples of the middle-dot compounds.
DOTTED_EXAMPLES: tuple[tuple[str, frozenset[str]], ...] = (
    ("한·미·일 3국 협력", frozenset({"KR", "US", "JP"})),
    ("한·유엔사 회원국 국방장관회의", frozenset({"KR"})),
    ("북·러 조약", frozenset({"KP", "RU"})),
)


def countries_in(text: str) -> frozenset[str]:
    """The countries named in ``text`` by a compound at the start of a word (``한미동맹`` → KR, US;
    ``남북`` → KR, KP; with middle dots, ``한·미·일``: :data:`DOTTED_EXAMPLES`), by a visit named by its country
    (``방한`` → KR: :data:`VISIT_WORDS`) or by a headline Hanja abbreviation (``北`` → KP).

    ``북미`` also means North America: a caller decides by context whether to trust it.
    """
    codes: set[str] = set()
    for word in re.findall(f"[{SYLLABLE_CLASS}]+", text):
        found = compound_prefix(word)
        if found is not None:
            codes.update(found[1])
        if word[:2] in VISIT_WORDS:  # 방한 결과: a visit to Korea
            codes.add(VISIT_WORDS[word[:2]])
    for m in _DOTTED_COUNTRY.finditer(text):  # 한·미·일, 한·유엔사: a country's syllable before or after a middle dot
        codes.add(_BY_SYLLABLE[m.group(1) or m.group(2)])
    for ch, (code, _) in HEADLINE_ABBREVIATIONS.items():
        if ch in text:
            codes.add(code)
    return frozenset(codes)
