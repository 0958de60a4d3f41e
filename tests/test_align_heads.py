"""Issue 19: a proposal that stops before the Korean of the term's head is continued with it (``북한 IT`` for DPRK
IT workers → ``북한 IT 인력``), and an acronym whose key is an English stopword (``IT``) is a content word of the
term. Every example of :data:`HEAD_EXAMPLES` is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.align.abstain import HEAD_EXAMPLES, head_continued, head_word, part_forms, veto
from termdesk.align.candidates import Candidate
from termdesk.align.propose import Proposer
from termdesk.align.scoring import profile
from termdesk.glossary import load_glossary

PROPOSER = Proposer(load_glossary(Path(__file__).resolve().parent.parent / "glossary"), [])


@pytest.mark.parametrize(("term", "ko", "sentence", "proposed"), HEAD_EXAMPLES, ids=[e[0] for e in HEAD_EXAMPLES])
def test_the_head_is_added(term: str, ko: str, sentence: str, proposed: str) -> None:
    assert (head_continued(term, ko, PROPOSER.units(term), [sentence]) or ko) == proposed


@pytest.mark.parametrize(
    ("term", "head"),
    [
        pytest.param("DPRK IT workers", "workers", id="the last content word"),
        pytest.param("battle at Unsan", "battle", id="the word before a preposition"),
        pytest.param("Ministry of National Defense", "Ministry", id="the word before of"),
        pytest.param("ransomware", None, id="one word: no head to check"),
    ],
)
def test_head_word(term: str, head: str | None) -> None:
    found = head_word(term)
    assert (term[found[0] : found[1]] if found else None) == head


def test_an_acronym_is_a_content_word() -> None:
    # "IT" is no pronoun: the Korean of workers alone renders one word of two
    assert "노동자" in part_forms("IT workers", PROPOSER.units("IT workers"))


@pytest.mark.parametrize(
    ("term", "ko", "refused"),
    [
        pytest.param("Trump Administration", "트럼프 행정부", "", id="a term that names the person"),
        pytest.param("Obama-era policy", "오바마 행정부 정책", "", id="a hyphenated name"),
        pytest.param("defense talks", "트럼프 장관 회담", "name-in-phrase", id="a person the term does not name"),
        pytest.param("Trump Administration", "트럼프", "name-in-phrase", id="the name alone"),
    ],
)
def test_a_term_that_names_a_person_may_hold_the_name(term: str, ko: str, refused: str) -> None:
    t = profile(Candidate(canonical=term, type="organization"))
    assert veto(t, ko, people=frozenset({"트럼프", "오바마"})) == refused
