"""Issue 19, session 12: formed candidates the review lost — a person whose name is made of words of other
people's names in the glossary (``John Brown``), and a technical adjective caught by the evaluative-suffix rule
(``amphibious``). Every rule's example is a case."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from termdesk.glossary import load_glossary
from termdesk.mine import mine
from termdesk.mine.extract import IN_DOCUMENTS, capitalised_runs, designators, noun_phrases, split_connectors, tokens
from termdesk.mine.quality import (
    DOMAIN_EXEMPT_EXAMPLES,
    GENERIC_RULES,
    NUMBERED_PAIR,
    GenericRule,
    beat_vocabulary,
    form_of_address,
    generic_rule,
    government_of_country,
    known_people,
    no_name,
)

GLOSSARY = load_glossary(Path(__file__).resolve().parent.parent / "glossary")


@pytest.mark.parametrize(("phrase", "rule_name"), DOMAIN_EXEMPT_EXAMPLES, ids=[p for p, _ in DOMAIN_EXEMPT_EXAMPLES])
def test_a_domain_word_is_no_generic_modifier(phrase: str, rule_name: str) -> None:
    rule = next(r for r in GENERIC_RULES if r.name == rule_name)
    assert re.fullmatch(rule.pattern, phrase)  # the pattern alone would take it
    assert not rule.matches(phrase)
    assert generic_rule(phrase) is None


@pytest.mark.parametrize("rule", [r for r in GENERIC_RULES if r.domain_exempt], ids=lambda r: r.name)
def test_every_domain_exempt_rule_has_an_example(rule: GenericRule) -> None:
    assert any(name == rule.name for _, name in DOMAIN_EXEMPT_EXAMPLES)


@pytest.mark.parametrize(
    ("canonical", "not_a_name"),
    [
        pytest.param("Defense Policy", True, id="words of the beat"),
        pytest.param("Affairs Cho", True, id="a word of the beat and a surname"),
        pytest.param("Rodham Clinton", True, id="a known person's name cut"),
        pytest.param("Lee Jong-sup Lee", True, id="a known person's name run on"),
        pytest.param("John Brown", False, id="words of other people's names"),
        pytest.param("Lloyd Austin", False, id="a known person"),
        pytest.param("Gary Hartwig", False, id="no word of the beat"),
    ],
)
def test_no_name(canonical: str, not_a_name: bool) -> None:
    found = no_name(
        canonical,
        beat=beat_vocabulary(GLOSSARY),
        beat_words=beat_vocabulary(GLOSSARY, people=False),
        people=known_people(GLOSSARY),
    )
    assert found is not_a_name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param("Bureau of Industry and Security", ["Bureau of Industry and Security"], id="a closing field"),
        pytest.param(
            "Cooperation Afloat Readiness and Training",
            ["Cooperation Afloat Readiness and Training"],
            id="a closing field after three words",
        ),
        pytest.param("Japan and Korea", ["Japan", "Korea"], id="a place is a name of its own"),
        pytest.param("Secretary Mattis and Song", ["Secretary Mattis", "Song"], id="a surname is a name of its own"),
        pytest.param("President Trump and Moon", ["President Trump", "Moon"], id="no field after a title"),
    ],
)
def test_a_closing_field_joins_the_name(text: str, names: list[str]) -> None:
    runs = [r for run in capitalised_runs(tokens(text)) for r in split_connectors(run)]
    assert [" ".join(t.text for t in r.toks) for r in runs] == names


IN_DOCUMENT_CASES = [
    pytest.param(
        "Commemoration",
        "They present the Joint Declaration in Commemoration of the 60th Anniversary of the Alliance between the "
        "two nations.",
        "Joint Declaration in Commemoration of the 60th Anniversary of the Alliance",
        id="in Commemoration of an anniversary",
    ),
    pytest.param(
        "Celebration",
        "They issued a Joint Statement in Celebration of the 70th Anniversary of the ROK-U.S. Alliance today.",
        "Joint Statement in Celebration of the 70th Anniversary of the ROK-U.S. Alliance",
        id="in Celebration of an anniversary",
    ),
]


@pytest.mark.parametrize(("word", "sentence", "name"), IN_DOCUMENT_CASES)
def test_a_document_title_goes_on_after_in(word: str, sentence: str, name: str) -> None:
    runs = [
        " ".join(t.text for t in r.toks) for run in capitalised_runs(tokens(sentence)) for r in split_connectors(run)
    ]
    assert word in name
    assert name in runs


def test_every_in_document_word_has_a_case() -> None:
    assert {p.values[0] for p in IN_DOCUMENT_CASES} == IN_DOCUMENTS


def test_a_document_after_in_commemoration_is_typed_a_document(tmp_path: Path) -> None:
    text = "Alliance\n\nThe four Ministers recalled the Joint Declaration in Commemoration of the 60th Anniversary of the U.S.-ROK Alliance, they said.\n"
    (tmp_path / "a.en.txt").write_text(text, encoding="utf-8")
    cands = {c.canonical: c.type for c in mine([str(tmp_path / "a.en.txt")], glossary=GLOSSARY).candidates}
    assert cands["Joint Declaration in Commemoration of the 60th Anniversary of the U.S.-ROK Alliance"] == "document"
    assert "Joint Declaration" not in cands


def _numbered_pair(canonical: str) -> bool:
    return NUMBERED_PAIR.search(canonical) is not None


#: Rules read off a candidate's canonical form (rule, form, whether the rule takes it).
CANONICAL_RULES = [
    pytest.param(form_of_address, "Dear Mr. Chairman", True, id="address: a letter's salutation"),
    pytest.param(form_of_address, "Madam President", True, id="address: an honorific before a bare title"),
    pytest.param(form_of_address, "Mr. Speaker", True, id="address: mister and a title"),
    pytest.param(form_of_address, "Mr. Kim", False, id="address: an honorific before a family name"),
    pytest.param(form_of_address, "President Biden", False, id="address: a title before a name"),
    pytest.param(government_of_country, "Government of the Republic of Korea", True, id="government: in full"),
    pytest.param(government_of_country, "Government of the United States of America", True, id="government: long"),
    pytest.param(government_of_country, "Government Accountability Office", False, id="government: a body"),
    pytest.param(government_of_country, "Government of National Unity", False, id="government: no country"),
    pytest.param(_numbered_pair, "UN Security Council Resolutions 1718 and 1874", True, id="pair: two resolutions"),
    pytest.param(_numbered_pair, "Executive Orders 13810 and 13382", True, id="pair: two executive orders"),
    pytest.param(_numbered_pair, "Resolution 2270", False, id="pair: one resolution"),
]


@pytest.mark.parametrize(("rule", "canonical", "taken"), CANONICAL_RULES)
def test_canonical_rule(rule: Callable[[str], bool], canonical: str, taken: bool) -> None:
    assert rule(canonical) is taken


@pytest.mark.parametrize(
    ("text", "designator"),
    [
        pytest.param("Japan flies the P-8A Patrol Aircraft and the P-1.", "P-8A", id="a patrol aircraft"),
        pytest.param("The P-3 flew over the sea.", "P-3", id="a one-digit patrol aircraft"),
    ],
)
def test_a_p_designator_is_a_weapon(text: str, designator: str) -> None:
    assert designator in {h.surface for h in designators(text)}


def _mined(tmp_path: Path, text: str) -> dict[str, str]:
    (tmp_path / "a.en.txt").write_text(text, encoding="utf-8")
    return {c.canonical: c.status for c in mine([str(tmp_path / "a.en.txt")], glossary=GLOSSARY).candidates}


#: Mined texts, with the glossary (text, candidates kept, candidates gone).
MINED = [
    pytest.param(
        "Charges Filed\n\nAssistant Director John Brown of the FBI’s Counterintelligence Division announced the "
        "filing of a complaint.\n",
        ["John Brown"],
        ["Director … John Brown", "John Brown of the FBI"],
        id="a holder named with words of known people's names",
    ),
    pytest.param(
        "Posture Statement\n\nChairman Reed, Ranking Member Inhofe, and Distinguished Members of the Committee, thank "
        "you for the opportunity to testify.\n",
        ["Ranking Member"],
        ["Ranking Member Inhofe"],
        id="a title and a family name after a comma: the next item of a list, no apposition",
    ),
    pytest.param(
        "Charges Filed\n\nThe charges follow an investigation of weapons of mass destruction proliferators by the "
        "bureau. They stopped the proliferators of weapons of mass destruction.\n",
        [],
        ["investigation of weapons", "mass destruction proliferators", "proliferators of weapons"],
        id="a phrase cut inside a known term at of",
    ),
    pytest.param(
        "Talks Held\n\nThe parties discussed the comprehensive denuclearization of the Korean Peninsula.\n",
        ["comprehensive denuclearization"],
        [],
        id="a head before a known term's complement is no piece",
    ),
    pytest.param(
        "Arms Sale\n\nThe Hon. James E. Risch, Chairman, Committee on Foreign Relations, received the letter. Dear "
        "Mr. Chairman: the sale is notified.\n",
        ["James E. Risch"],
        ["Hon. James E. Risch", "Dear Mr. Chairman"],
        id="the Honorable before a name, a letter's salutation",
    ),
    pytest.param(
        "Consultations Held\n\nThe delegations met in Washington. Under Secretary of State for Arms Control and "
        "International Security Affairs Bonnie Jenkins led the U.S. delegation.\n",
        ["Under Secretary of State for Arms Control and International Security Affairs", "Bonnie Jenkins"],
        ["Secretary of State for Arms Control and International Security Affairs"],
        id="a title opening a sentence with Under",
    ),
    pytest.param(
        'Airmen Honored\n\nThe wing thanked its Airmen, while General "Howie" Chandler, commander of Pacific Air '
        "Forces, spoke.\n",
        [],
        ['"Howie" Chandler'],
        id="a nickname and a family name",
    ),
    pytest.param(
        "Marines Train\n\nCpl. GP Ingersoll 1st Marine Division\n\nThe Marines of the division trained in Pohang.\n",
        ["GP Ingersoll", "1st Marine Division"],
        ["Cpl. GP Ingersoll 1st Marine Division"],
        id="a byline's rank, name and unit",
    ),
    pytest.param(
        "Fleet Visit\n\nVADM Karl Thomas, commander of the U.S. 7th Fleet, met the sailors in Busan.\n",
        ["Karl Thomas"],
        ["VADM Karl Thomas"],
        id="a rank abbreviation in capitals",
    ),
    pytest.param(
        "Alliance Night\n\nAdmirals Aquilino and Paparo thanked the guests, and Generals Berger and Brown spoke.\n",
        [],
        ["Admirals Aquilino", "Generals Berger"],
        id="a plural rank and family names",
    ),
    pytest.param(
        "Ships Arrive\n\nThe amphibious assault ship arrived in Busan for the exercise.\n",
        ["amphibious assault ship"],
        [],
        id="a technical adjective in -ous",
    ),
]


@pytest.mark.parametrize(("text", "kept", "gone"), MINED)
def test_mined_candidates(tmp_path: Path, text: str, kept: list[str], gone: list[str]) -> None:
    found = _mined(tmp_path, text)
    assert set(kept) <= set(found)
    assert not set(gone) & set(found)


def test_two_numbered_documents_are_held_back(tmp_path: Path) -> None:
    text = "Sanctions\n\nThe Council adopted UN Security Council Resolutions 1718 and 1874 in 2006 and 2009.\n"
    found = _mined(tmp_path, text)
    assert found["UN Security Council Resolutions 1718 and 1874"] == "held-back"


def test_a_glossary_term_inside_a_longer_phrase_is_reported_known(tmp_path: Path) -> None:
    text = "Sanctions\n\nThe measures aim at halting Pyongyang's efforts to advance its weapons of mass destruction programs.\n"
    found = _mined(tmp_path, text)
    assert found["weapons of mass destruction"] == "known"


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        pytest.param("They weakened the sanctions regime against the DPRK.", "sanctions regime", id="sanctions regime"),
        pytest.param("They discussed arms sales to the region.", "arms sales", id="arms sales"),
    ],
)
def test_a_plural_modifier_opens_a_phrase(sentence: str, phrase: str) -> None:
    assert phrase in {" ".join(words) for words, _, _ in noun_phrases(tokens(sentence))}


@pytest.mark.parametrize(
    ("headline", "document"),
    [
        pytest.param(
            "U.S.-Japan-Republic of Korea Trilateral Joint Statement on North Korea",
            "U.S.-Japan-Republic of Korea Trilateral Joint Statement",
            id="a three-country compound",
        ),
        pytest.param(
            "United States-Republic of Korea Leaders' Joint Statement",
            "United States-Republic of Korea Leaders' Joint Statement",
            id="a two-country compound",
        ),
        pytest.param(
            "Joint Communique of the 49th Security Consultative Meeting", "Joint Communique", id="no country compound"
        ),
    ],
)
def test_a_headline_document_keeps_its_country_compound(tmp_path: Path, headline: str, document: str) -> None:
    (tmp_path / "a.en.txt").write_text(f"{headline}\n\nThe leaders issued it on Tuesday.\n", encoding="utf-8")
    forms = {f for c in mine([str(tmp_path / "a.en.txt")], glossary=GLOSSARY).candidates for f in c.forms}
    assert document in forms


def test_an_acronym_the_article_expands_otherwise_is_not_the_glossary_entry(tmp_path: Path) -> None:
    text = (
        "Cyber Alert\n\nThis alert contains indicators of compromise (IOCs) and malware descriptions. Network "
        "defenders should look for the indicators of compromise.\n"
    )
    found = _mined(tmp_path, text)
    assert found.get("indicators of compromise") in ("new", "held-back")
