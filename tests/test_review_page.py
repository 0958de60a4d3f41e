"""The review page of a proposals file (`termdesk glossary review`): what it reads, the page it writes (static
checks, then filters in headless Chromium, like the QA report), and the CLI's exact messages for bad input."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from qa_chromium import Chromium

from termdesk.align.merge import read_proposals
from termdesk.align.review import review_rows
from termdesk.align.review_page import Alternative, ReviewPage, parse_alternatives, read_review
from termdesk.cli import app
from termdesk.errors import InputError
from termdesk.report.review_html import render_review_html

DATA = Path(__file__).parent / "data"
FIXTURES = DATA / "review_page"
PROPOSALS = FIXTURES / "proposals.csv"
PAIRS = DATA / "align_pairs"
GLOSSARY = DATA / "glossary_2026_11"
ALL_LINES = list(range(2, 11))


def run(*args: object) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def page() -> ReviewPage:
    return read_review(PROPOSALS, ko_text=[PAIRS], glossary=GLOSSARY)


@pytest.fixture(scope="module")
def html(page: ReviewPage) -> str:
    return render_review_html(page)


# --------------------------------------------------------------------------- what is read


@pytest.mark.parametrize(
    ("line", "proposal", "score", "alternatives", "confidence", "codes"),
    [
        (2, "offered", 0.85, 2, "high", ()),
        (4, "abstained", 0.12, 3, "low", ()),
        (5, "offered", 0.45, 1, "low", ("word-fragment",)),
        (6, "offered", 0.45, 0, "low", ("surname-in-title",)),
        (7, "offered", 0.85, 2, "high", ("latin-without-mark",)),
        (8, "offered", 1.0, 0, "high", ()),
        (9, "none", None, 0, "", ()),
    ],
    ids=["parallel", "abstained", "word-fragment", "surname-in-title", "latin-unmarked", "glossary", "no-proposal"],
)
def test_rows_as_the_reviewer_sees_them(
    page: ReviewPage,
    line: int,
    proposal: str,
    score: float | None,
    alternatives: int,
    confidence: str,
    codes: tuple[str, ...],
) -> None:
    item = next(i for i in page.items if i.line == line)
    assert (item.proposal, item.score, len(item.alternatives), item.type_confidence) == (
        proposal,
        score,
        alternatives,
        confidence,
    )
    assert tuple(w.code for w in item.warnings) == codes
    assert all(a.offered is (proposal != "abstained") for a in item.alternatives)


def test_warnings_are_those_glossary_add_gives(page: ReviewPage) -> None:
    ids = [e.id for _, e, _ in read_proposals(PROPOSALS)]
    expected = review_rows(PROPOSALS, ids=ids, search=[PAIRS])
    assert [w for i in page.items for w in i.warnings] == expected
    assert len(expected) == 3


@pytest.mark.parametrize(
    ("line", "where", "en", "ko"),
    [
        (2, "thaad_2016:5", "Ryu Jae-seung", "류제승"),
        (4, "kf21_2021:2", "homegrown fighter jet", "전투기 이름"),
        (5, "thaad_2016:5", "deputy minister for national defense policy", "국방정책실장"),
        (8, "scm_2017:3", "Song Young-moo", "송영무"),
    ],
    ids=["parallel", "abstained", "word-fragment", "glossary"],
)
def test_evidence_sentences_side_by_side(page: ReviewPage, line: int, where: str, en: str, ko: str) -> None:
    item = next(i for i in page.items if i.line == line)
    first = item.sentences[0]
    assert first.where == where and first.en[first.start : first.end] == en and ko in first.ko


def test_a_term_in_no_sentence_has_none(page: ReviewPage) -> None:
    item = next(i for i in page.items if i.entry.en == "Lloyd Austin")
    assert item.sentences == () and item.occurrences == 0


def test_sentences_are_capped_and_counted() -> None:
    capped = read_review(PROPOSALS, ko_text=[PAIRS], glossary=GLOSSARY, sentences=1)
    kf21 = next(i for i in capped.items if i.entry.en == "KF-21")
    assert len(kf21.sentences) == 1 and kf21.occurrences >= 3
    assert "KF-21" in kf21.sentences[0].ko  # the sentences holding the offered Korean come first


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("", ()),
        ("위협 (0.07, parallel)", (Alternative("위협", 0.07, "parallel"),)),
        (
            "제임스 드하트 (0.10, parallel) | 드하트 (0.04, mt)",
            (Alternative("제임스 드하트", 0.10, "parallel"), Alternative("드하트", 0.04, "mt")),
        ),
        ("KF-21 (120대) (0.04, parallel)", (Alternative("KF-21 (120대)", 0.04, "parallel"),)),
    ],
    ids=["empty", "one", "two-with-a-space-inside", "brackets-inside"],
)
def test_alternatives_cell(cell: str, expected: tuple[Alternative, ...]) -> None:
    assert parse_alternatives(cell, path="p.csv", line=2) == expected


@pytest.mark.parametrize(
    "cell", ["위협 0.07", "위협 (high, parallel)", "위협 (1.5, parallel)", "(0.5, parallel)"], ids=str
)
def test_alternatives_cell_refused(cell: str) -> None:
    with pytest.raises(InputError) as exc:
        parse_alternatives(cell, path="p.csv", line=4)
    assert exc.value.path == "p.csv" and exc.value.line == 4


# --------------------------------------------------------------------------- the page, statically


def test_page_is_self_contained(html: str) -> None:
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?!#)""", html), "only in-page links allowed"
    assert "@import" not in html and "url(" not in html and "<link" not in html and "<img" not in html
    assert html.count("<style>") == 1 and html.count("<script>") == 1
    assert '<meta name="generator" content="termdesk">' in html[:2048]  # never read back as an article


