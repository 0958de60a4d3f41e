"""Issue 19, session 14: a proper modifier and the lowercase phrase it modifies, mined whole and held back
(``DPRK policy review``, ``Kim regime``), and a single word that is a longer name of the batch mentioned short
(``Loverro`` of ``Douglas L. Loverro``, ``Vinson`` of ``USS Carl Vinson``, ``Taepo`` of ``Taepo Dong-2``). Every
rule's example is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.glossary import load_glossary
from termdesk.mine import mine
from termdesk.mine.extract import proper_headed_phrases, tokens
from termdesk.mine.result import Candidate

GLOSSARY = load_glossary(Path(__file__).resolve().parent.parent / "glossary")


def _phrases(sentence: str) -> list[str]:
    toks = tokens(sentence)
    return [sentence[toks[a].start : toks[b - 1].end] for a, _, b in proper_headed_phrases(toks)]


#: (sentence, the proper-headed phrases formed): each rule of :func:`proper_headed_phrases` and its example.
PHRASES = [
    pytest.param("The allies completed the DPRK policy review.", ["DPRK policy review"], id="an acronym"),
    pytest.param("Officials said the Kim regime is isolated.", ["Kim regime"], id="a leader's name"),
    pytest.param("They praised the U.S.-Japan alliance in Tokyo.", ["U.S.-Japan alliance"], id="a hyphenated pair"),
    pytest.param("During the COVID-19 pandemic, drills were cut.", ["COVID-19 pandemic"], id="a designator-like name"),
    pytest.param("Sanctions target DPRK IT workers.", ["DPRK IT workers"], id="two acronyms"),
    pytest.param("It is a Northeast Asian region of peace.", [], id="an of after the head: a longer phrase"),
    pytest.param("The ROK Marines strengthen alliance ties.", [], id="a subject and its verb"),
    pytest.param(
        "The allies completed the DPRK policy review last year.",
        ["DPRK policy review"],
        id="a general adjective ends it",
    ),
    pytest.param("Sanctions target DPRK IT workers abroad.", ["DPRK IT workers"], id="an adverb ends it"),
    pytest.param("The COVID-19 pandemic slowed the drills.", ["COVID-19 pandemic"], id="a verb ends it"),
    pytest.param("Senior leaders met in Seoul.", [], id="a sentence's first word capitalised as such"),
    pytest.param("Secretary Austin visits troops.", [], id="a title word is no modifier"),
    pytest.param("The work at Humphreys alone is staggering.", [], id="no noun at its end"),
    pytest.param("He met the Minister of National Defense spokesman.", [], id="cut from a longer name"),
    pytest.param(
        "They toured the South Korean military academy grounds today.", [], id="more than two lowercase words"
    ),
    pytest.param("On Monday morning the ships sailed.", [], id="a weekday is no modifier"),
]


@pytest.mark.parametrize(("sentence", "formed"), PHRASES)
def test_proper_headed_phrases(sentence: str, formed: list[str]) -> None:
    assert _phrases(sentence) == formed


def _mined(tmp_path: Path, text: str) -> dict[str, Candidate]:
    (tmp_path / "a.en.txt").write_text(text, encoding="utf-8")
    return {c.canonical: c for c in mine([str(tmp_path / "a.en.txt")], glossary=GLOSSARY).candidates}


def test_a_proper_headed_phrase_is_held_back_with_a_low_type_confidence(tmp_path: Path) -> None:
    found = _mined(tmp_path, "Review Ends\n\nThe allies completed the DPRK policy review in May.\n")
    c = found["DPRK policy review"]
    assert (c.status, c.type_confidence) == ("held-back", "low")


def test_a_nationality_and_a_lowercase_place_head_is_no_name_but_a_held_back_phrase(tmp_path: Path) -> None:
    # session 8 kept "Korean peninsula" from being joined into a name; it is now a held-back phrase (with the full
    # glossary it is the known Korean Peninsula and not repeated)
    (tmp_path / "a.txt").write_text("Allies meet\n\nThey crossed the Korean peninsula by air.\n", encoding="utf-8")
    found = {c.canonical: c for c in mine([str(tmp_path / "a.txt")], glossary=None).candidates}
    assert found["Korean peninsula"].status == "held-back"
    assert "Korean peninsula" not in _mined(tmp_path, "Allies meet\n\nThey crossed the Korean peninsula by air.\n")


def test_a_proper_headed_phrase_the_glossary_has_is_not_repeated_held_back(tmp_path: Path) -> None:
    found = _mined(tmp_path, "Threat Grows\n\nThe missiles can reach the U.S. homeland, officials said.\n")
    assert "U.S. homeland" not in found or found["U.S. homeland"].status != "held-back"


#: (text, the single word, the status it gets or None when it is gone).
SHORT = [
    pytest.param(
        'Space Policy\n\nDeputy Assistant Secretary Douglas L. Loverro spoke. "It matters," Loverro said.\n',
        "Loverro",
        None,
        id="a family name of the batch's person",
    ),
    pytest.param(
        "Carrier Visits\n\nThe USS Carl Vinson arrived in Busan. During the visit, Vinson will host tours.\n",
        "Vinson",
        "variant-of-known",
        id="a known ship named without its prefix and given name",
    ),
    pytest.param(
        "Camp Grows\n\nCamp Humphreys is growing. The work at Humphreys is large, and Humphreys will grow.\n",
        "Humphreys",
        None,
        id="a camp named without its prefix",
    ),
    pytest.param(
        "Launch Condemned\n\nThe allies condemned the launch of a Taepo Dong-2 missile on April 12.\n",
        "Taepo",
        None,
        id="the first word of a system's name before its designator",
    ),
]


@pytest.mark.parametrize(("text", "single", "status"), SHORT)
def test_a_longer_name_mentioned_short(tmp_path: Path, text: str, single: str, status: str | None) -> None:
    found = _mined(tmp_path, text)
    assert (found[single].status if single in found else None) == status
