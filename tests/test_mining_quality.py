"""Issue 19, mining quality classes found on unseen official copy (benchmarks/data/mine_extra): every rule's
example is a test case."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.glossary import Entry, Glossary
from termdesk.mine import mine
from termdesk.mine.extract import (
    COMPOUND_PARTICIPLES,
    KEPT_MODIFIERS,
    capitalised_runs,
    merge_key,
    parse_title_run,
    split_connectors,
    tokens,
)
from termdesk.mine.quality import (
    COUNTRY_SPELLINGS,
    PERSON_SHAPE,
    KnownForms,
    compound_stripped,
    coordinated_titles,
    cut_at_possessive,
    is_bare_title,
    joined_compound,
    merge_same_term,
    nested_phrase,
    person_key,
    speaker_label,
    spelling_variants,
    title_name_of,
    with_region,
)
from termdesk.mine.result import Candidate


def _cand(canonical: str, *contexts: str, type_: str = "organization", freq: int = 0) -> Candidate:
    return Candidate(canonical, (), type_, freq or len(contexts), 1, 1.0, contexts, "new", "", ())


GLOSSARY = Glossary(
    [
        Entry(en="Jeong Kyeong-doo", ko="정경두", type="person"),
        Entry(en="Kim Seon-ho", ko="김선호", type="person"),
        Entry(
            en="United States-Japan-Republic of Korea Trilateral Ministerial Meeting",
            ko="한미일 국방장관회의",
            type="meeting",
        ),
        Entry(
            en="Commander of U.S. Forces Korea",
            ko="주한미군사령관",
            type="title",
            en_variants=("U.S. Forces Korea Commander",),
        ),
        Entry(en="U.N. Security Council resolution", ko="유엔 안전보장이사회 결의", type="document"),
        Entry(en="North Korea", ko="북한", type="place", en_variants=("Democratic People's Republic of Korea",)),
        Entry(en="U.S.-ROK Alliance", ko="한미동맹", type="concept"),
    ]
)


@pytest.mark.parametrize(
    ("form", "entry"),
    [
        pytest.param("Jeong Kyeongdoo", "Jeong Kyeong-doo", id="name-without-hyphen"),
        pytest.param("Kim Seon Ho", "Kim Seon-ho", id="name-in-three-parts"),
        pytest.param(
            "Trilateral Ministerial Meeting",
            "United States-Japan-Republic of Korea Trilateral Ministerial Meeting",
            id="country-compound-in-the-glossary",
        ),
        pytest.param("United States Forces Korea Commander", "Commander of U.S. Forces Korea", id="country-spelt-out"),
        pytest.param(
            "United Nations Security Council resolutions",
            "U.N. Security Council resolution",
            id="united-nations-spelt-out",
        ),
    ],
)
def test_known_forms(form: str, entry: str) -> None:
    type_ = "person" if entry in ("Jeong Kyeong-doo", "Kim Seon-ho") else "title"
    found = KnownForms(GLOSSARY).entry(_cand(form, type_=type_))
    assert found is not None and found.en == entry


def test_a_new_name_is_not_known() -> None:
    assert KnownForms(GLOSSARY).entry(_cand("Park Hanki", type_="person")) is None


def test_another_country_compound_is_not_known() -> None:
    meeting = _cand("U.S.-Japan Trilateral Ministerial Meeting", type_="meeting")
    assert KnownForms(GLOSSARY).entry(meeting) is None


def test_person_key() -> None:
    assert person_key("Jeong Kyeongdoo") == person_key("Jeong Kyeong-doo") == person_key("jeong kyeong doo")
    assert person_key("Chad J. McNeeley") == person_key("Chad McNeeley")


@pytest.mark.parametrize(
    ("form", "stripped"),
    [
        ("United States-Japan-Republic of Korea Trilateral Ministerial Meeting", "Trilateral Ministerial Meeting"),
        ("U.S.-ROK Integrated Defense Dialogue", "Integrated Defense Dialogue"),
        ("Trilateral Ministerial Meeting", ""),
        ("U.S.-ROK Alliance", ""),  # one word left: the compound is the name
    ],
)
def test_country_compound(form: str, stripped: str) -> None:
    assert compound_stripped(form) == stripped


@pytest.mark.parametrize(("long", "short"), COUNTRY_SPELLINGS, ids=[f"{a}->{b}" for a, b in COUNTRY_SPELLINGS])
def test_country_spelling_example(long: str, short: str) -> None:
    assert f"{short} Forces Korea" in spelling_variants(f"{long} Forces Korea")


def test_joined_compound() -> None:
    c = _cand("ROK Presidential Summit", "a:2: …as contained in the May 2022 U.S.-[ROK Presidential Summit] in Seoul.")
    assert joined_compound(c) == "U.S.-ROK Presidential Summit"
    alone = _cand("ROK Presidential Summit", "a:2: …at the [ROK Presidential Summit] in Seoul.")
    assert joined_compound(alone) == ""


@pytest.mark.parametrize(
    ("form", "coordinated"),
    [
        ("General Park Hanki and US Chairman of the Joint Chiefs of Staff", True),
        ("National Security Adviser Kim and Foreign Minister Yun", True),
        ("United States Forces Korea chief of staff and commander Eighth U.S. Army", True),
        ("United States Forces Korea and United Nations Command", True),
        ("Coordinator for Defense Policy and Arms Control at the NSC", False),
        ("Minister of Foreign Affairs and Trade", False),
    ],
)
def test_coordinated_titles(form: str, coordinated: bool) -> None:
    assert coordinated_titles(form) is coordinated


def test_cut_at_possessive() -> None:
    c = _cand("Democratic People", "a:5: …condemned the [Democratic People]'s Republic of Korea's unlawful ballistic…")
    assert cut_at_possessive(c, GLOSSARY) == "Democratic People's Republic of Korea"
    assert cut_at_possessive(_cand("Kim Jong-un", "a:5: …[Kim Jong-un]'s regime…"), GLOSSARY) == ""


def test_nested_phrase() -> None:
    short = _cand(
        "trilateral security",
        "a:7: …on extended deterrence and [trilateral security] cooperation.",
        "b:3: …efforts to enhance [trilateral security] exercises and address…",
    )
    cooperation = _cand("trilateral security cooperation", "a:7: …and [trilateral security cooperation].")
    exercises = _cand("trilateral security exercises", "b:3: …enhance [trilateral security exercises] and…")
    assert nested_phrase(short, [short, cooperation, exercises]) == "trilateral security cooperation"
    assert nested_phrase(short, [short, cooperation]) == ""  # once used outside it


@pytest.mark.parametrize(
    ("form", "bare"),
    [("Acting Minister", True), ("Acting Secretary of Defense", False), ("Sen.", True), ("Amb.", True)],
)
def test_acting_title_word_alone(form: str, bare: bool) -> None:
    assert is_bare_title(form) is bare


def test_region_form_of_a_place() -> None:
    c = _cand("Indo-Pacific", "a:9: …in Northeast Asia, the [Indo-Pacific] region, and beyond.", type_="place")
    assert "Indo-Pacific region" in with_region(c).forms
    assert with_region(_cand("Indo-Pacific", "a:3: …in the [Indo-Pacific].", type_="place")).forms == ("Indo-Pacific",)


def test_merge_same_term() -> None:
    a = _cand("Vice Foreign Minister", "a:1: x [Vice Foreign Minister] y", type_="title")
    b = _cand("Vice Foreign Minister", "b:1: x [Vice Foreign Minister] z", type_="title")
    merged = merge_same_term([a, b])
    assert len(merged) == 1 and merged[0].freq == 2


@pytest.mark.parametrize(("form", "person"), [("Chad J. McNeeley", True), ("Freedom Guardian", False)])
def test_person_shape(form: str, person: bool) -> None:
    assert bool(PERSON_SHAPE.match(form)) is person


def test_accent_folded() -> None:
    assert merge_key("Joint Communiqué") == merge_key("joint communique")
    assert merge_key("한미 동맹") == "한미 동맹"  # Hangul is never decomposed


def test_korean_name_in_three_parts_after_a_title() -> None:
    toks = tokens("Minister of National Defense Kim Seon Ho")
    tn = parse_title_run(toks)
    assert tn is not None and tn.name is not None
    assert " ".join(t.text for t in toks[tn.name[0] : tn.name[1]]) == "Kim Seon Ho"


def test_acting_is_kept() -> None:
    assert "Acting" in KEPT_MODIFIERS


ARTICLE = """Readout of a Call