def test_languages_are_marked(html: str) -> None:
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    for cls, lang in (("ko", "ko"), ("en", "en")):
        tags = re.findall(rf'<(?:span|td) class="{cls}"[^>]*>', html)
        assert tags and all(f'lang="{lang}"' in t for t in tags), cls
    assert '<td class="ko" lang="ko">류제승 국방부 국방정책실장' in html


def test_one_section_per_row_with_its_anchor(page: ReviewPage, html: str) -> None:
    assert re.findall(r'<section class="cand" id="line-(\d+)"', html) == [str(n) for n in ALL_LINES]
    assert len(page.items) == len(ALL_LINES)


def test_text_is_escaped(tmp_path: Path) -> None:
    proposals = tmp_path / "hostile.csv"
    proposals.write_text(
        "en,ko,type,status,score,evidence,alternatives\n"
        'Plan <B> & "C",<script>alert(1)</script>,"x"" onmouseover=""alert(1)",proposed,0.5,a < b,'
        '"</td><b>굵게</b> (0.20, parallel)"\n',
        encoding="utf-8",
    )
    html = render_review_html(read_review(proposals))
    assert "<script>alert(1)" not in html and "<b>굵게" not in html and 'onmouseover="alert' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "Plan &lt;B&gt; &amp; &quot;C&quot;" in html
    assert 'data-type="x&quot; onmouseover=&quot;alert(1)"' in html and "&lt;/td&gt;&lt;b&gt;굵게" in html


# --------------------------------------------------------------------------- filters in headless Chromium

VISIBLE = (
    "Array.from(document.querySelectorAll('section.cand'))"
    ".filter(e => e.offsetParent !== null).map(e => Number(e.id.slice(5)))"
)


def _set_filters(type_: str = "", status: str = "", warning: str = "", proposal: str = "") -> str:
    values = {"f-type": type_, "f-status": status, "f-warning": warning, "f-proposal": proposal}
    calls = "".join(
        f"s = document.getElementById({k!r}); s.value = {v!r}; s.dispatchEvent(new Event('change'));"
        for k, v in values.items()
    )
    return f"(() => {{ let s; {calls} return true; }})()"


