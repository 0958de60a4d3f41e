"""Korean particles: attach, check, repair; rule-table examples, the reference table, tossi as oracle, properties."""

from __future__ import annotations

import ast
import inspect
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
import tossi  # test-only oracle: never imported from termdesk/
from hypothesis import given, settings
from hypothesis import strategies as st

from termdesk import ko
from termdesk.ko import hangul, reading
from termdesk.ko import particles as ko_particles
from termdesk.ko.hangul import final_jamo, has_final_consonant
from termdesk.ko.hangul import is_syllable as is_hangul_syllable
from termdesk.ko.particles import (
    RULES,
    attach,
    check_particle,
    check_particles,
    particle_for,
    repair_particles,
    rule_for,
)
from termdesk.ko.reading import (
    DIGIT_READINGS,
    LETTER_CLASSES,
    LETTER_READINGS,
    PLACE_READINGS,
    UNIT_READINGS,
    WORD_ACRONYMS,
    Final,
    Reading,
    reading_of,
)

DATA = Path(__file__).parent / "data"

# --------------------------------------------------------------------------- reference table


@dataclass(frozen=True)
class Case:
    line: int
    word: str
    particle: str
    expected: str
    oracle: str


def _load_cases() -> list[Case]:
    lines = (DATA / "particles.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "word\tparticle\texpected\toracle"
    cases = []
    for n, line in enumerate(lines[1:], start=2):
        if not line or line.startswith("#"):
            continue
        word, particle, expected, oracle = line.split("\t")
        cases.append(Case(n, word, particle, expected, oracle))
    return cases


CASES = _load_cases()
CASE_IDS = [f"L{c.line}:{c.word}+{c.particle}" for c in CASES]

#: Rows of particles.tsv not compared with tossi, and why. For each of these rows the test
#: below asserts that tossi really gives something else, so an exclusion cannot go stale:
#: a row tossi agrees with must be marked ``tossi``.
ORACLE_EXCLUSIONS: dict[str, str] = {
    # tossi only reads Hangul syllables and digits; for a Latin letter it has no coda and
    # falls back to its tolerant form (ICBM을(를)). We read acronyms by NIKL letter names
    # (ICBM → 엠 → 을) or by their settled word reading (RIMPAC → 림팩 → 을).
    "latin": "tossi does not read Latin letters (gives the combined form)",
    # tossi skips '%' as punctuation and reads the number (50% → 오십 → 을) and has no
    # reading for km/mm/kg (combined form); a unit after a number is read aloud as the unit.
    "unit": "tossi ignores or cannot read the unit after a number",
    # tossi contracts 이자 after a vowel (총리자); written Korean keeps 이자 (총리이자 국방부 장관).
    "iza": "tossi contracts 이자 to 자 after a vowel",
    # For an unknown reading tossi writes (이)다 / (이)었다; we write the full 이다 / 이었다,
    # which is correct after a consonant and after a vowel alike ((이)었다 would read 었다).
    "copula-unknown": "tossi writes (이)다/(이)었다 for an unknown reading",
    # tossi reads the last digit of 1/2 (이 → 를) but 1/2 is read 이분의 일; we do not guess.
    "fraction": "tossi reads a fraction's last digit",
    # tossi reads 10:30 as the number 30 (십 → 을); a clock time is 열 시 삼십 분; we do not guess.
    "clock": "tossi reads a clock time's minutes as a bare number",
}


def test_reference_table_is_large_enough() -> None:
    assert len(CASES) >= 150
    assert len({(c.word, c.particle) for c in CASES}) == len(CASES), "duplicate rows"


def test_reference_table_covers_every_rule() -> None:
    covered = {rule_for(c.particle) for c in CASES}
    missing = [r.name for r in RULES if r not in covered]
    assert missing == []


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_reference_table(case: Case) -> None:
    assert attach(case.word, case.particle) == case.expected


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_reference_table_against_tossi(case: Case) -> None:
    theirs = tossi.postfix(case.word, case.particle)
    if case.oracle == "tossi":
        assert theirs == case.expected
    else:
        assert case.oracle in ORACLE_EXCLUSIONS, f"undocumented exclusion {case.oracle!r}"
        assert theirs != case.expected, "tossi agrees: mark this row 'tossi'"


# --------------------------------------------------------------------------- rule-table examples

RULE_EXAMPLES = [(rule, ex) for rule in RULES for ex in rule.examples]


@pytest.mark.parametrize(
    ("rule", "example"), RULE_EXAMPLES, ids=[f"{r.name}:{w}+{p}" for r, (w, p, _) in RULE_EXAMPLES]
)
def test_rule_example(rule: ko_particles.ParticleRule, example: tuple[str, str, str]) -> None:
    word, particle, expected = example
    assert rule_for(particle) is rule
    assert attach(word, particle) == expected


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_examples_show_both_forms(rule: ko_particles.ParticleRule) -> None:
    results = {attach(w, p)[len(w) :] for w, p, _ in rule.examples}
    assert {rule.after_consonant, rule.after_vowel} <= results


@pytest.mark.parametrize("lc", LETTER_CLASSES, ids=[lc.letters for lc in LETTER_CLASSES])
def test_letter_class_example(lc: reading.LetterClass) -> None:
    word, particle, expected = lc.example
    ending = reading_of(word)
    assert ending.reading is Reading.LETTER and ending.source in lc.letters and ending.final is lc.final
    assert attach(word, particle) == expected


def test_letter_classes_partition_the_alphabet() -> None:
    letters = "".join(lc.letters for lc in LETTER_CLASSES)
    assert sorted(letters) == sorted(LETTER_READINGS) == [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    for lc in LETTER_CLASSES:
        for letter in lc.letters:
            assert reading_of(letter).final is lc.final, letter


@pytest.mark.parametrize("acronym", WORD_ACRONYMS, ids=[a.acronym for a in WORD_ACRONYMS])
def test_word_acronym_example(acronym: reading.Acronym) -> None:
    word, particle, expected = acronym.example
    ending = reading_of(word)
    assert (ending.reading, ending.spoken) == (Reading.ACRONYM, acronym.spoken)
    assert attach(word, particle) == expected


@pytest.mark.parametrize("digit", DIGIT_READINGS, ids=[d.written for d in DIGIT_READINGS])
def test_digit_example(digit: reading.DigitReading) -> None:
    word, particle, expected = digit.example
    assert reading_of(word).spoken == digit.spoken
    assert attach(word, particle) == expected


@pytest.mark.parametrize("place", PLACE_READINGS, ids=[p.spoken for p in PLACE_READINGS])
def test_place_example(place: reading.PlaceReading) -> None:
    word, particle, expected = place.example
    assert reading_of(word).spoken == place.spoken
    assert attach(word, particle) == expected


@pytest.mark.parametrize("unit", UNIT_READINGS, ids=[u.written for u in UNIT_READINGS])
def test_unit_example(unit: reading.UnitReading) -> None:
    word, particle, expected = unit.example
    ending = reading_of(word)
    assert (ending.reading, ending.spoken) == (Reading.UNIT, unit.spoken)
    assert attach(word, particle) == expected


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_written_form_maps_back_to_its_rule(rule: ko_particles.ParticleRule) -> None:
    for form in rule.forms:
        for tail in rule.tails:
            assert rule_for(form + tail) is rule, form + tail


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_unknown_reading_gives_the_combined_form(rule: ko_particles.ParticleRule) -> None:
    for form in rule.forms:
        assert attach("Pentagon", form) == "Pentagon" + rule.unknown


# --------------------------------------------------------------------------- Hangul helpers

ALL_SYLLABLES = [chr(c) for c in range(0xAC00, 0xD7A4)]


def test_final_jamo_matches_unicode_decomposition_for_every_syllable() -> None:
    for syllable in ALL_SYLLABLES:
        parts = unicodedata.normalize("NFD", syllable)
        final = final_jamo(syllable)
        assert has_final_consonant(syllable) is (len(parts) == 3)
        if len(parts) == 3:
            assert unicodedata.name(parts[2]).removeprefix("HANGUL JONGSEONG ") == unicodedata.name(final).removeprefix(
                "HANGUL LETTER "
            )
        else:
            assert final == ""


@pytest.mark.parametrize(
    ("char", "expected"),
    [("관", "ㄴ"), ("드", ""), ("일", "ㄹ"), ("닭", "ㄺ"), ("가", ""), ("힣", "ㅎ")],
    ids=["nieun", "none", "rieul", "rieul-kiyeok", "first", "last"],
)
def test_final_jamo(char: str, expected: str) -> None:
    assert final_jamo(char) == expected


@pytest.mark.parametrize(
    "char",
    ["A", "", "가나", "ㄱ", "\u1100", "一", "\uac00\u11a8"],
    ids=["latin", "empty", "two-syllables", "compat-jamo", "conjoining-jamo", "hanja", "decomposed"],
)
def test_final_jamo_rejects_non_syllables(char: str) -> None:
    assert not is_hangul_syllable(char)
    with pytest.raises(ValueError, match="not a Hangul syllable"):
        final_jamo(char)
    with pytest.raises(ValueError):
        has_final_consonant(char)


# --------------------------------------------------------------------------- readings

READINGS = [
    ("장관", Final.CONSONANT, "관", Reading.HANGUL),
    ("서울", Final.RIEUL, "울", Reading.HANGUL),
    ("ICBM", Final.CONSONANT, "엠", Reading.LETTER),
    ("NLL", Final.RIEUL, "엘", Reading.LETTER),
    ("THAAD", Final.VOWEL, "사드", Reading.ACRONYM),
    ("K-THAAD", Final.VOWEL, "사드", Reading.ACRONYM),
    ("F-35", Final.VOWEL, "오", Reading.NUMBER),
    ("10", Final.CONSONANT, "십", Reading.NUMBER),
    ("10,000,000", Final.CONSONANT, "만", Reading.NUMBER),
    ("1,000,000,000,000", Final.VOWEL, "조", Reading.NUMBER),
    ("1.5", Final.VOWEL, "오", Reading.NUMBER),
    ("3.0", Final.CONSONANT, "영", Reading.NUMBER),
    ("000", Final.CONSONANT, "영", Reading.NUMBER),
    ("500km", Final.VOWEL, "킬로미터", Reading.UNIT),
    ("사드(THAAD)", Final.VOWEL, "드", Reading.HANGUL),
    ("체계(사드(THAAD))", Final.VOWEL, "계", Reading.HANGUL),
    ("「국방백서」", Final.VOWEL, "서", Reading.HANGUL),
    ("U.S.", Final.VOWEL, "에스", Reading.LETTER),
]
UNKNOWN_READINGS = [
    ("", "empty"),
    ("iPhone", "english-word"),
    ("MiG", "mixed-case"),
    ("북한 ", "trailing-space"),
    ("장관.", "sentence-period"),
    ("1/2", "fraction"),
    ("10:30", "clock"),
    ("1" + "0" * 20, "beyond-경"),
    ("北", "hanja"),
    ("ㅋ", "compat-jamo"),
    ("사드)", "unbalanced-bracket"),
    ("m", "unit-without-number"),
    ("٣", "arabic-indic-digit"),
]


@pytest.mark.parametrize(("word", "final", "spoken", "reading"), READINGS, ids=[r[0] for r in READINGS])
def test_reading_of(word: str, final: Final, spoken: str, reading: Reading) -> None:
    ending = reading_of(word)
    assert (ending.final, ending.spoken, ending.reading) == (final, spoken, reading)


@pytest.mark.parametrize("word", [w for w, _ in UNKNOWN_READINGS], ids=[i for _, i in UNKNOWN_READINGS])
def test_reading_unknown(word: str) -> None:
    assert reading_of(word).final is Final.UNKNOWN
    assert attach(word, "는") == word + "은(는)"


# --------------------------------------------------------------------------- check_particle

CHECKS = [
    ("disagrees", "송영무 국방부 장관", "는 말했다", "은"),
    ("agrees", "송영무 국방부 장관", "은 말했다", None),
    ("vowel-term", "사드", "은 도착했다.", "는"),
    ("end-of-text", "사드", "을", "를"),
    ("punctuation-after", "국방부", "이, 합참", "가"),
    ("rieul-ro", "NLL", "으로 내려왔다", "로"),
    ("word-before-gloss", "북방한계선(NLL)", "로 내려왔다", "으로"),
    ("latin-letter", "ICBM", "를 쐈다", "을"),
    ("digit", "F-35", "을 도입", "를"),
    ("tail", "국방부", "으로부터 받았다", "로부터"),
    ("tail-agrees", "한국군", "과의 훈련", None),
    ("longest-match-iragogo", "사드", "이라고 말했다", None),  # vowel: long copula form accepted
    ("longest-match-rago", "도발", "라고 말했다", "이라고"),
    ("euroseo-before-euro", "국방부 장관", "로서 말했다", "으로서"),
    ("copula-after-consonant", "도발", "다.", "이다"),
    ("copula-past", "위협", "였다.", "이었다"),
    ("copula-long-after-vowel", "국방부 차관보", "이며 전략가", None),
    ("irang-strict", "사드", "이랑 패트리엇", "랑"),
    ("no-particle-space", "국방부 장관", " 는 말했다", None),
    ("not-a-boundary", "국방부 장관", "이다음 날", None),
    ("noun-starting-with-i", "국방부 장관", "이번 주", None),
    ("noun-after-vowel-term", "사드", "이동식 발사대", None),
    ("latin-after-particle", "사드", "을X", None),
    ("combining-mark-after", "사드", "을\u0301", None),
    ("copula-na-after-vowel", "국방부 차관보", "이나 실권은 없다", None),
    ("stacked-unknown-particle", "사드", "는커녕", None),
    ("unknown-reading", "Pentagon", "는 밝혔다", None),
    ("combined-form-resolved", "사드", "을(를) 배치", "를"),
    ("closing-quote", "사드", "'을 배치", "를"),
    ("gloss", "사드", "(THAAD)을 배치", "를"),
    ("vocative-not-checked", "장관", "야", None),
    ("iza-not-checked", "후보", "자 명단", None),
    ("empty-following", "장관", "", None),
]


@pytest.mark.parametrize(("term", "following", "expected"), [c[1:] for c in CHECKS], ids=[c[0] for c in CHECKS])
def test_check_particle(term: str, following: str, expected: str | None) -> None:
    assert check_particle(term, following) == expected


RUNNING = [r for r in RULES if r.in_running_text]


@pytest.mark.parametrize("rule", RUNNING, ids=[r.name for r in RUNNING])
def test_check_particle_for_every_rule(rule: ko_particles.ParticleRule) -> None:
    tail = rule.tails[-1]
    # after a consonant only the consonant form is right
    assert check_particle("국방부 장관", rule.after_vowel + tail + " 말했다") == rule.after_consonant + tail
    assert check_particle("국방부 장관", rule.after_consonant + tail + " 말했다") is None
    # after a vowel the vowel form is right; the long 이-form only where the copula 이 may stay
    assert check_particle("사드", rule.after_vowel + tail + ".") is None
    expected = None if rule.vowel_accepts_long else rule.after_vowel + tail
    assert check_particle("사드", rule.after_consonant + tail + ".") == expected
    # after ㄹ: like a consonant, except 으로/로 and its family
    rieul = rule.after_vowel if rule.rieul_takes_vowel_form else rule.after_consonant
    other = rule.after_consonant if rule.rieul_takes_vowel_form else rule.after_vowel
    assert check_particle("미사일", other + tail) == rieul + tail
    # the combined form is resolved once the reading is known
    assert check_particle("사드", rule.unknown + tail) in {None, rule.after_vowel + tail}
    assert check_particle("Pentagon", rule.after_vowel + tail) is None


def test_check_particles_reports_without_changing() -> None:
    text = "송영무 국방부 장관는 사드을 언급했다."
    spans = [(0, 10), (12, 14)]
    issues = check_particles(text, spans)
    assert [(i.word, i.found, i.expected, i.start, i.end, i.rule) for i in issues] == [
        ("송영무 국방부 장관", "는", "은", 10, 11, "은/는"),
        ("사드", "을", "를", 14, 15, "을/를"),
    ]


# --------------------------------------------------------------------------- repair_particles


def _spans(text: str, *terms: str) -> list[tuple[int, int]]:
    out = []
    for term in terms:
        start = text.index(term)
        out.append((start, start + len(term)))
    return out


REPAIRS = [
    ("issue-example", "송영무 국방부 장관는 말했다", ["송영무 국방부 장관"], "송영무 국방부 장관은 말했다"),
    (
        "two-terms",
        "짐 매티스과 송영무 국방부 장관를 만났다.",
        ["짐 매티스", "송영무 국방부 장관"],
        "짐 매티스와 송영무 국방부 장관을 만났다.",
    ),
    ("shorter", "북한은 서울으로 향하는 ICBM를 쐈다", ["서울", "ICBM"], "북한은 서울로 향하는 ICBM을 쐈다"),
    ("longer", "잠수함로 이동했다", ["잠수함"], "잠수함으로 이동했다"),
    ("gloss", "사드(THAAD)을 배치했다", ["사드", "THAAD"], "사드(THAAD)를 배치했다"),
    (
        "term-inside-gloss-untouched",
        "고고도미사일방어체계(사드)은 방어용이다",
        ["사드"],
        "고고도미사일방어체계(사드)은 방어용이다",
    ),
    ("quote", "'대륙간탄도미사일'를 발사", ["대륙간탄도미사일"], "'대륙간탄도미사일'을 발사"),
    ("copula", "이번 발사는 명백한 도발다.", ["도발"], "이번 발사는 명백한 도발이다."),
    ("copula-long-kept", "그는 국방부 차관보이며 전략가다.", ["국방부 차관보"], "그는 국방부 차관보이며 전략가다."),
    ("space-kept", "국방부 장관 는 말했다", ["국방부 장관"], "국방부 장관 는 말했다"),
    ("unknown-kept", "Pentagon는 밝혔다", ["Pentagon"], "Pentagon는 밝혔다"),
    ("not-a-particle", "국방부 장관이번 주", ["국방부 장관"], "국방부 장관이번 주"),
    ("not-a-particle-vowel", "사드이동식 발사대", ["사드"], "사드이동식 발사대"),
    ("tail", "국방부으로부터 받은 자료", ["국방부"], "국방부로부터 받은 자료"),
    ("no-spans", "국방부 장관는 말했다", [], "국방부 장관는 말했다"),
]


@pytest.mark.parametrize(("text", "terms", "expected"), [r[1:] for r in REPAIRS], ids=[r[0] for r in REPAIRS])
def test_repair_particles(text: str, terms: list[str], expected: str) -> None:
    spans = _spans(text, *terms)
    result = repair_particles(text, spans)
    assert result.text == expected
    assert result.changed is (expected != text)
    for (s, e), (ns, ne) in zip(spans, result.spans, strict=True):
        assert result.text[ns:ne] == text[s:e]


def test_repair_records_each_change_with_offsets() -> None:
    text = "북한은 서울으로 향하는 ICBM를 쐈다"
    result = repair_particles(text, _spans(text, "서울", "ICBM"))
    assert [(c.start, c.end, c.old, c.new, c.new_start, c.rule) for c in result.changes] == [
        (6, 8, "으로", "로", 6, "으로/로"),
        (17, 18, "를", "을", 16, "을/를"),
    ]
    assert result.spans == ((4, 6), (12, 16))


def test_repair_reports_unknown_readings() -> None:
    text = "Pentagon는 밝혔다"
    result = repair_particles(text, [(0, 8)])
    assert [(u.span, u.start, u.end, u.found) for u in result.unresolved] == [((0, 8), 8, 9, "는")]
    assert result.changes == ()


@pytest.mark.parametrize(
    ("text", "spans"),
    [("북한이란 관계", [(0, 2), (2, 4)]), ("중국가 발표", [(0, 2), (2, 3)]), ("중국가 발표", [(2, 3), (0, 2)])],
    ids=["iran-after-term", "term-looks-like-ga", "spans-unordered"],
)
def test_text_of_another_term_is_never_a_particle(text: str, spans: list[tuple[int, int]]) -> None:
    result = repair_particles(text, spans)
    assert result.text == text and result.changes == ()
    assert check_particles(text, spans) == ()


@pytest.mark.parametrize(
    "spans",
    [[(0, 99)], [(-1, 2)], [(3, 2)], [(0.0, 2)]],
    ids=["past-end", "negative", "reversed", "float"],
)
def test_repair_rejects_bad_spans(spans: list[tuple[int, int]]) -> None:
    with pytest.raises(ValueError, match="not inside the text"):
        repair_particles("국방부 장관는", spans)


# --------------------------------------------------------------------------- properties

hangul_words = st.lists(st.integers(0xAC00, 0xD7A3).map(chr), min_size=1, max_size=6).map("".join)
terms = st.one_of(
    hangul_words,
    st.sampled_from(["송영무 국방부 장관", "사드(THAAD)", "ICBM", "NLL", "F-35", "1,000", "500km", "iPhone", "'사드'"]),
    st.text(min_size=1, max_size=8),
)
every_form = sorted({f + t for r in RULES for f in r.forms for t in r.tails})
particles = st.one_of(st.sampled_from(every_form), st.text(max_size=4))
rules = st.sampled_from(RULES)


def _assert_only_particles_changed(text: str, spans: list[tuple[int, int]]) -> None:
    result = repair_particles(text, spans)
    # undo every change in the output: exactly the input comes back
    undone = result.text
    for c in reversed(result.changes):
        assert undone[c.new_start : c.new_start + len(c.new)] == c.new
        assert text[c.start : c.end] == c.old
        assert rule_for(c.old) is rule_for(c.new) is not None
        undone = undone[: c.new_start] + c.old + undone[c.new_start + len(c.new) :]
    assert undone == text
    assert len(result.text) - len(text) == sum(len(c.new) - len(c.old) for c in result.changes)
    for (s, e), (ns, ne) in zip(spans, result.spans, strict=True):
        assert result.text[ns:ne] == text[s:e]
    # repaired text is clean and a second repair changes nothing
    assert check_particles(result.text, result.spans) == ()
    assert repair_particles(result.text, result.spans).text == result.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=12), terms, particles, st.text(max_size=12))
