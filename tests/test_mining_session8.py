"""Issue 19, session 8: names with a nickname or a family name in capitals, a headline's people kept when the body
names them, one-word countries however common, numbered documents after ``E.O.``, a deck in title case, a title's
acronym as a form of the whole title and before the holder's family name. Every rule's example is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.glossary import Entry, Glossary
from termdesk.mine import Candidate, mine
from termdesk.mine.article import _deck
from termdesk.mine.extract import _quoted_nickname, capitalised_runs, parse_title_run, tokens, type_named_unit

GLOSSARY = Glossary(
    [
        Entry(en="Secretary of Defense", ko="국방장관", type="title"),
        Entry(en="Japan", ko="일본", type="place"),
        Entry(en="Deputy Minister for National Defense Policy", ko="국방정책실장", type="title"),
    ]
)


def _mined(tmp_path: Path, text: str) -> dict[str, Candidate]:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return {c.canonical: c for c in mine([str(path)], glossary=GLOSSARY).candidates}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        pytest.param(
            "said U.S. Air Force Lt. Col. Jondavid 'Dok' Hertzel, 4th Fighter Squadron commander.",
            "Jondavid 'Dok' Hertzel",
            id="nickname-in-straight-quotes",
        ),
        pytest.param(
            "The ceremony honored Gen. Willard “Bill” Burleson, who served as commanding general.",
            "Willard “Bill” Burleson",
            id="nickname-in-curly-quotes",
        ),
        pytest.param(
            "Adm. Kim met Commander, Self Defense Fleet Vice Adm. SAITO Akira to share information.",
            "SAITO Akira",
            id="japanese-family-name-in-capitals",
        ),
    ],
)
def test_person_names(tmp_path: Path, text: str, person: str) -> None:
    got = _mined(tmp_path, "Allies meet\n\n" + text + "\n")
    assert got[person].type == "person"
    for part in person.replace("'", " ").replace("“", " ").replace("”", " ").split():
        assert part not in got  # no piece of the name is a candidate of its own


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Kerry said 'Yes' Monday.", id="quoted-word-after-a-lowercase-word"),
        pytest.param("Allies held the 'Freedom Edge' Exercise.", id="two-words-in-the-quotes"),
        pytest.param("Kerry ' Yes ' Monday.", id="spaces-inside-the-quotes"),
    ],
)
def test_not_a_nickname(text: str) -> None:
    toks = tokens(text)
    assert not any(_quoted_nickname(toks, j) for j in range(len(toks)))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The USFK Commander met the press.", id="acronym-before-a-title"),
        pytest.param("Gen. USA Today wrote.", id="acronym-before-a-word-not-japanese"),
        pytest.param("Gen. NATO Allies met.", id="acronym-before-a-plural"),
    ],
)
def test_no_family_name_in_capitals(text: str) -> None:
    for run in capitalised_runs(tokens(text)):
        tn = parse_title_run(run.toks)
        assert tn is None or tn.name is None or run.toks[tn.name[0]].text != run.toks[tn.name[0]].text.upper()


def test_headline_people_kept_when_the_body_names_them(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        "Press Availability with Secretary of Defense Donald Rumsfeld and Minister of Defense Yoon Kwang-Ung\n\n"
        "Secretary Rumsfeld: Good afternoon. Minster Yoon and I met today.\n",
    )
    assert got["Donald Rumsfeld"].type == "person"
    assert got["Yoon Kwang-Ung"].type == "person"
    assert "Minster Yoon" not in got  # a later mention of the person, misspelled title and all


def test_headline_capitals_bound_no_title_nor_name(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        "Carter, New Japanese Defense Minister Discuss Changing Security Environment\n\n"
        "Defense Secretary Ash Carter met his counterpart at the Pentagon today.\n",
    )
    assert "Discuss Changing Security Environment" not in got
    assert not any(k.startswith("Readout") or "Discuss" in k for k in got)


def test_headline_title_kept_only_as_the_body_writes_it(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        "Readout of Secretary of Defense Lloyd J. Austin III's Call With Minister of National Defense Shin Won-sik\n\n"
        "Secretary Austin spoke with Minister Shin today.\n",
    )
    assert "Shin Won-sik" in got
    assert not any(k.startswith(("Readout", "Call With")) for k in got)


@pytest.mark.parametrize(
    "country",
    [pytest.param("Australia", id="australia"), pytest.param("India", id="india"), pytest.param("Israel", id="israel")],
)
def test_common_country_name_is_mined(tmp_path: Path, country: str) -> None:
    got = _mined(tmp_path, f"Allies meet\n\nThey discussed cooperation with Japan and {country} on Friday.\n")
    assert got[country].type == "place"
    assert got[country].status == "new"


@pytest.mark.parametrize(
    "word",
    [pytest.param("United", id="part-of-a-name"), pytest.param("North", id="compass-word")],
)
def test_place_part_alone_is_not_mined(tmp_path: Path, word: str) -> None:
    got = _mined(tmp_path, f"Allies meet\n\nThey said {word} was the word on Friday.\n")
    assert word not in got


@pytest.mark.parametrize(
    ("words", "type_"),
    [
        pytest.param(["E.O.", "13551"], "document", id="eo-and-its-number"),
        pytest.param(["Executive", "Order", "13382"], "document", id="executive-order-and-its-number"),
    ],
)
def test_numbered_document_type(words: list[str], type_: str) -> None:
    assert type_named_unit(words) == type_


def test_eo_number_is_one_document(tmp_path: Path) -> None:
    got = _mined(tmp_path, "Allies meet\n\nOFAC designated two individuals pursuant to E.O. 13687 on Friday.\n")
    assert got["E.O. 13687"].type == "document"


@pytest.mark.parametrize(
    ("text", "deck"),
    [
        pytest.param(
            "Action Follows New Executive Order Issued Today; Implements United Nations Security Council Resolution",
            True,
            id="title-case-subheadline-with-verbs",
        ),
        pytest.param("By Staff Sgt. Ryan Harris, USFK Public Affairs", False, id="byline"),
        pytest.param("DoD News, Defense Media Activity", False, id="publisher-line"),
        pytest.param("a lowercase line that follows the headline", False, id="not-title-case"),
    ],
)
def test_deck(text: str, deck: bool) -> None:
    assert _deck(text) is deck


def test_deck_names_nothing_by_its_capitals(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        "Treasury Sanctions North Korean Officials\n\n"
        "Action Follows New Executive Order Issued Today; Implements Legislation Targeting North Korea\n\n"
        "The Treasury today designated 17 officials.\n",
    )
    assert not any("Issued" in k or "Targeting" in k or "Action Follows" in k for k in got)


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        pytest.param(
            "Deputy Minister (DEPMIN) for National Defense Policy, Mr. Cho Chang Lae, led the delegation. "
            "DEPMIN Cho spoke first.",
            "Deputy Minister (DEPMIN) for National Defense Policy",
            id="acronym-inside-the-title",
        ),
        pytest.param(
            "Deputy Minister for National Defense Policy (DEPMIN), Dr. Heo Tae-keun led the delegation. "
            "DEPMIN Heo spoke first.",
            "Deputy Minister for National Defense Policy",
            id="acronym-after-the-title",
        ),
    ],
)
def test_title_acronym(tmp_path: Path, text: str, whole: str) -> None:
    got = _mined(tmp_path, "Allies meet\n\n" + text + "\n")
    assert "DEPMIN" in got[whole].variants
    assert got[whole].status == "variant-of-known"
    assert "Deputy Minister" not in got  # the bare title is no term
    assert not any(k.startswith("DEPMIN ") for k in got)  # the acronym and the family name: a later mention


def test_portfolio_word_intelligence_joins_the_title(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        'Allies meet\n\n"These actions matter," said Adam J. Szubin, Acting Under Secretary for Terrorism and '
        "Financial Intelligence.\n",
    )
    assert "Acting Under Secretary for Terrorism and Financial Intelligence" in got
    assert "Acting Under Secretary for Terrorism" not in got


def test_headline_person_with_no_dictionary_word(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        "Statement from NSC Spokesperson Adrienne Watson on the Launch\n\nThe United States condemns the launch.\n",
    )
    assert got["Adrienne Watson"].type == "person"
    assert got["NSC Spokesperson"].type == "title"  # an acronym opens the title: the headline bounds it


def test_title_complement_through_of_the(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        'Allies meet\n\n"We act," said Acting Under Secretary of the Treasury for Terrorism and Financial Intelligence '
        "Bradley T. Smith.\n",
    )
    assert "Acting Under Secretary of the Treasury for Terrorism and Financial Intelligence" in got
    assert got["Bradley T. Smith"].type == "person"
    assert "Acting Under Secretary of the Treasury" not in got


@pytest.mark.parametrize(
    ("text", "unit", "forms"),
    [
        pytest.param(
            "The 8th Fighter Wing (8th FW) hosted them. The 8th FW commander spoke.",
            "8th FW",
            {"8th FW", "8th Fighter Wing"},
            id="ordinal-and-unit-abbreviation-one-with-the-spelled-out-unit",
        ),
        pytest.param(
            "The 611th Air and Space Operations Center hosted them.",
            "611th Air and Space Operations Center",
            {"611th Air and Space Operations Center"},
            id="ordinal-unit-with-and-inside",
        ),
        pytest.param(
            "The ship is assigned to Destroyer Squadron (DESRON) 15, the Navy's largest DESRON.",
            "Destroyer Squadron (DESRON) 15",
            {"Destroyer Squadron (DESRON) 15"},
            id="unit-number-after-its-acronym",
        ),
    ],
)
def test_numbered_units(tmp_path: Path, text: str, unit: str, forms: set[str]) -> None:
    got = _mined(tmp_path, "Allies meet\n\n" + text + "\n")
    assert set(got[unit].forms) >= forms
    assert "FW" not in got and "Air and Space Operations Center" not in got


def test_unit_abbreviation_is_a_form_of_the_known_unit(tmp_path: Path) -> None:
    glossary = Glossary(
        [Entry(en="Seventh Air Force", ko="미7공군", type="organization", en_variants=("7th Air Force",))]
    )
    path = tmp_path / "a.txt"
    path.write_text("Allies meet\n\nThe 7th AF staff met on Friday.\n", encoding="utf-8")
    got = {c.canonical: c for c in mine([str(path)], glossary=glossary).candidates}
    assert got["7th AF"].status == "variant-of-known"
    assert "AF" not in got


def test_ordinal_before_a_meeting_acronym_is_no_unit(tmp_path: Path) -> None:
    got = _mined(tmp_path, "Allies meet\n\nThe 37th SCM was held in Seoul on Friday.\n")
    assert "37th SCM" not in got


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        pytest.param(
            "During the visit, Ralph Johnson Sailors volunteered.",
            "Ralph Johnson Sailors",
            "Ralph Johnson",
            id="ship-and-its-sailors",
        ),
        pytest.param("U.S. Airmen trained on Friday.", "U.S. Airmen", None, id="country-and-its-airmen"),
    ],
)
def test_service_members_end_no_name(tmp_path: Path, text: str, gone: str, kept: str | None) -> None:
    got = _mined(tmp_path, "Allies meet\n\n" + text + "\n")
    assert gone not in got
    if kept:
        assert kept in got


def test_and_the_numbered_unit_is_a_second_body(tmp_path: Path) -> None:
    got = _mined(tmp_path, "Allies meet\n\nIt is the Navy's largest DESRON and the U.S. 7th Fleet's main force.\n")
    assert not any(" and the " in k for k in got)


def test_quoted_title_is_one_document(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        "Allies meet\n\nAs the report, \"The DPRK's Violation and Evasion of UN Sanctions Through Cyber and Information "
        'Technology Worker Activities," describes, revenue funds its programs.\n',
    )
    title = (
        "The DPRK's Violation and Evasion of UN Sanctions Through Cyber and Information Technology Worker Activities"
    )
    assert got[title].type == "document"
    assert "Evasion of UN Sanctions Through Cyber" not in got
    assert "Information Technology Worker Activities" not in got


def test_short_quote_is_no_title(tmp_path: Path) -> None:
    got = _mined(tmp_path, 'Allies meet\n\nHe called the drill "Freedom Edge" on Friday in Seoul.\n')
    assert not any(c.type == "document" for c in got.values())


@pytest.mark.parametrize(
    ("form", "held"),
    [
        pytest.param("force posture initiatives", True, id="generic-plural-head-initiatives"),
        pytest.param("joint military forces", True, id="generic-plural-head-forces"),
        pytest.param("tactical vehicle operations", True, id="generic-plural-head-operations"),
        pytest.param("drone incursions", True, id="generic-plural-head-incursions"),
        pytest.param("counterstrike operations", False, id="rare-modifier-is-evidence"),
        pytest.param("missile defense posture", False, id="no-generic-head-no-coordination"),
        pytest.param("ready and combined force", True, id="two-modifiers-coordinated"),
        pytest.param("multilateral and trilateral initiatives", True, id="two-scopes-coordinated"),
    ],
)
def test_generic_plural_head_or_coordinated_modifiers_held_back(form: str, held: bool) -> None:
    from termdesk.mine.corpus import shared_zipf
    from termdesk.mine.quality import beat_vocabulary, held_back

    c = Candidate(form, (), "concept", 1, 1, 1.0, (), "new", "", ())
    # every word is the beat's: only the generic head or the coordination can hold the phrase back
    beat = beat_vocabulary(Glossary([Entry(en=form, ko="가", type="concept")]))
    assert held_back(c, shared_zipf(), beat) is held


@pytest.mark.parametrize(
    ("text", "unit", "type_"),
    [
        pytest.param(
            "The Marines of Combat Logistics Regiment 37 trained.",
            "Combat Logistics Regiment 37",
            "organization",
            id="unit-and-its-number",
        ),
        pytest.param("Task Force 70 led the drill.", "Task Force 70", "organization", id="task-force-number"),
        pytest.param(
            "The Treasury acted under Executive Orders 13810 and 13382 on Friday.",
            "Executive Orders 13810 and 13382",
            "document",
            id="plural-orders-and-two-numbers",
        ),
        pytest.param(
            "Ships sailed near the Senkaku islands on Friday.",
            "Senkaku islands",
            "place",
            id="name-and-lowercase-islands",
        ),
        pytest.param(
            "They build on the Camp David Trilateral Leaders' Summit today.",
            "Camp David Trilateral Leaders' Summit",
            "meeting",
            id="plural-possessive-inside",
        ),
    ],
)
def test_names_with_numbers_heads_and_possessives(tmp_path: Path, text: str, unit: str, type_: str) -> None:
    got = _mined(tmp_path, "Allies meet\n\n" + text + "\n")
    assert unit in got, sorted(got)
    assert got[unit].type == type_


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        pytest.param("Carrier Strike Group 5 ships sailed.", "Carrier Strike Group 5", id="number-counts-the-ships"),
        pytest.param("Secretary Mattis' Call With Minister Song went well.", "Mattis' Call", id="surname-in-s"),
        pytest.param("the United States' APEC host year", "United States' APEC", id="states-is-no-plural-noun"),
    ],
)
def test_not_joined_into_a_name(tmp_path: Path, text: str, absent: str) -> None:
    got = _mined(tmp_path, "Allies meet\n\n" + text + "\n")
    assert absent not in got


def test_capitals_words_are_no_acronyms(tmp_path: Path) -> None:
    got = _mined(tmp_path, "FACT SHEET: Sanctions on North Korea\n\nThe United States signed the SOFA.\n")
    assert "FACT" not in got and "SHEET" not in got
    assert "SOFA" in got  # an acronym alone that is also a word stays one


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        pytest.param("U.S. Army Garrison Humphreys", "USAG Humphreys", id="four-words-to-initials"),
        pytest.param("Combined Forces Command", "CF Command", id="two-words-to-initials"),
    ],
)
def test_initials_opening(form: str, expected: str) -> None:
    from termdesk.mine.quality import initials_opening

    assert expected in initials_opening(form)


def test_known_under_its_initials(tmp_path: Path) -> None:
    glossary = Glossary([Entry(en="Camp Humphreys", ko="캠프 험프리스", type="place", en_variants=("USAG Humphreys",))])
    path = tmp_path / "a.txt"
    path.write_text("Allies meet\n\nThe ceremony was at U.S. Army Garrison Humphreys on Friday.\n", encoding="utf-8")
    got = {c.canonical: c for c in mine([str(path)], glossary=glossary).candidates}
    assert got["U.S. Army Garrison Humphreys"].status == "variant-of-known"


def test_long_headline_title_is_not_taken(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        "Secretary of Defense Lloyd J. Austin III Joint Press Briefing With South Korean Defense Minister "
        "Shin Won-sik\n\nSecretary Austin and Minister Shin spoke to reporters.\n",
    )
    assert not any("Briefing" in k for k in got)


@pytest.mark.parametrize(
    ("form", "adjective"),
    [
        pytest.param("North Korea-related", True, id="related"),
        pytest.param("DPRK-associated", True, id="associated"),
        pytest.param("U.S.-led", True, id="led"),
        pytest.param("North Korea", False, id="a-name"),
        pytest.param("Indo-Pacific", False, id="hyphenated-name"),
    ],
)
def test_hyphen_adjective(form: str, adjective: bool) -> None:
    from termdesk.mine.quality import hyphen_adjective

    assert hyphen_adjective(form) is adjective


@pytest.mark.parametrize(
    ("form", "coordinated"),
    [
        pytest.param("U.S and ROK Marine Corps", True, id="codes-one-misspelt"),
        pytest.param("U.S. and Japanese Navies", True, id="code-and-nationality"),
        pytest.param("Korea and Japan Fisheries", False, id="names-not-codes"),
        pytest.param("ROK Marine Corps", False, id="one-country"),
    ],
)
def test_coordinated_countries(form: str, coordinated: bool) -> None:
    from termdesk.mine.quality import coordinated_countries

    assert coordinated_countries(form) is coordinated


def test_two_documents_joined_by_and_the(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        "Allies meet\n\nBoth honored the U.S.-ROK Mutual Defense Treaty and the Armistice Agreement on Friday.\n",
    )
    assert not any(" and the " in k for k in got)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("Vice Adm. Michael Boyle, Commander, U.S. 3rd Fleet, met the press.", "Commander, U.S. 3rd Fleet",
                     id="commander-comma-numbered-fleet"),
        pytest.param("They met Commander, Japan Maritime Self Defense Force (JMSDF) Self Defense Fleet Vice Adm. SAITO "
                     "Akira.", "Commander, Japan Maritime Self Defense Force (JMSDF) Self Defense Fleet",
                     id="commander-comma-acronym-inside"),
    ],
)  # fmt: skip
def test_commander_comma_unit_is_one_title(tmp_path: Path, text: str, title: str) -> None:
    got = _mined(tmp_path, "Allies meet\n\n" + text + "\n")
    assert got[title].type == "title"


def test_honorific_between_title_and_name(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        "Allies meet\n\nIn addition, Principal Deputy Assistant Secretary of Defense for Space Policy Dr. Vipin Narang "
        "co-chaired the dialogue.\n",
    )
    assert got["Principal Deputy Assistant Secretary of Defense for Space Policy"].type == "title"
    assert got["Vipin Narang"].type == "person"
    assert "Deputy Assistant Secretary" not in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param("They marked the 43rd Foundation Anniversary on Friday.", "43rd Foundation Anniversary",
                     id="ordinal-anniversary"),
        pytest.param("They marked the 61st Anniversary of Armistice on Friday.", "61st Anniversary of Armistice",
                     id="ordinal-anniversary-of"),
    ],
)  # fmt: skip
def test_ordinal_anniversary_is_one_event(tmp_path: Path, text: str, name: str) -> None:
    got = _mined(tmp_path, "Allies meet\n\n" + text + "\n")
    assert got[name].type == "event"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        pytest.param("ROK Minister of National Defense Kim, Kwan Jin and U.S. Secretary of Defense Leon Panetta met.",
                     "Kim, Kwan Jin", id="comma-korean-name-after-a-title"),
    ],
)  # fmt: skip
def test_comma_korean_name_after_a_title(tmp_path: Path, text: str, person: str) -> None:
    got = _mined(tmp_path, "Allies meet\n\n" + text + "\n")
    assert got[person].type == "person"
    assert "Kwan Jin" not in got
    assert not any(k.endswith("Kim,") for k in got)


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        pytest.param("The South Korea-based 2nd Infantry Division is the only one.",
                     "South Korea-based 2nd Infantry Division", "2nd Infantry Division", id="based-adjective"),
        pytest.param('"Good," said Lt. Richard Ray, operations officer.', "Lt.", "Richard Ray",
                     id="unknown-rank-alone"),
        pytest.param("The 1st Armored Brigade Combat Team trained.", "Armored Brigade Combat Team",
                     "1st Armored Brigade Combat Team", id="ordinal-team"),
    ],
)  # fmt: skip
def test_pieces_left_out(tmp_path: Path, text: str, gone: str, kept: str) -> None:
    got = _mined(tmp_path, "Allies meet\n\n" + text + "\n")
    assert gone not in got
    assert kept in got


def test_headline_title_opened_by_a_headline_noun_is_not_taken(tmp_path: Path) -> None:
    got = _mined(
        tmp_path,
        "Readout of Secretary Austin's Call With Japan Minister of Defense Kishi Nobuo\n\n"
        "Secretary Austin had a call with Japan Minister of Defense Kishi Nobuo.\n",
    )
    assert not any(k.startswith(("Call With", "Readout")) for k in got)


@pytest.mark.parametrize(
    ("text", "designator", "named"),
    [
        pytest.param("The A-10 Thunderbolt II flew.", "A-10", "A-10 Thunderbolt II", id="name-and-roman-numeral"),
        pytest.param("The KA-1 Woongbi flew.", "KA-1", "KA-1 Woongbi", id="one-word-name"),
        pytest.param("F-16 Fighting Falcons flew.", "F-16", "F-16 Fighting Falcons", id="two-word-name"),
    ],
)
def test_designator_and_its_name(tmp_path: Path, text: str, designator: str, named: str) -> None:
    got = _mined(tmp_path, "Allies meet\n\n" + text + "\n")
    assert named in got[designator].forms
    assert named.split(" ", 1)[1] not in got  # the name alone is no candidate


def test_designator_before_a_unit_or_place_takes_no_name(tmp_path: Path) -> None:
    got = _mined(tmp_path, "Allies meet\n\nThe F-16 Fighter Squadron flew to Kunsan from Osan.\n")
    assert "F-16 Fighter Squadron" not in got["F-16"].forms


def test_unit_abbreviation_after_a_number_is_no_acronym(tmp_path: Path) -> None:
    got = _mined(tmp_path, "Allies meet\n\nThe 51 FW commander spoke on Friday.\n")
    assert "FW" not in got


@pytest.mark.parametrize(
    ("text", "post"),
    [
        pytest.param(
            "He met with the Minister of Defense Kim on Friday.", "Minister of Defense", id="post-and-surname"
        ),
        pytest.param(
            "Secretary of Defense Hagel is visiting Seoul.", "Secretary of Defense", id="known-post-and-surname"
        ),
    ],
)
def test_known_post_and_a_family_name_is_the_post(tmp_path: Path, text: str, post: str) -> None:
    glossary = Glossary(
        [
            Entry(en="Minister of Defense", ko="국방장관", type="title"),
            Entry(en="Secretary of Defense", ko="국방장관", type="title"),
        ]
    )
    path = tmp_path / "a.txt"
    path.write_text("Allies meet\n\n" + text + "\n", encoding="utf-8")
    got = {c.canonical: c for c in mine([str(path)], glossary=glossary).candidates}
    assert not any(k.startswith(post + " ") for k in got)
    assert got[post].status in ("known", "variant-of-known")


def test_speaker_label_in_capitals_is_no_acronym(tmp_path: Path) -> None:
    got = _mined(tmp_path, "Allies meet\n\nSTAFF: Let us now start the press conference.\n")
    assert "STAFF" not in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param("The U.S. Embassy in Seoul said so on Friday.", "U.S. Embassy in Seoul", id="embassy-in-city"),
        pytest.param("Soldiers of the 814th Multi-Role Bridge Company trained.", "814th Multi-Role Bridge Company",
                     id="ordinal-company"),
    ],
)  # fmt: skip
def test_mission_in_its_city_and_ordinal_company(tmp_path: Path, text: str, name: str) -> None:
    got = _mined(tmp_path, "Allies meet\n\n" + text + "\n")
    assert name in got