@pytest.fixture(scope="module")
def browser(chromium: str, html: str, tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("review-page")
    page = folder / "review.html"
    page.write_text(html, encoding="utf-8")
    with Chromium(chromium, folder / "profile") as b:
        b.open(page.as_uri())
        yield b


@pytest.mark.parametrize(
    ("filters", "lines"),
    [
        ({}, ALL_LINES),
        ({"type_": "person"}, [2, 3, 8, 9]),
        ({"status": "accepted"}, [2, 5, 10]),
        ({"warning": "*any"}, [5, 6, 7]),
        ({"warning": "*none"}, [2, 3, 4, 8, 9, 10]),
        ({"warning": "word-fragment"}, [5]),
        ({"proposal": "abstained"}, [4]),
        ({"proposal": "none"}, [9]),
        ({"type_": "title", "status": "accepted"}, [5]),
        ({"type_": "weapon", "warning": "*any"}, [7]),
        ({"type_": "organization", "proposal": "abstained"}, []),
    ],
    ids=[
        "none",
        "type",
        "status",
        "with-warnings",
        "without-warnings",
        "one-warning-rule",
        "abstained",
        "no-proposal",
        "type-and-status",
        "type-and-warnings",
        "nothing-matches",
    ],
)
def test_filters(browser: Any, filters: dict[str, str], lines: list[int]) -> None:
    browser.evaluate(_set_filters(**filters))
    assert browser.evaluate(VISIBLE) == lines
    assert browser.evaluate("document.getElementById('shown-count').textContent") == str(len(lines))
    assert browser.evaluate("document.getElementById('nothing-shown').offsetParent !== null") is (not lines)


def test_show_all_button_clears_the_filters(browser: Any) -> None:
    browser.evaluate(_set_filters(type_="title", warning="*any"))
    assert browser.evaluate(VISIBLE) == [5, 6]
    browser.click("#show-all")
    assert browser.evaluate(VISIBLE) == ALL_LINES
    assert browser.evaluate("document.getElementById('f-type').value") == ""


def test_korean_cells_render_in_chromium(browser: Any) -> None:
    browser.evaluate(_set_filters())
    text = browser.evaluate("document.querySelector('#line-2 table.sentences td.ko').textContent")
    assert text.startswith("류제승 국방부 국방정책실장")
    marks = browser.evaluate(
        "Array.from(document.querySelectorAll('#line-2 table.sentences td.ko mark')).map(m => m.className)"
    )
    assert "offered" in marks
    assert browser.evaluate("getComputedStyle(document.querySelector('#line-2 table.sentences td.ko')).width") != "0px"


# --------------------------------------------------------------------------- the CLI


def test_cli_writes_the_page_and_replaces_its_own(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    args = ("glossary", "review", PROPOSALS, "--ko-text", PAIRS, "--glossary", GLOSSARY, "-o", out)
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"wrote {out}: 9 rows (7 offered, 1 abstained, 1 without a proposal), 3 with warnings; "
        "evidence sentences from 8 article pair(s)\n"
    )
    assert result.stderr == ""
    first = out.read_text(encoding="utf-8")
    assert first.startswith("<!DOCTYPE html>")
    again = run(*args)  # a page termdesk wrote is replaced without --force
    assert again.exit_code == 0 and out.read_text(encoding="utf-8") == first


def test_cli_finds_the_articles_the_proposals_name(tmp_path: Path) -> None:
    """Without --ko-text the Korean files named in the source and evidence columns are looked for beside the file."""
    for f in PAIRS.glob("*.txt"):
        if not f.name.startswith("ufg_"):
            shutil.copy(f, tmp_path / f.name)
    shutil.copy(PROPOSALS, tmp_path / "proposals.csv")
    (tmp_path / "kf21_2021.txt").unlink()
    out = tmp_path / "review.html"
    result = run("glossary", "review", tmp_path / "proposals.csv", "--glossary", GLOSSARY, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"note: {tmp_path}/kf21_2021.ko.txt: its English article was not found (looked for "
        f"{tmp_path}/kf21_2021.en.txt, {tmp_path}/kf21_2021.txt): its sentences are not shown — put the English "
        "article beside it, or give it with --en-text"
    ]
    assert result.stdout.endswith("evidence sentences from 2 article pair(s)\n")  # thaad_2016, scm_2017
    assert "thaad_2016:5" in out.read_text(encoding="utf-8")


def test_cli_english_articles_in_their_own_folder(tmp_path: Path) -> None:
    ko, en = tmp_path / "korean", tmp_path / "english"
    ko.mkdir()
    en.mkdir()
    for f in PAIRS.glob("*.txt"):
        shutil.copy(f, (ko if f.name.endswith(".ko.txt") else en) / f.name)
    out = tmp_path / "review.html"
    args = ("glossary", "review", PROPOSALS, "--ko-text", ko, "--glossary", GLOSSARY, "-o", out)
    alone = run(*args)
    assert alone.exit_code == 0 and alone.stdout.endswith("evidence sentences from 0 article pair(s)\n")
    assert len(alone.stderr.splitlines()) == 8
    result = run(*args, "--en-text", en)
    assert result.exit_code == 0, result.output
    assert result.stderr == "" and result.stdout.endswith("evidence sentences from 8 article pair(s)\n")


def test_cli_notes_articles_not_found(tmp_path: Path) -> None:
    proposals = tmp_path / "proposals.csv"
    shutil.copy(PROPOSALS, proposals)
    out = tmp_path / "review.html"
    result = run("glossary", "review", proposals, "--glossary", GLOSSARY, "-o", out)
    assert result.exit_code == 0, result.output
    where = f"{tmp_path}, {Path.cwd()}"
    assert result.stderr.splitlines() == [
        f"note: {name} (named in the proposals) was not found in {where}: its evidence sentences are not shown — "
        "give its folder with --ko-text"
        for name in ("thaad_2016.ko.txt", "kf21_2021.ko.txt", "scm_2017.ko.txt")
    ]
    assert "none found" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("given", "extra", "code", "message"),
    [
        ("missing.csv", (), 2, "error: {p}: no such file — check the path"),
        (
            "empty.csv",
            (),
            2,
            "error: {p}: empty proposals file — give the file written by `termdesk align` or `termdesk glossary import`",
        ),
        (
            "not_a_proposals_file.csv",
            (),
            2,
            "error: {p}:1: a candidates file (`termdesk mine` output), not a proposals file — run `termdesk align {p} "
            "-o PROPOSALS.csv` and review the file it writes",
        ),
        (
            "bad_score_line3.csv",
            (),
            2,
            "error: {p}:3: score 'high' is not a number from 0 to 1 — correct the cell or leave it empty, or write the "
            "file again with `termdesk align`",
        ),
        (
            "score_over_one_line2.csv",
            (),
            2,
            "error: {p}:2: score '1.7' is not a number from 0 to 1 — correct the cell or leave it empty, or write the "
            "file again with `termdesk align`",
        ),
        (
            "bad_alternatives_line2.csv",
            (),
            2,
            "error: {p}:2: alternatives item '위협 0.07' is not 'KO (SCORE, SOURCE)' with a score from 0 to 1 — "
            "correct the cell (items separated by ' | '), or write the file again with `termdesk align`",
        ),
        (
            "unbalanced_quote_line3.csv",
            (),
            2,
            "error: {p}:3: unbalanced quote: a quoted cell starting on this line is never closed — close the quote "
            '(write a literal quote as "")',
        ),
        (
            "../align_proposals_excel_cp949.csv",
            (),
            2,
            "error: {p}:2: file is CP949/EUC-KR (saved by Korean Excel), not UTF-8 — add --encoding cp949, or save it "
            "from Excel as CSV UTF-8",
        ),
        (
            "proposals.csv",
            ("--ko-text", "{d}/no_such_folder"),
            2,
            "error: {d}/no_such_folder: no such file or folder — check the path",
        ),
        (
            "proposals.csv",
            ("--ko-text", "{d}/align_ko_is_english"),
            2,
            "error: {d}/align_ko_is_english/launch.ko.txt: no Korean text (0% Hangul) — this looks like the English "
            "article — give the Korean version of launch.txt",
        ),
    ],
    ids=[
        "missing-file",
        "empty-file",
        "candidates-not-proposals",
        "score-not-a-number",
        "score-over-one",
        "alternatives-malformed",
        "unbalanced-quote",
        "cp949-without-encoding",
        "ko-text-missing",
        "korean-file-is-english",
    ],
)
def test_cli_bad_input(tmp_path: Path, given: str, extra: tuple[str, ...], code: int, message: str) -> None:
    p = FIXTURES / given
    out = tmp_path / "review.html"
    args = [a.format(d=DATA) for a in extra]
    result = run("glossary", "review", p, *args, "--glossary", GLOSSARY, "-o", out)
    assert result.exit_code == code, result.output
    assert result.stderr.splitlines() == [message.format(p=p, d=DATA)]
    assert not out.exists()  # never a half-written page


