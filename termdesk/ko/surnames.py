"""Korean family names in Hangul (the common one-syllable ones), to tell a name from a title word.

``송 장관`` is surname + title: a title entry must never be given it as its Korean
(:mod:`termdesk.align.abstain`). Each entry is a surname as Korean copy writes it
before a short title on a later mention.
"""

from __future__ import annotations

#: One-syllable Korean family names (Statistics Korea's most common, in Hangul).
SURNAMES: frozenset[str] = frozenset(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형계피두감음빈동온호범좌팽승간상갈단견당"
)


#: Korean family names of two syllables (남궁민수, 제갈성렬): the rest are one syllable.
TWO_SYLLABLE_SURNAMES: frozenset[str] = frozenset(
    {"남궁", "선우", "독고", "제갈", "황보", "사공", "서문", "동방", "황목"}
)


def family_syllables(name: str, *, short_given: bool = False) -> str:
    """The family name of a Korean (or Chinese) name written solid in Hangul: ``송영무`` → ``송``,
    ``남궁민수`` → ``남궁`` (a three-syllable name keeps one: ``서문호`` → ``서``), ``시진핑`` → ``시``.

    With ``short_given`` a name shorter than four syllables may still have a two-syllable family
    name and a one-syllable given name (``남궁억`` → ``남궁``): QA accepts ``남궁 장관`` for it."""
    name = name.strip()
    two = name[:2] in TWO_SYLLABLE_SURNAMES and (short_given or len(name) >= 4)
    return name[:2] if two else name[:1]


def is_surname(word: str) -> bool:
    """Whether ``word`` is a one-syllable Korean family name (``송`` → True, ``장관`` → False)."""
    return word in SURNAMES
