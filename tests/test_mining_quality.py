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
    [
        ("Acting Minister", True),
        ("Acting Secretary of Defense", False),
        ("Sen.", True),
        ("Amb.", True),
    ],
)
def test_acting_title_word_alone(form: str, bare: bool) -> None:
    assert is_bare_title(form) is bare


@pytest.mark.parametrize(
    ("form", "bare"),
    [
        pytest.param("Deputy Minister", True, id="graded-minister-without-portfolio"),
        pytest.param("Under Secretary", True, id="graded-secretary-without-portfolio"),
        pytest.param("Principal Deputy Assistant Secretary", True, id="many-grades"),
        pytest.param("Deputy Spokesperson", False, id="graded-spokesperson-is-a-post"),
        pytest.param("Vice Foreign Minister", False, id="portfolio-word-inside"),
        pytest.param("Deputy Minister for National Defense Policy", False, id="with-its-portfolio"),
        pytest.param("Minister", False, id="one-word-is-is_bare_titles-case"),
    ],
)
def test_graded_bare_title(form: str, bare: bool) -> None:
    from termdesk.mine.quality import graded_bare_title

    assert graded_bare_title(form) is bare


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
        ("republic of korea acting minister of national defense", "title"),  # the country's (ROK) no part of it
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
        pytest.param("They met at the G7 Summit in Hiroshima.", "G7 Summit", id="group-of-countries"),
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


# --------------------------------------------------------------------------- mine20: classes from heldout/heldout2/extra

GLOSSARY2 = Glossary(
    [
        Entry(en="Foreign Minister", ko="외교부 장관", type="title", en_variants=("Minister of Foreign Affairs",)),
        Entry(en="Secretary of State", ko="국무장관", type="title"),
        Entry(en="Deputy Secretary of Defense", ko="미국 국방부 부장관", type="title"),
        Entry(en="Deputy Secretary of State", ko="미국 국무부 부장관", type="title"),
        Entry(en="Vice Minister of Unification", ko="통일부 차관", type="title"),
        Entry(
            en="Deputy Minister for National Defense Policy",
            ko="국방부 국방정책실장",
            type="title",
        ),
        Entry(en="Jeong Kyeong-doo", ko="정경두", type="person"),
        Entry(en="Song Young-moo", ko="송영무", type="person"),
        Entry(en="Dong Maeng", ko="동맹 연습", type="exercise"),
        Entry(en="U.S. Forces Korea Commander", ko="주한미군사령관", type="title"),
        Entry(en="provocation", ko="도발", type="concept", en_variants=("provocative acts",)),
        Entry(
            en="defense ministers' talks",
            ko="국방장관 회담",
            type="meeting",
            en_variants=("defense ministerial talks",),
        ),
        Entry(en="extended deterrence", ko="확장억제", type="concept"),
        Entry(en="alliance", ko="동맹", type="concept"),
        Entry(en="deterrence", ko="억제", type="concept"),
    ]
)


@pytest.mark.parametrize(
    ("form", "type_", "entry"),
    [
        pytest.param("Foreign Minister of Japan", "title", "Foreign Minister", id="post-of-country"),
        pytest.param(
            "Foreign Minister of the Republic of Korea", "title", "Foreign Minister", id="post-of-the-country"
        ),
        pytest.param(
            "Secretary of State of the United States of America", "title", "Secretary of State", id="post-of-usa"
        ),
        pytest.param("Foreign Minister for the ROK", "title", "Foreign Minister", id="post-for-the-country"),
        pytest.param("Jeong Keyong-doo", "person", "Jeong Kyeong-doo", id="person-letters-swapped"),
        pytest.param("Dongmaeng", "place", "Dong Maeng", id="name-run-together"),
        pytest.param("US Force Korea Commander", "title", "U.S. Forces Korea Commander", id="title-one-letter-off"),
        pytest.param("provocative actions", "concept", "provocation", id="head-synonym-actions"),
        pytest.param("defense ministerial meeting", "meeting", "defense ministers' talks", id="head-synonym-meeting"),
    ],
)
def test_known_forms_mine20(form: str, type_: str, entry: str) -> None:
    found = KnownForms(GLOSSARY2).entry(_cand(form, type_=type_))
    assert found is not None and found.en == entry


