"""Reading what the QA checks: PO entries, English/Korean pairs, folders, names."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from termdesk.errors import InputError, UsageError
from termdesk.qa.inputs import collect, load_pair, load_po

DATA = Path(__file__).parent / "data"


def test_po_segments_carry_paragraph_line_and_fuzzy() -> None:
    [doc] = load_po(DATA / "qa_errors.po")
    assert doc.name == "qa_article" and doc.kind == "po"
    assert [(s.index, s.paragraph, s.line, s.fuzzy) for s in doc.segments] == [
        (1, 1, 9, False),
        (2, 2, 14, True),
        (3, 3, 20, False),
    ]
    assert doc.segments[2].source == "The drill took place in the East Sea."
    assert doc.segments[2].target == "훈련은 일본해에서 실시됐다."


@pytest.mark.parametrize(
    ("name", "line", "what"),
    [
        ("qa_unterminated_msgstr.po", 7, "unterminated or malformed string after msgstr"),
        ("qa_header_only.po", None, "no entries to check"),
    ],
    ids=["unterminated-msgstr", "header-only"],
)
def test_bad_po_raises_input_error_with_line(name: str, line: int | None, what: str) -> None:
    with pytest.raises(InputError) as info:
        load_po(DATA / name)
    assert info.value.line == line and info.value.what == what and info.value.exit_code == 2


def test_pair_is_aligned_by_paragraph() -> None:
    doc = load_pair(DATA / "qa_day" / "beta.txt", DATA / "qa_day" / "beta.ko.txt")
    assert doc.unaligned is None
    assert [(s.paragraph, s.source, s.target) for s in doc.segments] == [
        (1, "The THAAD battery arrived in the East Sea port.", "사드 포대가 동해 항구에 도착했다."),
        (2, "Some 1,000 troops took part.", "병력 2천 명이 참가했다."),
    ]


def test_pair_with_unequal_paragraphs_is_one_block() -> None:
    doc = load_pair(DATA / "qa_unequal.txt", DATA / "qa_unequal.ko.txt")
    assert doc.unaligned == (3, 2)
    assert len(doc.segments) == 1 and doc.segments[0].paragraph is None


def test_folder_prefers_po_over_draft(tmp_path: Path) -> None:
    for name in ("alpha.txt", "alpha.ko.txt"):
        shutil.copy(DATA / "qa_day" / name, tmp_path / name)
    shutil.copy(DATA / "qa_clean.po", tmp_path / "alpha.po")
    inputs = collect([tmp_path])
    assert [(d.name, d.kind) for d in inputs.documents] == [("qa_article", "po")]


def test_folder_pairs_and_skips() -> None:
    inputs = collect([DATA / "qa_day"])
    assert [d.name for d in inputs.documents] == ["alpha", "beta", "qa_article"]
    day = DATA / "qa_day"
    assert inputs.skipped == (
        f"{day / 'gamma.txt'}: no Korean file — looked for {day / 'gamma.ko.txt'}, {day / 'gamma.po'}"
        " (also as .md, .html, .htm, .docx)",
    )


def test_en_ko_folders(tmp_path: Path) -> None:
    en, ko = tmp_path / "en", tmp_path / "ko"
    en.mkdir()
    ko.mkdir()
    shutil.copy(DATA / "qa_day" / "beta.txt", en / "beta.txt")
    shutil.copy(DATA / "qa_day" / "beta.ko.txt", ko / "beta.txt")
    shutil.copy(DATA / "qa_day" / "gamma.txt", en / "gamma.txt")
    inputs = collect(en=en, ko=ko)
    assert [d.name for d in inputs.documents] == ["beta"]
    assert inputs.skipped == (
        f"{en / 'gamma.txt'}: no Korean file — looked for {ko / 'gamma.ko.txt'}, {ko / 'gamma.txt'}"
        " (also as .md, .html, .htm, .docx)",
    )


def test_same_article_twice_gets_distinct_names() -> None:
    inputs = collect([DATA / "qa_clean.po", DATA / "qa_errors.po"])
    assert [d.name for d in inputs.documents] == ["qa_article [qa_clean.po]", "qa_article [qa_errors.po]"]


def test_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        collect([tmp_path])
    assert (
        str(info.value)
        == f"{tmp_path}: no articles to check — give NAME.po files, NAME.txt + NAME.ko.txt pairs, or a folder of them"
    )


def test_en_without_ko_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        collect(en=DATA / "qa_unequal.txt")
