"""Issue 19, session 16: a dash written with spaces inside a name joins it (``United States Army Garrison -
Yongsan``, ``ROK – US Combined Forces Command``, ``Deputy Commanding General – Operations``) unless it follows a
dateline; a numbered part of a document (``Article V of the U.S.-Japan Security Treaty``) is mined with the
document it is part of. Every rule's example is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.glossary import load_glossary
from termdesk.mine import mine
from termdesk.mine.extract import apposition, capitalised_runs, dashed_name, document_of_part, tokens
from termdesk.mine.result import Candidate

GLOSSARY = load_glossary(Path(__file__).resolve().parent.parent / "glossary")

HEADLINE = "Allied Units Train Together\n\n"


def _mined(tmp_path: Path, sentence: str) -> dict[str, Candidate]:
    (tmp_path / "a.en.txt").write_text(HEADLINE + sentence + "\n", encoding="utf-8")
    return {c.canonical: c for c in mine([str(tmp_path / "a.en.txt")], glossary=GLOSSARY).candidates}


def _runs(text: str) -> list[str]:
    return [" ".join(t.text for t in r.toks) for r in capitalised_runs(tokens(text))]


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
