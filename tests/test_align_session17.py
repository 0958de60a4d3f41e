"""Issue 19, session 17: an acronym inside a name keeps its letters when the name's initials are read (``U.S. Navy``
→ USN, never UN; ``USS Kentucky`` → USSK, never UK), so a two-letter acronym of another body is no "glossary acronym"
of the name with a confident proposal (UN → 미 해군 had scored 1.0). Every example is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.align.acronyms import acronyms_of
from termdesk.align.candidates import Candidate
from termdesk.align.propose import Proposer
from termdesk.glossary import load_glossary

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
