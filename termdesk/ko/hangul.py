"""Hangul: the one syllable table (decompose, compose, final consonant) and the one definition of its ranges.

Every question "is this Hangul?" in termdesk is answered here:

``is_syllable(char)`` / ``has_syllable(text)``
    one precomposed syllable (가 … 힣, U+AC00..U+D7A3) / any such syllable in a text.
``has_hangul(text)``
    any Hangul letter at all, conjoining and compatibility jamo included (``ㅋㅋ``,
    decomposed text from macOS): what tells a Korean form from an English one.
``SYLLABLE_CLASS`` / ``HANGUL_CLASS``
    the same two ranges as the inside of a regular-expression character class, for
    patterns that mix them with other characters (``f"[A-Za-z{SYLLABLE_CLASS}]"``).
``decompose(syllable)`` / ``compose(initial, medial, final)``
    a syllable ↔ its (initial, medial, final) jamo indices (``'한'`` ↔ (18, 0, 4)).
``final_jamo(syllable)`` / ``has_final_consonant(syllable)``
    the final consonant (받침) as a compatibility jamo, ``''`` when there is none.
``syllables_with_final(jamo)``
    every syllable ending in a given final (``'ㅆ'`` → 갔, 겠, 았, 했 …).
"""

from __future__ import annotations

import re

__all__ = [
    "FINAL_JAMO",
    "HANGUL_CLASS",
    "SYLLABLE_CLASS",
    "compose",
    "decompose",
    "final_jamo",
    "has_final_consonant",
    "has_hangul",
    "has_syllable",
    "is_syllable",
    "syllables_with_final",
]

_S_BASE = 0xAC00  # 가
_S_COUNT = 11172  # 19 initials × 21 medials × 28 finals
_V_COUNT = 21
_T_COUNT = 28  # 27 final consonants + "no final"
_N_COUNT = _V_COUNT * _T_COUNT  # syllables per initial consonant

#: Precomposed syllables, as the inside of a regex character class.
SYLLABLE_CLASS = f"{chr(_S_BASE)}-{chr(_S_BASE + _S_COUNT - 1)}"
#: Every Hangul letter: conjoining jamo, compatibility jamo, jamo extended A, syllables, jamo extended B.
HANGUL_CLASS = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f" + SYLLABLE_CLASS + "\ud7b0-\ud7ff"

_SYLLABLE_RE = re.compile(f"[{SYLLABLE_CLASS}]")
_HANGUL_RE = re.compile(f"[{HANGUL_CLASS}]")

#: Final consonants (종성) by index, as compatibility jamo; index 0 is "no final".
FINAL_JAMO: tuple[str, ...] = (
    "",
    "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ",
    "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ",
)  # fmt: skip


def is_syllable(char: str) -> bool:
    """True for one precomposed Hangul syllable (가 … 힣)."""
    return len(char) == 1 and 0 <= ord(char) - _S_BASE < _S_COUNT


def has_syllable(text: str) -> bool:
    """True when ``text`` holds at least one precomposed Hangul syllable."""
    return _SYLLABLE_RE.search(text) is not None


def has_hangul(text: str) -> bool:
    """True when ``text`` holds any Hangul letter, jamo included (``'ㅋㅋ'`` → True)."""
    return _HANGUL_RE.search(text) is not None


def decompose(syllable: str) -> tuple[int, int, int]:
    """(initial, medial, final) indices of a precomposed syllable: ``'한'`` → (18, 0, 4).

    Raises ``ValueError`` for anything but one precomposed Hangul syllable.
    """
    if not is_syllable(syllable):
        raise ValueError(f"not a Hangul syllable: {syllable!r}")
    code = ord(syllable) - _S_BASE
    return code // _N_COUNT, (code % _N_COUNT) // _T_COUNT, code % _T_COUNT


def compose(initial: int, medial: int, final: int = 0) -> str:
    """The syllable with these jamo indices: ``compose(18, 0, 4)`` → ``'한'``."""
    if not (0 <= initial < _S_COUNT // _N_COUNT and 0 <= medial < _V_COUNT and 0 <= final < _T_COUNT):
        raise ValueError(f"no Hangul syllable has jamo indices {(initial, medial, final)!r}")
    return chr(_S_BASE + initial * _N_COUNT + medial * _T_COUNT + final)


def final_jamo(syllable: str) -> str:
    """The final consonant of a Hangul syllable as a compatibility jamo (``'관'`` → ``'ㄴ'``), ``''`` if none.

    Raises ``ValueError`` for anything but one precomposed Hangul syllable.
    """
    return FINAL_JAMO[decompose(syllable)[2]]


def has_final_consonant(syllable: str) -> bool:
    """True if a Hangul syllable has a final consonant (받침): ``'관'`` → True, ``'드'`` → False."""
    return final_jamo(syllable) != ""


def syllables_with_final(jamo: str) -> str:
    """Every precomposed syllable whose final consonant is ``jamo`` (``''``: no final), in code order."""
    index = FINAL_JAMO.index(jamo)
    return "".join(chr(_S_BASE + i) for i in range(index, _S_COUNT, _T_COUNT))


def syllable_count(text: str) -> int:
    """How many syllables ``text`` is read as: Hangul syllables, a run of Latin letters or digits counting as one.

    >>> syllable_count("B-1B 전략폭격기")
    7
    """
    n = 0
    latin = False
    for ch in text:
        if is_syllable(ch):
            n += 1
            latin = False
        elif ch.isalnum():
            if not latin:
                n += 1
            latin = True
        else:
            latin = False
    return n
