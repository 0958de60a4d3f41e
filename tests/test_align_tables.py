"""Rule tables of termdesk.align, each entry's example a test: name spellings, particles, predicates."""

from __future__ import annotations

import pytest

from termdesk.ko.romanize import (
    FINALS,
    INITIALS,
    MEDIALS,
    SYLLABLES,
    korean_name_shape,
    name_compatible,
    name_score,
    romanize,
    translit_similarity,
)
from termdesk.ko.stems import PREDICATE_RULES, STRIP_RULES, is_number_word, is_predicate, strip

JAMO = [*INITIALS, *MEDIALS, *FINALS]


@pytest.mark.parametrize("rule", JAMO, ids=[f"{i}-{r.jamo}-{r.example[0]}" for i, r in enumerate(JAMO)])
def test_jamo_spelling_example(rule: object) -> None:
    en, ko = rule.example  # type: ignore[attr-defined]
    assert name_compatible(en, ko), (en, ko)


@pytest.mark.parametrize("rule", SYLLABLES, ids=[f"{r.syllable}-{r.example[0]}" for r in SYLLABLES])
def test_syllable_spelling_example(rule: object) -> None:
    en, ko = rule.example  # type: ignore[attr-defined]
    assert name_compatible(en, ko), (en, ko)
    syllable = rule.syllable  # type: ignore[attr-defined]
    assert syllable in ko


@pytest.mark.parametrize(
    ("english", "hangul", "expected"),
    [
        ("Song Young-moo", "송영무", True),
        ("Lee Jae-myung", "이재명", True),
        ("Yi Sun-sin", "이순신", True),
        ("Syngman Rhee", "이승만", True),
        ("Pak Jong-chon", "박정천", True),
        ("Choe Ryong-hae", "최룡해", True),
        ("Jung Seung-jo", "정승조", True),
        ("Young-moo Song", "송영무", True),
        ("Song Young-moo", "송영민", False),
        ("Kim Jong-un", "김정일", False),
        ("Song Young-moo", "송영", False),
        ("Jim Mattis", "매티스", False),
    ],
    ids=[
        "rr-like",
        "lee",
        "yi",
        "rhee-given-first",
        "pak",
        "choe-ryong",
        "jung",
        "family-name-last",
        "wrong-syllable",
        "wrong-person",
        "too-short",
        "foreign",
    ],
)
def test_name_compatible(english: str, hangul: str, expected: bool) -> None:
    assert name_compatible(english, hangul) is expected


def test_name_score_orders_partial_matches() -> None:
    assert name_score("Song Young-moo", "송영무") == 1.0
    assert 0 < name_score("Song Young-moo", "송영민") < 1.0


@pytest.mark.parametrize(
    ("text", "sep", "expected"),
    [
        ("송영무", "-", "song-yeong-mu"),
        ("미사일", "", "misail"),
        ("라면", "", "ramyeon"),
        ("사드(THAAD)", "", "sadeu(THAAD)"),
    ],
    ids=["name", "loanword", "initial-rieul", "mixed"],
)
def test_romanize(text: str, sep: str, expected: str) -> None:
    assert romanize(text, sep=sep) == expected


@pytest.mark.parametrize(
    ("english", "hangul"),
    [
        ("missile", "미사일"),
        ("THAAD", "사드"),
        ("Mattis", "매티스"),
        ("Ashton Carter", "애슈턴 카터"),
        ("Scaparrotti", "스캐퍼로티"),
        ("Jim Mattis", "제임스 매티스"),
        ("Dana W. White", "데이나 화이트"),
        ("Christopher C. LaNeve", "크리스토퍼 라니브"),
        ("Guam", "괌"),
    ],
    ids=[
        "missile",
        "thaad",
        "mattis",
        "carter",
        "scaparrotti",
        "jim-james",
        "middle-initial",
        "middle-initial-2",
        "short-skeleton-exact",
    ],
)
def test_transliteration_similar(english: str, hangul: str) -> None:
    assert translit_similarity(english, hangul) >= 0.8


@pytest.mark.parametrize(
    ("english", "hangul"),
    [
        ("Mattis", "국방부"),
        ("missile", "동맹"),
        ("Carter", "장관"),
        ("Dana W. White", "국방부 대변인"),
        ("Gaza", "확대"),
    ],
    ids=[
        "name-vs-ministry",
        "loanword-vs-native",
        "name-vs-title",
        "name-with-initial-vs-title",
        "short-skeleton-one-consonant-off",
    ],
)
def test_transliteration_dissimilar(english: str, hangul: str) -> None:
    assert translit_similarity(english, hangul) <= 0.5


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Song Young-moo", True),
        ("Yoon Suk Yeol", True),
        ("Sung Kim", True),
        ("Jim Mattis", False),
        ("Ashton Carter", False),
        ("Defense Minister", False),
    ],
    ids=["hyphenated", "three-words", "family-last", "american", "american-2", "title"],
)
def test_korean_name_shape(name: str, expected: bool) -> None:
    assert korean_name_shape(name) is expected


@pytest.mark.parametrize("rule", STRIP_RULES, ids=[f"{r.suffix}-{r.example[0]}" for r in STRIP_RULES])
def test_strip_rule_example(rule: object) -> None:
    word, stem = rule.example  # type: ignore[attr-defined]
    assert strip(word).stem == stem


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("회의", "회의"),
        ("국가", "국가"),
        ("미사일", "미사일"),
        ("도로", "도로"),
        ("괌에", "괌"),
        ("BBC의", "BBC"),
        ("B-1B를", "B-1B"),
    ],
    ids=[
        "one-syllable-stem-refused",
        "ga-after-consonant-kept",
        "no-particle",
        "ro-one-syllable",
        "place-one-syllable",
        "latin-stem",
        "designator",
    ],
)
def test_strip_keeps_nouns_whole(word: str, stem: str) -> None:
    assert strip(word).stem == stem


def test_ambiguous_cut_is_marked() -> None:
    s = strip("동맹이")
    assert (s.stem, s.particle, s.ambiguous, s.second) == ("동맹", "이", True, "동맹이")


@pytest.mark.parametrize("rule", PREDICATE_RULES, ids=[r.id for r in PREDICATE_RULES])
def test_predicate_rule_example(rule: object) -> None:
    assert is_predicate(rule.example)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "word",
    ["국방부", "동맹국을", "미사일", "서울", "기지는", "바다", "캐나다"],
    ids=["ministry", "object-particle", "loanword", "place", "topic-particle", "sea", "canada"],
)
def test_not_predicate(word: str) -> None:
    assert not is_predicate(word)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("31일", True), ("2017년", True), ("1만7천500여", True), ("500㎞", True), ("B-1B", False), ("국방부", False)],
    ids=["day", "year", "korean-number", "unit", "designator", "noun"],
)
def test_number_word(word: str, expected: bool) -> None:
    assert is_number_word(word) is expected
