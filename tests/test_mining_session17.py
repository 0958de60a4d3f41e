"""Issue 19, session 17: only a person follows a rank, so the name after one is read more freely (``Gen. Gary
North``, ``Col. Choong Soon Kang``); the services' abbreviations without a period are ranks (``LtGen``, ``MCC``).
Every rule's example is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.glossary import load_glossary
from termdesk.mine import mine
from termdesk.mine.extract import parse_title_run, tokens
from termdesk.mine.quality import ends_with_country
from termdesk.mine.result import Candidate
from termdesk.text import classify_line

GLOSSARY = load_glossary(Path(__file__).resolve().parent.parent / "glossary")
HEADLINE = "Allied Units Train Together\n\n"


def _mined(tmp_path: Path, text: str) -> dict[str, Candidate]:
    (tmp_path / "a.en.txt").write_text(HEADLINE + text + "\n", encoding="utf-8")
    return {c.canonical: c for c in mine([str(tmp_path / "a.en.txt")], glossary=GLOSSARY).candidates}


def _name_after_title(run: str) -> str | None:
    toks = tokens(run)
    parsed = parse_title_run(toks)
    if parsed is None or parsed.name is None:
        return None
    a, b = parsed.name
    return " ".join(t.text for t in toks[a:b] if t.text != ",")


#: (a rank and what follows it, the name parsed after the rank or None)
AFTER_RANK = [
    pytest.param("Gen. Gary North", "Gary North", id="surname-a-direction"),
    pytest.param("Col. Choong Soon Kang", "Choong Soon Kang", id="korean-name-in-western-order"),
    pytest.param("Lt. Col. Will Freds", "Will Freds", id="given-name-an-english-word"),
    pytest.param("Gen. Nels Running", "Nels Running", id="surname-an-english-word"),
    pytest.param("Lt. Daniel de La Fe", "Daniel de La Fe", id="lowercase-particle"),
    pytest.param("Corporal An, Seung-hyun", "An Seung-hyun", id="spelt-rank-korean-comma-name"),
    pytest.param("LtGen Vincent Stewart", "Vincent Stewart", id="marine-rank-without-period"),
    pytest.param("MCC Wendy Wyman", "Wendy Wyman", id="navy-rating"),
    pytest.param("SSgt Ryan Kim", "Ryan Kim", id="air-force-rank-without-period"),
    pytest.param(
        "Ambassador Linda Thomas-Greenfield U.S. Representative to the United Nations",
        "Linda Thomas-Greenfield",
        id="statement-header-name-between-two-posts",
    ),
    pytest.param(
        "Ambassador Joseph E. Macmanus U.S. Permanent Representative to the International Atomic Energy Agency",
        "Joseph E. Macmanus",
        id="statement-header-graded-second-post",
    ),
    pytest.param(
        "Ambassador Robert A. Wood Permanent Representative to the Conference on Disarmament",
        "Robert A. Wood",
        id="statement-header-second-post-without-country",
    ),
    # guards: a rank before no name
    pytest.param("Major Command Headquarters", None, id="body-after-spelt-rank"),
    pytest.param("Captain America", None, id="place-alone-after-spelt-rank"),
    pytest.param("Gen. North Korea", None, id="only-places-after-rank"),
    pytest.param("Col. Public Affairs Office", None, id="body-after-rank"),
]


@pytest.mark.parametrize(("run", "name"), AFTER_RANK)
def test_name_after_a_rank(run: str, name: str | None) -> None:
    assert _name_after_title(run) == name


#: (sentence, the person mined, the glued form no longer offered)
RANKED_PEOPLE = [
    pytest.param(
        "The guests included Col. Choong Soon Kang, air attache at the South Korean Embassy.",
        "Choong Soon Kang",
        "Col. Choong Soon Kang",
        id="korean-name-in-western-order",
    ),
    pytest.param(
        "Gen. Gary North, the Pacific Air Forces commander, directed an investigation.",
        "Gary North",
        "Gen. Gary North",
        id="surname-a-direction",
    ),
    pytest.param(
        "DIA Director LtGen Vincent Stewart testified at the hearing.",
        "Vincent Stewart",
        "LtGen Vincent Stewart",
        id="marine-rank-without-period",
    ),
    pytest.param(
        "By MCC Wendy Wyman, CNFK Public Affairs\n\nSailors visited the orphanage.",
        "Wendy Wyman",
        "MCC Wendy Wyman",
        id="byline-navy-rating",
    ),
]


@pytest.mark.parametrize(("text", "person", "glued"), RANKED_PEOPLE)
def test_ranked_person_is_mined_without_the_rank(tmp_path: Path, text: str, person: str, glued: str) -> None:
    got = _mined(tmp_path, text)
    assert got[person].type == "person"
    assert glued not in got


@pytest.mark.parametrize("rank", ["LtGen", "MajGen", "BGen", "LtCol"])
def test_marine_rank_abbreviations_are_glossary_variants(rank: str) -> None:
    """The glossary's rank entries carry the Marine Corps' forms, so ``LtGen`` is no new term."""
    assert any(rank in e.en_forms for e in GLOSSARY)


#: (sentence, the candidate and its status, or None when it is not offered at all)
SESSION17_CASES = [
    pytest.param(
        "Special Agent in Charge David Nardella of the U.S. Department of Commerce said the case was closed.",
        {"David Nardella": "new", "U.S. Department of Commerce": "new"},
        id="name-then-of-a-department",
    ),
    pytest.param(
        "The talks were led by Director Park Jong Wang of the Ministry of Patriots and Veterans Affairs.",
        {"Park Jong Wang": "new", "Ministry of Patriots and Veterans Affairs": "known", "Patriot": None},
        id="name-then-of-a-ministry-no-patriot-missile",
    ),
    pytest.param(
        "U.S. Attorney Zachary T. Fardon of the Northern District of Illinois announced the charges.",
        {"Zachary T. Fardon": "new", "Northern District of Illinois": "new"},
        id="name-then-of-a-district",
    ),
    pytest.param(
        "Ambassador Charles Hay of the United Kingdom spoke.",
        {"Charles Hay": "new", "United Kingdom": None},
        id="guard-country-after-of-is-no-body",
    ),
    pytest.param(
        "The Defense POW/MIA Accounting Agency Director met the families.",
        {"Defense POW/MIA Accounting Agency": "new", "Defense POW/MIA Accounting Agency Director": "new"},
        id="body-before-its-post",
    ),
    pytest.param(
        "The Korea Coast Guard Deputy Commissioner welcomed the cutter.",
        {"Korea Coast Guard": "new"},
        id="body-before-a-graded-post",
    ),
    pytest.param(
        "With us today is a Senior State Department Official.",
        {"Senior State Department": None},
        id="guard-graded-post-is-no-body",
    ),
    pytest.param(
        "Good afternoon, my name is Robert King, Special Envoy for North Korean Human Rights Issues.",
        {"Robert King": "new"},
        id="surname-king-is-a-person",
    ),
    pytest.param(
        "Then-Defense Secretary Robert Gates visited the troops.",
        {"Then-Defense Secretary": None, "Defense Secretary": "known"},
        id="then-prefix-capitalised",
    ),
    pytest.param(
        "The chaplains visited the 2nd Infantry Division Museum where they learned the history.",
        {"2nd Infantry Division Museum": "new", "Infantry Division Museum": None},
        id="unit-museum-keeps-its-number",
    ),
    pytest.param(
        "Following lunch in the Commanding General's Mess, the chaplains left.",
        {"Commanding General": "held-back"},
        id="bare-post-held-back",
    ),
    pytest.param(
        "Vice Adm. Lisa Franchetti, Commander, U.S. Naval Forces Korea, spoke.",
        {"Commander, U.S. Naval Forces Korea": "variant-of-known"},
        id="country-inside-a-known-post",
    ),
]


SESSION17_CASES += [
    pytest.param(
        "U.S. Congresswoman Madeleine Z. Bordallo, Guam and U.S. Congressman Robert Wittman, Virginia, met them.",
        {"Robert Wittman": "new", "U.S. Congressman Robert Wittman": None, "Madeleine Z. Bordallo": "new"},
        id="congressman-is-a-title",
    ),
    pytest.param(
        "The Honorable Jesse Helms, United States Senate\n\nThis is in response to your letter.",
        {"Jesse Helms": "new"},
        id="honorable-is-an-honorific",
    ),
    pytest.param(
        "The controls rest on Public Law 96-72 and Presidential Determination 2007-32.",
        {"Public Law 96-72": "new", "Public Law": None, "Presidential Determination 2007-32": "new"},
        id="numbered-law-and-determination",
    ),
    pytest.param(
        "They were apprehended by Burmese authorities. Few Burmese officials attend. Palestinian groups may act.",
        {"Burmese": None, "Palestinian": None},
        id="people-adjective-before-a-noun",
    ),
    pytest.param(
        "The Six-Party partners met. North-South relations improved.",
        {"Six-Party": None, "North-South": None},
        id="compound-of-names-before-a-noun",
    ),
    pytest.param(
        "Allies in the Asia-Pacific region met. Asia-Pacific countries joined.",
        {"Asia-Pacific": "new"},
        id="guard-region-named-by-places",
    ),
    pytest.param(
        "The Hwasong-15 missile flew over the sea.",
        {"Hwasong-15": "known"},
        id="guard-designator-before-a-noun",
    ),
    pytest.param(
        "Korean-speaking monitors will watch the deliveries.",
        {"Korean-speaking": None},
        id="hyphen-participle-speaking",
    ),
]

SESSION17_CASES += [
    pytest.param(
        "Travelers should follow the Centers for Disease Control's guidelines.",
        {"Centers for Disease Control": "new", "Disease Control": None},
        id="plural-body-head-before-for",
    ),
    pytest.param(
        "The audit follows the National Defense Authorization Act for FY 2017 and House Report 114-537.",
        {"National Defense Authorization Act for FY 2017": "new", "House Report 114-537": "new", "House Report": None},
        id="fiscal-year-and-numbered-report",
    ),
    pytest.param(
        "Expressing Yourself\n\nBy Colonel Tideman Penland, U.S. Army, USFK Judge Advocate\n\nOur family grows.",
        {"Tideman Penland": "new", "Colonel Tideman Penland": None},
        id="byline-spelt-rank",
    ),
]

SESSION17_CASES += [
    pytest.param(
        "He received the 50th Anniversary Korean Commemorative Medal.",
        {"50th Anniversary Korean Commemorative Medal": "new", "Anniversary Korean Commemorative Medal": None},
        id="anniversary-medal-keeps-its-ordinal",
    ),
    pytest.param(
        "Add the medal to the DD Form 214 and file NA Form 13038.",
        {"DD Form 214": "new", "NA Form 13038": "new", "DD Form": None},
        id="numbered-form",
    ),
    pytest.param(
        "The Republic of Korea-provided fuel arrived.",
        {"Republic of Korea-provided": None},
        id="hyphen-participle-provided",
    ),
    pytest.param(
        "Thank you, Madam Vice President.\n\nThe Vice President of the United States visited the DMZ.",
        {"Madam Vice President": None},
        id="form-of-address-to-a-graded-post",
    ),
]

SESSION17_CASES += [
    pytest.param(
        "From there he proceeded to U.S. Army Garrison, Yongsan, and began a busy itinerary.",
        {"U.S. Army Garrison Yongsan": "new", "U.S. Army Garrison": None},
        id="garrison-comma-place",
    ),
    pytest.param(
        "The tour included U.S. Army Garrison Red Cloud, Camp Walker, Wonju and the range.",
        {"U.S. Army Garrison Red Cloud": "new", "Camp Walker": "known"},
        id="guard-garrison-in-a-list",
    ),
]


#: (name, it ends in a country's code cut from the words after it)
ENDS_WITH_COUNTRY = [
    pytest.param("Senior U.S.", True, id="grade-then-country"),
    pytest.param("Top US", True, id="headline-piece"),
    pytest.param("Combined US-ROK", True, id="country-pair"),
    pytest.param("U.S. Ambassador to the ROK", False, id="guard-post-to-a-country"),
    pytest.param("President of the ROK", False, id="guard-post-of-a-country"),
    pytest.param("North Korea", False, id="guard-a-country-name"),
    pytest.param("Jo Myong Rok", False, id="guard-a-name-ending-like-a-code"),
]


@pytest.mark.parametrize(("name", "expected"), ENDS_WITH_COUNTRY)
def test_ends_with_country(name: str, expected: bool) -> None:
    assert ends_with_country(name) is expected


@pytest.mark.parametrize(("text", "expected"), SESSION17_CASES)
def test_session17_candidates(tmp_path: Path, text: str, expected: dict[str, str | None]) -> None:
    got = _mined(tmp_path, text)
    assert {k: (got[k].status if k in got else None) for k in expected} == expected


def test_robert_king_is_typed_a_person(tmp_path: Path) -> None:
    got = _mined(
        tmp_path, "Good afternoon, my name is Robert King, Special Envoy for North Korean Human Rights Issues."
    )
    assert got["Robert King"].type == "person"


def test_transcript_speaker_label_is_held_back(tmp_path: Path) -> None:
    """``Ambassador King:`` names the speaker of a transcript by his post and family name: a bare post to hold back,
    no title to review first; his full name is the term."""
    (tmp_path / "a.en.txt").write_text(
        "Remarks at Departure From Beijing Capital International Airport\n\n"
        "Robert R. King, Special Envoy for North Korean Human Rights Issues\n\n"
        "AMBASSADOR KING: Good afternoon, my name is Robert King, Special Envoy for North Korean Human Rights.\n\n"
        "Question: Are you positive that the state is now going forward?\n\n"
        "Ambassador King: I'm reporting back to Washington.\n\n"
        "Question: Are you satisfied with your discussions?\n\n"
        "Ambassador King: I'm very satisfied with our discussions.\n",
        encoding="utf-8",
    )
    got = {c.canonical: c.status for c in mine([str(tmp_path / "a.en.txt")], glossary=GLOSSARY).candidates}
    assert got["Ambassador King"] == "held-back"
    assert got["Robert King"] == "new"


#: (a line, whether it is a byline: a writer's long rating is not counted against the byline's length)
BYLINES = [
    pytest.param(
        "From Mass Communication Specialist 1st Class Abraham Essenmacher, Commander, U.S. Naval Forces Korea Public"
        " Affairs",
        "byline",
        id="navy-rating-of-six-words",
    ),
    pytest.param("By Staff Sgt. Franklin R. Ramos, 51st Fighter Wing Public Affairs", "byline", id="plain-byline"),
    pytest.param(
        "By the end of the week the two navies had completed every drill that the combined staff had planned for them",
        None,
        id="guard-sentence-opening-with-by",
    ),
]


@pytest.mark.parametrize(("line", "kind"), BYLINES)
def test_byline_with_a_long_rating(line: str, kind: str | None) -> None:
    assert classify_line(line) == kind


def test_byline_writer_is_mined_without_the_rating(tmp_path: Path) -> None:
    (tmp_path / "a.en.txt").write_text(
        "US Naval Forces Korea Conducts Change of Command\n\n"
        "From Mass Communication Specialist 1st Class Abraham Essenmacher, Commander, U.S. Naval Forces Korea Public "
        "Affairs\n\nRear Adm. Bill Byrne relieved Rear Adm. Lisa Franchetti as commander.\n",
        encoding="utf-8",
    )
    got = {c.canonical for c in mine([str(tmp_path / "a.en.txt")], glossary=GLOSSARY).candidates}
    assert "Abraham Essenmacher" in got
    assert "Class Abraham Essenmacher" not in got