def test_repair_changes_only_the_particle(prefix: str, term: str, particle: str, suffix: str) -> None:
    text = prefix + term + particle + suffix
    _assert_only_particles_changed(text, [(len(prefix), len(prefix) + len(term))])


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_repair_random_text_and_spans(data: st.DataObject) -> None:
    text = data.draw(st.text(max_size=40))
    bound = st.integers(0, len(text))
    pairs = data.draw(st.lists(st.tuples(bound, bound), max_size=5))
    spans = [(min(a, b), max(a, b)) for a, b in pairs]
    _assert_only_particles_changed(text, spans)


@settings(max_examples=200, deadline=None)
@given(terms, rules, st.data())
def test_attach_properties(word: str, rule: ko_particles.ParticleRule, data: st.DataObject) -> None:
    form = data.draw(st.sampled_from(rule.forms))
    result = attach(word, form)
    assert result.startswith(word)
    chosen = result[len(word) :]
    # whichever form is given, the answer is the same
    assert all(attach(word, other) == result for other in rule.forms)
    # feeding the chosen form back changes nothing
    assert attach(word, chosen) == result
    # what attach writes passes the checker and the repairer
    if rule.in_running_text:
        assert check_particle(word, chosen) is None
        assert repair_particles(result, [(0, len(word))]).text == result


