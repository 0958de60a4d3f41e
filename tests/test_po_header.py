"""PO files clean under gettext's ``msgfmt -c``; Last-Translator from an option or termdesk.toml;
``glossary import`` prints counts and lists only new and conflicting rows."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from termdesk.cli import app
from termdesk.errors import InputError
from termdesk.poheader import DEFAULT_TRANSLATOR, PoContacts, contacts_from, po_date

DATA = Path(__file__).parent / "data"
PT = DATA / "pt"
FIXTURE = DATA / "formats_glossary.csv"
MSGFMT = shutil.which("msgfmt")


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERMDESK_CACHE_DIR", str(tmp_path / "cache"))


def run(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, [str(a) for a in args])


def pretranslate(out: Path, *extra: object):  # type: ignore[no-untyped-def]
    result = run("pretranslate", PT / "article.txt", "--out", out, "--glossary", PT / "glossary.csv", *extra)
    assert result.exit_code == 0, result.output
    return polib.pofile(str(out / "article.po"))


HEADER = {
    "Project-Id-Version": "article",
    "POT-Creation-Date": "2025-12-04 00:00+0000",  # SOURCE_DATE_EPOCH, set for the whole suite in conftest
    "PO-Revision-Date": "2025-12-04 00:00+0000",
    "Last-Translator": DEFAULT_TRANSLATOR,
    "Language-Team": "Korean",
    "Language": "ko",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
    "X-Generator": "termdesk pretranslate (glossary)",
}


def test_pretranslate_po_header_is_complete(tmp_path: Path) -> None:
    po = pretranslate(tmp_path)
    header = {k: v for k, v in po.metadata.items() if k != "X-Termdesk-Draft-SHA256"}
    assert header == HEADER


def _msgfmt_check(path: Path) -> str:
    if MSGFMT is None:
        pytest.skip("gettext's msgfmt is not installed: the msgfmt -c check is skipped (apt-get install gettext)")
    done = subprocess.run([MSGFMT, "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True, check=False)
    return f"exit {done.returncode}: {done.stderr}"


@pytest.mark.parametrize("source", ["pretranslate", "pretranslate-rerun", "glossary-export"])
def test_msgfmt_check_is_silent(tmp_path: Path, source: str) -> None:
    if source == "glossary-export":
        path = tmp_path / "glossary.po"
        assert run("glossary", "export", "--to", "po", "--glossary", FIXTURE, "-o", path).exit_code == 0
    else:
        pretranslate(tmp_path)
        if source == "pretranslate-rerun":
            pretranslate(tmp_path)
        path = tmp_path / "article.po"
    assert _msgfmt_check(path) == "exit 0: "


def test_msgfmt_check_can_fail(tmp_path: Path) -> None:
    """The check above is live: a header without the translator's fields is reported."""
    path = tmp_path / "old.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "가"\n',
        encoding="utf-8",
    )
    assert "header field 'Last-Translator' missing" in _msgfmt_check(path)


# --------------------------------------------------------------------------- who the header names


@pytest.mark.parametrize(
    ("option", "settings", "expected"),
    [
        (None, {}, PoContacts()),
        ("Kim Ji-won <jw@example.com>", {}, PoContacts("Kim Ji-won <jw@example.com>")),
        (
            None,
            {"last_translator": "Desk <desk@example.com>", "language_team": "Defense desk"},
            PoContacts("Desk <desk@example.com>", "Defense desk"),
        ),
        ("Kim Ji-won", {"last_translator": "Desk"}, PoContacts("Kim Ji-won")),
    ],
    ids=["defaults", "option", "settings", "option-beats-settings"],
)
def test_contacts(option: str | None, settings: dict, expected: PoContacts) -> None:  # type: ignore[type-arg]
    assert contacts_from(last_translator=option, settings=settings) == expected


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("option", "Kim Ji-won <jw@example.com>"),
        ("config-nearby", "Desk <desk@example.com>"),
        ("config-env", "Env Desk"),
    ],
)
def test_last_translator_reaches_the_po(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, expected: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "termdesk.toml").write_text('[po]\nlast_translator = "Desk <desk@example.com>"\n', encoding="utf-8")
    (tmp_path / "env.toml").write_text('[po]\nlast_translator = "Env Desk"\n', encoding="utf-8")
    monkeypatch.chdir(work)
    extra: list[str] = []
    if where == "option":
        extra = ["--last-translator", expected]
    elif where == "config-env":
        monkeypatch.setenv("TERMDESK_CONFIG", str(tmp_path / "env.toml"))
    po = pretranslate(tmp_path / "out", *extra)
    assert po.metadata["Last-Translator"] == expected