By Jim Garamone, DOD NEWS

Secretary of Defense Lloyd J. Austin III spoke today with Republic of Korea (ROK) Acting Minister of National \
Defense Kim Seon-ho. The two discussed regional stability, daylong talks and courageous statecraft in the \
Indo-Pacific region. Japanese Vice Foreign Minister Saiki and Korean Vice Foreign Minister Lim joined them.
"""


@pytest.fixture(scope="module")
def mined(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Candidate]:
    folder: Path = tmp_path_factory.mktemp("mine")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = mine([str(folder / "a.txt")], glossary=GLOSSARY)
    return {f.casefold(): c for c in result.candidates for f in c.forms}


@pytest.mark.parametrize(
    ("form", "type_"),
    [
        ("jim garamone", "person"),
        ("dod news", "media"),
        ("acting minister of national defense", "title"),
        ("republic of korea (rok) acting minister of national defense", "title"),
        ("vice foreign minister", "title"),
    ],
)
def test_mined_whole(mined: dict[str, Candidate], form: str, type_: str) -> None:
    assert mined[form].type == type_


def test_country_prefixed_titles_are_one_candidate(mined: dict[str, Candidate]) -> None:
    c = mined["vice foreign minister"]
    assert c.canonical == "Vice Foreign Minister"
    assert {"Japanese Vice Foreign Minister", "Korean Vice Foreign Minister"} <= set(c.variants)


@pytest.mark.parametrize("form", ["regional stability", "daylong talks", "courageous statecraft"])
def test_generic_never_offered(mined: dict[str, Candidate], form: str) -> None:
    assert form not in mined


@pytest.mark.parametrize("word", sorted(COMPOUND_PARTICIPLES))
def test_hyphenated_participle_is_an_adjective(tmp_path: Path, word: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(f"Both sides affirmed the importance of the international rules-{word} order.\n", encoding="utf-8")
    forms = {x.casefold() for c in mine([str(f)]).candidates for x in c.forms}
    assert f"international rules-{word} order" in forms


@pytest.mark.parametrize(
    ("sentence", "run"),
    [
        pytest.param(
            "He met U.S. Acting Assistant Secretary of Defense for Space Policy John Plumb today.",
            "U.S. Acting Assistant Secretary of Defense for Space Policy John Plumb",
            id="for-after-an-of-complement",
        ),
        pytest.param(
            "He thanked the Coordinator for Defense Policy and Arms Control at the NSC.",
            "Coordinator for Defense Policy and Arms Control",
            id="portfolio-pair",
        ),
        pytest.param("He thanked Seoul for Japan's help.", "Seoul", id="for-without-a-title-splits"),
    ],
)
def test_long_titles_stay_whole(sentence: str, run: str) -> None:
    runs = [
        " ".join(t.text for t in r.toks) for raw in capitalised_runs(tokens(sentence)) for r in split_connectors(raw)
    ]
    assert run in runs


def test_no_name_after_and_in_a_title() -> None:
    toks = tokens("Coordinator for Defense Policy and Arms Control")
    tn = parse_title_run(toks)
    assert tn is not None and tn.name is None


LONG_TITLES = """Readout