@settings(max_examples=200, deadline=None)
@given(hangul_words, rules)
def test_attach_follows_the_final_consonant(word: str, rule: ko_particles.ParticleRule) -> None:
    last = word[-1]
    takes_consonant_form = has_final_consonant(last) and not (rule.rieul_takes_vowel_form and final_jamo(last) == "ㄹ")
    expected = rule.after_consonant if takes_consonant_form else rule.after_vowel
    assert particle_for(word, rule.after_vowel) == expected
    # the oracle agrees on every Hangul ending, except 이자 after a vowel (see "iza" above)
    theirs = "자" if rule.name == "이자" and not has_final_consonant(last) else expected
    assert tossi.postfix(word, rule.after_consonant)[len(word) :] == theirs


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text())
def test_random_unicode_never_crashes(word: str, following: str) -> None:
    assert isinstance(reading_of(word).final, Final)
    assert attach(word, following).startswith(word)
    check_particle(word, following)
    text = word + following
    result = repair_particles(text, [(0, len(word))])
    assert result.text[: len(word)] == word


# --------------------------------------------------------------------------- module hygiene


KO_MODULES = sorted(p.stem for p in Path(ko.__file__).parent.glob("*.py"))


@pytest.mark.parametrize("module", KO_MODULES)
def test_module_imports_only_light_stdlib(module: str) -> None:
    """termdesk.ko depends on the standard library and itself only (termdesk.errors at most)."""
    tree = ast.parse((Path(ko.__file__).parent / f"{module}.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(f"{'.' * node.level}{node.module or ''}")
    stdlib = {
        "__future__",
        "re",
        "unicodedata",
        "collections.abc",
        "dataclasses",
        "enum",
        "functools",
        "itertools",
        "typing",
    }
    siblings = {f".{m}" for m in KO_MODULES} | {"..errors"}
    assert imported <= stdlib | siblings


@pytest.mark.parametrize("module", [hangul, reading, ko_particles], ids=["hangul", "reading", "particles"])
def test_public_functions_are_annotated(module: object) -> None:
    for name in module.__all__:  # type: ignore[attr-defined]
        obj = getattr(module, name)
        if inspect.isfunction(obj):
            sig = inspect.signature(obj)
            assert sig.return_annotation is not inspect.Signature.empty, name
            assert all(p.annotation is not inspect.Parameter.empty for p in sig.parameters.values()), name


def test_records_are_frozen() -> None:
    result = repair_particles("국방부 장관는", [(0, 6)])
    with pytest.raises(AttributeError):
        result.text = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        result.changes[0].new = "는"  # type: ignore[misc]
