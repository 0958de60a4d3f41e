"""One pairing convention (termdesk.pairing): tables over folder layouts, and the commands that use it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from termdesk.cli import app
from termdesk.errors import InputError
from termdesk.pairing import (
    GENERATOR_MARK,
    ArticlePair,
    Side,
    article_name,
    collect_pairs,
    english_articles,
    korean_files,
    pair_folders,
    side_of,
)

DATA = Path(__file__).parent / "data"
EN = "The THAAD battery arrived in the East Sea port.\n\nSome 1,000 troops took part.\n"
KO = "사드 포대가 동해 항구에 도착했다.\n\n병력 1천 명이 참가했다.\n"
REPORT = f"<!DOCTYPE html>\n<html><head>{GENERATOR_MARK}<title>QA</title></head><body></body></html>\n"
ALSO = " (also as .md, .html, .htm, .docx)"


def make(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


# --------------------------------------------------------------------------- names and sides

NAMES = [
    ("plain", "A.txt", "A", Side.ENGLISH),
    ("en-tag", "A.en.txt", "A", Side.ENGLISH),
    ("ko-tag", "A.ko.txt", "A", Side.KOREAN),
    ("ko-tag-md", "A.ko.md", "A", Side.KOREAN),
    ("ko-tag-docx", "A.ko.docx", "A", Side.KOREAN),
    ("dotted-name", "scm.2017.txt", "scm.2017", Side.ENGLISH),
    ("po-output", "A.po", "A", Side.OUTPUT),
    ("terms-csv-output", "A.terms.csv", "A.terms", Side.OUTPUT),
    ("pdf-other", "A.pdf", "A", Side.OTHER),
    ("bare-ko-suffix", "ko.txt", "ko", Side.ENGLISH),
]


@pytest.mark.parametrize(("name", "stem", "side"), [c[1:] for c in NAMES], ids=[c[0] for c in NAMES])
def test_article_name_and_side(tmp_path: Path, name: str, stem: str, side: Side) -> None:
    path = tmp_path / name
    path.write_text(EN, encoding="utf-8")
    assert article_name(path) == stem
    assert side_of(path) is side


def test_korean_folder_beside_english_folder_is_korean(tmp_path: Path) -> None:
    make(tmp_path, {"en/A.txt": EN, "ko/A.txt": KO})
    assert side_of(tmp_path / "ko" / "A.txt") is Side.KOREAN
    assert side_of(tmp_path / "en" / "A.txt") is Side.ENGLISH


# --------------------------------------------------------------------------- pairs in a folder

PAIRS = [
    ("side-by-side", {"A.txt": EN, "A.ko.txt": KO}, [("A", "A.txt", "A.ko.txt")]),
    ("en-tag-with-ko-tag", {"A.en.txt": EN, "A.ko.txt": KO}, [("A", "A.en.txt", "A.ko.txt")]),
    ("markdown", {"A.md": EN, "A.ko.md": KO}, [("A", "A.md", "A.ko.md")]),
    ("html", {"A.html": EN, "A.ko.html": KO}, [("A", "A.html", "A.ko.html")]),
    ("same-suffix-preferred", {"A.md": EN, "A.ko.txt": KO, "A.ko.md": KO}, [("A", "A.md", "A.ko.md")]),
    ("other-suffix-accepted", {"A.html": EN, "A.ko.txt": KO}, [("A", "A.html", "A.ko.txt")]),
    ("en-ko-folders-plain-names", {"en/A.txt": EN, "ko/A.txt": KO}, [("A", "en/A.txt", "ko/A.txt")]),
    ("en-ko-folders-tagged-names", {"en/A.en.txt": EN, "ko/A.ko.txt": KO}, [("A", "en/A.en.txt", "ko/A.ko.txt")]),
    (
        "pretranslate-outputs-beside",
        {"A.txt": EN, "A.ko.txt": KO, "A.po": "", "A.terms.csv": "en,ko\n"},
        [("A", "A.txt", "A.ko.txt")],
    ),
    ("qa-report-beside", {"A.txt": EN, "A.ko.txt": KO, "report.html": REPORT}, [("A", "A.txt", "A.ko.txt")]),
    (
        "two-articles",
        {"B.txt": EN, "B.ko.txt": KO, "A.txt": EN, "A.ko.txt": KO},
        [("A", "A.txt", "A.ko.txt"), ("B", "B.txt", "B.ko.txt")],
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in PAIRS], ids=[c[0] for c in PAIRS])
def test_collect_pairs_in_a_folder(tmp_path: Path, files: dict[str, str], expected: list[tuple[str, str, str]]) -> None:
    make(tmp_path, files)
    found = collect_pairs([tmp_path])
    assert found.pairs == tuple(ArticlePair(n, tmp_path / en, tmp_path / ko) for n, en, ko in expected)
    assert found.unpaired == ()


UNPAIRED = [
    (
        "english-alone",
        {"B.txt": EN},
        "{d}/B.txt: no Korean file — looked for {d}/B.ko.txt" + ALSO,
    ),
    (
        "english-tagged-alone",
        {"B.en.txt": EN},
        "{d}/B.en.txt: no Korean file — looked for {d}/B.ko.txt" + ALSO,
    ),
    (
        "korean-alone",
        {"B.ko.txt": KO},
        "{d}/B.ko.txt: no English file — looked for {d}/B.en.txt, {d}/B.txt" + ALSO,
    ),
    (
        "en-folder-without-korean",
        {"en/B.en.txt": EN, "ko/C.txt": KO, "en/C.txt": EN},
        "{d}/en/B.en.txt: no Korean file — looked for {d}/ko/B.ko.txt, {d}/ko/B.txt" + ALSO,
    ),
]


@pytest.mark.parametrize(("files", "message"), [c[1:] for c in UNPAIRED], ids=[c[0] for c in UNPAIRED])
def test_unpaired_names_what_was_looked_for(tmp_path: Path, files: dict[str, str], message: str) -> None:
    make(tmp_path, files)
    found = collect_pairs([tmp_path])
    assert [u.message for u in found.unpaired] == [message.format(d=tmp_path)]


def test_named_english_file_without_korean_is_an_error(tmp_path: Path) -> None:
    make(tmp_path, {"en/A.en.txt": EN, "ko/B.txt": KO})
    with pytest.raises(InputError) as info:
        collect_pairs([tmp_path / "en" / "A.en.txt"])
    d = tmp_path
    assert str(info.value) == f"{d}/en/A.en.txt: no Korean file — looked for {d}/ko/A.ko.txt, {d}/ko/A.txt" + ALSO


def test_named_korean_file_finds_its_english(tmp_path: Path) -> None:
    make(tmp_path, {"A.en.txt": EN, "A.ko.txt": KO})
    assert collect_pairs([tmp_path / "A.ko.txt"]).pairs == (
        ArticlePair("A", tmp_path / "A.en.txt", tmp_path / "A.ko.txt"),
    )


FOLDERS = [
    ("plain-names", {"x/A.txt": EN, "y/A.txt": KO}, [("A", "x/A.txt", "y/A.txt")]),
    ("tagged-names", {"x/A.en.txt": EN, "y/A.ko.txt": KO}, [("A", "x/A.en.txt", "y/A.ko.txt")]),
    ("ko-tag-preferred", {"x/A.txt": EN, "y/A.ko.txt": KO, "y/A.txt": EN}, [("A", "x/A.txt", "y/A.ko.txt")]),
    (
        "draft-in-english-folder-skipped",
        {"x/A.txt": EN, "x/A.ko.txt": KO, "y/A.txt": KO},
        [("A", "x/A.txt", "y/A.txt")],
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in FOLDERS], ids=[c[0] for c in FOLDERS])
def test_pair_folders_any_names(tmp_path: Path, files: dict[str, str], expected: list[tuple[str, str, str]]) -> None:
    make(tmp_path, files)
    found = pair_folders(tmp_path / "x", tmp_path / "y")
    assert found.pairs == tuple(ArticlePair(n, tmp_path / en, tmp_path / ko) for n, en, ko in expected)


# --------------------------------------------------------------------------- English only

ENGLISH = [
    ("pair-folder", {"A.txt": EN, "A.ko.txt": KO}, ["A.txt"]),
    ("en-tagged-pair", {"A.en.txt": EN, "A.ko.txt": KO}, ["A.en.txt"]),
    ("en-ko-folders", {"en/A.txt": EN, "ko/A.txt": KO}, ["en/A.txt"]),
    (
        "pretranslate-outputs",
        {"A.txt": EN, "A.ko.txt": KO, "A.po": "", "A.terms.csv": "en,ko\n"},
        ["A.txt"],
    ),
    ("qa-html-report", {"A.txt": EN, "report.html": REPORT}, ["A.txt"]),
    ("html-article-kept", {"A.html": "<html><body><p>The THAAD battery.</p></body></html>"}, ["A.html"]),
    ("folder-notes-and-hidden", {"A.txt": EN, "README.md": "x", ".cache/B.txt": EN}, ["A.txt"]),
    ("ko-folder-without-en-folder-is-english", {"ko/A.txt": EN}, ["ko/A.txt"]),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in ENGLISH], ids=[c[0] for c in ENGLISH])
def test_english_articles_skip_korean_and_outputs(tmp_path: Path, files: dict[str, str], expected: list[str]) -> None:
    make(tmp_path, files)
    assert english_articles([tmp_path]) == [tmp_path / e for e in expected]


def test_named_file_is_taken_whatever_its_name(tmp_path: Path) -> None:
    make(tmp_path, {"A.ko.txt": KO})
    assert english_articles([tmp_path / "A.ko.txt"]) == [tmp_path / "A.ko.txt"]


def test_no_english_article_is_an_error(tmp_path: Path) -> None:
    make(tmp_path, {"A.ko.txt": KO, "A.po": ""})
    with pytest.raises(InputError) as info:
        english_articles([tmp_path])
    assert str(info.value) == f"{tmp_path}: no articles found (.txt, .md, .html, .docx) — give files or folders"


def test_korean_files_by_article_name(tmp_path: Path) -> None:
    make(tmp_path, {"A.txt": EN, "A.ko.txt": KO, "en/B.txt": EN, "ko/B.txt": KO})
    assert korean_files([tmp_path]) == {"A": tmp_path / "A.ko.txt", "B": tmp_path / "ko" / "B.txt"}


# --------------------------------------------------------------------------- the commands


def test_qa_en_ko_folders_pair_en_tag_with_ko_tag(tmp_path: Path) -> None:
    en, ko = tmp_path / "en", tmp_path / "ko"
    make(tmp_path, {"en/beta.en.txt": (DATA / "qa_day" / "beta.txt").read_text(encoding="utf-8")})
    make(tmp_path, {"ko/beta.ko.txt": (DATA / "qa_day" / "beta.ko.txt").read_text(encoding="utf-8")})
    result = CliRunner().invoke(
        app, ["qa", "--en", str(en), "--ko", str(ko), "--glossary", str(DATA / "qa_glossary.csv")]
    )
    assert result.exit_code == 1, result.output  # beta has a wrong number: one error
    lines = result.stdout.splitlines()
    assert lines[0] == f"beta  ({en / 'beta.en.txt'} ↔ {ko / 'beta.ko.txt'}, 2 segments)"
    assert lines[-1] == "1 article, 2 segments: 1 error, 0 warnings, 0 info"


def test_qa_folder_pairs_en_tag_with_ko_tag(tmp_path: Path) -> None:
    shutil.copy(DATA / "qa_day" / "beta.txt", tmp_path / "beta.en.txt")
    shutil.copy(DATA / "qa_day" / "beta.ko.txt", tmp_path / "beta.ko.txt")
    result = CliRunner().invoke(app, ["qa", str(tmp_path), "--glossary", str(DATA / "qa_glossary.csv")])
    assert result.stdout.splitlines()[0] == (
        f"beta  ({tmp_path / 'beta.en.txt'} ↔ {tmp_path / 'beta.ko.txt'}, 2 segments)"
    )


MINE_LAYOUTS = [
    ("side-by-side", lambda d: {f"{n}.txt": en for n, en, _ in d} | {f"{n}.ko.txt": ko for n, _, ko in d}),
    ("en-tagged", lambda d: {f"{n}.en.txt": en for n, en, _ in d} | {f"{n}.ko.txt": ko for n, _, ko in d}),
    ("en-ko-folders", lambda d: {f"en/{n}.txt": en for n, en, _ in d} | {f"ko/{n}.txt": ko for n, _, ko in d}),
]


@pytest.mark.parametrize("layout", [c[1] for c in MINE_LAYOUTS], ids=[c[0] for c in MINE_LAYOUTS])
def test_mine_on_a_folder_of_pairs_mines_only_the_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout
) -> None:  # type: ignore[no-untyped-def]
    pairs = DATA / "align_pairs"
    names = sorted(p.name[: -len(".ko.txt")] for p in pairs.glob("*.ko.txt"))
    docs = [
        (n, (pairs / f"{n}.txt").read_text(encoding="utf-8"), (pairs / f"{n}.ko.txt").read_text(encoding="utf-8"))
        for n in names
    ]
    make(tmp_path / "in", layout(docs))
    monkeypatch.chdir(tmp_path)  # no glossary/ here or above: mined without one
    result = CliRunner().invoke(app, ["mine", str(tmp_path / "in"), "-o", str(tmp_path / "terms.csv")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{len(names)} article(s), ")
    assert len(names) == 8


def test_pretranslate_into_its_own_input_folder_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-packages"))
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(DATA / "pt" / "article.txt", folder / "article.txt")
    args = ["pretranslate", str(folder), "--out", str(folder), "--glossary", str(DATA / "pt" / "glossary.csv")]
    first = CliRunner().invoke(app, [*args, "--backend", "glossary", "--no-cache"])
    assert first.exit_code == 0, first.output
    after_first = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert sorted(after_first) == ["article.ko.txt", "article.po", "article.terms.csv", "article.txt"]
    second = CliRunner().invoke(app, [*args, "--backend", "glossary", "--no-cache"])
    assert second.exit_code == 0, second.output
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == after_first  # no article.ko.ko.txt, nothing redone


def test_annotate_on_a_folder_reads_only_the_english(tmp_path: Path) -> None:
    make(tmp_path, {"A.txt": EN, "A.ko.txt": KO, "report.html": REPORT})
    result = CliRunner().invoke(
        app, ["annotate", str(tmp_path), "--glossary", str(DATA / "qa_glossary.csv"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert str(tmp_path / "A.txt") in result.stdout
    assert "A.ko.txt" not in result.stdout and "report.html" not in result.stdout


def test_qa_pretranslate_folder_checks_the_po_and_does_not_list_the_draft(tmp_path: Path) -> None:
    from termdesk.qa.inputs import collect

    shutil.copy(DATA / "qa_clean.po", tmp_path / "A.po")
    make(tmp_path, {"A.ko.txt": KO, "B.ko.txt": KO})
    inputs = collect([tmp_path])
    assert [(d.name, d.kind) for d in inputs.documents] == [("qa_article", "po")]
    d = tmp_path
    assert inputs.skipped == (f"{d}/B.ko.txt: no English file — looked for {d}/B.en.txt, {d}/B.txt" + ALSO,)