Dr. Kurt Campbell, Coordinator for the Indo-Pacific at the U.S. National Security Council (NSC), met the \
Coordinator for Defense Policy and Arms Control at the NSC, Pranay Vaddi, and U.S. Acting Assistant Secretary of \
Defense for Space Policy John Plumb.
"""


@pytest.mark.parametrize(
    "form",
    [
        "coordinator for the indo-pacific at the u.s. national security council (nsc)",
        "coordinator for defense policy and arms control at the nsc",
        "acting assistant secretary of defense for space policy",
        "u.s. acting assistant secretary of defense for space policy",
        "u.s. national security council",
        "john plumb",
    ],
)
def test_long_titles_mined_whole(tmp_path: Path, form: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(LONG_TITLES, encoding="utf-8")
    forms = {x.casefold() for c in mine([str(f)]).candidates for x in c.forms}
    assert form in forms


def test_speaker_label() -> None:
    assert speaker_label(_cand("SECRETARY BLINKEN", "a:3: [SECRETARY BLINKEN]:  Well, good evening, everyone."))
    assert not speaker_label(_cand("DOD NEWS", "a:3: By Jim Garamone, [DOD NEWS]"))


@pytest.mark.parametrize(
    ("form", "person"),
    [
        ("President Yoon Suk Yeol of the Republic of Korea", "Yoon Suk Yeol"),
        ("Prime Minister Fumio Kishida of Japan", "Fumio Kishida"),
        ("Joint Study for the Future Defense Vision of the ROK", ""),
        ("Minister of National Defense", ""),
    ],
)
def test_title_name_of_country(form: str, person: str) -> None:
    assert title_name_of(form) == person


@pytest.mark.parametrize(
    "term",
    ["comprehensive strategic alliance", "full range of capabilities", "extended deterrence", "deterrent posture"],
)
def test_labelled_terms_pass_the_new_rules(term: str) -> None:
    from termdesk.mine.quality import generic_rule

    assert generic_rule(term) is None
