"""Term matching (termdesk.match): every rule is a named case with its example.

Glossaries: tests/data/match_terms.csv (one entry per rule) and
tests/data/match_titles.csv (titles and people for composition). One test builds
on the shipped glossary/ folder and checks the seed articles' must-find terms.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termdesk.glossary import Entry, load_glossary
from termdesk.match import (
    COMMANDER,
    COMMANDER_EXAMPLES,
    FLAG_PLURAL,
    FLAG_POSSESSIVE,
    FLAG_UNKNOWN_NAME,
    RANK_BEFORE_NAME,
    RANK_BEFORE_NAME_EXAMPLES,
    Match,
    Matcher,
    entry_surfaces,
    is_rank,
    normalise,
)

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
TERMS = load_glossary(DATA / "match_terms.csv")
TITLES = load_glossary(DATA / "match_titles.csv")
TERMS_MATCHER = Matcher.from_glossary(TERMS)
TITLES_MATCHER = Matcher.from_glossary(TITLES)

P, S, U = FLAG_PLURAL, FLAG_POSSESSIVE, FLAG_UNKNOWN_NAME


def found(matcher: Matcher, text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    out = []
    for m in matcher.find(text):
        assert text[m.start : m.end] == m.text
        out.append((m.text, m.ko, m.flags))
    return out


# --- one case per rule: (id, text, [(span text, ko, flags), ...] — every match, in order) -----

TERM_CASES = [
    ("canonical-form", "to strengthen extended deterrence today", [("extended deterrence", "확장억제", ())]),
    ("variant-acronym", "a THAAD battery", [("THAAD", "고고도미사일방어체계", ())]),
    ("sentence-initial-capital", "Extended deterrence was discussed.", [("Extended deterrence", "확장억제", ())]),
    ("all-caps-common-noun", "EXTENDED DETERRENCE", [("EXTENDED DETERRENCE", "확장억제", ())]),
    ("plural-s", "two B-1B bombers flew", [("B-1B bombers", "B-1B 폭격기", (P,))]),
    ("plural-acronym", "new ICBMs were shown", [("ICBMs", "대륙간탄도미사일", (P,))]),
    ("plural-es", "repeated missile launches", [("missile launches", "미사일 발사", (P,))]),
    ("plural-ies", "their security policies", [("security policies", "안보정책", (P,))]),
    ("plural-men", "1,000 servicemen", [("servicemen", "장병", (P,))]),
    ("possessive-straight", "the Defense Ministry's plan", [("Defense Ministry's", "국방부", (S,))]),
    ("possessive-curly", "the Defense Ministry’s plan", [("Defense Ministry’s", "국방부", (S,))]),
    ("possessive-backtick", "North Korea`s missile threats", [("North Korea`s", "북한", (S,))]),
    ("plural-possessive", "the B-1B bombers' base", [("B-1B bombers'", "B-1B 폭격기", (P, S))]),
    ("hyphen-form", "a pre-emptive strike", [("pre-emptive strike", "선제타격", ())]),
    ("hyphen-joined", "a preemptive strike", [("preemptive strike", "선제타격", ())]),
    ("hyphen-as-space", "a pre emptive strike", [("pre emptive strike", "선제타격", ())]),
    ("hyphen-en-dash", "a pre–emptive strike", [("pre–emptive strike", "선제타격", ())]),
    ("space-as-hyphen", "a ballistic-missile test", [("ballistic-missile", "탄도미사일", ())]),
    ("dotted-to-plain", "the US mainland", [("US mainland", "미 본토", ())]),
    ("plain-to-dotted", "the U.S. said", [("U.S.", "미국", ())]),
    ("dotted-form", "U.S. Forces Korea said", [("U.S. Forces Korea", "주한미군", ())]),
    ("undotted-org", "US Forces Korea said", [("US Forces Korea", "주한미군", ())]),
    ("acronym-case-sensitive", "the SCM in Seoul", [("SCM", "한미안보협의회의", ()), ("Seoul", "서울", ())]),
    ("acronym-lowercase-not-found", "the scm tool", []),
    ("acronym-titlecase-not-found", "Scm was", []),
    ("acronym-inside-word-not-found", "ASCMX and SCMA", []),
    ("acronym-before-hyphen", "SCM-related talks", [("SCM", "한미안보협의회의", ())]),
    ("acronym-possessive", "the SCM's agenda", [("SCM's", "한미안보협의회의", (S,))]),
    ("surname-case-sensitive", "a song about Song", [("Song", "송영무", ())]),
    ("person-no-plural", "the Songs", []),
    ("name-type-case-sensitive", "the ministry of national defense", []),
    (
        "override-case-insensitive",
        "the joint chiefs of staff and the jcs",
        [("joint chiefs of staff", "합동참모본부", ()), ("jcs", "합동참모본부", ())],
    ),
    ("override-case-sensitive", "Kill Chain, not kill chain", [("Kill Chain", "킬체인", ())]),
    ("curly-apostrophe-in-form", "the People’s Liberation Army", [("People’s Liberation Army", "인민해방군", ())]),
    ("leftmost-longest", "a ballistic missile guideline", [("ballistic missile guideline", "한미 미사일 지침", ())]),
    ("longest-fails-boundary", "the North Korean People's Army", [("Korean People's Army", "조선인민군", ())]),
    ("word-boundary-end", "a Seoulite", []),
    ("word-boundary-start", "ultraSeoul", []),
    ("line-break-inside-term", "extended\ndeterrence", [("extended\ndeterrence", "확장억제", ())]),
    (
        "quotes-around",
        "“THAAD” and 'THAAD'",
        [("THAAD", "고고도미사일방어체계", ()), ("THAAD", "고고도미사일방어체계", ())],
    ),
    (
        "parentheses",
        "(Terminal High Altitude Area Defense)",
        [("Terminal High Altitude Area Defense", "고고도미사일방어체계", ())],
    ),
    (
        "accent-in-text",
        "Herve Morin and Hervé Morin",
        [("Herve Morin", "에르베 모랭", ()), ("Hervé Morin", "에르베 모랭", ())],
    ),
    ("non-latin-letters-exact", "Đà Nẵng, not Xà Nẵng", [("Đà Nẵng", "다낭", ())]),
    ("variant-of-non-latin", "Da Nang", [("Da Nang", "다낭", ())]),
    ("hangul-around", "사드THAAD 사드 THAAD", [("THAAD", "고고도미사일방어체계", ())]),
    ("proposed-left-out", "a nuclear test", []),
    ("adjacent-terms", "Seoul North Korea", [("Seoul", "서울", ()), ("North Korea", "북한", ())]),
    ("possessive-then-term", "North Korea's Seoul", [("North Korea's", "북한", (S,)), ("Seoul", "서울", ())]),
    ("closing-quote-not-plural-possessive", "'strategic asset'", [("strategic asset", "전략자산", ())]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in TERM_CASES], ids=[c[0] for c in TERM_CASES])
def test_term_rules(text: str, expected: list[tuple[str, str, tuple[str, ...]]]) -> None:
    assert found(TERMS_MATCHER, text) == expected


def test_offsets_are_into_the_original_text() -> None:
    text = "“사드” 배치: the THAAD (Terminal High Altitude Area Defense) — Defense Ministry’s"
    got = [(m.start, m.end) for m in TERMS_MATCHER.find(text)]
    assert got == [
        (text.index("THAAD"), text.index("THAAD") + 5),
        (text.index("Terminal"), text.index(")")),
        (text.index("Defense Ministry"), len(text)),
    ]


def test_statuses_option_includes_proposed() -> None:
    matcher = Matcher.from_glossary(TERMS, statuses=("approved", "proposed"))
    assert found(matcher, "a nuclear test") == [("nuclear test", "핵실험", ())]


def test_empty_glossary_and_empty_text() -> None:
    assert Matcher.from_glossary([]).find("Defense Minister") == []
    assert TERMS_MATCHER.find("") == []


def test_match_record_fields() -> None:
    (m,) = TERMS_MATCHER.find("the THAAD battery")
    assert (m.start, m.end, m.text, m.en, m.type, m.entry_id, m.composed_of, m.flags, m.name_span) == (
        4,
        9,
        "THAAD",
        "Terminal High Altitude Area Defense",
        "weapon",
        "weapon:terminal-high-altitude-area-defense",
        (),
        (),
        None,
    )
    assert isinstance(m, Match) and m.entry is not None and m.entry.ko == m.ko


# --- title + person --------------------------------------------------------------------------

TITLE_CASES = [
    (
        "title-person",
        "Defense Minister Song Young-moo said",
        [("Defense Minister Song Young-moo", "송영무 국방부 장관", ())],
    ),
    (
        "us-title-person",
        "U.S. Secretary of Defense Ashton Carter is",
        [("U.S. Secretary of Defense Ashton Carter", "애슈턴 카터 미 국방장관", ())],
    ),
    (
        "variant-title-person",
        "South Korean Defense Minister Han Min-koo agreed",
        [("South Korean Defense Minister Han Min-koo", "한민구 국방부 장관", ())],
    ),
    (
        "lowercase-title",
        "defense minister Song Young-moo",
        [("defense minister Song Young-moo", "송영무 국방부 장관", ())],
    ),
    (
        "rank-apposition",
        "Gen. Martin Dempsey, chairman of the U.S. Joint Chiefs of Staff, is set",
        [("Gen. Martin Dempsey, chairman of the U.S. Joint Chiefs of Staff", "마틴 뎀프시 미 합참의장", ())],
    ),
    (
        "apposition-with-the",
        "Martin Dempsey, the chairman of the U.S. Joint Chiefs of Staff",
        [("Martin Dempsey, the chairman of the U.S. Joint Chiefs of Staff", "마틴 뎀프시 미 합참의장", ())],
    ),
    ("rank-only", "Gen. Martin Dempsey arrived", [("Gen. Martin Dempsey", "마틴 뎀프시 대장", ())]),
    (
        "post-then-rank",
        "USFK Commander Gen. Paul LaCamera said",
        [("USFK Commander Gen. Paul LaCamera", "폴 러캐머라 주한미군사령관", ())],
    ),
    (
        "two-posts",
        "acting President Prime Minister Han Duck-soo",
        [("acting President Prime Minister Han Duck-soo", "한덕수 대통령 권한대행 국무총리", ())],
    ),
    (
        "ambassador",
        "on the U.S. Ambassador to Seoul Mark Lippert, the",
        [("U.S. Ambassador to Seoul Mark Lippert", "마크 리퍼트 주한 미국대사", ())],
    ),
    (
        "person-possessive",
        "Defense Minister Song Young-moo's visit",
        [("Defense Minister Song Young-moo's", "송영무 국방부 장관", (S,))],
    ),
    (
        "line-wrap-between",
        "Defense Minister\nSong Young-moo",
        [("Defense Minister\nSong Young-moo", "송영무 국방부 장관", ())],
    ),
    (
        "blank-line-between",
        "Defense Minister\n\nSong Young-moo",
        [("Defense Minister", "국방부 장관", ()), ("Song Young-moo", "송영무", ())],
    ),
    ("unknown-name", "Defense Minister Lee Sang-hee said", [("Defense Minister", "국방부 장관", (U,))]),
    ("unknown-name-stops-at-stopword", "President Moon On Monday", [("President", "대통령", (U,))]),
    ("no-name-after-title", "the Defense Minister said", [("Defense Minister", "국방부 장관", ())]),
    ("title-before-stopword", "Defense Minister The", [("Defense Minister", "국방부 장관", ())]),
    (
        "title-before-acronym",
        "Defense Secretary USFK",
        [("Defense Secretary", "미 국방장관", ()), ("USFK", "주한미군", ())],
    ),
    (
        "list-not-apposition",
        "Lloyd Austin, Defense Minister Song Young-moo and",
        [("Lloyd Austin", "로이드 오스틴", ()), ("Defense Minister Song Young-moo", "송영무 국방부 장관", ())],
    ),
    (
        "list-unknown-name",
        "Lloyd Austin, Defense Minister Lee Sang-hee",
        [("Lloyd Austin", "로이드 오스틴", ()), ("Defense Minister", "국방부 장관", (U,))],
    ),
    (
        "title-comma-person",
        "Defense Minister, Song Young-moo",
        [("Defense Minister", "국방부 장관", ()), ("Song Young-moo", "송영무", ())],
    ),
    (
        "possessive-title",
        "the Defense Minister's Song Young-moo",
        [("Defense Minister's", "국방부 장관", (S,)), ("Song Young-moo", "송영무", ())],
    ),
    (
        "organization-not-title",
        "U.S. Forces Korea Paul LaCamera",
        [("U.S. Forces Korea", "주한미군", ()), ("Paul LaCamera", "폴 러캐머라", ())],
    ),
    (
        "ousted-president",
        "ousted President Park Geun-hye discussed",
        [("President Park Geun-hye", "박근혜 대통령", ())],
    ),
    ("rank-case-sensitive", "gen. Martin Dempsey", [("Martin Dempsey", "마틴 뎀프시", ())]),
    ("multiword-rank", "Lt. Gen. Paul LaCamera", [("Lt. Gen. Paul LaCamera", "폴 러캐머라 중장", ())]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in TITLE_CASES], ids=[c[0] for c in TITLE_CASES])
def test_title_person(text: str, expected: list[tuple[str, str, tuple[str, ...]]]) -> None:
    assert found(TITLES_MATCHER, text) == expected


def test_composed_parts_and_entry() -> None:
    text = "Gen. Martin Dempsey, chairman of the U.S. Joint Chiefs of Staff, is"
    (m,) = TITLES_MATCHER.find(text)
    assert [(p.text, p.ko, p.type) for p in m.composed_of] == [
        ("Gen.", "대장", "title"),
        ("Martin Dempsey", "마틴 뎀프시", "person"),
        ("chairman of the U.S. Joint Chiefs of Staff", "미 합참의장", "title"),
    ]
    assert m.entry is not None and m.entry.id == "person:martin-dempsey" and m.type == "person"
    assert m.en == "Gen. Martin Dempsey, Chairman of the U.S. Joint Chiefs of Staff"
    assert m.entry_ids == ("title:gen", "person:martin-dempsey", "title:chairman-of-the-us-joint-chiefs-of-staff")
    assert all(text[p.start : p.end] == p.text for p in m.composed_of)


def test_unknown_name_span() -> None:
    text = "Defense Minister Lee Sang-hee said"
    (m,) = TITLES_MATCHER.find(text)
    assert m.name_span is not None and text[m.name_span[0] : m.name_span[1]] == "Lee Sang-hee"
    assert (m.start, m.end, m.composed_of) == (0, 16, ())


RANKS = [
    ("Gen.", True),
    ("Lt. Gen.", True),
    ("Rear Adm.", True),
    ("Marshal", True),
    ("Vice Marshal", True),
    ("Vice Defense Minister", False),
    ("President", False),
]


@pytest.mark.parametrize(("en", "rank"), RANKS, ids=[r[0] for r in RANKS])
def test_is_rank(en: str, rank: bool) -> None:
    assert is_rank(Entry(en=en, ko="대장", type="title")) is rank


NORMALISE = [
    ("curly-apostrophe", "Defense Ministry’s", "defense ministry s"),
    ("dashes-and-dots", "U.S.–ROK", "u s  rok"),
    ("accent", "Hervé", "herve"),
    ("hangul-placeholder", "사드", "\x01\x01"),
    ("dotted-capital-i", "İstanbul", "istanbul"),
]


@pytest.mark.parametrize(("text", "expected"), [n[1:] for n in NORMALISE], ids=[n[0] for n in NORMALISE])
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


# --- the shipped glossary finds the seed articles' terms --------------------------------------

SEED_000 = ROOT / "seeds" / "000_3a1915af7316e843.txt"
SEED_004 = ROOT / "seeds" / "004_2e85c4d7cdd52abf.txt"
#: (seed, exact span text, expected Korean or None when any approved rendering will do)
MUST_FIND = [
    (SEED_000, "South Korea", None),
    (SEED_000, "United States", None),
    (SEED_000, "North Korea's", None),
    (SEED_000, "Jim Mattis", None),
    (SEED_000, "Security Consultative Meeting", None),
    (SEED_000, "South Korean Defense Minister Song Young-moo", "송영무 국방부 장관"),
    (SEED_000, "intercontinental ballistic missile", None),
    (SEED_000, "extended deterrence", None),
    (SEED_000, "Korea-US Integrated Defense Dialogue", None),
    (SEED_000, "SCM", None),
    (SEED_000, "ousted President Park Geun-hye", "박근혜 전 대통령"),
    (SEED_000, "Extended Deterrence Strategy and Consultation Group", None),
    (SEED_000, "B-1B bombers", None),
    (SEED_000, "Yonhap", None),
    (SEED_004, "U.S. Secretary of Defense Ashton Carter", "애슈턴 카터 미국 국방장관"),
    (SEED_004, "South Korean Defense Minister Han Min-koo", "한민구 국방부 장관"),
    (SEED_004, "U.S. Ambassador to Seoul Mark Lippert", "마크 리퍼트 주한 미국대사"),
    (SEED_004, "Gen. Martin Dempsey, chairman of the U.S. Joint Chiefs of Staff", "마틴 뎀프시 미국 합참의장"),
    (SEED_004, "THAAD", None),
    (SEED_004, "Terminal High Altitude Area Defense", None),
    (SEED_004, "pre-emptive strike", None),
    (SEED_004, "Defense Department", None),
    (SEED_004, "ballistic missile", None),
    (SEED_004, "U.S.", None),
    (SEED_004, "Japan", None),
    (SEED_004, "China", None),
    (SEED_004, "Russia", None),
]


@pytest.fixture(scope="module")
def shipped() -> Matcher:
    return Matcher.from_glossary(load_glossary(ROOT / "glossary"))


@pytest.mark.parametrize(("seed", "surface", "ko"), MUST_FIND, ids=[f"{s.name[:3]}:{t}" for s, t, _ in MUST_FIND])
def test_shipped_glossary_finds_seed_terms(shipped: Matcher, seed: Path, surface: str, ko: str | None) -> None:
    text = seed.read_text(encoding="utf-8")
    assert surface in text
    hits = [m for m in shipped.find(text) if m.text == surface]
    assert hits, f"{surface!r} not found in {seed.name}"
    if ko is not None:
        assert {m.ko for m in hits} == {ko}


def test_seed_unknown_spelling_is_flagged(shipped: Matcher) -> None:
    """The 000 seed spells the minister 'Song Myoung-moo' once: found as a title, the name flagged or composed."""
    text = SEED_000.read_text(encoding="utf-8")
    at = text.index("Defense Minister Song Myoung-moo")
    (m,) = [m for m in shipped.find(text) if m.start == at]
    assert (
        m.ko == "송영무 국방부 장관"
        if m.composed_of
        else (FLAG_UNKNOWN_NAME in m.flags and text[m.name_span[0] : m.name_span[1]] == "Song Myoung-moo")
    )  # type: ignore[index]


# --- properties --------------------------------------------------------------------------------

ALL_ENTRIES = [*TERMS, *TITLES]
SURFACES = sorted({s for e in ALL_ENTRIES for s in entry_surfaces(e)})
FILLER = [
    "the",
    "and",
    "said",
    ",",
    ".",
    " ",
    "\n",
    "’",
    "'",
    "-",
    "—",
    "s",
    "Song",
    "song",
    "US",
    "Gen.",
    "사드",
    "é",
    "(",
    ")",
]


def _texts() -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(SURFACES), st.sampled_from(FILLER), st.text(max_size=4))
    return st.lists(piece, max_size=12).flatmap(
        lambda ps: st.lists(st.sampled_from(["", " ", "  ", "\n"]), min_size=len(ps), max_size=len(ps)).map(
            lambda seps: "".join(p + s for p, s in zip(ps, seps, strict=False))
        )
    )


def _check_invariants(matcher: Matcher, text: str) -> None:
    matches = matcher.find(text)
    prev_end = 0
    for m in matches:
        assert prev_end <= m.start < m.end <= len(text)
        prev_end = m.end
        assert text[m.start : m.end] == m.text
        parts = m.composed_of or (m,)
        for p in parts:
            assert m.start <= p.start < p.end <= m.end and text[p.start : p.end] == p.text
            assert p.entry is not None
            assert normalise(p.text) in {normalise(s) for s in entry_surfaces(p.entry)}, (p.text, p.entry.en)
        if m.name_span is not None:
            assert FLAG_UNKNOWN_NAME in m.flags and m.end < m.name_span[0] < m.name_span[1] <= len(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts())
def test_property_terms(text: str) -> None:
    _check_invariants(TERMS_MATCHER, text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts())
def test_property_titles(text: str) -> None:
    _check_invariants(TITLES_MATCHER, text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_property_random_unicode_never_crashes(text: str) -> None:
    _check_invariants(TERMS_MATCHER, text)
    _check_invariants(TITLES_MATCHER, text)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([e for e in ALL_ENTRIES if e.status == "approved"]), st.data())
def test_property_every_surface_is_found_alone(entry: Entry, data: st.DataObject) -> None:
    """A generated surface form between spaces is found, whole, as its own entry (or one with the same Korean)."""
    surface = data.draw(st.sampled_from(sorted(entry_surfaces(entry))))
    matcher = TERMS_MATCHER if entry in TERMS.entries else TITLES_MATCHER
    text = f"x {surface} x"
    matches = matcher.find(text)
    assert [(m.start, m.end) for m in matches] == [(2, 2 + len(surface))], (surface, matches)
    assert matches[0].ko == entry.ko


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts())
def test_property_fast_scan_equals_exhaustive_scan(text: str) -> None:
    """The iter_long scan with its fallback picks exactly what the all-candidates greedy picks."""
    from termdesk.match import _fold

    for matcher in (TERMS_MATCHER, TITLES_MATCHER):
        folded = " " + _fold(text) + "   "
        fast = [(m.start, m.end) for m in matcher._scan(text, folded)[0]]
        slow = [(s, e) for s, e, _, _ in matcher._window(text, folded, 0, len(text) + 1, len(text))]
        assert fast == slow


@pytest.mark.parametrize(("text", "rank"), RANK_BEFORE_NAME_EXAMPLES, ids=[t for t, _ in RANK_BEFORE_NAME_EXAMPLES])
def test_rank_before_name_table(text: str, rank: bool) -> None:
    assert (re.fullmatch(RANK_BEFORE_NAME, text) is not None) is rank


@pytest.mark.parametrize(("text", "commander"), COMMANDER_EXAMPLES, ids=[t for t, _ in COMMANDER_EXAMPLES])
def test_commander_table(text: str, commander: bool) -> None:
    assert (re.fullmatch(COMMANDER, text) is not None) is commander


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("The 25th FS flew.", False, id="unit-abbreviation-after-an-ordinal"),
        pytest.param("The 51 FS flew.", False, id="unit-abbreviation-after-a-number"),
        pytest.param("During FS drills the allies trained.", True, id="the-acronym-itself"),
    ],
)
def test_unit_abbreviation_is_not_the_glossary_acronym(text: str, found: bool) -> None:
    from termdesk.glossary import Entry, Glossary
    from termdesk.match import Matcher

    m = Matcher.from_glossary(
        Glossary([Entry(en="Freedom Shield", ko="자유의 방패", type="exercise", en_variants=("FS",))])
    )
    assert bool(m.find(text)) is found
