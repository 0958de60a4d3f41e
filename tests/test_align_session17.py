"""Issue 19, session 17: an acronym inside a name keeps its letters when the name's initials are read (``U.S. Navy``
→ USN, never UN; ``USS Kentucky`` → USSK, never UK), so a two-letter acronym of another body is no "glossary acronym"
of the name with a confident proposal (UN → 미 해군 had scored 1.0); a noun such as 사회 ends before a genitive 의
though 회의 is a word too (국제사회의 → 국제사회), and the best proposal drops a particle when the bare phrase scores as
high (집단훈련에 → 집단훈련). Every example is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.align.abstain import PARTICLE_EXAMPLES, cuts_known_word, particle_trimmed
from termdesk.align.acronyms import acronyms_of
from termdesk.align.bitext import read_pair
from termdesk.align.candidates import Candidate
from termdesk.align.proposal_records import Proposal
from termdesk.align.propose import Proposer
from termdesk.glossary import load_glossary
from termdesk.ko.stems import NOUNS_BEFORE_GENITIVE

GLOSSARY = load_glossary(Path(__file__).resolve().parent.parent / "glossary")

#: (a name, an acronym its initials may give, whether they do)
INITIALS = [
    pytest.param("U.S. Navy", "USN", True, id="dotted-acronym-keeps-its-letters"),
    pytest.param("U.S. Navy", "UN", False, id="dotted-acronym-is-no-single-initial"),
    pytest.param("USS Kentucky", "USSK", True, id="ship-prefix-keeps-its-letters"),
    pytest.param("USS Kentucky", "UK", False, id="ship-prefix-is-no-single-initial"),
    pytest.param("UN Secretary-General", "USG", False, id="un-is-no-single-initial"),
    pytest.param("ROK-U.S. Combined Division", "RUCD", True, id="hyphened-acronyms-give-their-initials"),
    pytest.param("U.S. Forces Korea", "USFK", True, id="usfk"),
    pytest.param("Korea-U.S. Integrated Defense Dialogue", "KIDD", True, id="hyphened-name-first-part"),
]


@pytest.mark.parametrize(("name", "acronym", "gives"), INITIALS)
def test_initials_of_a_name(name: str, acronym: str, gives: bool) -> None:
    assert (acronym in acronyms_of(name)) is gives


@pytest.mark.parametrize(("acronym", "wrong"), [("UN", "미 해군"), ("UK", "켄터키함")])
def test_no_glossary_acronym_from_a_single_initial(acronym: str, wrong: str) -> None:
    """With no parallel text at all, nothing may propose another body's Korean for a well-known acronym."""
    result = Proposer(GLOSSARY, []).propose_all([Candidate(canonical=acronym, type="acronym")])[0]
    assert all(p.ko != wrong for p in result.proposals)


@pytest.mark.parametrize(("noun", "phrase"), list(NOUNS_BEFORE_GENITIVE.items()))
def test_noun_before_genitive_is_cut_before_its_particle(noun: str, phrase: str) -> None:
    """Each noun of the table, in its example phrase: the cut after it is a particle, though 회의 is a word too."""
    end = phrase.index(noun) + len(noun)
    assert phrase[end] == "의"
    assert not cuts_known_word(phrase, 0, end, frozenset({"회의"}))


def test_meeting_word_is_still_not_cut() -> None:
    """The rule the table makes an exception to: 정상회의 is no 정상회 + 의."""
    sentence = "제3차 민주주의 정상회의 개최를 위한"
    start = sentence.index("민주주의")
    assert cuts_known_word(sentence, start, sentence.index("정상회") + 3, frozenset({"회의"}))


@pytest.mark.parametrize(("term", "best", "alternative"), PARTICLE_EXAMPLES)
def test_particle_trimmed(term: str, best: str, alternative: str) -> None:
    proposals = [Proposal(best, 0.53, "parallel", "", ("words",)), Proposal(alternative, 0.53, "parallel", "", ())]
    assert particle_trimmed(proposals)[0].ko == alternative


def test_particle_kept_when_the_bare_phrase_scores_lower() -> None:
    proposals = [Proposal("집단훈련에", 0.60, "parallel", "", ()), Proposal("집단훈련", 0.40, "parallel", "", ())]
    assert particle_trimmed(proposals)[0].ko == "집단훈련에"


@pytest.mark.parametrize(
    ("split_text", "term", "ko"),
    [
        pytest.param(
            ("The resolve of the international community grows.", "이는 국제사회의 결의를 높여 줄 것이다."),
            "international community",
            "국제사회",
            id="genitive-after-사회",
        ),
    ],
)
def test_proposal_without_its_particle(tmp_path: Path, split_text: tuple[str, str], term: str, ko: str) -> None:
    en, kr = split_text
    (tmp_path / "a.en.txt").write_text("Headline\n\n" + en + "\n", encoding="utf-8")
    (tmp_path / "a.ko.txt").write_text("제목\n\n" + kr + "\n", encoding="utf-8")
    pair = read_pair(tmp_path / "a.en.txt", tmp_path / "a.ko.txt")
    result = Proposer(GLOSSARY, [pair]).propose_all([Candidate(canonical=term, type="concept")])[0]
    assert result.proposals[0].ko == ko