def test_bad_last_translator_in_settings(tmp_path: Path) -> None:
    config = DATA / "config_last_translator_not_text.toml"
    result = run(
        "pretranslate", PT / "article.txt", "--out", tmp_path, "--glossary", PT / "glossary.csv", "--config", config
    )
    assert result.exit_code == 2
    assert (
        result.output.splitlines()[-1]
        == f'error: {config}: [po] last_translator must be one line of text — write e.g. last_translator = "Name"'
    )
    assert not list(tmp_path.iterdir())


def test_bad_contacts_value() -> None:
    with pytest.raises(InputError):
        contacts_from(last_translator="two\nlines")


def test_merge_keeps_the_translators_fields_and_fills_missing_ones(tmp_path: Path) -> None:
    po = pretranslate(tmp_path)
    po.metadata["Last-Translator"] = "Kim Ji-won <jw@example.com>"
    po.metadata["PO-Revision-Date"] = "2026-12-01 09:30+0900"
    del po.metadata["Plural-Forms"]
    del po.metadata["Language-Team"]
    po.save()
    again = pretranslate(tmp_path)
    assert again.metadata["Last-Translator"] == "Kim Ji-won <jw@example.com>"
    assert again.metadata["PO-Revision-Date"] == "2026-12-01 09:30+0900"
    assert (again.metadata["Plural-Forms"], again.metadata["Language-Team"]) == ("nplurals=1; plural=0;", "Korean")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"SOURCE_DATE_EPOCH": "0"}, "1970-01-01 00:00+0000"),
        ({"SOURCE_DATE_EPOCH": "1764806400"}, "2025-12-04 00:00+0000"),
    ],
    ids=["epoch", "suite-date"],
)
def test_po_date_honours_source_date_epoch(env: dict, expected: str) -> None:  # type: ignore[type-arg]
    assert po_date(env=env) == expected


# --------------------------------------------------------------------------- glossary import summary


def _import(tmp_path: Path, *extra: str):  # type: ignore[no-untyped-def]
    return run(
        "glossary",
        "import",
        DATA / "formats_translator_sheet.tsv",
        "--from",
        "csv",
        "--map",
        "English=en,Korean=ko,Category=type,Remarks=note",
        "-o",
        tmp_path / "p.csv",
        "--glossary",
        FIXTURE,
        *extra,
    )


def test_import_summary_lists_only_new_and_conflicting_rows(tmp_path: Path) -> None:
    result = _import(tmp_path)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1] == "1 already in the glossary, 2 new, 1 conflict"
    assert not any("Terminal High Altitude Area Defense → 고고도미사일방어체계" in line for line in lines)


def test_import_verbose_lists_the_known_rows_too(tmp_path: Path) -> None:
    src = DATA / "formats_translator_sheet.tsv"
    result = _import(tmp_path, "--verbose")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-3:] == [
        "already in the glossary (skipped): 1",
        f"  {src}:3: Terminal High Altitude Area Defense → 고고도미사일방어체계 (in weapon:terminal-high-altitude-area-defense, {FIXTURE}:9)",
        f"wrote 3 proposed entries to {tmp_path / 'p.csv'}",
    ]


def test_import_of_a_glossary_into_itself_is_one_count_line(tmp_path: Path) -> None:
    exported = tmp_path / "g.tbx"
    assert run("glossary", "export", "--to", "tbx", "--glossary", FIXTURE, "-o", exported).exit_code == 0
    result = run("glossary", "import", exported, "--from", "tbx", "-o", tmp_path / "p.csv", "--glossary", FIXTURE)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{exported}: read 10 entries (tbx)",
        "10 already in the glossary, 0 new, 0 conflicts",
        f"wrote 0 proposed entries to {tmp_path / 'p.csv'}",
    ]


def test_glossary_export_po_header(tmp_path: Path) -> None:
    path = tmp_path / "glossary.po"
    assert run("glossary", "export", "--to", "po", "--glossary", FIXTURE, "-o", path).exit_code == 0
    assert polib.pofile(str(path)).metadata == {
        **HEADER,
        "Project-Id-Version": "termdesk glossary",
        "Last-Translator": "termdesk (glossary export)",
        "X-Generator": "termdesk glossary export",
    }