@pytest.mark.parametrize(
    ("target", "force", "code", "message"),
    [
        (
            "proposals.csv",
            False,
            2,
            "error: -o {o} is the proposals file — write the page to a new file, e.g. review.html",
        ),
        (
            "proposals.csv",
            True,
            2,
            "error: -o {o} is the proposals file — write the page to a new file, e.g. review.html",
        ),
        (
            "thaad_2016.txt",
            True,
            2,
            "error: -o {o} is an article being read — write the page to a new file, e.g. review.html",
        ),
        (
            "thaad_2016.ko.txt",
            True,
            2,
            "error: -o {o} is an article being read — write the page to a new file, e.g. review.html",
        ),
        (
            "notes.html",
            False,
            1,
            "error: {o}: already exists and is not a page termdesk wrote — choose another -o, or add --force to "
            "replace it",
        ),
    ],
    ids=[
        "output-is-the-proposals",
        "output-is-the-proposals-even-forced",
        "output-is-an-english-article",
        "output-is-a-korean-article",
        "output-not-ours",
    ],
)
def test_cli_never_overwrites_an_input(tmp_path: Path, target: str, force: bool, code: int, message: str) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(PAIRS, articles)
    proposals = articles / "proposals.csv"
    shutil.copy(PROPOSALS, proposals)
    (articles / "notes.html").write_text("<p>my notes</p>", encoding="utf-8")
    out = articles / target
    before = out.read_bytes()
    result = run(
        "glossary",
        "review",
        proposals,
        "--ko-text",
        articles,
        "--glossary",
        GLOSSARY,
        "-o",
        out,
        *(["--force"] if force else []),
    )
    assert result.exit_code == code, result.output
    assert result.stderr.splitlines() == [message.format(o=out)]
    assert out.read_bytes() == before


