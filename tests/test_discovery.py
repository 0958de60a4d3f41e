"""The glossary found without a flag, termdesk.toml settings, stdin, binary files refused by name, HTML cleaned."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from termdesk.cli import app
from termdesk.discovery import GlossaryNotFound, find_config, find_glossary, settings_table
from termdesk.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
SMALL = DATA / "align_glossary"  # a 4-file glossary folder
PAIRS = DATA / "align_pairs"
ARTICLE = PAIRS / "thaad_2016.txt"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with a glossary/ and a nested work folder (project/desk/today), no termdesk.toml."""
    shutil.copytree(SMALL, tmp_path / "project" / "glossary")
    (tmp_path / "project" / "desk" / "today").mkdir(parents=True)
    return tmp_path / "project"


# --------------------------------------------------------------------------- the order


@pytest.mark.parametrize(
    ("explicit", "env", "where", "expected"),
    [
        ("given.csv", "env-glossary", "desk/today", ["given.csv"]),
        (("a.csv", "b.csv"), "", "desk/today", ["a.csv", "b.csv"]),
        (None, "env-glossary", "desk/today", ["{tmp}/env-glossary"]),
        ((), "", "desk/today", ["{project}/glossary"]),
        (None, "", ".", ["{project}/glossary"]),
        (None, "   ", "desk", ["{project}/glossary"]),
    ],
    ids=["explicit-wins", "explicit-several", "env-next", "nearest-from-nested", "nearest-here", "blank-env-ignored"],
)
def test_glossary_order(project: Path, explicit, env, where, expected) -> None:  # type: ignore[no-untyped-def]
    (project.parent / "env-glossary").mkdir()
    environ = {"TERMDESK_GLOSSARY": env.replace("env-glossary", str(project.parent / "env-glossary"))}
    got = find_glossary(explicit, env=environ, cwd=project / where)
    want = [Path(e.format(tmp=project.parent, project=project.resolve())) for e in expected]
    assert got == want


def test_no_glossary_anywhere_names_all_three_ways(tmp_path: Path) -> None:
    with pytest.raises(GlossaryNotFound) as info:
        find_glossary(None, env={}, cwd=tmp_path)
    assert info.value.exit_code == 2
    assert str(info.value) == (
        f"no glossary found: no --glossary given, TERMDESK_GLOSSARY not set, and no glossary/ folder in "
        f"{tmp_path.resolve()} or above — pass --glossary PATH, set TERMDESK_GLOSSARY, or run inside the repository"
    )


def test_env_glossary_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        find_glossary(None, env={"TERMDESK_GLOSSARY": str(tmp_path / "gone")}, cwd=tmp_path)
    assert (
        str(info.value)
        == f"{tmp_path}/gone: no such file or folder (from $TERMDESK_GLOSSARY) — fix or unset TERMDESK_GLOSSARY"
    )


# --------------------------------------------------------------------------- termdesk.toml


@pytest.mark.parametrize(
    ("layout", "explicit", "env", "expected"),
    [
        ({"termdesk.toml": '[po]\nlast_translator = "Here"\n'}, None, None, "termdesk.toml"),
        ({"../termdesk.toml": '[po]\nlast_translator = "Above"\n'}, None, None, "../termdesk.toml"),
        ({"other.toml": "", "termdesk.toml": ""}, "other.toml", None, "other.toml"),
        ({"env.toml": "", "termdesk.toml": ""}, None, "env.toml", "env.toml"),
        ({}, None, None, None),
    ],
    ids=["here", "above", "explicit", "env", "none-is-fine"],
)
def test_config_order(tmp_path: Path, layout, explicit, env, expected) -> None:  # type: ignore[no-untyped-def]
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    for name, text in layout.items():
        (work / name).write_text(text, encoding="utf-8")
    environ = {"TERMDESK_CONFIG": str(work / env)} if env else {}
    got = find_config(str(work / explicit) if explicit else None, env=environ, cwd=work)
    assert got == (
        None if expected is None else (work / expected).resolve() if expected.startswith("..") else work / expected
    )


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("config_invalid_toml_line2.toml", "{p}:2: not valid TOML (Illegal character '\\n') — fix the file"),
        ("config_po_not_a_table.toml", "{p}: [po] is not a table — write it as a [po] section"),
    ],
    ids=["invalid-toml", "po-not-a-table"],
)
def test_bad_settings_file(fixture: str, message: str) -> None:
    path = DATA / fixture
    with pytest.raises(InputError) as info:
        settings_table("po", config=path, env={})
    assert str(info.value) == message.format(p=path)


