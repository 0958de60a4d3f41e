"""Datelines (termdesk.dateline): every form's examples, the texts that are none, and what each user reads off."""

from __future__ import annotations

from datetime import date

import pytest

from termdesk.article_date import article_date
from termdesk.dateline import DATELINE_END, DATELINE_END_EXAMPLES, FORMS, NOT_DATELINES, dateline
from termdesk.qa.terms import dateline_end

EXAMPLES = [
    pytest.param(form.name, text, expected, id=f"{form.name}-{text[:28]}")
    for form in FORMS
    for text, expected in form.examples
]


@pytest.mark.parametrize(("form", "text", "expected"), EXAMPLES)
def test_form_example(form: str, text: str, expected: str) -> None:
    found = dateline(text)
    assert found is not None
    assert (found.form, text[: found.end].rstrip()) == (form, expected)


@pytest.mark.parametrize(("text", "why"), NOT_DATELINES, ids=[t[:28] for t, _ in NOT_DATELINES])
def test_not_a_dateline(text: str, why: str) -> None:
    assert dateline(text) is None, why
    assert dateline_end(text) == 0


@pytest.mark.parametrize(("form", "text", "expected"), EXAMPLES)
def test_qa_skips_the_whole_dateline(form: str, text: str, expected: str) -> None:
    assert text[: dateline_end(text)].rstrip() == expected


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        pytest.param("SEOUL, Oct. 28 (Yonhap) -- They met.", "Yonhap", id="yonhap"),
        pytest.param("SEOUL, South Korea (CNN) -- They met.", "CNN", id="country-then-agency"),
        pytest.param("WASHINGTON (AP) — They met.", "AP", id="no-comma"),
        pytest.param("FORT LEONARD WOOD, Mo. (Voice of America) — They met.", "Voice of America", id="agency-of"),
        pytest.param("SEOUL, Oct. 28 (Yonhap ) -- They met.", "Yonhap", id="space-inside-brackets"),
        pytest.param("WASHINGTON, June 24, 2016 — They met.", None, id="dod-news-has-none"),
    ],
)
def test_agency_and_its_span(text: str, agency: str | None) -> None:
    found = dateline(text)
    assert found is not None and found.agency == agency
    if agency is not None:
        assert found.agency_span is not None and text[slice(*found.agency_span)] == agency


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("WASHINGTON, June 24, 2016 — They met.", ("June", "24", "2016"), id="dod-news"),
        pytest.param("SEOUL, Oct. 28 (Yonhap) -- They met.", ("Oct", "28", None), id="yonhap-year-less"),
        pytest.param("SEOUL, South Korea (CNN) -- They met.", (None, None, None), id="cnn-undated"),
    ],
)
def test_date_parts(text: str, expected: tuple[str | None, str | None, str | None]) -> None:
    found = dateline(text)
    assert found is not None and (found.month, found.day, found.year) == expected


@pytest.mark.parametrize(("tail", "ends"), DATELINE_END_EXAMPLES, ids=[repr(t[:20]) for t, _ in DATELINE_END_EXAMPLES])
def test_what_ends_a_dateline_after_its_date(tail: str, ends: bool) -> None:
    text = "WASHINGTON, Nov. 13, 2023" + tail
    assert (DATELINE_END.match(text, len("WASHINGTON, Nov. 13, 2023")) is not None) is ends


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Seoul, Oct. 28 (Yonhap) -- They met.", date(2017, 10, 28), id="title-case-yonhap"),
        pytest.param("WASHINGTON, D.C., March 3, 2017 - They met.", date(2017, 3, 3), id="state-and-spaced-hyphen"),
        pytest.param("CAMP HUMPHREYS, August 3 ― They met.", date(2017, 8, 3), id="horizontal-bar"),
        pytest.param("Kim Jong Un visits Pyongyang, Oct. 28\nThey met.", date(2017, 1, 1), id="headline-no-dateline"),
    ],
)
def test_article_date_reads_the_dateline(text: str, expected: date) -> None:
    assert article_date(text, default=date(2017, 1, 1)) == expected


def test_annotate_and_pretranslate_read_datelines_without_mining_or_qa() -> None:
    import subprocess
    import sys

    code = (
        "import sys, termdesk.newsroom, termdesk.pretranslate, termdesk.article_date; "
        "print(sorted({m.split('.')[1] for m in sys.modules if m.startswith(('termdesk.mine', 'termdesk.qa'))}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
