"""Issue 19, session 6: known posts worded another way, sentence pieces, names glued to a title's tail and the
held-back tier of lowercase phrases. Every rule's example is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.glossary import Entry, Glossary
from termdesk.mine import STATUSES, mine
from termdesk.mine.corpus import shared_zipf
from termdesk.mine.quality import (
    COUNTRY_CODE_PREFIXES,
    KnownForms,
    country_code,
    held_back,
    loose_key,
    possessive_opened,
    title_tail,
    trailing_korean_name,
)
from termdesk.mine.result import Candidate

GLOSSARY = Glossary(
    [
        Entry(
            en="Defense Minister",
            ko="국방부 장관",
            type="title",
            en_variants=("Minister of National Defense", "ROK Minister of Defense"),
        ),
        Entry(en="defense chief", ko="국방장관", type="title", en_variants=("defense ministers",)),
        Entry(
            en="Japanese Defense Minister", ko="일본 방위상", type="title", en_variants=("Japan's Defense Minister",)
        ),
        Entry(en="Commander of the United Nations Command", ko="유엔군사령관", type="title"),
        Entry(
            en="Director of National Security",
            ko="국가안보실장",
            type="title",
            en_variants=("National Security Office Director",),
        ),
    ]
)


@pytest.mark.parametrize(
    ("form", "key"),
    [
        pytest.param("Minister of Defense", "defense minister", id="head-of-turned-round"),
        pytest.param("Defense Minister", "defense minister", id="short-form"),
        pytest.param("Commander of the United Nations Command", "united nations command commander", id="the-dropped"),
        pytest.param(
            "Blue House Director of the National Security Office",
            "national security office director",
            id="office-prefix",
        ),
        pytest.param("South Korean Minister of Defense", "kr defense minister", id="country-folded"),
        pytest.param("Minister of Defense of Japan", "jp defense minister", id="country-after"),
        pytest.param("Minister", "", id="one-word"),
    ],
)
def test_loose_key(form: str, key: str) -> None:
    assert loose_key(form) == key


@pytest.mark.parametrize(("prefix", "code"), COUNTRY_CODE_PREFIXES, ids=[p for p, _ in COUNTRY_CODE_PREFIXES])
def test_country_code_prefix_example(prefix: str, code: str) -> None:
    assert country_code(f"{prefix} Minister of Defense") == (code, "Minister of Defense")


@pytest.mark.parametrize(
    ("form", "entry"),
    [
        pytest.param("Minister of Defense", "Defense Minister", id="headword-wins-over-a-plural-variant"),
        pytest.param("South Korean Minister of Defense", "Defense Minister", id="same-country-other-wording"),
        pytest.param("Japanese Minister of Defense", "Japanese Defense Minister", id="other-country-own-entry"),
        pytest.param("commander of United Nations Command", "Commander of the United Nations Command", id="the"),
        pytest.param(
            "Blue House Director of the National Security Office", "Director of National Security", id="office"
        ),
        pytest.param("Chinese Minister of Defense", None, id="country-with-no-entry-is-new"),
        pytest.param("minister of defense", "Defense Minister", id="lowercase-title"),
    ],
)
def test_loose_entry(form: str, entry: str | None) -> None:
    found = KnownForms(GLOSSARY).loose_entry(form)
    assert (found.en if found else None) == entry


@pytest.mark.parametrize(
    ("form", "person"),
    [
        pytest.param("Security Affairs Lee Do-hoon", "Lee Do-hoon", id="title-tail-and-name"),
        pytest.param("Lee Do-hoon", "", id="name-alone"),
        pytest.param("Camp Humphreys Garrison", "", id="no-name"),
        pytest.param("Foreign Affairs Smith Jo-ann", "", id="not-a-korean-family-name"),
        pytest.param("Security Affairs Kim Gunn", "Kim Gunn", id="given-name-without-hyphen"),
        pytest.param("Minister Kim Gunn", "", id="a-title-and-a-name-is-another-rule"),
    ],
)
def test_trailing_korean_name(form: str, person: str) -> None:
    assert trailing_korean_name(form) == person


@pytest.mark.parametrize(
    ("form", "piece"),
    [
        pytest.param("countries' commitment", True, id="plural-possessive"),
        pytest.param("sides’ resolve", True, id="curly-apostrophe"),
        pytest.param("nation's security", True, id="singular-possessive"),
        pytest.param("foreign ministers' meeting", False, id="possessive-inside-a-name"),
        pytest.param("Korea's defense", False, id="capitalised"),
    ],
)
def test_possessive_opened(form: str, piece: bool) -> None:
    assert possessive_opened(form) is piece


def _phrase(form: str, freq: int = 1, doc_freq: int = 1) -> Candidate:
    return Candidate(form, (), "concept", freq, doc_freq, 1.0, (), "new", "", ())


@pytest.mark.parametrize(
    ("form", "freq", "doc_freq", "held"),
    [
        pytest.param("military counterpart", 1, 1, True, id="common-words-one-article"),
        pytest.param("headquarters building", 1, 1, True, id="common-head"),
        pytest.param("trilateral cooperation", 1, 1, False, id="rare-word"),
        pytest.param("combined defense", 2, 2, False, id="recurs-across-articles"),
        pytest.param("combined defense", 2, 1, True, id="recurs-in-one-article-only"),
        pytest.param("defense industrial base", 1, 1, False, id="three-words"),
        pytest.param("Korean War", 1, 1, False, id="capitalised"),
    ],
)
def test_held_back(form: str, freq: int, doc_freq: int, held: bool) -> None:
    assert held_back(_phrase(form, freq, doc_freq), shared_zipf()) is held


def test_held_back_is_a_status() -> None:
    assert "held-back" in STATUSES


def test_mined_end_to_end(tmp_path: Path) -> None:
    text = (
        "Carter meets South Korean minister\n\n"
        "Press Statement By Morgan Ortagus, Department Spokesperson\n\n"
        "Secretary Carter met South Korean Minister of Defense Han Min-koo and Special Representative for "
        "Korean Peninsula Peace and Security Affairs Lee Do-hoon in Seoul. He met his military counterpart. "
        "The two countries' commitment to the alliance is firm.\n"
    )
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    got = {c.canonical: c for c in mine([str(path)], glossary=GLOSSARY).candidates}
    assert got["South Korean Minister of Defense"].status == "variant-of-known"
    assert "Morgan Ortagus" in got
    assert "Security Affairs Lee Do-hoon" not in got
    assert not any(c.canonical.startswith("countries") for c in got.values())
    assert got["military counterpart"].status == "held-back"


def test_cli_says_how_many_are_held_back(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from termdesk.cli import app

    (tmp_path / "a.txt").write_text(
        "Carter visits Seoul\n\nSecretary Carter met his military counterpart in Seoul on Friday.\n", encoding="utf-8"
    )
    out = tmp_path / "terms.csv"
    res = CliRunner().invoke(
        app,
        [
            "mine",
            str(tmp_path / "a.txt"),
            "--out",
            str(out),
            "--glossary",
            str(Path(__file__).parent.parent / "glossary"),
        ],
    )
    assert res.exit_code == 0, res.output
    assert f"1 held back (lowercase phrases with no sign of being a term; status held-back in {out})" in res.output
    assert "military counterpart,,concept,1,1," in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("form", "tail"),
    [
        pytest.param("Director of Defense Press Operations Colonel", "Director of Defense Press Operations", id="rank"),
        pytest.param("Pentagon Press Secretary Navy", "Pentagon Press Secretary", id="service"),
        pytest.param("Joint Chiefs of Staff", None, id="no-rank"),
    ],
)
def test_title_tail(form: str, tail: str | None) -> None:
    assert title_tail(form) == tail
