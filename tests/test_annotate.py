"""`termdesk annotate` in-process: exact output for text, JSON and CSV; exit codes and messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termdesk.cli import app
from termdesk.match import annotate_files

DATA = Path(__file__).parent / "data"
GLOSSARY = str(DATA / "match_titles.csv")
ARTICLE = str(DATA / "annotate_article.txt")
BOM = str(DATA / "annotate_bom.txt")


def run(*args: str) -> object:
    return CliRunner().invoke(app, ["annotate", "--glossary", GLOSSARY, *args])


ARTICLE_TEXT = (
    "Gen. Martin Dempsey, chairman of the U.S. Joint Chiefs of Staff[마틴 뎀프시 미 합참의장], met "
    "Defense Minister[국방부 장관; unknown name: Lee Sang-hee] Lee Sang-hee and "
    "U.S. Secretary of Defense Ashton Carter’s[애슈턴 카터 미 국방장관] aides.\n"
)

ARTICLE_ROWS = [
    {
        "file": ARTICLE,
        "start": 0,
        "end": 63,
        "text": "Gen. Martin Dempsey, chairman of the U.S. Joint Chiefs of Staff",
        "en": "Gen. Martin Dempsey, Chairman of the U.S. Joint Chiefs of Staff",
        "ko": "마틴 뎀프시 미 합참의장",
        "rule": "",
        "type": "person",
        "entry_id": "person:martin-dempsey",
        "parts": ["title:gen", "person:martin-dempsey", "title:chairman-of-the-us-joint-chiefs-of-staff"],
        "flags": [],
        "name_start": None,
        "name_end": None,
        "name": None,
    },
    {
        "file": ARTICLE,
        "start": 69,
        "end": 85,
        "text": "Defense Minister",
        "en": "Defense Minister",
        "ko": "국방부 장관",
        "rule": "",
        "type": "title",
        "entry_id": "title:defense-minister",
        "parts": [],
        "flags": ["unknown-name"],
        "name_start": 86,
        "name_end": 98,
        "name": "Lee Sang-hee",
    },
    {
        "file": ARTICLE,
        "start": 103,
        "end": 144,
        "text": "U.S. Secretary of Defense Ashton Carter’s",
        "en": "U.S. Secretary of Defense Ashton Carter",
        "ko": "애슈턴 카터 미 국방장관",
        "rule": "",
        "type": "person",
        "entry_id": "person:ashton-carter",
        "parts": ["title:us-secretary-of-defense", "person:ashton-carter"],
        "flags": ["possessive"],
        "name_start": None,
        "name_end": None,
        "name": None,
    },
]

BOM_ROW = {
    "file": BOM,
    "start": 1,
    "end": 32,
    "text": "Defense Minister Song Young-moo",
    "en": "Defense Minister Song Young-moo",
    "ko": "송영무 국방부 장관",
    "rule": "",
    "type": "person",
    "entry_id": "person:song-young-moo",
    "parts": ["title:defense-minister", "person:song-young-moo"],
    "flags": [],
    "name_start": None,
    "name_end": None,
    "name": None,
}


def test_text_output() -> None:
    result = run(ARTICLE)
    assert result.exit_code == 0, result.output
    assert result.stdout == ARTICLE_TEXT


def test_text_output_adds_final_newline() -> None:
    result = run(str(DATA / "annotate_no_final_newline.txt"))
    assert (result.exit_code, result.stdout) == (0, "USFK Commander Gen. Paul LaCamera[폴 러캐머라 주한미군사령관]\n")


def test_text_output_colour_when_forced() -> None:
    result = run("--color", BOM)
    assert result.exit_code == 0
    assert (
        result.stdout == "“\x1b[36m\x1b[1mDefense Minister Song Young-moo\x1b[0m\x1b[32m[송영무 국방부 장관]\x1b[0m”\n"
    )


def test_text_output_several_files_have_headers() -> None:
    result = run(ARTICLE, BOM)
    assert result.exit_code == 0
    assert (
        result.stdout
        == f"==> {ARTICLE} <==\n{ARTICLE_TEXT}\n==> {BOM} <==\n“Defense Minister Song Young-moo[송영무 국방부 장관]”\n"
    )


def test_json_output() -> None:
    result = run("--format", "json", ARTICLE)
    assert result.exit_code == 0
    assert result.stdout.endswith("]\n")
    assert json.loads(result.stdout) == ARTICLE_ROWS


def test_json_several_files_carry_file() -> None:
    result = run("--format", "json", ARTICLE, BOM)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [*ARTICLE_ROWS, BOM_ROW]


def test_json_offsets_slice_the_text_as_read() -> None:
    """Offsets count characters of the decoded text (BOM removed), not bytes."""
    from termdesk.textio import read_text

    result = run("--format", "json", BOM, ARTICLE)
    for row in json.loads(result.stdout):
        assert read_text(row["file"])[row["start"] : row["end"]] == row["text"]


def test_csv_output() -> None:
    result = run("--format", "csv", ARTICLE, BOM)
    assert result.exit_code == 0
    assert result.stdout == (
        "file,start,end,text,en,ko,rule,type,entry_id,parts,flags,name_start,name_end,name\n"
        f'{ARTICLE},0,63,"Gen. Martin Dempsey, chairman of the U.S. Joint Chiefs of Staff","Gen. Martin Dempsey, Chairman of the U.S. Joint Chiefs of Staff",마틴 뎀프시 미 합참의장,,person,person:martin-dempsey,title:gen | person:martin-dempsey | title:chairman-of-the-us-joint-chiefs-of-staff,,,,\n'
        f"{ARTICLE},69,85,Defense Minister,Defense Minister,국방부 장관,,title,title:defense-minister,,unknown-name,86,98,Lee Sang-hee\n"
        f"{ARTICLE},103,144,U.S. Secretary of Defense Ashton Carter’s,U.S. Secretary of Defense Ashton Carter,애슈턴 카터 미 국방장관,,person,person:ashton-carter,title:us-secretary-of-defense | person:ashton-carter,possessive,,,\n"
        f"{BOM},1,32,Defense Minister Song Young-moo,Defense Minister Song Young-moo,송영무 국방부 장관,,person,person:song-young-moo,title:defense-minister | person:song-young-moo,,,,\n"
    )


def test_encoding_option_reads_cp949() -> None:
    result = run("--encoding", "cp949", str(DATA / "annotate_cp949.txt"))
    assert (result.exit_code, result.stdout) == (0, "President Park Geun-hye[박근혜 대통령] (박근혜 대통령)\n")


def test_status_option() -> None:
    result = CliRunner().invoke(
        app,
        [
            "annotate",
            "--glossary",
            str(DATA / "match_terms.csv"),
            "--status",
            "proposed",
            str(DATA / "annotate_article.txt"),
        ],
    )
    assert (result.exit_code, result.stdout) == (0, (DATA / "annotate_article.txt").read_text(encoding="utf-8"))


ERRORS = [
    (
        "missing-file",
        [str(DATA / "annotate_missing.txt")],
        f"error: {DATA / 'annotate_missing.txt'}: no such file — check the path\n",
    ),
    (
        "nul-byte",
        [str(DATA / "annotate_nul_byte.txt")],
        f"error: {DATA / 'annotate_nul_byte.txt'}:1: binary data (NUL byte) — this is not a text file; give a UTF-8 text file\n",
    ),
    (
        "cp949",
        [str(DATA / "annotate_cp949.txt")],
        f"error: {DATA / 'annotate_cp949.txt'}:1: file is CP949/EUC-KR (Korean Excel), not UTF-8 — read it with --encoding cp949, or save it as UTF-8\n",
    ),
    (
        "folder-without-articles",
        [str(DATA / "align_glossary")],
        f"error: {DATA / 'align_glossary'}: no articles found (.txt, .md, .html, .docx) — give files or folders\n",
    ),
    (
        "missing-glossary",
        ["--glossary", str(DATA / "no_such_folder"), ARTICLE],
        f"error: {DATA / 'no_such_folder'}: no such file — check the path\n",
    ),
]


@pytest.mark.parametrize(("args", "message"), [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_input_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == message


def test_no_files_is_a_usage_error() -> None:
    result = run()
    assert result.exit_code == 2
    assert "Missing argument 'PATHS...'" in result.stderr


def test_bad_file_fails_before_any_output() -> None:
    result = run(ARTICLE, str(DATA / "annotate_missing.txt"))
    assert result.exit_code == 2
    assert result.stdout == ""


def test_library_function() -> None:
    (doc,) = annotate_files([BOM], glossary=GLOSSARY)
    assert doc.text == "“Defense Minister Song Young-moo”\n"
    assert [(m.start, m.end, m.ko) for m in doc.matches] == [(1, 32, "송영무 국방부 장관")]
