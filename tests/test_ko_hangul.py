"""The one Hangul table: decompose/compose, finals, the two ranges, and no Hangul arithmetic outside termdesk/ko/."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

import termdesk
from termdesk.ko.hangul import (
    FINAL_JAMO,
    HANGUL_CLASS,
    SYLLABLE_CLASS,
    compose,
    decompose,
    has_hangul,
    has_syllable,
    is_syllable,
    syllables_with_final,
)

ALL_SYLLABLES = [chr(c) for c in range(ord("가"), ord("힣") + 1)]


def test_compose_inverts_decompose_for_every_syllable() -> None:
    assert len(ALL_SYLLABLES) == 11172
    assert all(compose(*decompose(s)) == s for s in ALL_SYLLABLES)


def test_decompose_agrees_with_unicode_nfd() -> None:
    for s in ALL_SYLLABLES[::97]:
        parts = unicodedata.normalize("NFD", s)
        i, m, f = decompose(s)
        assert ord(parts[0]) - 0x1100 == i
        assert ord(parts[1]) - 0x1161 == m
        assert (ord(parts[2]) - 0x11A7 if len(parts) == 3 else 0) == f


@pytest.mark.parametrize(
    ("indices", "expected"), [((18, 0, 4), "한"), ((0, 0, 0), "가"), ((18, 20, 27), "힣")], ids=["han", "first", "last"]
)
def test_compose(indices: tuple[int, int, int], expected: str) -> None:
    assert compose(*indices) == expected


@pytest.mark.parametrize("indices", [(19, 0, 0), (0, 21, 0), (0, 0, 28), (-1, 0, 0)], ids=["i", "m", "f", "neg"])
def test_compose_rejects_impossible_indices(indices: tuple[int, int, int]) -> None:
    with pytest.raises(ValueError, match="no Hangul syllable"):
        compose(*indices)


@pytest.mark.parametrize(
    "char", ["a", "ㄱ", "", "가나", "\u1100"], ids=["latin", "compat-jamo", "empty", "two", "jamo"]
)
def test_decompose_rejects_non_syllables(char: str) -> None:
    assert not is_syllable(char)
    with pytest.raises(ValueError, match="not a Hangul syllable"):
        decompose(char)


def test_syllables_with_final() -> None:
    past = syllables_with_final("ㅆ")
    assert {"했", "였", "었", "갔", "됐"} <= set(past)
    assert len(past) == 11172 // 28
    assert all(FINAL_JAMO[decompose(s)[2]] == "ㅆ" for s in past)


@pytest.mark.parametrize(
    ("text", "syllable", "hangul"),
    [
        ("국방부", True, True),
        ("ㅋㅋ", False, True),
        ("\u1100\u1161", False, True),  # decomposed 가 (macOS)
        ("THAAD", False, False),
        ("", False, False),
        ("中國", False, False),
    ],
    ids=["syllables", "compat-jamo", "conjoining-jamo", "latin", "empty", "hanja"],
)
def test_has_syllable_and_has_hangul(text: str, syllable: bool, hangul: bool) -> None:
    assert has_syllable(text) is syllable
    assert has_hangul(text) is hangul


def test_classes_build_regexes() -> None:
    assert re.fullmatch(f"[{SYLLABLE_CLASS}]+", "".join(ALL_SYLLABLES[::101]))
    assert re.fullmatch(f"[{HANGUL_CLASS}]+", "한ㅎ\u1112\ua960\ud7b0")


#: Hangul ranges and syllable arithmetic written out; outside termdesk/ko/ none may appear.
_RANGE = re.compile(r"\\u(?:ac00|d7a3|d7af|3131|3130|1100)|0xac00|0xd7a3|가-힣|ㄱ-|11172", re.IGNORECASE)


def test_no_hangul_ranges_outside_ko() -> None:
    root = Path(termdesk.__file__).parent
    offenders = [
        f"{p.relative_to(root)}:{n}"
        for p in sorted(root.rglob("*.py"))
        if "ko" not in p.relative_to(root).parts[:1]
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
        if _RANGE.search(line)
    ]
    assert offenders == []