def test_missing_settings_file_named_explicitly(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        find_config(tmp_path / "nope.toml", env={})
    assert str(info.value) == f"{tmp_path}/nope.toml: no such file (from --config) — check the path"


# --------------------------------------------------------------------------- every command finds it


def _commands(tmp: Path) -> list[tuple[list[str], str]]:
    """(arguments, a line the output must contain) for every command that uses the glossary."""
    proposals = DATA / "align_proposals_reviewed.csv"
    return [
        (["annotate", str(ARTICLE)], "THAAD[사드]"),
        (["mine", str(ARTICLE), "-o", str(tmp / "terms.csv")], "1 article(s)"),
        (["pretranslate", str(ARTICLE), "--out", str(tmp / "out")], "term accuracy: 100.0%"),
        (
            [
                "qa",
                "--en",
                str(PAIRS / "thaad_2016.txt"),
                "--ko",
                str(PAIRS / "thaad_2016.ko.txt"),
                "--fail-on",
                "never",
            ],
            "1 article",
        ),
        (["align", str(PAIRS / "candidates.csv"), "--mt", "none", "-o", str(tmp / "p.csv")], "candidates →"),
        (["glossary", "check"], "4 file(s)"),
        (["glossary", "stats"], "total"),
        (["glossary", "export", "--to", "deepl"], "THAAD\t사드"),
        (
            [
                "glossary",
                "import",
                str(DATA / "formats_translator_sheet.tsv"),
                "--from",
                "csv",
                "--map",
                "English=en,Korean=ko,Category=type",
                "-o",
                str(tmp / "i.csv"),
            ],
            "new",
        ),
        (["glossary", "add", str(proposals), "--ids", "person:ryu-jae-seung", "--dry-run"], "1 added"),
    ]


@pytest.mark.parametrize("how", ["env", "nested-folder"])
@pytest.mark.parametrize(
    "index",
    range(10),
    ids=["annotate", "mine", "pretranslate", "qa", "align", "check", "stats", "export", "import", "add"],
)
def test_every_command_finds_the_glossary(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str, index: int
) -> None:
    monkeypatch.setenv("TERMDESK_CACHE_DIR", str(tmp_path / "cache"))
    if how == "env":
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        monkeypatch.chdir(elsewhere)
        monkeypatch.setenv("TERMDESK_GLOSSARY", str(project / "glossary"))
    else:
        monkeypatch.chdir(project / "desk" / "today")
    args, expected = _commands(tmp_path)[index]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert expected in result.output


@pytest.mark.parametrize(
    "args",
    [["annotate", str(ARTICLE)], ["pretranslate", str(ARTICLE), "--out", "out"], ["glossary", "check"], ["qa", "x.po"]],
    ids=["annotate", "pretranslate", "check", "qa"],
)
def test_outside_any_repository_the_error_names_all_three(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.po").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        f"error: no glossary found: no --glossary given, TERMDESK_GLOSSARY not set, and no glossary/ folder in "
        f"{tmp_path.resolve()} or above — pass --glossary PATH, set TERMDESK_GLOSSARY, or run inside the repository"
    )


def test_mine_without_any_glossary_notes_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["mine", str(ARTICLE), "-o", "t.csv"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        f"note: no glossary found: no --glossary given, TERMDESK_GLOSSARY not set, and no glossary/ folder in "
        f"{tmp_path.resolve()} or above: every candidate is 'new'"
    )


# --------------------------------------------------------------------------- stdin


STORY = "South Korea and the U.S. agreed to deploy THAAD.\n"


@pytest.mark.parametrize(
    ("args", "stdin", "expected"),
    [
        (
            ["annotate", "-"],
            STORY,
            "South Korea and the U.S.[한미 (compound-coordinated)] agreed to deploy THAAD[사드].\n",
        ),
        (
            ["annotate", "-", "--format", "csv"],
            STORY,
            "<stdin>,42,47,THAAD,Terminal High Altitude Area Defense,사드,,weapon,",
        ),
        (
            ["annotate", "-"],
            "<html><head><style>p.THAAD{}</style><script>var THAAD=1;</script></head><body><p>THAAD arrived.</p></body></html>",
            "THAAD[사드] arrived.\n",
        ),
    ],
    ids=["text", "csv-names-stdin", "html-cleaned"],
)
def test_annotate_reads_stdin(args: list[str], stdin: str, expected: str) -> None:
    result = CliRunner().invoke(app, [*args, "--glossary", str(SMALL)], input=stdin)
    assert result.exit_code == 0, result.output
    assert expected in result.stdout


def test_pretranslate_and_mine_read_stdin_with_a_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERMDESK_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()
    pt = runner.invoke(
        app, ["pretranslate", "-", "--name", "story", "--out", str(tmp_path), "--glossary", str(SMALL)], input=STORY
    )
    assert pt.exit_code == 0, pt.output
    assert pt.stdout.splitlines()[0] == "story: 1 segments, 2/2 terms"  # THAAD and the compound 한미
    assert (tmp_path / "story.ko.txt").read_text(
        encoding="utf-8"
    ) == "South Korea and the U.S. [한미] agreed to deploy THAAD [사드].\n"
    mined = runner.invoke(
        app, ["mine", "-", "--name", "story", "-o", str(tmp_path / "t.csv"), "--glossary", str(SMALL)], input=STORY
    )
    assert mined.exit_code == 0, mined.output
    assert "story" in (tmp_path / "t.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["pretranslate", "-", "--out", "out"],
            "error: reading standard input (-): give --name NAME for the output files",
        ),
        (["mine", "-", "-o", "t.csv"], "error: reading standard input (-): give --name NAME for the article"),
        (["annotate", "-", "-"], "error: standard input (-) given more than once — give it once"),
        (
            ["pretranslate", "-", "-", "--name", "x", "--out", "out"],
            "error: standard input (-) given more than once — give it once",
        ),
        (
            ["annotate", "-"],
            "error: <stdin>:1: binary data (NUL byte) — this is not a text file; give a UTF-8 text file",
        ),
        (
            ["pretranslate", "-", "--name", "x", "--out", "out"],
            "error: <stdin>: empty article — give a file with the article's text",
        ),
    ],
    ids=["pretranslate-no-name", "mine-no-name", "annotate-twice", "pretranslate-twice", "binary-stdin", "empty-stdin"],
)
def test_bad_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    stdin = b"THAAD\x00" if "binary" in message else b"" if "empty" in message else STORY.encode()
    result = CliRunner().invoke(app, [*args, "--glossary", str(SMALL)], input=stdin)
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[-1] == message


