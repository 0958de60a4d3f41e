"""Issue 19, session 13: people the mine never formed — a given name in initials (``J.R. Haley``), an Army or a
Navy rank in capitals (``SFC``, ``LTJG``), a post headed by ``Attorney`` or ``Judge``, and a headline's person
before its verb (``… Sabrina Singh Holds a Press Briefing``). Every rule's example is a case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from termdesk.glossary import load_glossary
from termdesk.mine import mine
from termdesk.mine.extract import _is_initials, noun_phrases, tokens
from termdesk.text import BYLINE_OPENING, BYLINE_RANK, CAPITAL_RANKS, UNIT_HEAD_ABBREVIATIONS, split_sentences

GLOSSARY = load_glossary(Path(__file__).resolve().parent.parent / "glossary")


def _mined(tmp_path: Path, text: str) -> dict[str, str]:
    (tmp_path / "a.en.txt").write_text(text, encoding="utf-8")
    return {c.canonical: c.type for c in mine([str(tmp_path / "a.en.txt")], glossary=GLOSSARY).candidates}


#: Mined texts, with the glossary (text, candidates kept with their type, candidates gone).
MINED = [
    pytest.param(
        "Task Force Visits\n\nAfter introductions, Rear Adm. J.R. Haley, Commander, Task Force 70, toured the pier.\n",
        {"J.R. Haley": "person"},
        ["Adm. J.R. Haley", "Haley"],
        id="a given name in two initials",
    ),
    pytest.param(
        "Marines Train\n\nThe drill was led by Col. B.P. McCoy, the regiment's commanding officer, in Pohang.\n",
        {"B.P. McCoy": "person"},
        ["McCoy"],
        id="a given name in two initials after a rank",
    ),
    pytest.param(
        "Recovery Mission\n\nSFC Corey Idleburg, a team sergeant, and LTJG Joshua Kelsey joined the recovery team.\n",
        {"Corey Idleburg": "person", "Joshua Kelsey": "person"},
        ["SFC Corey Idleburg", "LTJG Joshua Kelsey"],
        id="Army and Navy ranks in capitals",
    ),
    pytest.param(
        "Sentence Announced\n\nThe sentence was announced by United States Attorney Matthew M. Graves and the FBI.\n",
        {"Matthew M. Graves": "person"},
        ["United States Attorney Matthew M. Graves"],
        id="a post headed by Attorney",
    ),
    pytest.param(
        "Deputy Pentagon Press Secretary Sabrina Singh Holds a Press Briefing\n\nMS. SINGH: Good afternoon. Singh "
        "said the ministers met in Washington.\n",
        {"Sabrina Singh": "person"},
        ["Sabrina Singh Holds"],
        id="a headline's person before the headline's verb",
    ),
    pytest.param(
        "Secretary Del Toro Travels to the Republic of Korea\n\nThe allies are great allies, said Secretary Del "
        "Toro in Seoul.\n",
        {},
        ["Del Toro", "Del Toro Travels"],
        id="a family name with its particle and no given name",
    ),
    pytest.param(
        "Remains Identified\n\nArmy Corporal Luther H. Story was accounted for. Corporal Story was killed in 1950.\n",
        {"Luther H. Story": "person"},
        ["Army Corporal", "Corporal Story", "Army Corporal Luther H. Story"],
        id="a service before a spelt-out rank",
    ),
    pytest.param(
        "Rockets Fired\n\nSoldiers of the 210th FA Bde. fired rockets. The commander of 6th Bn., 37th FA Regt. "
        "spoke.\n",
        {"210th FA Bde.": "organization", "6th Bn., 37th FA Regt.": "organization"},
        ["FA Bde", "FA Regt"],
        id="units with their heads abbreviated",
    ),
    pytest.param(
        "Talks Resume\n\nThe parties reaffirmed the September 19, 2005 Joint Statement and the Feb. 13 agreement. In "
        "a May 2 statement, the ministry welcomed the April 2023 Washington Declaration.\n",
        {"Feb. 13 agreement": "document"},
        ["May 2 statement", "April 2023 Washington Declaration"],
        id="documents named by their dates",
    ),
    pytest.param(
        "Panel Ends\n\nThe mandate of the UN 1718 Committee Panel of Experts ended. They later met at the 2023 Security Consultative "
        "Committee.\n",
        {"UN 1718 Committee Panel of Experts": "organization"},
        ["Committee Panel of Experts", "2023 Security Consultative Committee"],
        id="a resolution's number names its committee, a year does not",
    ),
    pytest.param(
        "Patrols Continue\n\nThe cutter trained with coast guards in Japan and the Philippines, and its crew aboard "
        "trained hard. The acquisition aligns with the plan.\n",
        {"Philippines": "place"},
        ["crew aboard", "acquisition aligns"],
        id="a country named like a plural nationality; an adverb or a verb ends no phrase",
    ),
]


@pytest.mark.parametrize(("text", "kept", "gone"), MINED)
def test_mined_people(tmp_path: Path, text: str, kept: dict[str, str], gone: list[str]) -> None:
    found = _mined(tmp_path, text)
    assert {k: found.get(k) for k in kept} == kept
    assert not set(gone) & set(found)


@pytest.mark.parametrize(
    ("token", "initials"),
    [
        pytest.param("J.R.", True, id="two initials"),
        pytest.param("B.B.", True, id="a letter twice"),
        pytest.param("U.S.", False, id="a country"),
        pytest.param("D.C.", False, id="a district"),
        pytest.param("R.O.K.", False, id="a country in three letters"),
    ],
)
def test_initials(token: str, initials: bool) -> None:
    (tok,) = tokens(token)
    assert _is_initials(tok) is initials


_BYLINE = re.compile(rf"{BYLINE_OPENING}(?P<rank>{BYLINE_RANK})[A-Z]")


@pytest.mark.parametrize(
    ("line", "rank"),
    [
        pytest.param("By Sgt 1st Class Corey Idleburg", "Sgt 1st Class", id="a rank without its period"),
        pytest.param("By LTJG Joshua Kelsey", "LTJG", id="a Navy rank in capitals"),
        pytest.param("By Staff Sgt. Kim Smith", "Staff Sgt.", id="a rank with its period"),
        pytest.param("By SSGT Smith", "", id="no rank: letters the list lacks"),
    ],
)
def test_a_byline_rank(line: str, rank: str) -> None:
    m = _BYLINE.match(line)
    assert m is not None
    assert m.group("rank").strip() == rank


def test_every_capital_rank_is_a_byline_rank() -> None:
    for rank in CAPITAL_RANKS:
        m = _BYLINE.match(f"By {rank} Jane Doe")
        assert m is not None and m.group("rank").strip() == rank, rank


@pytest.mark.parametrize(
    ("sentence", "phrase", "formed"),
    [
        pytest.param("The crew aboard the cutter trained.", ("crew", "aboard"), False, id="an adverb ends no phrase"),
        pytest.param("The acquisition aligns with the plan.", ("acquisition", "aligns"), False, id="a verb form"),
        pytest.param("They practised dynamic targeting today.", ("dynamic", "targeting"), True, id="an -ing noun"),
        pytest.param("The missile programs grew.", ("missile", "programs"), True, id="a noun that is a verb too"),
        pytest.param("They trained in mine warfare.", ("mine", "warfare"), True, id="a naval mine before a noun"),
        pytest.param("The choice is mine and theirs.", ("mine",), False, id="the pronoun mine"),
    ],
)
def test_a_phrase_ends_with_a_noun(sentence: str, phrase: tuple[str, ...], formed: bool) -> None:
    assert (phrase in {w for w, _, _ in noun_phrases(tokens(sentence))}) is formed


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param("The 37th FA Regt. fired rockets.", 1, id="a unit's abbreviated head inside a sentence"),
        pytest.param("They joined the 37th FA Regt. The unit fired.", 2, id="one that ends a sentence"),
    ],
)
def test_an_abbreviated_unit_head_ends_a_sentence_only_before_a_sentence_start(text: str, sentences: int) -> None:
    assert len(split_sentences(text)) == sentences


def test_every_abbreviated_unit_head_is_a_unit_head() -> None:
    from termdesk.mine.extract import UNIT_HEADS

    assert {f"{a}." for a in UNIT_HEAD_ABBREVIATIONS} <= UNIT_HEADS


def test_a_pronoun_and_its_contracted_verb_are_no_part_of_a_name(tmp_path: Path) -> None:
    found = _mined(tmp_path, "Roundtable Held\n\nI'm Kelly Olsen from the New York Times. Maybe I'll ask again.\n")
    assert "Kelly Olsen" in found
    assert not {"I'm Kelly Olsen", "Maybe I'll"} & set(found)


@pytest.mark.parametrize(
    ("text", "single", "kept"),
    [
        pytest.param(
            "Remarks\n\nGreat, thank you very much, Jalina. We met in Seoul.\n", "Jalina", False, id="thanked"
        ),
        pytest.param("Remarks\n\nWe thank you, Singapore, for hosting the talks.\n", "Singapore", True, id="a place"),
    ],
)
def test_a_name_a_speaker_thanks_is_no_candidate(tmp_path: Path, text: str, single: str, kept: bool) -> None:
    assert (single in _mined(tmp_path, text)) is kept
