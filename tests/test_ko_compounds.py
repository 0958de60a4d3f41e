"""termdesk.ko.compounds: country compounds in Korean order. Every table example is a case."""

from __future__ import annotations

import pytest

from termdesk.ko.compounds import (
    COMPOUND_EXCEPTIONS,
    COUNTRIES,
    compose_compound,
    compound_prefix,
    countries_of_compound,
)

COMPOSE = [
    ("korea-us", {"US", "KR"}, "한미"),
    ("us-japan-korea", {"US", "JP", "KR"}, "한미일"),
    ("inter-korean", {"KP", "KR"}, "남북"),
    ("us-north-korea", {"US", "KP"}, "북미"),
    ("south-north-us", {"US", "KP", "KR"}, "남북미"),
    ("us-china", {"CN", "US"}, "미중"),
    ("korea-china-japan", {"JP", "CN", "KR"}, "한중일"),
    ("korea-japan", {"JP", "KR"}, "한일"),
    ("north-korea-russia", {"RU", "KP"}, "북러"),
    ("china-russia", {"RU", "CN"}, "중러"),
    ("russia-japan-exception", {"JP", "RU"}, "러일"),
]


@pytest.mark.parametrize(("codes", "expected"), [c[1:] for c in COMPOSE], ids=[c[0] for c in COMPOSE])
def test_compose(codes: set[str], expected: str) -> None:
    assert compose_compound(codes) == expected
    assert countries_of_compound(expected) == frozenset(codes)


@pytest.mark.parametrize("country", COUNTRIES, ids=[c.code for c in COUNTRIES])
def test_every_country_example_starts_with_a_compound_using_it(country: object) -> None:
    word = country.example.split()[0]  # type: ignore[attr-defined]
    found = compound_prefix(word)
    assert found is not None, word
    assert country.code in found[1]  # type: ignore[attr-defined]


@pytest.mark.parametrize("codes", list(COMPOUND_EXCEPTIONS), ids=list(COMPOUND_EXCEPTIONS.values()))
def test_exceptions_read_back(codes: frozenset[str]) -> None:
    assert countries_of_compound(COMPOUND_EXCEPTIONS[codes]) == codes


NOT_COMPOUNDS = [
    ("country-name", "미국"),
    ("north-korea-name", "북한"),
    ("wrong-order", "미한"),
    ("wrong-order-japan-china", "일중"),
    ("south-without-north", "남미"),
    ("repeated", "한한"),
    ("one-syllable", "한"),
    ("ordinary-word", "한국군"),
]


@pytest.mark.parametrize("word", [c[1] for c in NOT_COMPOUNDS], ids=[c[0] for c in NOT_COMPOUNDS])
def test_not_compounds(word: str) -> None:
    assert countries_of_compound(word) is None
    assert compound_prefix(word) is None


PREFIXES = [
    ("alliance", "한미동맹", "한미"),
    ("trilateral", "한미일간", "한미일"),
    ("inter-korean-talks", "남북회담", "남북"),
    ("summit", "북미정상회담", "북미"),
]


@pytest.mark.parametrize(("word", "prefix"), [c[1:] for c in PREFIXES], ids=[c[0] for c in PREFIXES])
def test_compound_prefix(word: str, prefix: str) -> None:
    found = compound_prefix(word)
    assert found is not None and found[0] == prefix


def test_fewer_than_two_countries_is_an_error() -> None:
    with pytest.raises(ValueError):
        compose_compound({"KR"})
