"""The HTML QA report: self-contained, anchors and filters — checked statically and in headless
Chromium (installed from Debian's package when missing, as CI does; never skipped)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from qa_chromium import Chromium, ensure_korean_font

from termdesk.glossary import load_glossary
from termdesk.qa import check_translation
from termdesk.qa.engine import check_documents
from termdesk.qa.records import Document, Segment
from termdesk.report.html import KOREAN_FONT_STACK, render_html

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return check_translation(
        [DATA / "qa_errors.po", DATA / "qa_day"], glossary=DATA / "qa_glossary.csv", consistency="run"
    )


@pytest.fixture(scope="module")
def page(result) -> str:  # type: ignore[no-untyped-def]
    return render_html(result)


def test_page_is_self_contained(page: str) -> None:
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?!#)""", page), "only in-page links allowed"
    assert "@import" not in page and "url(" not in page and "http://" not in page and "https://" not in page
    assert page.count("<style>") == 1 and page.count("<script>") == 1


def test_every_finding_links_to_an_existing_anchor(page: str, result) -> None:  # type: ignore[no-untyped-def]
    links = re.findall(r'<li class="finding [^"]*"[^>]*><a href="#([^"]+)"', page)
    assert len(links) == len(result.findings) == 9
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert set(links) <= ids


def test_filters_one_per_rule_with_counts(page: str, result) -> None:  # type: ignore[no-untyped-def]
    boxes = re.findall(
        r'<input type="checkbox" class="rule-filter" value="([^"]+)" checked> <span class="rule">[^<]+</span> \((\d+)\)',
        page,
    )
    assert [b for b, _ in boxes] == list(result.rules)
    assert sum(int(n) for _, n in boxes) == len(result.findings)


def test_text_is_escaped() -> None:
    doc = Document(
        "x", "x.txt", "x.ko.txt", (Segment(1, "A <b>bold</b> & plan.", "<script>alert(1)</script>", paragraph=1),)
    )
    page = render_html(check_documents([doc], load_glossary(DATA / "qa_glossary.csv")))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "A &lt;b&gt;bold&lt;/b&gt; &amp; plan." in page


VISIBLE = "Array.from(document.querySelectorAll('#findings .finding')).filter(e => e.offsetParent !== null).length"


def test_filters_in_headless_chromium(chromium: str, page: str, result, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    by_rule = {r: sum(1 for f in result.findings if f.rule == r) for r in result.rules}
    with Chromium(chromium, tmp_path / "profile") as browser:
        browser.open(report.as_uri())
        assert browser.evaluate(VISIBLE) == len(result.findings)
        browser.click('button.only[data-only="avoided-rendering"]')
        assert browser.evaluate(VISIBLE) == by_rule["avoided-rendering"] == 2
        assert browser.evaluate("document.getElementById('shown-count').textContent") == "2"
        inline = "Array.from(document.querySelectorAll('.finding-inline')).filter(e => e.offsetParent !== null).map(e => e.dataset.rule)"
        assert set(browser.evaluate(inline)) == {"avoided-rendering"}
        browser.click('input.rule-filter[value="numbers"]')  # tick a second rule back on
        assert browser.evaluate(VISIBLE) == by_rule["avoided-rendering"] + by_rule["numbers"]
        shot = browser.screenshot(tmp_path / "filtered.png")
        browser.click("#findings .finding:not([hidden]) a")
        anchor = browser.evaluate("location.hash")
        assert anchor.startswith("#d") and browser.evaluate(f"document.getElementById({anchor[1:]!r}) !== null")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 5000


def test_page_sets_a_korean_font_stack(page: str) -> None:
    assert KOREAN_FONT_STACK[:1] == ("Noto Sans KR",) and KOREAN_FONT_STACK[-1] == "sans-serif"
    assert {"Apple SD Gothic Neo", "Malgun Gothic"} <= set(KOREAN_FONT_STACK)
    stack = ",".join(f'"{f}"' if " " in f else f for f in KOREAN_FONT_STACK)
    assert f"font:15px/1.55 {stack}}}" in page


def test_korean_renders_with_a_korean_font_in_headless_chromium(chromium: str, page: str, tmp_path: Path) -> None:
    families, why = ensure_korean_font()
    if not families:
        if why.startswith("no package mirror"):
            pytest.skip(why)
        pytest.fail(why)
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    with Chromium(chromium, tmp_path / "profile") as browser:
        browser.open(report.as_uri())
        cell = "td.tgt"
        text = browser.evaluate(f"document.querySelector({cell!r}).textContent")
        assert any("가" <= ch <= "힣" for ch in text), text
        width = browser.evaluate(
            f"(() => {{ const r = document.createRange(); r.selectNodeContents(document.querySelector({cell!r}));"
            " return r.getBoundingClientRect().width; })()"
        )
        assert width > 0
        fonts = browser.platform_fonts(cell)
    korean = [f for f in fonts if f["familyName"] in families and f["glyphCount"] > 0]
    assert korean, (fonts, families)  # the Hangul glyph run is drawn with a font that has Hangul, not boxes