@pytest.mark.parametrize(
    "form",
    [
        pytest.param("Jeong Kyeong-ho", id="another-given-name"),
        pytest.param("Kim Yong", id="short-name"),
        pytest.param("Song Young-soo", id="a-consonant-changed"),
    ],
)
def test_other_people_are_not_misspellings(form: str) -> None:
    assert KnownForms(GLOSSARY2).entry(_cand(form, type_="person")) is None


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("jeongkeyongdoo", "jeongkyeongdoo", True),
        ("songmyoungmoo", "songyoungmoo", True),
        ("usforcekoreacommander", "usforceskoreacommander", True),
        ("abc", "abc", False),
        ("kimyonghyun", "kimyongsoo", False),
        ("songyoungsoo", "songyoungmoo", False),
        ("kimyonghyun", "kimyonghyon", True),
    ],
)
def test_one_edit(a: str, b: str, one: bool) -> None:
    from termdesk.mine.quality import _one_edit

    assert _one_edit(a, b) is one


@pytest.mark.parametrize(
    ("form", "ambiguous"),
    [("Deputy Secretary", True), ("Vice Minister", False), ("Secretary", False), ("Deputy Minister", False)],
)
def test_ambiguous_short_title(form: str, ambiguous: bool) -> None:
    assert KnownForms(GLOSSARY2).ambiguous_stem(form) is ambiguous


def test_ambiguous_short_title_tied_to_the_one_in_the_batch() -> None:
    known = KnownForms(GLOSSARY2)
    state = next(e for e in GLOSSARY2 if e.en == "Deputy Secretary of State")
    found = known.stem_in_batch("Deputy Secretary", frozenset({state.id}))
    assert found is not None and found.en == "Deputy Secretary of State"
    assert known.stem_in_batch("Deputy Secretary", frozenset()) is None


@pytest.mark.parametrize(
    ("form", "portfolio"),
    [
        pytest.param("foreign affairs", True, id="minister-of-foreign-affairs"),
        pytest.param("Defense Policy", True, id="tail-of-national-defense-policy"),
        pytest.param("National Defense Policy", True, id="whole-portfolio"),
        pytest.param("Deputy Minister", False, id="the-title-itself"),
        pytest.param("combined defense", False, id="not-after-of"),
    ],
)
def test_portfolio_of_a_known_title(form: str, portfolio: bool) -> None:
    assert KnownForms(GLOSSARY2).portfolio(form) is portfolio


@pytest.mark.parametrize(
    ("form", "post"),
    [
        ("Foreign Minister of Japan", "Foreign Minister"),
        ("Secretary of State of the United States of America", "Secretary of State"),
        ("Minister of National Defense", ""),
        ("Security Council of the United Nations", ""),
    ],
)
def test_country_suffix_stripped(form: str, post: str) -> None:
    from termdesk.mine.quality import country_suffix_stripped

    assert country_suffix_stripped(form) == post


@pytest.mark.parametrize(
    ("form", "tail"),
    [
        pytest.param("Pentagon Press Secretary Navy", "Pentagon Press Secretary", id="service-word"),
        pytest.param("Foreign Minister Park", "", id="surname"),
        pytest.param("Secretary of Defense Spokesperson", None, id="ends-on-a-title-head"),
        pytest.param("Commander Naval Forces Korea", None, id="a-body"),
        pytest.param("Minister Counselor", None, id="two-words"),
    ],
)
def test_title_tail(form: str, tail: str | None) -> None:
    from termdesk.mine.quality import title_tail

    assert title_tail(form) == tail


@pytest.mark.parametrize(
    ("form", "name"),
    [
        ("Meeting Unilateral Press Statement", "Unilateral Press Statement"),
        ("Summit for Democracy", ""),
        ("Joint Press Statement", ""),
    ],
)
def test_leading_head(form: str, name: str) -> None:
    from termdesk.mine.quality import leading_head

    assert leading_head(form) == name


