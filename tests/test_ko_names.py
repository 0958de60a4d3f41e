"""Family names by agreement of the English and Korean forms (termdesk.ko.romanize.family_name, ko.surnames)."""

from __future__ import annotations

import pytest

from termdesk.ko.romanize import family_name
from termdesk.ko.surnames import family_syllables


@pytest.mark.parametrize(
    ("english", "hangul", "expected"),
    [
        # Japanese: English given name first, Korean family name first
        pytest.param("Minoru Kihara", "기하라 미노루", ("Kihara", "기하라"), id="japanese-kihara"),
        pytest.param("Yasukazu Hamada", "하마다 야스카즈", ("Hamada", "하마다"), id="japanese-hamada"),
        pytest.param("Gen Nakatani", "나카타니 겐", ("Nakatani", "나카타니"), id="japanese-nakatani-short-given"),
        pytest.param("Taro Kono", "고노 다로", ("Kono", "고노"), id="japanese-kono"),
        # Chinese: family name first in both, written solid in Korean
        pytest.param("Wang Yi", "왕이", ("Wang", "왕"), id="chinese-wang-yi"),
        pytest.param("Xi Jinping", "시진핑", ("Xi", "시"), id="chinese-xi"),
        pytest.param("Dong Jun", "둥쥔", ("Dong", "둥"), id="chinese-dong-jun"),
        pytest.param("Li Qiang", "리창", ("Li", "리"), id="chinese-li-qiang"),
        # Korean
        pytest.param("Song Young-moo", "송영무", ("Song", "송"), id="korean"),
        pytest.param("Rhee Syng-man", "이승만", ("Rhee", "이"), id="korean-rhee"),
        pytest.param("Kim Jong Un", "김정은", ("Kim", "김"), id="korean-unhyphenated"),
        pytest.param("Sung Kim", "성 김", ("Kim", "김"), id="korean-american-given-first"),
        # Western: given name first in both
        pytest.param("Lloyd J. Austin III", "로이드 오스틴", ("Austin", "오스틴"), id="western-initial-suffix"),
        pytest.param("Joe Biden", "조 바이든", ("Biden", "바이든"), id="western-short-names"),
        pytest.param("JD Vance", "JD 밴스", ("Vance", "밴스"), id="western-latin-initials"),
    ],
)
def test_family_name(english: str, hangul: str, expected: tuple[str, str]) -> None:
    assert family_name(english, hangul) == expected


@pytest.mark.parametrize(
    ("name", "family"),
    [
        pytest.param("송영무", "송", id="one-syllable"),
        pytest.param("남궁민수", "남궁", id="two-syllable-surname"),
        pytest.param("서문호", "서", id="three-syllables-keep-one"),
    ],
)
def test_family_syllables(name: str, family: str) -> None:
    assert family_syllables(name) == family


@pytest.mark.parametrize(
    ("name", "family"),
    [
        pytest.param("송영무", "송", id="one-syllable"),
        pytest.param("남궁민수", "남궁", id="two-syllable-surname"),
        pytest.param("남궁억", "남궁", id="two-syllable-surname-short-given"),
        pytest.param("제갈량", "제갈", id="two-syllable-surname-short-given-jegal"),
    ],
)
def test_family_syllables_short_given(name: str, family: str) -> None:
    assert family_syllables(name, short_given=True) == family


def test_no_hangul_no_family_name() -> None:
    assert family_name("Jim Mattis", "JM") is None
