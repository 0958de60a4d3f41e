"""Issue 19, session 16: a dash written with spaces inside a name joins it (``United States Army Garrison -
Yongsan``, ``ROK – US Combined Forces Command``, ``Deputy Commanding General – Operations``) unless it follows a
dateline; a numbered part of a document (``Article V of the U.S.-Japan Security Treaty``) is mined with the
document it is part of. Every rule's example is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.glossary import load_glossary
from termdesk.mine import mine
from termdesk.mine.extract import (
    apposition,
    capitalised_runs,
    dashed_name,
    document_of_part,
    split_connectors,
    tokens,
)
from termdesk.mine.result import Candidate

GLOSSARY = load_glossary(Path(__file__).resolve().parent.parent / "glossary")

HEADLINE = "Allied Units Train Together\n\n"


def _mined(tmp_path: Path, sentence: str) -> dict[str, Candidate]:
    (tmp_path / "a.en.txt").write_text(HEADLINE + sentence + "\n", encoding="utf-8")
    return {c.canonical: c for c in mine([str(tmp_path / "a.en.txt")], glossary=GLOSSARY).candidates}


def _runs(text: str) -> list[str]:
    return [" ".join(t.text for t in r.toks) for r in capitalised_runs(tokens(text))]


def _names(text: str) -> list[str]:
    """The capitalised runs, split at the connectors that join no name."""
    return [" ".join(t.text for t in r.toks) for raw in capitalised_runs(tokens(text)) for r in split_connectors(raw)]


#: (text, the capitalised runs: a dash inside a name is one of its tokens)
DASHED = [
    pytest.param(
        "the United States Army Garrison - Yongsan commander",
        ["United States Army Garrison - Yongsan"],
        id="garrison-and-its-place",
    ),
    pytest.param(
        "the Installation Management Command -- Pacific director",
        ["Installation Management Command - - Pacific"],
        id="double-hyphen-before-the-region",
    ),
    pytest.param(
        "Deputy Commanding General – Operations", ["Deputy Commanding General – Operations"], id="post-and-function"
    ),
    pytest.param(
        "Army Field Support Battalion–Northeast Asia",
        ["Army Field Support Battalion – Northeast Asia"],
        id="unspaced-en-dash",
    ),
    pytest.param(
        "leadership of United Nations Command, ROK – US Combined Forces Command and U.S. Forces Korea",
        ["United Nations Command", "ROK – US Combined Forces Command and U.S. Forces Korea"],
        id="two-countries-of-a-compound-in-a-list",
    ),
    pytest.param(
        "CAMP CASEY, South Korea – United States Army Garrison Yongsan-Casey hosted a ceremony",
        ["CAMP CASEY", "South Korea", "United States Army Garrison Yongsan-Casey"],
        id="dateline-place-and-country",
    ),
    pytest.param("WASHINGTON -- U.S. forces arrived", ["WASHINGTON", "U.S."], id="dateline-in-capitals"),
    pytest.param("in South Korea – The U.S. said", ["South Korea", "The U.S."], id="determiner-after-the-dash"),
    pytest.param(
        "the 2nd Infantry Division – ROK-U.S. Combined Division",
        ["2nd Infantry Division", "ROK-U.S. Combined Division"],
        id="two-bodies-either-side",
    ),
    pytest.param(
        "sailors from Korea - Sailors from Japan", ["Korea", "Sailors", "Japan"], id="no-head-before-the-dash"
    ),
    pytest.param("the Director – John Smith said", ["Director", "John Smith"], id="person-after-a-post-and-a-dash"),
]


@pytest.mark.parametrize(("text", "runs"), DASHED)
def test_dash_inside_a_name(text: str, runs: list[str]) -> None:
    assert _runs(text) == runs


def test_dashed_name_needs_a_dash() -> None:
    toks = tokens("United States Army Garrison Yongsan")
    assert dashed_name(toks, 0, 3) == 0


#: (sentence after a name and a comma, the title in apposition)
SERVED = [
    pytest.param(
        "said Brig. Gen. Sean Crockett, Deputy Commanding General – Operations, Eighth Army.",
        "Deputy Commanding General – Operations",
        id="function-after-the-post-then-the-body",
    ),
    pytest.param(
        "said Brig. Gen. K. Weedon Gallagher, VNG Assistant Adjutant General - Army.",
        "VNG Assistant Adjutant General - Army",
        id="branch-after-the-post-at-the-end",
    ),
]


@pytest.mark.parametrize(("text", "title"), SERVED)
def test_served_function_is_in_the_apposed_title(text: str, title: str) -> None:
    toks = tokens(text)
    comma = [t.text for t in toks].index(",")
    span = apposition(toks, comma)
    assert span is not None
    assert " ".join(t.text for t in toks[span[0] : span[1]]) == title


#: (sentence, the whole name mined, its type)
WHOLE = [
    pytest.param(
        "Col. Edward Cho took command of United States Army Garrison - Yongsan on Friday.",
        "United States Army Garrison - Yongsan",
        "organization",
        id="garrison-with-its-place",
    ),
    pytest.param(
        "The Deputy Commanding Officer – Transformation spoke to the staff on Monday.",
        "Deputy Commanding Officer – Transformation",
        "title",
        id="post-with-its-function-is-a-title",
    ),
]


@pytest.mark.parametrize(("sentence", "whole", "type_"), WHOLE)
def test_dashed_name_is_mined_whole(tmp_path: Path, sentence: str, whole: str, type_: str) -> None:
    mined = _mined(tmp_path, sentence)
    assert whole in mined, sorted(mined)
    assert mined[whole].type == type_


#: (a capitalised run, the document it names a part of, or None)
PARTS = [
    pytest.param(
        "Article V of the U.S.-Japan Security Treaty", "U.S. - Japan Security Treaty", id="roman-article-of-a-treaty"
    ),
    pytest.param("Article 5 of the Mutual Defense Treaty", "Mutual Defense Treaty", id="arabic-article-of-a-treaty"),
    pytest.param("Article Five Group", None, id="no-number-no-part"),
    pytest.param("Section 40A of the Arms Export Control Act", "Arms Export Control Act", id="section-with-a-letter"),
]


@pytest.mark.parametrize(("text", "document"), PARTS)
def test_document_of_a_numbered_part(text: str, document: str | None) -> None:
    runs = capitalised_runs(tokens(text))
    part = document_of_part(runs[0])
    assert (None if part is None else " ".join(t.text for t in part.toks)) == document


def test_part_and_its_document_are_both_candidates(tmp_path: Path) -> None:
    mined = _mined(
        tmp_path,
        "The minister said the islands are covered by Article V of the U.S.-Japan Security Treaty, officials said.",
    )
    assert "U.S.-Japan Security Treaty" in mined, sorted(mined)
    assert "Article V of the U.S.-Japan Security Treaty" in mined, sorted(mined)


#: (text, the lowercase phrases wanted, phrases that must not be formed)
PHRASES = [
    pytest.param(
        "To develop a contingency plan for hitting the barracks.", ["contingency plan"], [], id="plan-after-a-noun"
    ),
    pytest.param("The defense ministry plans new drills.", [], ["ministry plans"], id="plans-before-its-object-a-verb"),
    pytest.param("The ministry plans to deploy more ships.", [], ["ministry plans"], id="plans-to-a-verb"),
    pytest.param(
        "They reviewed the operational plans and exercises.", ["operational plans"], [], id="plural-plans-a-noun"
    ),
    pytest.param(
        "It combined propaganda, psychological warfare and subversion and sabotage.",
        ["psychological warfare"],
        [],
        id="one-noun-after-and-is-a-conjunct",
    ),
    pytest.param(
        "They discussed regional security and alliance issues.",
        ["alliance issues"],
        ["regional security"],
        id="two-words-after-and-share-the-head",
    ),
    pytest.param(
        "Officers met to discuss the maritime security environment and reaffirm the alliance.",
        ["maritime security"],
        ["maritime security environment and reaffirm"],
        id="verb-after-and-keeps-the-earlier-reading",
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), PHRASES)
def test_lowercase_phrases(text: str, wanted: list[str], unwanted: list[str]) -> None:
    from termdesk.mine.extract import noun_phrases

    got = {" ".join(words) for words, _, _ in noun_phrases(tokens(text))}
    assert set(wanted) <= got, sorted(got)
    assert not set(unwanted) & got, sorted(got)


#: (a capitalised run, the title parse: titles as text, the name or None)
POSTS = [
    pytest.param(
        "Sgt. Maj. of the Army Michael Grinston",
        ["Sgt. Maj. of the Army"],
        "Michael Grinston",
        id="abbreviated-rank-of-a-service-is-a-post",
    ),
    pytest.param(
        "ROK Army Sergeant Major of the Army Jeong Hae-cheon",
        ["Sergeant Major of the Army"],
        "Jeong Hae-cheon",
        id="spelt-rank-of-a-service-service-before-dropped",
    ),
    pytest.param(
        "Chief Master Sgt. of the Air Force Kaleth Wright",
        ["Chief Master Sgt. of the Air Force"],
        "Kaleth Wright",
        id="air-force-senior-enlisted-post",
    ),
    pytest.param("Lt Gen Lance L. Smith", ["Lt Gen"], "Lance L. Smith", id="two-word-rank-without-periods"),
    pytest.param("Lt. Col Brent Kinney", ["Lt. Col"], "Brent Kinney", id="two-word-rank-without-its-last-period"),
    pytest.param(
        "Eighth Army Command Sgt. Maj. Ray Devens",
        ["Command Sgt. Maj."],
        "Ray Devens",
        id="rank-without-of-stays-a-rank",
    ),
    pytest.param("Warrior Leader Course", None, None, id="program-head-after-a-title-word-no-name"),
    pytest.param(
        "Assistant Attorney General John C. Demers of the Justice Department",
        ["Assistant Attorney General"],
        "John C. Demers",
        id="name-before-of-a-body-is-still-a-name",
    ),
]


@pytest.mark.parametrize(("text", "titles", "name"), POSTS)
def test_rank_posts_and_program_names(text: str, titles: list[str] | None, name: str | None) -> None:
    from termdesk.mine.extract import parse_title_run

    toks = capitalised_runs(tokens(text))[0].toks
    parsed = parse_title_run(toks)
    if titles is None:
        assert parsed is None
        return
    assert parsed is not None
    assert [" ".join(t.text for t in toks[a:b]) for a, b in parsed.titles] == titles
    assert (None if parsed.name is None else " ".join(t.text for t in toks[parsed.name[0] : parsed.name[1]])) == name


#: (text, the names after splitting at connectors)
NAMES = [
    pytest.param(
        "discussed the Integrated Personnel and Pay System, or IPPS-A",
        ["Integrated Personnel and Pay System", "IPPS-A"],
        id="two-fields-of-a-system",
    ),
    pytest.param("Japan and Missile Defense System", ["Japan", "Missile Defense System"], id="country-before-and"),
    pytest.param(
        "for its mission partner Fleet Readiness Center (FRC) Western Pacific.",
        ["Fleet Readiness Center ( FRC ) Western Pacific"],
        id="acronym-then-compass-place",
    ),
    pytest.param(
        "Naval Supply Systems Command (NAVSUP) Fleet Logistics Center (FLC) Yokosuka awarded",
        ["Naval Supply Systems Command", "NAVSUP", "Fleet Logistics Center ( FLC ) Yokosuka"],
        id="acronym-then-a-place-no-dictionary-knows",
    ),
    pytest.param(
        "the Combined Forces Command (CFC) Deputy Commander",
        ["Combined Forces Command", "CFC", "Deputy Commander"],
        id="acronym-then-a-title-is-no-place",
    ),
]


@pytest.mark.parametrize(("text", "names"), NAMES)
def test_names_with_fields_and_places(text: str, names: list[str]) -> None:
    assert _names(text) == names


#: (text, the capitalised runs)
BOUNDARIES = [
    pytest.param(
        "said Michael A. Cooper, principal deputy, 411th CSB Camp Red Cloud, South Korea.",
        ["Michael A. Cooper", "CSB", "Camp Red Cloud", "South Korea"],
        id="camp-after-a-unit-acronym",
    ),
    pytest.param(
        "the NCOs must pass the Defense Language Institute English exam first.",
        ["NCOs", "Defense Language Institute", "English"],
        id="language-after-a-body-before-a-noun",
    ),
    pytest.param(
        "the Korea Institute for Defense Analyses said", ["Korea Institute for Defense Analyses"], id="no-language-word"
    ),
]


@pytest.mark.parametrize(("text", "runs"), BOUNDARIES)
def test_run_boundaries(text: str, runs: list[str]) -> None:
    assert _runs(text) == runs


#: (a capitalised run, the person's name the parse finds, or None)
SURNAME_KING = [
    pytest.param("Army Pvt. Travis T. King", "Travis T. King", id="rank-given-name-initial-king"),
    pytest.param("Saudi King Salman", "Salman", id="king-before-a-name-is-a-title"),
]


@pytest.mark.parametrize(("text", "name"), SURNAME_KING)
def test_king_as_a_family_name(text: str, name: str) -> None:
    from termdesk.mine.extract import parse_title_run

    toks = capitalised_runs(tokens(text))[0].toks
    parsed = parse_title_run(toks)
    assert parsed is not None and parsed.name is not None
    assert " ".join(t.text for t in toks[parsed.name[0] : parsed.name[1]]) == name


#: (text, the numbered unit a longer name opens with, or None)
UNIT_PREFIX = [
    pytest.param(
        "as the 7th Infantry Division Noncommissioned Officer Academy, the",
        "7th Infantry Division",
        id="school-of-the-unit",
    ),
    pytest.param("the 51st Fighter Wing Chaplain said", "51st Fighter Wing", id="post-of-the-unit"),
    pytest.param(
        "for the 2nd Infantry Division ROK-U.S. Combined Division.",
        "2nd Infantry Division",
        id="second-body-named-by-countries",
    ),
    pytest.param("the 1st Armored Brigade Combat Team arrived", None, id="brigade-combat-team-is-one-unit"),
    pytest.param("the 302nd Brigade Support Battalion arrived", None, id="brigade-support-battalion-is-one-unit"),
]


@pytest.mark.parametrize(("text", "unit"), UNIT_PREFIX)
def test_numbered_unit_before_a_longer_name(text: str, unit: str | None) -> None:
    from termdesk.mine.extract import unit_before_body

    run = max(capitalised_runs(tokens(text)), key=lambda r: len(r.toks))
    got = unit_before_body(run)
    assert (None if got is None else " ".join(t.text for t in got.toks)) == unit


def test_unit_and_its_school_are_both_candidates(tmp_path: Path) -> None:
    mined = _mined(
        tmp_path,
        "Originally established in May 1960 as the 7th Infantry Division Noncommissioned Officer Academy, "
        "the academy was renamed later.",
    )
    assert "7th Infantry Division" in mined, sorted(mined)
    assert "7th Infantry Division Noncommissioned Officer Academy" in mined, sorted(mined)


#: (text, the capitalised runs): a plural without ``s`` before ``'s`` inside a name, a Korean name in the USFK
#: comma style after an honorific
MORE_RUNS = [
    pytest.param("in observance of Women's History Month, the", ["Women 's History Month"], id="womens-inside-a-name"),
    pytest.param("the Children's Day event", ["Children 's Day"], id="childrens-inside-a-name"),
    pytest.param(
        "said South Korea's Ministry of Defense", ["South Korea", "Ministry of Defense"], id="possessive-splits"
    ),
    pytest.param(
        "the Ministry of Patriots and Veterans Affairs said",
        ["Ministry of Patriots and Veterans Affairs"],
        id="two-fields-of-a-ministry",
    ),
    pytest.param(
        "the Department of Commerce and Korean Ministry of Trade",
        ["Department of Commerce", "Korean Ministry of Trade"],
        id="a-nationality-after-and-opens-another-body",
    ),
    pytest.param(
        "introduce the Fairness for Korean DMZ Veterans Act of 2017 today",
        ["Fairness for Korean DMZ Veterans Act of 2017"],
        id="for-inside-a-statute-title",
    ),
    pytest.param(
        "Mayor; Honorable Kim, Sung Won, National Assembly of Dongducheon,",
        ["Mayor", "Honorable Kim , Sung Won", "National Assembly of Dongducheon"],
        id="comma-korean-name-after-an-honorific",
    ),
]


@pytest.mark.parametrize(("text", "runs"), MORE_RUNS)
def test_more_run_boundaries(text: str, runs: list[str]) -> None:
    assert _names(text) == runs


#: (sentence, a title's complement that is a candidate, or one that is not)
COMPLEMENTS = [
    pytest.param(
        "Minister of Patriots and Veterans Affairs Park Min-shik laid a wreath on Monday.",
        None,
        "Patriots and Veterans Affairs",
        id="portfolio-of-a-post-is-no-body",
    ),
    pytest.param(
        "Commander of Naval Special Warfare Group 1 Capt. John Smith spoke on Monday.",
        "Naval Special Warfare Group 1",
        None,
        id="body-of-a-post-is-a-body",
    ),
]


@pytest.mark.parametrize(("sentence", "body", "portfolio"), COMPLEMENTS)
def test_title_complement(tmp_path: Path, sentence: str, body: str | None, portfolio: str | None) -> None:
    mined = _mined(tmp_path, sentence)
    forms = {f for c in mined.values() for f in c.forms}
    if body is not None:
        assert body in forms, sorted(forms)
    if portfolio is not None:
        assert portfolio not in forms, sorted(forms)


#: (a byline line, whether it is byline debris)
BYLINES = [
    pytest.param("By Eric Durr New York National Guard", True, id="outlet-after-the-name-no-comma"),
    pytest.param("By Jim Garamone DoD News, Defense Media Activity", True, id="acronym-outlet-then-a-second-one"),
    pytest.param("By the end of the year the Guard had grown", False, id="a-sentence-not-a-byline"),
]


@pytest.mark.parametrize(("line", "byline"), BYLINES)
def test_byline_with_no_comma_after_the_name(line: str, byline: bool) -> None:
    from termdesk.text import classify_line

    assert (classify_line(line) == "byline") is byline


@pytest.mark.parametrize(
    ("line", "writer", "outlet"),
    [
        pytest.param("By Eric Durr New York National Guard", "Eric Durr", "New York National Guard", id="guard"),
        pytest.param("By Jim Garamone DoD News, Defense Media Activity", "Jim Garamone", "DoD News", id="dod-news"),
    ],
)
def test_byline_writer_is_cut_from_the_outlet(tmp_path: Path, line: str, writer: str, outlet: str) -> None:
    mined = _mined(tmp_path, line + "\n\nSoldiers toured the motor pool on Monday.")
    assert mined[writer].type == "person", sorted(mined)
    assert not [c for c in mined if c.startswith(writer + " ")], sorted(mined)
    assert outlet in {f for c in mined.values() for f in c.forms} | set(mined), sorted(mined)