@pytest.mark.parametrize(
    ("phrase", "rest"),
    [
        ("security of critical supply chains", "critical supply chains"),
        ("importance of trilateral cooperation", "trilateral cooperation"),
        ("use of ballistic missile", "ballistic missile"),
        ("full range of capabilities", ""),
        ("use of force", ""),
    ],
)
def test_procedural_of(phrase: str, rest: str) -> None:
    from termdesk.mine.quality import procedural_of

    assert procedural_of(phrase) == rest


@pytest.mark.parametrize(
    ("phrase", "word"),
    [("global nonproliferation", "nonproliferation"), ("international community", ""), ("regional vision", "")],
)
def test_scope_stripped(phrase: str, word: str) -> None:
    from termdesk.mine.quality import scope_stripped

    assert scope_stripped(phrase) == word


@pytest.mark.parametrize(
    ("phrase", "generic"),
    [
        ("increased domestic repression", True),
        ("unmatched military strength", True),
        ("reckless actions", True),
        ("deepest condolences", True),
        ("destabilizing effect", True),
        ("extended deterrence commitment", False),  # extended is a word of the beat
        ("combined defense", False),
    ],
)
def test_inflected_modifier(phrase: str, generic: bool) -> None:
    from termdesk.mine.quality import beat_vocabulary, inflected_modifier

    beat = beat_vocabulary(GLOSSARY2) | {"combined"}
    assert inflected_modifier(phrase, beat) is generic


@pytest.mark.parametrize(
    ("phrase", "composed"),
    [("alliance deterrence", True), ("extended deterrence", False), ("combined defense", False)],
)
def test_two_known_terms(phrase: str, composed: bool) -> None:
    from termdesk.mine.quality import two_known_terms

    assert two_known_terms(phrase, GLOSSARY2) is composed


@pytest.mark.parametrize(
    ("phrase", "base"),
    [
        ("extended deterrence capabilities", "extended deterrence"),
        ("extended deterrence cooperation", "extended deterrence"),
    ],
)
def test_known_plus_generic_head(phrase: str, base: str) -> None:
    from termdesk.mine.quality import known_plus_head

    assert known_plus_head(phrase, GLOSSARY2) == base


@pytest.mark.parametrize(
    ("form", "alone"),
    [("U.S.-ROK-Japan", True), ("ROK-Japan", True), ("U.S.-ROK Alliance", False), ("Indo-Pacific", False)],
)
def test_country_compound_alone(form: str, alone: bool) -> None:
    from termdesk.mine.quality import country_compound_alone

    assert country_compound_alone(form) is alone


@pytest.mark.parametrize(
    ("form", "region"), [("Northeast Asia", True), ("Southeast Asia", True), ("North Korea", False)]
)
def test_compass_region(form: str, region: bool) -> None:
    from termdesk.mine.article import compass_region

    assert compass_region(form.split()) is region


@pytest.mark.parametrize(
    ("form", "cut"),
    [("combined defense posture consistent", True), ("international law prevails", True), ("joint readiness", False)],
)
def test_cut_out_of_a_clause(form: str, cut: bool) -> None:
    from termdesk.mine.quality import crosses_a_clause

    assert crosses_a_clause(form) is cut


@pytest.mark.parametrize(
    "term",
    [
        "military response",
        "combined defense",
        "nuclear device",
        "trilateral cooperation",
        "extended deterrence commitment",
        "regional vision",
        "international community",
        "critical supply chains",
        "defense industrial base",
    ],
)
def test_labelled_terms_pass_the_mine20_rules(term: str) -> None:
    from termdesk.mine.quality import generic_rule

    assert generic_rule(term) is None


MINE20_ARTICLE = """Readout of a Meeting

Foreign Minister of Japan Kamikawa Yoko met Foreign Minister Park in Rio de Janeiro. Pentagon Press Secretary Navy \
Rear Adm. John Doe said peace in Northeast Asia matters. The Deputy Secretary of State spoke; the Deputy Secretary \
then left. Jeong Keyong-doo spoke of the global nonproliferation regime and of global nonproliferation.
"""


@pytest.fixture(scope="module")
def mined20(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Candidate]:
    folder: Path = tmp_path_factory.mktemp("mine20")
    (folder / "a.txt").write_text(MINE20_ARTICLE, encoding="utf-8")
    result = mine([str(folder / "a.txt")], glossary=GLOSSARY2)
    return {f.casefold(): c for c in result.candidates for f in c.forms}


