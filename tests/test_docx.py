"""Word .docx articles: the body's paragraphs, tracked changes accepted, everything else left out;
read by annotate, mine, pretranslate, align and qa. Fixtures are built here with python-docx."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_build import make_docx

from termdesk.cli import app
from termdesk.errors import InputError
from termdesk.text import read_article
from termdesk.textio import read_document_text

DATA = Path(__file__).parent / "data"
SMALL = DATA / "align_glossary"
PAIRS = DATA / "align_pairs"

BODY = ["South Korea and the U.S. agreed to deploy THAAD.", "The B-1B bomber flew over the peninsula."]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ({}, BODY),
        ({"header": "HEADER THAAD", "footer": "Page 1 THAAD"}, BODY),
        ({"comment": "Check THAAD spelling"}, BODY),
        ({"table": ["Cell about THAAD", ""]}, [*BODY, "Cell about THAAD"]),
        (
            {"tracked": ("North Korea fired ", "a KN-08", "two rockets", " on Friday.")},
            [*BODY, "North Korea fired a KN-08 on Friday."],
        ),
    ],
    ids=["body-paragraphs", "header-footer-left-out", "comment-left-out", "table-cells-kept", "tracked-accepted"],
)
def test_docx_reader(tmp_path: Path, parts: dict, expected: list[str]) -> None:  # type: ignore[type-arg]
    path = make_docx(tmp_path / "a.docx", BODY, **parts)
    assert read_document_text(path) == "\n\n".join(expected)


def test_docx_article_keeps_paragraphs(tmp_path: Path) -> None:
    doc = read_article(make_docx(tmp_path / "story.docx", BODY))
    assert doc.name == "story"
    assert [p.text for p in doc.paragraphs] == BODY


def test_empty_docx(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "blank.docx", [])
    with pytest.raises(InputError) as info:
        read_article(path)
    assert str(info.value) == f"{path}: empty article — give a file with the article's text"


def test_damaged_docx() -> None:
    path = DATA / "docx_damaged_document_xml.docx"
    with pytest.raises(InputError) as info:
        read_article(path)
    assert str(info.value) == (
        f"{path}: damaged Word file (XMLSyntaxError) — open it in Word and save it as .txt or .docx "
        "(or paste the text into a .txt file)"
    )


# --------------------------------------------------------------------------- every command reads it


@pytest.fixture
def story(tmp_path: Path) -> Path:
    return make_docx(
        tmp_path / "story.docx", BODY, header="HEADER THAAD", tracked=("It ", "deployed", "withdrew", " THAAD.")
    )


def test_annotate_docx(story: Path) -> None:
    result = CliRunner().invoke(app, ["annotate", str(story), "--glossary", str(SMALL)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "South Korea and the U.S.[한미 (compound-coordinated)] agreed to deploy THAAD[사드].\n\n"
        "The B-1B bomber[B-1B 전략폭격기] flew over the peninsula.\n\n"
        "It deployed THAAD[사드].\n"
    )


def test_mine_docx(story: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["mine", str(story), "-o", str(tmp_path / "t.csv"), "--glossary", str(SMALL)])
    assert result.exit_code == 0, result.output
    assert (
        result.stdout.splitlines()[0] == f"1 article(s), 19 words → {tmp_path / 't.csv'}: 3 candidates"
    )  # 9 + 7 + 3 words: no header; the glossary's "B-1B bomber" is listed as known too (issue 19)
    assert "HEADER" not in (tmp_path / "t.csv").read_text(encoding="utf-8")


def test_pretranslate_docx_folder(story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERMDESK_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["pretranslate", str(story.parent), "--out", str(out), "--glossary", str(SMALL)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "story: 3 segments, 4/4 terms"  # with the compound 한미
    assert (out / "story.ko.txt").read_text(encoding="utf-8") == (
        "South Korea and the U.S. [한미] agreed to deploy THAAD [사드].\n\n"
        "The B-1B bomber [B-1B 전략폭격기] flew over the peninsula.\n\n"
        "It deployed THAAD [사드].\n"
    )


def _docx_pair(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """An aligned test pair rewritten as Word files (one paragraph per line of the text files)."""
    en = (PAIRS / f"{name}.txt").read_text(encoding="utf-8").split("\n\n")
    ko = (PAIRS / f"{name}.ko.txt").read_text(encoding="utf-8").split("\n\n")
    folder = tmp_path / "docx"
    folder.mkdir(exist_ok=True)
    return (
        make_docx(folder / f"{name}.docx", [p.strip() for p in en if p.strip()]),
        make_docx(folder / f"{name}.ko.docx", [p.strip() for p in ko if p.strip()]),
    )


def test_align_reads_docx_pairs(tmp_path: Path) -> None:
    en, ko = _docx_pair(tmp_path, "thaad_2016")
    text = CliRunner().invoke(
        app,
        [
            "align",
            str(PAIRS / "candidates.csv"),
            "--ko-text",
            str(PAIRS / "thaad_2016.ko.txt"),
            "--en-text",
            str(PAIRS / "thaad_2016.txt"),
            "--mt",
            "none",
            "-o",
            str(tmp_path / "a.csv"),
            "--glossary",
            str(SMALL),
        ],
    )
    word = CliRunner().invoke(
        app,
        [
            "align",
            str(PAIRS / "candidates.csv"),
            "--ko-text",
            str(ko),
            "--en-text",
            str(en),
            "--mt",
            "none",
            "-o",
            str(tmp_path / "b.csv"),
            "--glossary",
            str(SMALL),
        ],
    )
    assert word.exit_code == 0, word.output
    assert word.stdout.splitlines()[0] == text.stdout.splitlines()[0]
    word_csv = (tmp_path / "b.csv").read_text(encoding="utf-8").replace("thaad_2016.ko.docx", "thaad_2016.ko.txt")
    assert word_csv == (tmp_path / "a.csv").read_text(encoding="utf-8")


def test_qa_reads_docx_pairs(tmp_path: Path) -> None:
    en, ko = _docx_pair(tmp_path, "thaad_2016")
    args = ["--fail-on", "never", "--format", "json", "--glossary", str(SMALL)]
    word = CliRunner().invoke(app, ["qa", "--en", str(en), "--ko", str(ko), *args])
    text = CliRunner().invoke(
        app, ["qa", "--en", str(PAIRS / "thaad_2016.txt"), "--ko", str(PAIRS / "thaad_2016.ko.txt"), *args]
    )
    assert word.exit_code == 0, word.output
    assert word.stdout.replace(str(en), "EN").replace(str(ko), "KO") == text.stdout.replace(
        str(PAIRS / "thaad_2016.txt"), "EN"
    ).replace(str(PAIRS / "thaad_2016.ko.txt"), "KO")


def test_qa_positional_docx_finds_its_translation(tmp_path: Path) -> None:
    en, _ = _docx_pair(tmp_path, "thaad_2016")
    shutil.copy(PAIRS / "thaad_2016.ko.txt", en.parent / "thaad_2016.ko.txt")
    result = CliRunner().invoke(app, ["qa", str(en), "--fail-on", "never", "--glossary", str(SMALL)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("1 article, ")
