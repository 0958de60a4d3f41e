"""One particle table: choosing (attach) and stripping (strip) agree on every alternating pair, both ways."""

from __future__ import annotations

import pytest

from termdesk.ko.particles import RULES, accepts_after, is_copula, particle_for, rule_for
from termdesk.ko.reading import Final, reading_of
from termdesk.ko.stems import STRIP_RULES, strip

#: Words ending every way a particle cares about: (id, word, final).
PROBES = [
    ("hangul-vowel", "사드", Final.VOWEL),
    ("hangul-rieul", "미사일", Final.RIEUL),
    ("hangul-consonant", "잠수함", Final.CONSONANT),
    ("letter-m", "ICBM", Final.CONSONANT),
    ("letter-b", "B-1B", Final.VOWEL),
    ("letter-l", "NLL", Final.RIEUL),
    ("digit-5", "F-35", Final.VOWEL),
    ("digit-1", "KF-21", Final.RIEUL),
    ("word-acronym", "RIMPAC", Final.CONSONANT),
    ("english-word", "Aegis", Final.UNKNOWN),
]

#: Strip suffixes that are a form of an alternating particle (tail included): 으로부터, 와의, 라는 …
ALTERNATING = [r.suffix for r in STRIP_RULES if rule_for(r.suffix) is not None]
PAIRS = [(s, p) for s in ALTERNATING for p in PROBES]
PAIR_IDS = [f"{s}-{p[0]}" for s, p in PAIRS]


def test_probes_read_as_labelled() -> None:
    assert [reading_of(w).final for _, w, _ in PROBES] == [f for _, _, f in PROBES]


def test_alternating_suffixes_found() -> None:
    # every basic pair is stripped: 은/는 이/가 을/를 과/와 으로/로 and the copula endings
    names = {rule_for(s).name for s in ALTERNATING}  # type: ignore[union-attr]
    assert {"은/는", "이/가", "을/를", "과/와", "으로/로", "이라는/라는", "인"} <= names


#: The (suffix, probe) pairs where attach writes exactly this form after the probe word.
WRITTEN = [(s, p) for s, p in PAIRS if p[2] is not Final.UNKNOWN and particle_for(p[1], s) == s]


def test_every_alternating_suffix_is_written_somewhere() -> None:
    assert {s for s, _ in WRITTEN} == set(ALTERNATING)


@pytest.mark.parametrize(("suffix", "probe"), WRITTEN, ids=[f"{s}-{p[0]}" for s, p in WRITTEN])
def test_what_attach_writes_strip_cuts(suffix: str, probe: tuple[str, str, Final]) -> None:
    """choose → strip: a form attach writes after a word is cut off that word again."""
    word = probe[1]
    s = strip(word + suffix)
    assert (s.stem, s.particle) == (word, suffix) or (s.second, s.particle) == (word, "")


@pytest.mark.parametrize(("suffix", "probe"), PAIRS, ids=PAIR_IDS)
def test_what_strip_cuts_attach_accepts(suffix: str, probe: tuple[str, str, Final]) -> None:
    """strip → choose: a form is cut after a word only where the particle rule accepts it there."""
    _, word, final = probe
    s = strip(word + suffix)
    cut = s.particle == suffix and s.stem == word
    rule = rule_for(suffix)
    assert rule is not None
    given_form = next(f for f in sorted(rule.forms, key=len, reverse=True) if suffix.startswith(f))
    expected = final is Final.UNKNOWN or rule.accepts(final, given_form)
    assert cut is expected
    assert accepts_after(suffix, final) is expected


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("ICBM을", "ICBM"),
        ("ICBM를", "ICBM를"),
        ("B-1B를", "B-1B"),
        ("B-1B을", "B-1B을"),
        ("NLL로", "NLL"),
        ("RIMPAC를", "RIMPAC를"),
        ("Aegis를", "Aegis"),
        ("Aegis을", "Aegis"),
    ],
    ids=[
        "acronym-m-takes-eul",
        "acronym-m-never-reul",
        "acronym-b-takes-reul",
        "acronym-b-never-eul",
        "acronym-l-takes-ro",
        "word-acronym-never-reul",
        "english-word-unknown-any-form",
        "english-word-unknown-other-form",
    ],
)
def test_latin_endings_read_as_attach_reads_them(word: str, stem: str) -> None:
    """Stripping once accepted any form after a Latin ending; now ICBM reads 엠 for both."""
    assert strip(word).stem == stem


@pytest.mark.parametrize("rule", [r for r in RULES if r.copula], ids=lambda r: r.name)
def test_copula_rules_are_copula_endings(rule: object) -> None:
    for form in rule.forms:  # type: ignore[attr-defined]
        assert is_copula(form)