# --------------------------------------------------------------------------- binary formats refused by name

REFUSED = [
    ("refused_pdf.pdf", "binary PDF document"),
    ("refused_png.png", "binary PNG image"),
    ("refused_jpeg.jpg", "binary JPEG image"),
    ("refused_word97.doc", "binary Word 97-2003 .doc (or another legacy Office file)"),
    ("refused_excel.xlsx", "binary Excel workbook (.xlsx)"),
    ("refused_powerpoint.pptx", "binary PowerPoint presentation (.pptx)"),
    ("refused_opendocument.odt", "binary OpenDocument text (.odt)"),
]


@pytest.mark.parametrize(("fixture", "kind"), REFUSED, ids=[f for f, _ in REFUSED])
@pytest.mark.parametrize("command", ["annotate", "mine", "pretranslate"])
def test_binary_articles_refused_by_name(tmp_path: Path, fixture: str, kind: str, command: str) -> None:
    path = DATA / fixture
    extra = {"annotate": [], "mine": ["-o", str(tmp_path / "t.csv")], "pretranslate": ["--out", str(tmp_path)]}[command]
    result = CliRunner().invoke(app, [command, str(path), *extra, "--glossary", str(SMALL)])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        f"error: {path}: {kind}, not text — save it as .txt or .docx (or paste the text into a .txt file)"
    )


# --------------------------------------------------------------------------- annotate cleans HTML


def test_annotate_html_is_cleaned_like_the_other_commands() -> None:
    page = DATA / "text_page.html"
    result = CliRunner().invoke(app, ["annotate", str(page), "--glossary", str(ROOT / "glossary"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "<" not in result.stdout.split('"text"')[0]
    from termdesk.text import read_article

    cleaned = read_article(page).text
    import json

    for row in json.loads(result.stdout):
        assert cleaned[row["start"] : row["end"]] == row["text"]
