"""Stripping particles and endings where a morphological analyser (Kiwi) did better: each case a named row."""

from __future__ import annotations

import pytest

from termdesk.ko.phrases import NAME_TITLES, phrases
from termdesk.ko.stems import WHOLE_ENDINGS, WholeEnding, strip

# --------------------------------------------------------------------------- strip(word): first guess and second


STRIP_CASES = [
    # (id, word, first guess, particle cut, second guess)
    ("copula-in-after-vowel", "전략폭격기인", "전략폭격기", "인", "전략폭격기인"),
    ("copula-in-after-consonant", "국방부 장관인", "국방부 장관", "인", "국방부 장관인"),
    ("copula-in-after-letter", "B-1B인", "B-1B", "인", ""),
    ("peninsula-whole-first", "한반도", "한반도", "", "한반"),
    ("peninsula-with-particle", "한반도의", "한반도", "의", "한반도의"),
    ("also-particle-still-cut-first", "국방부도", "국방부", "도", "국방부도"),
    ("topic-particle-still-cut-first", "북한은", "북한", "은", "북한은"),
    ("copula-quote-after-consonant", "동맹이란", "동맹", "이란", ""),
    ("copula-quote-after-vowel", "사드라는", "사드", "라는", ""),
    ("copula-quote-long-form-after-vowel", "사드이라는", "사드", "이라는", "사드이라는"),
    ("copula-but-long-form-after-vowel", "사드이지만", "사드", "이지만", ""),
    ("copula-past-connective", "국방장관이었으며", "국방장관", "이었으며", ""),
    ("quoted-imperative-not-a-noun", "철수하라는", "철수하라", "는", ""),
]


@pytest.mark.parametrize(
    ("word", "stem", "particle", "second"), [c[1:] for c in STRIP_CASES], ids=[c[0] for c in STRIP_CASES]
)
def test_strip(word: str, stem: str, particle: str, second: str) -> None:
    s = strip(word)
    assert (s.stem, s.particle, s.second) == (stem, particle, second)


@pytest.mark.parametrize("ending", WHOLE_ENDINGS, ids=[w.ending for w in WHOLE_ENDINGS])
def test_whole_ending_example(ending: WholeEnding) -> None:
    word, second = ending.example
    s = strip(word)
    assert (s.stem, s.particle, s.ambiguous, s.second) == (word, "", True, second)


# --------------------------------------------------------------------------- phrases(sentence): first guesses


def _first_guesses(sentence: str) -> set[str]:
    return {text for text, spans in phrases(sentence).items() if any(not s.raw and not s.part for s in spans)}


PHRASE_CASES = [
    # (id, sentence, a first guess expected, what must not be a first guess)
    ("name-before-title-whole", "김정은 국무위원장은 이날 발사를 참관했다", "김정은", "김정"),
    ("name-before-short-title-whole", "김정은 위원장이 말했다", "김정은", "김정"),
    ("peninsula-whole", "한반도 비핵화를 위해", "한반도", "한반"),
    ("no-iran-inside-alliance", "동맹이란 무엇인가", "동맹", "이란"),
    ("no-iran-inside-alliance-compound", "한미동맹이란 말", "한미동맹", "이란"),
    ("quoted-noun-is-no-verb", "사드라는 무기를 배치했다", "사드", "사드라는"),
    ("quoted-imperative-is-a-verb", "철수하라는 요구를 거부했다", "요구", "철수하"),
    ("topic-before-noun-stays-cut", "북한은 미사일을 발사했다", "북한", "북한은"),
    ("copula-in-before-name", "전략폭격기인 B-1B가 출격했다", "전략폭격기", "전략폭격기인"),
    ("exclamation-before-quote", "장병들은 '필승!'을 외쳤다", "필승", "필승!"),
    ("question-mark-before-quote", "그는 '왜 사드?'라는 질문을 던졌다", "사드", "사드?"),
    ("latin-period-before-bracket-stays", "U.S.(미국) 국방부가 밝혔다", "U.S.", "U.S"),
    ("only-after-noun", "아시아태평양뿐 아니라 유럽에서도", "아시아태평양", "아시아태평양뿐"),
    ("honorific-copula", "대한민국 국방부 장관이신 신원식 장관", "대한민국 국방부 장관", "대한민국 국방부 장관이신"),
]


@pytest.mark.parametrize(
    ("sentence", "wanted", "unwanted"), [c[1:] for c in PHRASE_CASES], ids=[c[0] for c in PHRASE_CASES]
)
def test_phrase_first_guesses(sentence: str, wanted: str, unwanted: str) -> None:
    firsts = _first_guesses(sentence)
    assert wanted in firsts
    assert unwanted not in firsts


def test_no_particle_is_a_candidate_of_its_own() -> None:
    assert "이란" not in phrases("동맹이란 무엇인가")
    assert "이란" in phrases("이란 핵 합의")  # Iran itself still is


def test_name_titles_are_hangul_words() -> None:
    assert all(t and t == t.strip() for t in NAME_TITLES)