@pytest.mark.parametrize(
    ("form", "status"),
    [
        ("foreign minister of japan", "variant-of-known"),
        ("jeong keyong-doo", "variant-of-known"),
        ("deputy secretary", "variant-of-known"),
        ("rio de janeiro", "new"),
        ("northeast asia", "new"),
    ],
)
def test_mine20_statuses(mined20: dict[str, Candidate], form: str, status: str) -> None:
    assert mined20[form].status == status


@pytest.mark.parametrize(
    "form",
    ["foreign minister park", "pentagon press secretary navy", "rio", "janeiro"],
)
def test_mine20_never_offered(mined20: dict[str, Candidate], form: str) -> None:
    assert form not in mined20


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("U.S.-DPRK Summit", "North Korea-U.S. summit", id="order-and-spelling"),
        pytest.param("ROK–US Alliance", "U.S.-ROK Alliance", id="dash-and-order"),
    ],
)
def test_compound_key_same(a: str, b: str) -> None:
    from termdesk.mine.quality import compound_key

    assert compound_key(a) and compound_key(a) == compound_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("U.S.-Japan Mutual Defense Treaty", "U.S.-ROK Mutual Defense Treaty", id="other-country"),
        pytest.param("Indo-Pacific Command", "U.S. Indo-Pacific Command", id="no-compound"),
    ],
)
def test_compound_key_different(a: str, b: str) -> None:
    from termdesk.mine.quality import compound_key

    assert compound_key(a) != compound_key(b) or not compound_key(a)


def test_inside_a_portfolio() -> None:
    glossary = Glossary(
        [Entry(en="Assistant Secretary of Defense for Asian and Pacific Security Affairs", ko="x", type="title")]
    )
    known = KnownForms(glossary)
    inside = _cand(
        "Pacific", "a:7: …secretary of defense for Asian and [Pacific] security affairs; Yoo…", type_="place"
    )
    alone = _cand("Pacific", "a:3: …across the [Pacific] and beyond.", type_="place")
    from termdesk.mine.quality import inside_a_portfolio

    assert inside_a_portfolio(inside, known.portfolios)
    assert not inside_a_portfolio(alone, known.portfolios)


