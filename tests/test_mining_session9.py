"""Issue 19, session 9: a unit after the service the glossary knows, two facilities joined by ``and``, a mission
named after where it is sent, a known exercise with its year, ``Mr.`` and a family name, hyphenated adjectives
in one list. Every rule's example is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.align.bitext import read_pair
from termdesk.align.candidates import Candidate as AlignCandidate
from termdesk.align.propose import Proposer
from termdesk.align.scoring import _balanced
from termdesk.glossary import Entry, Glossary, load_glossary
from termdesk.ko.phrases import phrases, words
from termdesk.ko.romanize import korean_name_shape
from termdesk.mine import Candidate, mine
from termdesk.mine.extract import _LED, HYPHEN_ADJECTIVE, _act_of_year, _numbered_unit, tokens, unit_acronym
from termdesk.mine.quality import (
    LETTERED_SUBUNIT,
    accredited_to,
    coordinated_names,
    crosses_a_clause,
    hyphen_adjective,
    prefixed_unit,
    title_after_body,
)
from termdesk.text import classify_line

REAL_GLOSSARY = load_glossary(Path(__file__).resolve().parent.parent / "glossary")
GLOSSARY = Glossary(
    [
        Entry(en="U.S. Air Force", ko="미 공군", type="organization"),
        Entry(en="U.S. Army", ko="미 육군", type="organization"),
        Entry(en="U.S. Navy", ko="미 해군", type="organization"),
        Entry(en="U.S.", ko="미국", type="place"),
        Entry(en="Ulchi Freedom Shield", ko="을지 자유의 방패 연습", type="exercise", en_variants=("UFS",)),
        Entry(en="Freedom Shield", ko="자유의 방패 연습", type="exercise", en_variants=("FS",)),
        Entry(en="Shin Won-sik", ko="신원식", type="person"),
    ]
)


def _mined(tmp_path: Path, text: str) -> dict[str, Candidate]:
    path = tmp_path / "a.txt"
    path.write_text("Allies train\n\n" + text + "\n", encoding="utf-8")
    return {c.canonical: c for c in mine([str(path)], glossary=GLOSSARY).candidates}


@pytest.mark.parametrize(
    ("canonical", "unit"),
    [
        pytest.param("U.S. Air Force 51st Fighter Wing", "51st Fighter Wing", id="known-service-before-a-wing"),
        pytest.param("U.S. Army 2nd Infantry Division", "2nd Infantry Division", id="known-service-before-a-division"),
        pytest.param("U.S. 7th Fleet", "", id="a-country-alone-is-part-of-the-name"),
        pytest.param("Pacific Air Forces 7th Air Force", "", id="service-the-glossary-lacks"),
        pytest.param("U.S. Air Force 60th Anniversary", "", id="no-unit-head"),
    ],
)
def test_prefixed_unit(canonical: str, unit: str) -> None:
    assert prefixed_unit(canonical, GLOSSARY) == unit


def test_prefixed_unit_joins_the_unit(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        "The U.S. Air Force 51st Fighter Wing’s pilots flew. Pilots from the 51st Fighter Wing and ROKAF FA-50 "
        "pilots trained.",
    )
    assert "U.S. Air Force 51st Fighter Wing" in got["51st Fighter Wing"].variants
    assert "Fighter Wing" not in got  # the ordinal stays with its unit before "and"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        pytest.param("pilots from the 51st Fighter Wing and ROKAF FA-50 pilots", True, id="unit-then-and-another-name"),
        pytest.param("the 611th Air and Space Operations Center said", True, id="and-inside-the-unit"),
        pytest.param("the 51st Fighting and Eagle Pilots", False, id="no-unit-head-before-and"),
    ],
)
def test_numbered_unit_before_and(text: str, unit: bool) -> None:
    toks = tokens(text)
    j = next(k for k, t in enumerate(toks) if t.text[:1].isdigit())
    assert _numbered_unit(toks, j) is unit


@pytest.mark.parametrize(
    ("canonical", "parts"),
    [
        pytest.param(
            "Vandal Training Complex and Wightman NCO Academy",
            ("Vandal Training Complex", "Wightman NCO Academy"),
            id="two-facilities",
        ),
        pytest.param("U.S. Navy and U.S. Army", ("U.S. Navy", "U.S. Army"), id="two-services"),
        pytest.param("Coordinator for Defense Policy and Arms Control", None, id="one-title-with-and"),
        pytest.param("Ministry of Foreign Affairs and Trade", None, id="one-word-after-and"),
        pytest.param("Army, Navy and Air Force", None, id="a-list-with-commas"),
    ],
)
def test_coordinated_names(canonical: str, parts: tuple[str, str] | None) -> None:
    c = Candidate(canonical, (), "organization", 1, 1, 1.0, (), "new", "", ())
    assert coordinated_names(c) == parts


def test_coordinated_names_are_two_candidates(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        "The tour included visits to the Vandal Training Complex and Wightman NCO Academy. It also includes "
        "U.S. Marine Corps, U.S. Navy and U.S. Army participation.",
    )
    assert got["Vandal Training Complex"].status == "new"
    assert got["Wightman NCO Academy"].status == "new"
    assert got["U.S. Navy"].status == "known"  # a part the glossary has is known, not new
    assert "Vandal Training Complex and Wightman NCO Academy" not in got


@pytest.mark.parametrize(
    ("canonical", "accredited"),
    [
        pytest.param("U.S. Mission to the United Nations", True, id="mission-to-a-body"),
        pytest.param("Ambassador to the Republic of Korea", True, id="ambassador-to-a-country"),
        pytest.param("Lotte Group to the Republic of Korea", False, id="a-clause-after-a-company"),
        pytest.param("Mission to the north", False, id="lowercase-after"),
    ],
)
def test_accredited_to(canonical: str, accredited: bool) -> None:
    assert accredited_to(canonical) is accredited
    assert crosses_a_clause(canonical) is not accredited


def test_mission_named_whole(tmp_path: Path) -> None:
    got = _mined(tmp_path, "The U.S. Mission to the United Nations submitted a list of designation proposals.")
    assert "U.S. Mission to the United Nations" in got
    assert "U.S. Mission" not in got


@pytest.mark.parametrize(
    ("text", "entry", "form"),
    [
        pytest.param(
            "The allies completed Ulchi Freedom Shield 2024 on Thursday.",
            "Ulchi Freedom Shield",
            "Ulchi Freedom Shield 2024",
            id="exercise-and-its-year",
        ),
        pytest.param(
            "Freedom Shield 25 began in March.", "Freedom Shield", "Freedom Shield 25", id="exercise-and-two-digits"
        ),
        pytest.param("UFS24 tested the alliance.", "UFS24", "UFS24", id="acronym-and-year-joined"),
        pytest.param("FS25-1 began in March.", "", "", id="acronym-with-a-suffix-is-no-iteration"),
    ],
)
def test_exercise_iteration_is_a_form(tmp_path: Path, text: str, entry: str, form: str) -> None:
    got = _mined(tmp_path, text)
    if not entry:
        assert all(c.status == "new" or "25" not in c.canonical for c in got.values())
        return
    c = got[entry]
    assert c.status in ("known", "variant-of-known")
    assert c.type == "exercise"
    assert form in c.forms
    assert not any(c.status == "new" and any(ch.isdigit() for ch in c.canonical) for c in got.values())


def test_honorific_and_family_name_is_no_candidate(tmp_path: Path) -> None:
    got = _mined(tmp_path, "STAFF: We will now begin. First, Mr. Shin with his opening remarks.")
    assert "Shin" not in got
    assert "Mr. Shin" not in got


@pytest.mark.parametrize(
    "word",
    [
        pytest.param("South Korea-based", id="based"),
        pytest.param("U.S.-led", id="led"),
        pytest.param("North Korea-related", id="related"),
        pytest.param("DPRK-associated", id="associated"),
        pytest.param("UNSC-wide", id="wide"),
        pytest.param("Russia-backed", id="backed"),
        pytest.param("China-friendly", id="friendly"),
    ],
)
def test_hyphen_adjectives_one_list(word: str) -> None:
    assert hyphen_adjective(word)
    assert _LED.match(word.split()[-1])  # one token
    assert HYPHEN_ADJECTIVE.search(word.split()[-1])


@pytest.mark.parametrize(
    "word",
    [pytest.param("Hwasong-15", id="designator"), pytest.param("Yoon Suk-yeol", id="hyphenated-given-name")],
)
def test_not_hyphen_adjectives(word: str) -> None:
    assert not hyphen_adjective(word)


# --------------------------------------------------------------------------- bylines of military releases


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        pytest.param(
            "Story by Spc. Jacqueline Dowland, 1st Armored Brigade Combat Team, 2nd Infantry Division",
            "byline",
            id="story-by-rank-name-and-units",
        ),
        pytest.param("Photo by Staff Sgt. John Doe", "byline", id="photo-by-two-word-rank"),
        pytest.param("By Jim Garamone, American Forces Press Service", "byline", id="by-name-and-service"),
        pytest.param("Story by the numbers shows growth in exports", None, id="a-sentence-not-a-byline"),
        pytest.param(
            "From Chief Mass Communication Specialist Wendy Wyman, CNFK Public Affairs",
            "byline",
            id="from-and-a-navy-rating",
        ),
        pytest.param("By Senior Airman Jane Doe, 8th Fighter Wing Public Affairs", "byline", id="airman"),
        pytest.param("By Sgt. 1st Class John Doe", "byline", id="sergeant-first-class"),
        pytest.param("From Seoul, Kim Jong Un", None, id="from-without-a-rank"),
    ],
)
def test_byline_debris(line: str, rule: str | None) -> None:
    assert classify_line(line) == rule


def test_byline_writer_and_rank_mined(tmp_path: Path) -> None:
    glossary = Glossary([*GLOSSARY, Entry(en="Spc.", ko="상병", type="title")])
    path = tmp_path / "a.txt"
    path.write_text(
        "Soldiers train together\n\nStory by Spc. Jacqueline Dowland, 1st Armored Brigade Combat Team\n\n"
        "Soldiers toured the motor pool on Monday.\n",
        encoding="utf-8",
    )
    got = {c.canonical: c for c in mine([str(path)], glossary=glossary).candidates}
    assert got["Jacqueline Dowland"].type == "person"
    assert got["Spc."].status == "known"
    assert "Spc. Jacqueline Dowland" not in got


# --------------------------------------------------------------------------- a unit by its ordinal and acronym


@pytest.mark.parametrize(
    ("acronym", "unit"),
    [
        pytest.param("BSB", True, id="brigade-support-battalion"),
        pytest.param("FW", True, id="in-the-table"),
        pytest.param("SCM", False, id="a-meeting"),
        pytest.param("APEC", False, id="a-forum"),
        pytest.param("US", False, id="a-country"),
        pytest.param("CSG", False, id="a-group-is-not-guessed"),
    ],
)
def test_unit_acronym(acronym: str, unit: bool) -> None:
    assert unit_acronym(acronym) is unit


def test_abbreviated_unit_joins_the_spelled_out_unit(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        "Soldiers with the 302nd Brigade Support Battalion welcomed guests. 'It helps,' said Maj. Paul R. Davis, "
        "the executive officer of 302nd BSB.",
    )
    assert {"302nd BSB", "BSB"} <= set(got["302nd Brigade Support Battalion"].variants)
    assert "BSB" not in got and "302nd BSB" not in got


# --------------------------------------------------------------------------- alignment: bylines and glosses


def test_byline_is_a_sentence_of_the_pair(tmp_path: Path) -> None:
    en = tmp_path / "a.en.txt"
    ko = tmp_path / "a.ko.txt"
    en.write_text("Allies drill\n\nBy Jim Garamone, American Forces Press Service\n\nThe allies drilled.\n", "utf-8")
    ko.write_text("한미 훈련\n\n짐 개러몬 미군 보도국(AFPS) 기자\n\n한미 양국이 훈련했다.\n", "utf-8")
    pair = read_pair(en, ko)
    assert pair.en[1] == "By Jim Garamone, American Forces Press Service"
    assert pair.en_lines[1] == 3
    assert len(pair.en) == len(pair.ko) == 3


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "미 국방부 뉴스(DoD News)·국방미디어활동국(DMA) 기자",
            [
                ("미", False),
                ("국방부", False),
                ("뉴스", False),
                ("DoD News", True),
                ("국방미디어활동국", False),
                ("DMA", True),
                ("기자", False),
            ],
            id="gloss-with-a-space-then-a-listed-word",
        ),
        pytest.param("한·미·일 국방장관", [("한·미·일", False), ("국방장관", False)], id="middle-dots-inside-a-word"),
        pytest.param(
            "미사일(ICBM)·핵 위협",
            [("미사일", False), ("ICBM", True), ("핵", False), ("위협", False)],
            id="dot-after-a-gloss",
        ),
    ],
)
def test_korean_words_keep_glosses_whole(sentence: str, expected: list[tuple[str, bool]]) -> None:
    assert [(w.text, w.is_gloss) for w in words(sentence)] == expected


def test_known_name_in_a_bylines_outlet(tmp_path: Path) -> None:
    glossary = Glossary([*GLOSSARY, Entry(en="CNFK", ko="주한미해군사령부", type="organization")])
    path = tmp_path / "a.txt"
    path.write_text(
        "Ships visit Busan\n\nFrom Chief Mass Communication Specialist Wendy Wyman, CNFK Public Affairs\n\n"
        "Two destroyers arrived in Busan on Monday.\n",
        encoding="utf-8",
    )
    got = {c.canonical: c for c in mine([str(path)], glossary=glossary).candidates}
    assert got["CNFK"].status == "known"
    assert got["Wendy Wyman"].type == "person"


def test_fragment_of_a_known_term_in_the_plural(tmp_path: Path) -> None:
    glossary = Glossary([*GLOSSARY, Entry(en="two-plus-two meeting", ko="2+2 회의", type="meeting")])
    path = tmp_path / "a.txt"
    path.write_text(
        "Allies meet\n\nThe allies agreed to hold Two-plus-Two meetings. Officials prepared the Two-plus-Two "
        "meetings in Tokyo.\n",
        encoding="utf-8",
    )
    got = {c.canonical: c for c in mine([str(path)], glossary=glossary).candidates}
    assert not any(c.status == "new" and c.canonical.startswith("Two-plus-Two") for c in got.values())


@pytest.mark.parametrize(
    ("canonical", "lettered"),
    [
        pytest.param("Company C", True, id="company-and-letter"),
        pytest.param("Bravo Battery", True, id="phonetic-letter-and-battery"),
        pytest.param("Company Commander", False, id="a-title"),
        pytest.param("Able Company", False, id="a-named-company"),
    ],
)
def test_lettered_subunit(canonical: str, lettered: bool) -> None:
    assert (LETTERED_SUBUNIT.fullmatch(canonical) is not None) is lettered


# --------------------------------------------------------------------------- alignment: head nouns of names


@pytest.mark.parametrize(
    ("en", "ko", "term", "proposal"),
    [
        pytest.param(
            "Soldiers gathered at Tribute Park on Monday.",
            "장병들은 월요일 트리뷰트 공원에 모였다.",
            "Tribute Park",
            "트리뷰트 공원",
            id="park",
        ),
        pytest.param(
            "The ceremony took place at the USFK headquarters building in Pyeongtaek.",
            "행사는 평택의 주한미군 사령부 청사에서 열렸다.",
            "USFK headquarters building",
            "주한미군 사령부 청사",
            id="building",
        ),
        pytest.param(
            "Students from Youngbuk High School visited the base.",
            "영북고등학교 학생들이 기지를 방문했다.",
            "Youngbuk High School",
            "영북고등학교",
            id="high-school",
        ),
    ],
)
def test_head_noun_of_a_name_is_proposed_with_it(tmp_path: Path, en: str, ko: str, term: str, proposal: str) -> None:
    (tmp_path / "a.en.txt").write_text(f"Title\n\n{en}\n", encoding="utf-8")
    (tmp_path / "a.ko.txt").write_text(f"제목\n\n{ko}\n", encoding="utf-8")
    proposer = Proposer(REAL_GLOSSARY, [read_pair(tmp_path / "a.en.txt", tmp_path / "a.ko.txt")])
    assert proposer.propose(AlignCandidate(canonical=term)).row.ko == proposal


@pytest.mark.parametrize(
    ("text", "balanced"),
    [
        pytest.param("이슬람국가]", False, id="closing-bracket-of-a-gloss"),
        pytest.param("고위 당국자]께", False, id="closing-bracket-inside"),
        pytest.param("미군 보도국(AFPS", False, id="opening-bracket-left-open"),
        pytest.param("미군 보도국(AFPS)", True, id="whole-gloss"),
        pytest.param("유엔 회원국", True, id="no-bracket"),
    ],
)
def test_proposal_brackets(text: str, balanced: bool) -> None:
    assert _balanced(text) is balanced


def test_relocation_is_no_stopword() -> None:
    assert "용산기지 이전" in phrases("양측은 용산기지 이전 계획을 논의했다.")


# --------------------------------------------------------------------------- posts after their body, outlets, places


@pytest.mark.parametrize(
    ("canonical", "post"),
    [
        pytest.param(
            "Japanese Ministry of Foreign Affairs Director General for Asian and Oceanian Affairs Bureau",
            "Director General for Asian and Oceanian Affairs Bureau",
            id="ministry-then-director-general",
        ),
        pytest.param("U.S. Army Chief of Staff", "Chief of Staff", id="service-then-chief"),
        pytest.param("U.S. Army Garrison Humphreys", "", id="no-title-after-the-body"),
        pytest.param("Japanese Ministry of Foreign Affairs", "", id="the-body-alone"),
    ],
)
def test_title_after_body(canonical: str, post: str) -> None:
    glossary = Glossary(
        [
            *GLOSSARY,
            Entry(en="Japanese Ministry of Foreign Affairs", ko="일본 외무성", type="organization"),
        ]
    )
    assert title_after_body(canonical, glossary) == post


def test_byline_with_two_outlets(tmp_path: Path) -> None:
    got = _mined(tmp_path, "By Jim Garamone, DoD News, Defense Media Activity\n\nThe leaders met Monday.")
    assert got["Jim Garamone"].type == "person"
    assert got["DoD News"].type == "media"
    assert got["Defense Media Activity"].type == "media"


@pytest.mark.parametrize(
    ("text", "place", "form"),
    [
        pytest.param("The leaders met in Hiroshima, Japan, on Monday.", "Hiroshima", "Hiroshima, Japan", id="country"),
        pytest.param("Davis, a native of Hershey, Pa., spoke.", "Hershey", "Hershey, Pa.", id="state-abbreviation"),
        pytest.param("He flew to Anchorage, Alaska, last week.", "Anchorage", "Anchorage, Alaska", id="state"),
    ],
)
def test_place_with_its_country_or_state(tmp_path: Path, text: str, place: str, form: str) -> None:
    got = _mined(tmp_path, text)
    assert form in got[place].variants


def test_statute_with_its_year(tmp_path: Path) -> None:
    got = _mined(tmp_path, "Congress passed the North Korea Sanctions and Policy Enhancement Act of 2016 in February.")
    assert got["North Korea Sanctions and Policy Enhancement Act of 2016"].type == "document"
    assert "Policy Enhancement Act of 2016" not in got


@pytest.mark.parametrize(
    ("text", "act"),
    [
        pytest.param("the Taiwan Relations Act of 1979 and", True, id="act-of-year"),
        pytest.param("an Act of Congress", False, id="act-of-a-body"),
        pytest.param("the Treaty of 1953", False, id="not-an-act"),
    ],
)
def test_act_of_year(text: str, act: bool) -> None:
    toks = tokens(text)
    assert any(_act_of_year(toks, j) for j in range(len(toks))) is act


# --------------------------------------------------------------------------- alignment: names with initials


def test_initial_inside_a_korean_name_ends_no_phrase() -> None:
    got = phrases("존 D. 존슨 미8군사령관(육군 중장)은 부교를 건넜다.")
    assert "존 D. 존슨" in got


@pytest.mark.parametrize(
    ("term", "sentence", "proposal"),
    [
        pytest.param(
            "Loyd W. Brown",
            "사령부는 신임 에드워드 H. 조 대령을 맞이하는 한편 로이드 W. 브라운 대령을 환송했다.",
            "로이드 W. 브라운",
            id="initial-kept-in-korean",
        ),
        pytest.param(
            "Edward H. Cho",
            "사령부는 신임 에드워드 H. 조 대령을 맞이하는 한편 로이드 W. 브라운 대령을 환송했다.",
            "에드워드 H. 조",
            id="korean-family-name-with-an-english-given-name",
        ),
    ],
)
def test_name_with_an_initial_proposed_whole(tmp_path: Path, term: str, sentence: str, proposal: str) -> None:
    en = "The garrison welcomed Col. Edward H. Cho and bid farewell to Col. Loyd W. Brown."
    (tmp_path / "a.en.txt").write_text(f"Change of command\n\n{en}\n", encoding="utf-8")
    (tmp_path / "a.ko.txt").write_text(f"이취임식\n\n{sentence}\n", encoding="utf-8")
    proposer = Proposer(REAL_GLOSSARY, [read_pair(tmp_path / "a.en.txt", tmp_path / "a.ko.txt")])
    result = proposer.propose(AlignCandidate(canonical=term, type="person"))
    assert result.row.ko == proposal
    assert all(not p.ko.startswith(("H.", "W.")) for p in result.proposals)  # an initial opens no name


@pytest.mark.parametrize(
    ("name", "korean"),
    [
        pytest.param("Song Young-moo", True, id="korean-name"),
        pytest.param("Sung Kim", True, id="given-name-then-family-name"),
        pytest.param("Edward H. Cho", False, id="middle-initial"),
    ],
)
def test_korean_name_shape(name: str, korean: bool) -> None:
    assert korean_name_shape(name) is korean


# --------------------------------------------------------------------------- classes from heldout24 … heldout27


def test_three_word_rank_before_a_name(tmp_path: Path) -> None:
    got = _mined(
        tmp_path, "The visit included U.S. Space Force Chief Master Sgt. Caleb Lloyd, the command's senior enlisted."
    )
    assert "Space Force Chief" not in got
    assert got["Caleb Lloyd"].type == "person"


def test_two_known_terms_joined_by_and_the(tmp_path: Path) -> None:
    glossary = Glossary(
        [
            *GLOSSARY,
            Entry(en="six-party talks", ko="6자회담", type="meeting", en_variants=("Six Party Talks",)),
            Entry(en="United Nations Security Council", ko="유엔 안전보장이사회", type="organization"),
        ]
    )
    path = tmp_path / "a.txt"
    path.write_text(
        "Allies act\n\nThe allies will work through the Six Party Talks and the United Nations Security Council.\n",
        encoding="utf-8",
    )
    got = {c.canonical: c for c in mine([str(path)], glossary=glossary).candidates}
    assert not any(" and " in c.canonical and c.status == "new" for c in got.values())


def test_speaker_surname_after_mr_is_no_acronym(tmp_path: Path) -> None:
    got = _mined(tmp_path, "MR ICE: Thank you, Operator, and good morning.\n\nMR ICE: Next question, please.")
    assert "ICE" not in got


@pytest.mark.parametrize(
    ("line", "writer", "outlet"),
    [
        pytest.param(
            "By Merle David Kellerhals Jr., Staff Writer", "Merle David Kellerhals Jr.", "", id="suffix-and-job-label"
        ),
        pytest.param("By Jim Garamone, DoD News", "Jim Garamone", "DoD News", id="name-and-outlet"),
    ],
)
def test_byline_writer_suffix_and_job_label(tmp_path: Path, line: str, writer: str, outlet: str) -> None:
    got = _mined(tmp_path, f"{line}\n\nSecretary Clinton announced the measures on Monday.")
    assert got[writer].type == "person"
    assert "Staff Writer" not in got
    if outlet:
        assert got[outlet].type == "media"
