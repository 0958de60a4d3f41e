"""glossary search and glossary html: tables of queries, and the page driven in headless Chromium
(installed from Debian's package when missing, as tests/test_qa_html.py does; never skipped)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from qa_chromium import Chromium

from termdesk.cli import app
from termdesk.glossary import Entry, load_glossary
from termdesk.glossary_html import render_glossary_html
from termdesk.glossary_search import search

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def shipped():  # type: ignore[no-untyped-def]
    return load_glossary(ROOT / "glossary")


# (query, the first hit's en, the field that matched, how)
SEARCHES = [
    ("합참", "Joint Chiefs of Staff", "ko_variant", "exact"),
    ("JCS", "Joint Chiefs of Staff", "en_variant", "exact"),
    ("joint chiefs of staff", "Joint Chiefs of Staff", "en", "exact"),
    ("한미 안보협의회의", "Security Consultative Meeting", "ko", "exact"),
    ("us forces korea", "U.S. Forces Korea", "en", "exact"),
    ("합동참모본부(합참)", "Joint Chiefs of Staff", "ko_first", "exact"),
    ("일본해", "East Sea", "ko_avoid", "exact"),
    ("extended deter", "extended deterrence", "en_variant", "prefix"),  # the shorter form: extended deterrent
    ("Hwasong-20", "Hwasong-20", "en", "exact"),
    ("Ulchi Freedom Sheild", "Ulchi Freedom Shield", "en", "fuzzy"),
]


@pytest.mark.parametrize(("query", "en", "field", "how"), SEARCHES, ids=[s[0] for s in SEARCHES])
def test_search_table(shipped, query: str, en: str, field: str, how: str) -> None:  # type: ignore[no-untyped-def]
    top = search(shipped, query)[0]
    assert (top.entry.en, top.field.value, top.how.value) == (en, field, how)


def test_search_deterrence_lists_extended_deterrence_and_siblings(shipped) -> None:  # type: ignore[no-untyped-def]
    kos = [h.entry.ko for h in search(shipped, "deterrence", limit=50)]
    assert "확장억제" in kos
    assert {"억제", "핵억제", "맞춤형 억제전략"} <= set(kos)


def test_search_ranks_exact_before_prefix_before_contains() -> None:
    entries = [
        Entry(en="deterrence", ko="억제", type="concept"),
        Entry(en="deterrence strategy", ko="억제전략", type="concept"),
        Entry(en="extended deterrence", ko="확장억제", type="concept"),
    ]
    assert [h.how.value for h in search(entries, "Deterrence")] == ["exact", "prefix", "contains"]


def test_search_empty_query_finds_nothing(shipped) -> None:  # type: ignore[no-untyped-def]
    assert search(shipped, " - ") == ()


def test_search_cli_json_and_text(shipped) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, ["glossary", "search", "합참", "--format", "json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout)[0]
    assert first["en"] == "Joint Chiefs of Staff"
    assert first["matched"] == {"form": "합참", "field": "ko_variant", "how": "exact"}
    assert first["source"].startswith("http") and first["note"]
    text = CliRunner().invoke(app, ["glossary", "search", "합참", "--limit", "1"]).stdout
    assert text.splitlines()[0] == (
        "1. Joint Chiefs of Staff → 합동참모본부  [organization, approved]  matched ko_variant '합참' (exact)"
    )


def test_search_cli_nothing_found_exits_1() -> None:
    result = CliRunner().invoke(app, ["glossary", "search", "zzqqxx"])
    assert result.exit_code == 1
    assert result.stderr == "error: no entry matches 'zzqqxx'\n"


# --------------------------------------------------------------------------- html


@pytest.fixture(scope="module")
def page(shipped) -> str:  # type: ignore[no-untyped-def]
    return render_glossary_html(shipped)


def test_page_is_self_contained(page: str) -> None:
    assert not re.search(r"""<(?:script|link|img)[^>]+(?:src|href)\s*=""", page), "no external resource"
    assert "http" not in page.split('<script id="glossary-data"')[0]


def test_page_data_cannot_end_its_script() -> None:
    evil = Entry(en="</script><b>x", ko="<i>가</i>", type="concept", note="a & b", source="javascript:alert(1)")
    out = render_glossary_html([evil])
    data = out.split('type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data
    assert json.loads(data)[0][1] == "</script><b>x"


def test_html_cli_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    result = CliRunner().invoke(app, ["glossary", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"wrote {out} (")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


ROWS = "document.querySelectorAll('#rows .entry').length"
COUNT = "Number(document.getElementById('count').dataset.n)"


def test_page_in_headless_chromium(chromium: str, page: str, shipped, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "glossary.html"
    f.write_text(page, encoding="utf-8")
    n = len(shipped)
    titles = sum(1 for e in shipped if e.type == "title")
    with Chromium(chromium, tmp_path / "profile") as browser:
        browser.open(f.as_uri())
        assert browser.evaluate(COUNT) == n
        assert browser.evaluate(ROWS) == 200  # rendered lazily, a page at a time
        browser.evaluate("document.getElementById('q').focus()")
        browser.send("Input.insertText", {"text": "합참"})
        browser.evaluate("window.glossaryApply()")  # the page waits 80 ms after typing; apply now
        hits = browser.evaluate(COUNT)
        assert 1 <= hits < 40 and browser.evaluate(ROWS) == hits
        assert browser.evaluate("document.querySelector('#rows .entry .en').textContent") == "Joint Chiefs of Staff"
        browser.evaluate("document.getElementById('q').value = ''")
        browser.evaluate(
            "const t = document.getElementById('type'); t.value = 'title'; t.dispatchEvent(new Event('change'))"
        )
        assert browser.evaluate(COUNT) == titles
        assert set(
            browser.evaluate("Array.from(document.querySelectorAll('#rows .entry')).map(e => e.dataset.type)")
        ) == {"title"}
        browser.evaluate(
            "const s = document.getElementById('status'); s.value = 'deprecated'; s.dispatchEvent(new Event('change'))"
        )
        assert browser.evaluate(COUNT) == sum(1 for e in shipped if e.type == "title" and e.status == "deprecated")