def test_cli_force_replaces_a_file_termdesk_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "notes.html"
    out.write_text("<p>my notes</p>", encoding="utf-8")
    result = run("glossary", "review", PROPOSALS, "--ko-text", PAIRS, "--glossary", GLOSSARY, "-o", out, "--force")
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --------------------------------------------------------------------------- align, then review


@pytest.fixture(scope="module")
def aligned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`termdesk align` on the shared pairs, from a candidates file that says how sure `mine` was of each type."""
    folder = tmp_path_factory.mktemp("aligned")
    rows = list(csv.DictReader(io.StringIO((PAIRS / "candidates.csv").read_text(encoding="utf-8"))))
    buf = io.StringIO()
    w = csv.DictWriter(buf, [*rows[0], "type_confidence"], lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({**r, "type_confidence": "low"})
    candidates = folder / "candidates.csv"
    candidates.write_text(buf.getvalue(), encoding="utf-8")
    out = folder / "proposals.csv"
    result = run("align", candidates, "--ko-text", PAIRS, "--glossary", GLOSSARY, "-o", out, "--mt", "none")
    assert result.exit_code == 0, result.output
    return out


def test_align_writes_the_type_confidence(aligned: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(aligned.read_text(encoding="utf-8"))))
    covered = [r for r in rows if r["evidence"].startswith(("glossary", "candidate"))]
    assert covered and all(r["type_confidence"] == "high" for r in covered)  # the glossary gives the type
    assert {r["type_confidence"] for r in rows if r not in covered} <= {"low", ""}
    assert any(r["type_confidence"] == "low" for r in rows)


def test_review_of_what_align_wrote(aligned: Path, tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    result = run("glossary", "review", aligned, "--ko-text", PAIRS, "--glossary", GLOSSARY, "-o", out)
    assert result.exit_code == 0, result.output
    page = read_review(aligned, ko_text=[PAIRS], glossary=GLOSSARY)
    rows = list(csv.DictReader(io.StringIO(aligned.read_text(encoding="utf-8"))))
    abstained = sum(1 for r in rows if not r["ko"] and r["alternatives"])
    assert abstained and page.count("abstained") == abstained
    assert page.count("offered") == sum(1 for r in rows if r["ko"])
    assert result.stdout.startswith(f"wrote {out}: {len(rows)} rows ({page.count('offered')} offered, {abstained} ")
    # the page aligns the sentences as `align` did: a proposal taken from an aligned sentence pair is in one shown
    aligned_rows = [i for i in page.items if re.match(r"parallel: in [1-9]\d*/\d+ aligned", i.evidence) and i.entry.ko]
    assert aligned_rows
    for item in aligned_rows:
        assert any(item.entry.ko in s.ko for s in item.sentences), (item.entry.en, item.entry.ko)
