"""Issue 19, session 10: classes seen on the first runs of heldout28/heldout29 — a unit's public affairs office in
a byline, a post written before its unit after a comma, a post after an ordinal unit, a generational suffix, an
exercise with the word ``Exercise`` or its iteration, a company's legal form, a country before an acronym used as a
modifier, demonyms in the plural, a title after a country-prefixed body. Every rule's example is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.glossary import Entry, Glossary
from termdesk.mine import Candidate, mine
from termdesk.mine import wordlists as L
from termdesk.mine.extract import (
    TITLE_OPENERS,
    UNIT_HEADS,
    _body_after_post,
    _company_suffix,
    _document_subject_pair,
    _numbered_unit,
    _of_country,
    apposition,
    irregular_past,
    parse_title_run,
    tokens,
)
from termdesk.mine.quality import (
    EXERCISE_DESCRIPTION_EXAMPLES,
    HELD_BACK_RULES,
    exercise_description,
    generic_rule,
    known_ship,
    title_after_body,
)
from termdesk.text import UNIT_ABBREVIATIONS, classify_line

GLOSSARY = Glossary(
    [
        Entry(en="Eighth U.S. Army", ko="미8군", type="organization", en_variants=("8th Army", "Eighth Army")),
        Entry(en="U.S. Naval Forces Korea", ko="주한미국해군사령부", type="organization"),
        Entry(en="Ministry of Foreign Affairs", ko="외교부", type="organization"),
        Entry(en="Ulchi Freedom Guardian", ko="을지프리덤가디언 연습", type="exercise", en_variants=("UFG",)),
        Entry(en="U.S.", ko="미국", type="place"),
        Entry(en="Col.", ko="대령", type="title"),
        Entry(en="Lt. Gen.", ko="중장", type="title"),
    ]
)


def _mined(tmp_path: Path, text: str) -> dict[str, Candidate]:
    path = tmp_path / "a.txt"
    path.write_text("Allies train\n\n" + text + "\n", encoding="utf-8")
    return {c.canonical: c for c in mine([str(path)], glossary=GLOSSARY).candidates}


def _forms(got: dict[str, Candidate]) -> set[str]:
    return {f for c in got.values() for f in c.forms}


# --------------------------------------------------------------------------- bylines


@pytest.mark.parametrize(
    ("line", "expected", "absent"),
    [
        pytest.param(
            "By Walter T. Ham IV, 8th U.S. Army Public Affairs",
            {"Walter T. Ham IV": "person", "8th U.S. Army Public Affairs": "organization", "8th U.S. Army": ""},
            "U.S. Army Public Affairs",
            id="initials-in-the-unit-and-a-generational-suffix",
        ),
        pytest.param(
            "By Senior Airman Taylor Curry, 8th Fighter Wing Public Affairs",
            {"Taylor Curry": "person", "8th Fighter Wing Public Affairs": "organization", "8th Fighter Wing": ""},
            "Fighter Wing Public Affairs",
            id="a-wings-public-affairs-office",
        ),
    ],
)
def test_byline_unit_and_its_office(tmp_path: Path, line: str, expected: dict[str, str], absent: str) -> None:
    assert classify_line(line) == "byline"
    got = _mined(tmp_path, f"{line}\n\nThe exercise ended on Monday.")
    for name, type_ in expected.items():
        assert name in _forms(got)
        if type_:
            assert got[name].type == type_
    assert absent not in got


# --------------------------------------------------------------------------- units and their posts


@pytest.mark.parametrize(
    ("ordinal_unit", "abbreviation"),
    [
        pytest.param("31st Marine Expeditionary Unit", "31st MEU", id="meu"),
        pytest.param("1st Brigade Combat Team", "1st BCT", id="bct"),
        pytest.param("19th Expeditionary Sustainment Command", "19th ESC", id="esc"),
        pytest.param("8th Theater Sustainment Command", "8th TSC", id="tsc"),
    ],
)
def test_unit_and_its_abbreviation_are_one_candidate(tmp_path: Path, ordinal_unit: str, abbreviation: str) -> None:
    head = ordinal_unit.split()[-1].lower()
    assert head in UNIT_HEADS
    assert UNIT_ABBREVIATIONS[abbreviation.split()[1]] == ordinal_unit.split(" ", 1)[1]
    got = _mined(tmp_path, f"The {ordinal_unit} trained on Monday. The {abbreviation} then left the port.")
    (cand,) = [c for c in got.values() if ordinal_unit in c.forms]
    assert set(cand.forms) == {ordinal_unit, abbreviation}


@pytest.mark.parametrize(
    ("sentence", "post"),
    [
        pytest.param(
            "Col. Romin Dasmalchi, commanding officer, 31st Marine Expeditionary Unit.",
            "commanding officer, 31st Marine Expeditionary Unit",
            id="officer-of-an-ordinal-unit",
        ),
        pytest.param(
            "Rear Adm. Brad Cooper, commander, U.S Naval Forces Korea, met them.",
            "commander, U.S Naval Forces Korea",
            id="commander-of-forces-in-a-place",
        ),
        pytest.param("Vice Adm. Jung, Jin-Sup, commander, ROK Fleet, met them.", "commander, ROK Fleet", id="fleet"),
    ],
)
def test_post_before_its_unit_after_a_comma(tmp_path: Path, sentence: str, post: str) -> None:
    got = _mined(tmp_path, sentence)
    assert got[post].type == "title"


@pytest.mark.parametrize(
    ("sentence", "body_ends"),
    [
        pytest.param("X, commander, ROK Fleet.", True, id="fleet"),
        pytest.param("X, director, Defense Intelligence Agency.", False, id="agency-is-no-unit-head"),
        pytest.param("X, commander, and Y met.", False, id="no-body"),
        pytest.param("X, commander, ROK Fleet said.", False, id="the-apposition-goes-on"),
    ],
)
def test_body_after_post(sentence: str, body_ends: bool) -> None:
    toks = tokens(sentence)
    comma = [i for i, t in enumerate(toks) if t.text == ","][1]
    assert (_body_after_post(toks, comma) is not None) is body_ends


def test_lowercase_apposition_post_alone_unchanged() -> None:
    toks = tokens("Col. Brian Carr, vice commander, said.")
    a, b = apposition(toks, [t.text for t in toks].index(",")) or (0, 0)
    assert " ".join(t.text for t in toks[a:b]) == "vice commander"


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        pytest.param(
            "said 8th Army Commanding General Lt. Gen. Joseph F. Fil on Monday.",
            "8th Army Commanding General",
            id="post-after-an-ordinal-army",
        ),
        pytest.param(
            "said 51st Fighter Wing Commander Col. Brian Carr on Monday.",
            "51st Fighter Wing Commander",
            id="post-after-an-ordinal-wing",
        ),
    ],
)
def test_post_after_an_ordinal_unit_keeps_the_ordinal(tmp_path: Path, sentence: str, title: str) -> None:
    toks = tokens(sentence)
    assert _numbered_unit(toks, 1)
    got = _mined(tmp_path, "The soldiers trained, " + sentence)
    assert got[title].type == "title"
    assert title.split(" ", 1)[1] not in got


def test_ordinal_before_a_plain_run_is_no_unit() -> None:
    toks = tokens("the 70th Korean War Armistice Day")
    assert not _numbered_unit(toks, 1)


# --------------------------------------------------------------------------- people


@pytest.mark.parametrize(
    ("sentence", "name", "form"),
    [
        pytest.param(
            "said Lt. Gen. Joseph F. Fil, Jr. on Monday.", "Joseph F. Fil", "Joseph F. Fil, Jr.", id="comma-jr"
        ),
        pytest.param("said Col. John Smith, Sr. on Monday.", "John Smith", "John Smith, Sr.", id="comma-sr"),
    ],
)
def test_generational_suffix_is_a_form_of_the_name(tmp_path: Path, sentence: str, name: str, form: str) -> None:
    got = _mined(tmp_path, "The officer " + sentence)
    assert form in got[name].forms


# --------------------------------------------------------------------------- exercises


def test_exercise_label_and_iteration_are_forms_of_a_new_exercise(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        "Airmen flew in Exercise Max Thunder 15-1 on Monday. This is the seventh year of Max Thunder, a flying "
        "exercise. Max Thunder 15-1 ended on Friday.",
    )
    assert got["Max Thunder"].type == "exercise"
    assert {"Exercise Max Thunder 15-1", "Max Thunder 15-1", "Exercise Max Thunder"} <= set(got["Max Thunder"].forms)
    assert "Exercise Max Thunder" not in got


def test_exercise_label_before_a_known_exercise_keeps_it_known(tmp_path: Path) -> None:
    got = _mined(tmp_path, "Exercise Ulchi Freedom Guardian 2010 concluded Aug. 26. UFG is a command post exercise.")
    assert got["Ulchi Freedom Guardian"].status == "known"
    assert "Exercise Ulchi Freedom Guardian 2010" in got["Ulchi Freedom Guardian"].forms
    assert "Exercise Ulchi Freedom Guardian" not in got


# --------------------------------------------------------------------------- bodies


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        pytest.param("Network Technology Co., Ltd. (a.k.a. X)", True, id="co-ltd"),
        pytest.param("Silver Star Corp., Inc. said", True, id="corp-inc"),
        pytest.param("the Co., Korea and Japan", False, id="a-comma-list"),
    ],
)
def test_company_suffix(text: str, joined: bool) -> None:
    toks = tokens(text)
    comma = next(i for i, t in enumerate(toks) if t.text == ",")
    assert _company_suffix(toks, comma) is joined


def test_company_with_its_legal_form(tmp_path: Path) -> None:
    got = _mined(tmp_path, "OFAC designated Yanbian Silverstar Network Technology Co., Ltd. on Thursday.")
    assert "Yanbian Silverstar Network Technology Co., Ltd." in got
    assert "Yanbian Silverstar Network Technology Co." not in got


@pytest.mark.parametrize(
    ("sentence", "absent", "kept"),
    [
        pytest.param(
            "The revenue North Korean IT workers earn is large.", "North Korean IT", "", id="adjective-acronym-noun"
        ),
        pytest.param("It hired its North Korean CEO, Jong Song Hwa, in May.", "North Korean CEO", "", id="title"),
        pytest.param("China Silver Star is nominally a Chinese IT company.", "Chinese IT", "", id="chinese-it"),
        pytest.param(
            "While U.S. INDOPACOM has assessed the launch, the allies met.", "", "U.S. INDOPACOM", id="a-name-stays"
        ),
        pytest.param("The company is managed by North Koreans in Jilin.", "North Koreans", "", id="plural-demonym"),
        pytest.param("The South Americans and the Europeans met on Monday.", "South Americans", "", id="in-a-list"),
    ],
)
def test_country_before_an_acronym_and_demonyms(tmp_path: Path, sentence: str, absent: str, kept: str) -> None:
    got = _mined(tmp_path, sentence)
    if absent:
        assert absent not in got
    if kept:
        assert kept in _forms(got)


def test_title_after_a_country_prefixed_known_body() -> None:
    canonical = "ROK Ministry of Foreign Affairs Director General for Korean Peninsula Policy"
    assert title_after_body(canonical, GLOSSARY) == "Director General for Korean Peninsula Policy"


# --------------------------------------------------------------------------- heldout29: meetings and holders


@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        pytest.param(
            "Sullivan spoke with National Security Secretariat Secretary General Akiba Takeo of Japan on Monday.",
            {"Akiba Takeo": "person", "National Security Secretariat Secretary General": "title"},
            "National Security Secretariat Secretary General Akiba Takeo of Japan",
            id="holder-of-a-country",
        ),
        pytest.param(
            "He met them for a trilateral national security advisors meeting.",
            {"trilateral national security advisors meeting": "meeting"},
            "trilateral national security advisors",
            id="holders-of-a-post-before-a-meeting",
        ),
        pytest.param(
            "The countries convened the seventh U.S.-Republic of Korea (ROK) Working Group September 5-6.",
            {"U.S.-Republic of Korea Working Group": "meeting"},
            "Working Group",
            id="country-acronym-inside-a-name",
        ),
    ],
)
def test_heldout29_classes(tmp_path: Path, sentence: str, present: dict[str, str], absent: str) -> None:
    got = _mined(tmp_path, sentence)
    for name, type_ in present.items():
        assert got[name].type == type_
    assert absent not in got


@pytest.mark.parametrize(
    ("text", "of_at"),
    [
        pytest.param("Akiba Takeo of Japan", 2, id="of-a-country"),
        pytest.param("Cho Taeyong of the Republic of Korea", 2, id="of-the-republic"),
        pytest.param("Director of Policy Planning", 0, id="no-country"),
    ],
)
def test_of_country(text: str, of_at: int) -> None:
    assert _of_country(tokens(text)) == of_at


def test_article_of_a_treaty_keeps_the_treaty_apart(tmp_path: Path) -> None:
    got = _mined(tmp_path, "Officials cited Article V of the U.S.-Japan Security Treaty on Monday.")
    assert "U.S.-Japan Security Treaty" in _forms(got)


# --------------------------------------------------------------------------- junk classes on the looked-at splits


@pytest.mark.parametrize(
    ("phrase", "held"), EXERCISE_DESCRIPTION_EXAMPLES, ids=[p for p, _ in EXERCISE_DESCRIPTION_EXAMPLES]
)
def test_exercise_description(phrase: str, held: bool) -> None:
    assert exercise_description(phrase) is held


@pytest.mark.parametrize(
    ("word", "past"),
    [
        pytest.param("upheld", True, id="upheld"),
        pytest.param("fought", True, id="fought"),
        pytest.param("spoke", False, id="a-noun-too"),
        pytest.param("targeting", False, id="an-ing-form-is-another-rule"),
        pytest.param("forces", False, id="plural"),
        pytest.param("alliance", False, id="a-noun"),
    ],
)
def test_irregular_past(word: str, past: bool) -> None:
    assert irregular_past(word) is past


def test_title_at_a_sentences_start_keeps_its_first_word(tmp_path: Path) -> None:
    glossary = Glossary([*GLOSSARY, Entry(en="national security adviser", ko="국가안보보좌관", type="title")])
    path = tmp_path / "a.txt"
    path.write_text(
        "Allies talk\n\nNational Security Advisor Jake Sullivan spoke this evening with his counterparts. "
        "The national security advisors discussed the launch.\n",
        encoding="utf-8",
    )
    got = {c.canonical: c for c in mine([str(path)], glossary=glossary).candidates}
    assert "security advisors" not in got and "Security Advisor" not in {f for c in got.values() for f in c.forms}
    assert "national" in TITLE_OPENERS


# --------------------------------------------------------------------------- heldout30 … heldout33 (looked at after
# their first run)


@pytest.mark.parametrize(
    ("run", "titles"),
    [
        pytest.param(
            "Chairman of the Joint Chiefs of Staff Navy Adm. Mike Mullen",
            ["Chairman of the Joint Chiefs of Staff", "Adm."],
            id="service-word-before-a-rank",
        ),
        pytest.param(
            "Special Representative for the DPRK Ambassador Sung Kim",
            ["Special Representative for the DPRK", "Ambassador"],
            id="a-name-title-after-a-complement",
        ),
        pytest.param("Assistant Secretary of Defense John Smith", ["Assistant Secretary of Defense"], id="one-title"),
    ],
)
def test_title_run_split(run: str, titles: list[str]) -> None:
    toks = tokens(run)
    tn = parse_title_run(toks)
    assert tn is not None
    assert [" ".join(t.text for t in toks[a:b]) for a, b in tn.titles] == titles


def test_peoples_inside_a_name(tmp_path: Path) -> None:
    got = _mined(tmp_path, "Sanctions target the Government of the Democratic People's Republic of Korea today.")
    assert "Government of the Democratic People" not in got
    assert "Government of the Democratic People's Republic of Korea" in _forms(got)


def test_known_ship_without_its_prefix(tmp_path: Path) -> None:
    glossary = Glossary([*GLOSSARY, Entry(en="USS George Washington", ko="조지워싱턴함", type="weapon")])
    path = tmp_path / "a.txt"
    path.write_text("Ships sail\n\nGates toured the George Washington in Busan on Monday.\n", encoding="utf-8")
    got = {c.canonical: c for c in mine([str(path)], glossary=glossary).candidates}
    assert got["George Washington"].status == "known"
    assert known_ship("George Washington", glossary) is not None
    assert known_ship("USS George Washington", glossary) is None


def test_postal_code_after_a_place(tmp_path: Path) -> None:
    got = _mined(tmp_path, "The secretary spoke at the Pentagon in Arlington, VA on Monday.")
    assert "VA" not in got
    assert "VA" in L.POSTAL_CODES


@pytest.mark.parametrize(
    ("sentence", "chain", "absent"),
    [
        pytest.param(
            "Marines with 3rd Battalion, 3rd Marine Regiment, 3rd Marine Division trained.",
            "3rd Battalion, 3rd Marine Regiment, 3rd Marine Division",
            "3rd Battalion",
            id="a-bare-battalion-and-its-parents",
        ),
    ],
)
def test_unit_chain(tmp_path: Path, sentence: str, chain: str, absent: str) -> None:
    got = _mined(tmp_path, sentence)
    assert "3rd Battalion, 3rd Marine Regiment" in got[chain].forms
    assert absent not in got


def test_unit_with_a_name_of_its_own_makes_no_chain(tmp_path: Path) -> None:
    got = _mined(tmp_path, "Soldiers of the 302nd Brigade Support Battalion, 1st Armored Brigade Combat Team, trained.")
    assert not any("," in c.canonical for c in got.values())


def test_season_iteration_of_a_program(tmp_path: Path) -> None:
    got = _mined(tmp_path, "Marines planned the Korean Marine Exchange Program 21-2 in March.")
    assert "Korean Marine Exchange Program 21-2" in got["Korean Marine Exchange Program"].forms


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        pytest.param(
            "MS PORTER: Good morning. Special Representative for the DPRK Ambassador Sung Kim is visiting Washington.",
            "MS",
            "Special Representative for the DPRK",
            id="transcript-honorific-and-a-title-opening-a-sentence",
        ),
        pytest.param(
            "Under the Strategic Alliance 2015 plan, the allies moved on.",
            "Under the Strategic Alliance",
            "",
            id="under",
        ),
    ],
)
def test_sentence_openers(tmp_path: Path, text: str, absent: str, present: str) -> None:
    got = _mined(tmp_path, text)
    assert absent not in got
    if present:
        assert present in _forms(got)


@pytest.mark.parametrize(
    ("sentence", "phrase", "status"),
    [
        pytest.param(
            "The North threatened a nuclear attack on the South on Monday.", "nuclear attack", "held-back", id="event"
        ),
        pytest.param(
            "Seoul builds its counterstrike capabilities against the North.",
            "counterstrike capabilities",
            "held-back",
            id="capability",
        ),
        pytest.param("The allies reaffirmed their shared values on Monday.", "shared values", None, id="evaluative"),
    ],
)
def test_generic_rules_hold_back_or_drop(tmp_path: Path, sentence: str, phrase: str, status: str | None) -> None:
    got = _mined(tmp_path, sentence)
    assert (got[phrase].status if phrase in got else None) == status
    rule = generic_rule(phrase)
    assert rule is not None and (rule.name in HELD_BACK_RULES) is (status == "held-back")


# --------------------------------------------------------------------------- heldout34 … heldout37 (looked at after
# their first run)


@pytest.mark.parametrize(
    ("sentence", "title", "person"),
    [
        pytest.param(
            "The statement was issued by U.S. Senior Official for the DPRK Jung Pak and others.",
            "Senior Official for the DPRK",
            "Jung Pak",
            id="capitalised-official-is-a-post",
        ),
        pytest.param(
            "It was issued by ROK Vice Foreign Minister for Strategy and Intelligence Cho Koo-rae and others.",
            "Vice Foreign Minister for Strategy and Intelligence",
            "Cho Koo-rae",
            id="portfolio-word-that-heads-documents-too",
        ),
    ],
)
def test_posts_with_their_holders(tmp_path: Path, sentence: str, title: str, person: str) -> None:
    got = _mined(tmp_path, sentence)
    assert title in _forms(got)
    assert got[person].type == "person"


def test_country_and_a_bare_title_word_is_no_candidate(tmp_path: Path) -> None:
    got = _mined(tmp_path, "The threats are posed by North Korean leader Kim Jong Un and his regime.")
    assert "leader" not in got and "North Korean leader" not in _forms(got)


def test_petty_officer_byline(tmp_path: Path) -> None:
    assert classify_line("By Petty Officer 1st Class Jason Swink") == "byline"
    got = _mined(tmp_path, "By Petty Officer 1st Class Jason Swink\n\nThe command moved to Busan last year.")
    assert got["Jason Swink"].type == "person"
    assert "Class Jason Swink" not in got and "Petty Officer" not in got


@pytest.mark.parametrize(
    ("headline", "document"),
    [
        pytest.param(
            "U.S., South Korea Unveil Joint Declaration Outlining Steps", "Joint Declaration", id="after-a-verb"
        ),
        pytest.param("Joint Communique of the 49th Security Consultative Meeting", "Joint Communique", id="start"),
    ],
)
def test_headline_document_after_a_verb(tmp_path: Path, headline: str, document: str) -> None:
    path = tmp_path / "h.txt"
    path.write_text(f"{headline}\n\nThe two sides met today in Seoul.\n", encoding="utf-8")
    got = {c.canonical: c for c in mine([str(path)]).candidates}
    assert got[document].type == "document"
    assert not any("Unveil" in c for c in got)


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("Joint Declaration on the ROK-U.S. Alliance and Peace on the Korean Peninsula", id="declaration"),
        pytest.param(
            "Joint Vision for the Alliance of the Republic of Korea and the United States of America", id="vision"
        ),
    ],
)
def test_joint_document_title_is_whole(tmp_path: Path, title: str) -> None:
    got = _mined(tmp_path, f"The leaders adopted the {title} in Gyeongju.")
    assert got[title].type == "document"
    assert "Joint Vision" not in got and "Joint Declaration" not in got


def test_two_joint_documents_stay_two() -> None:
    toks = tokens("Joint Statement on the Alliance and the Joint Vision")
    assert not _document_subject_pair(toks, 5)


# --------------------------------------------------------------------------- heldout38 … heldout41 (looked at after
# their first run)


@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        pytest.param(
            "The Defense POW/MIA Accounting Agency said on Monday.",
            "Defense POW/MIA Accounting Agency",
            "MIA Accounting Agency",
            id="acronyms-joined-by-a-slash",
        ),
        pytest.param("The 8th Army Band played on Monday.", "8th Army Band", "Army Band", id="a-units-band"),
        pytest.param(
            "Members of the U.S. Army Garrison Humphreys attended on Monday.",
            "U.S. Army Garrison Humphreys",
            "Members of the U.S. Army Garrison Humphreys",
            id="people-of-a-body",
        ),
    ],
)
def test_heldout38_classes(tmp_path: Path, sentence: str, present: str, absent: str) -> None:
    got = _mined(tmp_path, sentence)
    assert present in _forms(got)
    assert absent not in got


def test_honorific_between_title_and_name() -> None:
    toks = tokens("Defense Secretary Dr. Mark T. Esper")
    tn = parse_title_run(toks)
    assert tn is not None and tn.name is not None
    assert " ".join(t.text for t in toks[tn.name[0] : tn.name[1]]) == "Mark T. Esper"


def test_given_name_alone_is_no_place(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        "Otto Warmbier died in 2017 after his release. The President pledged to honor Otto's memory. "
        "The student Otto Warmbier was from Ohio, and his family recalls how Otto smiled.",
    )
    assert "Otto" not in got and "Otto Warmbier" in got