@pytest.mark.parametrize(
    ("context", "cut"),
    [
        ("a:7: …Yoo Jeh-seung, South Korea’s [deputy defense minister] for policy; and…", True),
        ("a:7: …met the [deputy defense minister] on Monday.", False),
    ],
)
def test_cut_before_complement(context: str, cut: bool) -> None:
    from termdesk.mine.quality import cut_before_complement

    assert cut_before_complement(_cand("deputy defense minister", context, type_="title")) is cut


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        pytest.param("They noted the ROK's New Southern Policy with care.", "new southern policy", id="new-policy"),
        pytest.param("The U.S. reaffirmed peace in Northeast Asia today.", "northeast asia", id="compass-region"),
    ],
)
def test_names_kept_whole(tmp_path: Path, sentence: str, name: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(f"Readout\n\n{sentence}\n", encoding="utf-8")
    forms = {x.casefold() for c in mine([str(f)]).candidates for x in c.forms}
    assert name in forms


def test_phrase_after_security_of_is_offered(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Readout\n\nThey discussed the security of critical supply chains.\n", encoding="utf-8")
    forms = {x.casefold() for c in mine([str(f)], glossary=GLOSSARY2).candidates for x in c.forms}
    assert "critical supply chains" in forms


def test_right_compound() -> None:
    from termdesk.mine.quality import right_compound

    c = _cand(
        "Joint Study for the Future Defense Vision of the ROK",
        "a:2: …results of the [Joint Study for the Future Defense Vision of the ROK]–US Alliance regarding future…",
    )
    assert right_compound(c) == "Joint Study for the Future Defense Vision of the ROK–US Alliance"
    alone = _cand("Minister of the ROK", "a:2: …the [Minister of the ROK] said…")
    assert right_compound(alone) == ""


@pytest.mark.parametrize(
    ("form", "type_"),
    [
        ("Joint Study for the Future Defense Vision of the ROK–US Alliance", "document"),
        ("Summit for Democracy", "meeting"),
        ("Full Operational Capability", "concept"),
    ],
)
def test_head_before_for(form: str, type_: str) -> None:
    from termdesk.mine.quality import head_type

    assert head_type(form) == type_


@pytest.mark.parametrize(
    ("context", "cut"),
    [
        ("a:5: …progress on U.S.-ROK-Japan [trilateral security] cooperation and emphasized…", True),
        ("a:5: …the importance of [trilateral security] in the region.", False),
        ("a:5: …progress on [trilateral security] Cooperation Day.", False),
    ],
)
def test_cut_before_head(context: str, cut: bool) -> None:
    from termdesk.mine.quality import cut_before_head

    assert cut_before_head(_cand("trilateral security", context, type_="concept")) is cut


@pytest.mark.parametrize(
    ("phrase", "general"),
    [("shared values", True), ("non-permanent member", False), ("security values", False)],
)
def test_general_english_hyphenated(phrase: str, general: bool) -> None:
    from termdesk.mine.quality import beat_vocabulary, general_english

    assert general_english(phrase, beat_vocabulary(GLOSSARY2) | {"security"}) is general


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        pytest.param("They met after the foreign ministers' meeting in Rio.", "foreign ministers' meeting", id="ascii"),
        pytest.param("They met after the foreign ministers’ meeting in Rio.", "foreign ministers’ meeting", id="curly"),
    ],
)
def test_plural_possessive_in_a_phrase(tmp_path: Path, sentence: str, phrase: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(f"Readout\n\n{sentence}\n", encoding="utf-8")
    forms = {merge_key(x) for c in mine([str(f)]).candidates for x in c.forms}
    assert merge_key(phrase) in forms


@pytest.mark.parametrize(
    ("form", "context", "person"),
    [
        pytest.param(
            "Satoshi Maeda", "a:7: …and [Satoshi Maeda], Japan’s director general for defense…", True, id="post"
        ),
        pytest.param(
            "Kelly Magsamen", "a:7: [Kelly Magsamen], performing the duties of assistant secretary…", True, id="duties"
        ),
        pytest.param(
            "Lockheed Martin", "a:7: …by [Lockheed Martin], the contractor that builds it.", False, id="no-post"
        ),
        pytest.param("Joint Staff", "a:7: …the [Joint Staff], whose director spoke…", False, id="body-head"),
    ],
)
def test_apposition_person(form: str, context: str, person: bool) -> None:
    from termdesk.mine.quality import apposition_person

    assert apposition_person(_cand(form, context)) is person


@pytest.mark.parametrize(
    ("form", "context", "place"),
    [
        pytest.param("Rio de Janeiro", "a:5: …foreign ministers’ meeting in [Rio de Janeiro].", True, id="in"),
        pytest.param("Southern Command", "a:5: …forces in [Southern Command] said…", False, id="body-head"),
        pytest.param("Freedom Edge", "a:5: …they held [Freedom Edge] again.", False, id="no-preposition"),
    ],
)
def test_after_place_preposition(form: str, context: str, place: bool) -> None:
    from termdesk.mine.quality import after_place_preposition

    assert after_place_preposition(_cand(form, context)) is place


# ---- mine21: classes seen on the blind heldout3 split, each rule with its examples

GLOSSARY3 = Glossary(
    [
        Entry(en="Security Consultative Meeting", ko="한미안보협의회의", type="meeting", en_variants=("SCM",)),
        Entry(en="Combined Forces Command", ko="한미연합사령부", type="organization", en_variants=("CFC",)),
        Entry(en="Missile Defense Agency", ko="미사일방어청", type="organization", en_variants=("MDA",)),
        Entry(
            en="inter-Korean general-level military talks",
            ko="남북 장성급 군사회담",
            type="meeting",
            en_variants=("general-level military talks",),
        ),
        Entry(en="ARF foreign ministers' meeting", ko="아세안지역안보포럼 외교장관회의", type="meeting"),
        Entry(en="tactical nuclear weapons", ko="전술핵무기", type="weapon"),
        Entry(en="Treaty on the Non-Proliferation of Nuclear Weapons", ko="핵확산금지조약", type="document"),
        Entry(en="provocation", ko="도발", type="concept", en_variants=("provocative acts",)),
        Entry(en="deterrence", ko="억제", type="concept"),
    ]
)


@pytest.mark.parametrize(
    ("phrase", "entry"),
    [
        ("consultative meetings", "Security Consultative Meeting"),  # a generic plural of the named meeting
        ("combined force", ""),  # before the name's head (Command): a broader term of its own
        ("missile defense", ""),  # the same: Missile Defense Agency's head is Agency
        ("military talks", "inter-Korean general-level military talks"),  # the head and a modifier of a meeting
        ("foreign ministers' meeting", ""),  # an acronym opens the known name: the phrase is a term of its own
        ("nuclear weapons", ""),  # a weapon without its modifier, or a run after "of": a broader term
        ("Consultative Meeting", ""),  # capitalised: a name, handled as a fragment elsewhere
        ("security consultative meeting", ""),  # the whole name is no later mention of it
    ],
    ids=[
        "plural-later-mention",
        "before-the-head",
        "before-the-head-2",
        "meeting-head",
        "acronym-opened",
        "weapon",
        "capitalised",
        "whole",
    ],
)
def test_inside_a_known_name(phrase: str, entry: str) -> None:
    found = KnownForms(GLOSSARY3).inside_a_name(phrase)
    assert (found.en if found else "") == entry


@pytest.mark.parametrize(
    ("canonical", "context", "whole"),
    [
        (
            "Consultative Meeting Joint Communique",
            "a.en:1: 56th Security [Consultative Meeting Joint Communique]",
            "Security Consultative Meeting Joint Communique",
        ),
        ("Joint Communique", "a.en:1: the [Joint Communique] said", ""),
        ("Consultative Meeting Joint Communique", "a.en:1: the new [Consultative Meeting Joint Communique]", ""),
    ],
    ids=["cut-after-ordinal-and-first-word", "nothing-before", "lowercase-before"],
)
def test_restored_known_start(canonical: str, context: str, whole: str) -> None:
    from termdesk.mine.quality import restored_known_start

    assert restored_known_start(_cand(canonical, context), GLOSSARY3) == whole


@pytest.mark.parametrize(
    ("canonical", "context", "crosses"),
    [
        ("D.C. Deputy Secretary", "a.en:5: …Minister Choi in Washington, [D.C. Deputy Secretary] Biegun met…", True),
        ("U.S. Deputy Secretary", "a.en:5: …in Washington, [U.S. Deputy Secretary] Biegun met…", False),
        ("D.C. Metro Police", "a.en:5: …the [D.C. Metro Police] said…", False),
        ("Gen. Paul LaCamera", "a.en:5: …In Seoul, [Gen. Paul LaCamera] said…", False),
    ],
    ids=["after-city-comma", "country-code", "not-after-a-place", "rank"],
)
def test_abbreviation_after_place(canonical: str, context: str, crosses: bool) -> None:
    from termdesk.mine.quality import abbreviation_after_place

    assert abbreviation_after_place(_cand(canonical, context, type_="title")) is crosses


@pytest.mark.parametrize(
    ("canonical", "context", "fragment"),
    [
        ("ministerial meeting", 'a.en:3: …will hold a "2+2" [ministerial meeting] with their…', True),
        ("ministerial meeting", "a.en:3: …will hold a [ministerial meeting] with their…", False),
    ],
    ids=["after-quoted-name", "plain"],
)
def test_after_a_quoted_name(canonical: str, context: str, fragment: bool) -> None:
    from termdesk.mine.quality import after_a_quoted_name

    assert after_a_quoted_name(_cand(canonical, context, type_="meeting")) is fragment


@pytest.mark.parametrize(
    ("canonical", "context", "whole"),
    [
        (
            "technology cooperation",
            "a.en:5: …based on science and [technology cooperation], and…",
            "science and technology cooperation",
        ),
        ("defeat aggression", "a.en:5: …ability to deter and [defeat aggression].", "deter and defeat aggression"),
        ("missile defense", "a.en:5: …on deterrence and [missile defense].", ""),  # after a glossary term
        (
            "trilateral security cooperation",
            "a.en:5: …on extended deterrence and [trilateral security cooperation].",
            "",
        ),  # three words: a term of its own
        ("technology cooperation", "a.en:5: …on [technology cooperation] and…", ""),
    ],
    ids=["shared-head", "shared-object", "after-a-term", "longer-phrase", "no-conjunction"],
)
def test_second_conjunct(canonical: str, context: str, whole: str) -> None:
    from termdesk.mine.quality import second_conjunct

    assert second_conjunct(_cand(canonical, context, type_="concept"), GLOSSARY3) == whole


@pytest.mark.parametrize(
    ("canonical", "context", "verb"),
    [
        ("incorporate lessons", "a.en:5: …simulate realistic threats, [incorporate lessons] learned…", True),
        ("defeat aggression", "a.en:5: …ability to deter and [defeat aggression].", True),
        (
            "change of command",
            "a.en:5: …the U.S. Forces Korea [change of command] ceremony…",
            False,
        ),  # not after to/and
        ("supply chains", "a.en:5: …and [supply chains] for…", False),  # supplied is rarer than supply: a noun
        ("combined defense", "a.en:5: …and [combined defense] posture…", False),  # inflected: no base form
    ],
    ids=["after-comma", "after-and", "after-a-name", "noun", "participle"],
)
def test_verb_opened(canonical: str, context: str, verb: bool) -> None:
    from termdesk.mine.quality import beat_vocabulary, verb_opened

    assert verb_opened(_cand(canonical, context, type_="concept"), beat_vocabulary(GLOSSARY3)) is verb


@pytest.mark.parametrize(
    ("form", "entry"),
    [("provocative behavior", "provocation"), ("provocative conduct", "provocation"), ("provocative words", "")],
    ids=["behavior", "conduct", "not-a-synonym"],
)
def test_behavior_is_a_head_synonym(form: str, entry: str) -> None:
    found = KnownForms(GLOSSARY3).entry(_cand(form, type_="concept"))
    assert (found.en if found else "") == entry


@pytest.mark.parametrize(
    "phrase",
    [
        "all-domain training exercise",
        "cyber elements",
        "joint support",
        "multilateral cooperation",
        "resilient supply chains",
    ],
)
def test_generic_descriptions_mine21(phrase: str) -> None:
    from termdesk.mine.quality import generic_rule

    assert generic_rule(phrase) is not None


@pytest.mark.parametrize("phrase", ["combined exercise", "trilateral cooperation", "joint readiness"])
def test_terms_are_not_generic_mine21(phrase: str) -> None:
    from termdesk.mine.quality import generic_rule

    assert generic_rule(phrase) is None


GLOSSARY4 = Glossary(
    [
        Entry(en="Vladimir Putin", ko="블라디미르 푸틴", type="person", en_variants=("Vladimir V. Putin",)),
        Entry(en="Lloyd Austin", ko="로이드 오스틴", type="person", en_variants=("Lloyd J. Austin III",)),
        Entry(en="Kim Yong-hyun", ko="김용현", type="person"),
        Entry(en="Jake Sullivan", ko="제이크 설리번", type="person"),
        Entry(en="Dan Sullivan", ko="댄 설리번", type="person"),
    ]
)


@pytest.mark.parametrize(
    ("form", "type_", "entry"),
    [
        ("Putin", "place", "Vladimir Putin"),  # the surname of one known person: a later mention
        ("Austin", "person", "Lloyd Austin"),  # a suffix (III) after the surname is skipped
        ("Sullivan", "person", ""),  # two known people share it: no guess
        ("Yong-hyun", "person", ""),  # a Korean name puts the family name first
    ],
    ids=["surname", "after-suffix", "two-people", "korean-order"],
)
def test_surname_of_a_known_person(form: str, type_: str, entry: str) -> None:
    found = KnownForms(GLOSSARY4).entry(_cand(form, type_=type_))
    assert (found.en if found else "") == entry


@pytest.mark.parametrize(
    ("form", "alone"), [("DPRK-Russia", True), ("U.S.-ROK-Japan", True), ("DPRK-Russia military cooperation", False)]
)
def test_country_compound_alone_mine21(form: str, alone: bool) -> None:
    from termdesk.mine.quality import country_compound_alone

    assert country_compound_alone(form) is alone
