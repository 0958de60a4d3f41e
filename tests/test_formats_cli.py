"""`termdesk glossary export|import` in-process: exit codes, exact messages, nothing written on errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from termdesk.cli import app
from termdesk.formats import render
from termdesk.glossary import load_glossary, sort_key

DATA = Path(__file__).parent / "data"
FIXTURE = DATA / "formats_glossary.csv"
FORMATS = ["tbx", "omegat", "po", "csv", "deepl", "amazon"]


def run(*args: object) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def approved() -> list:
    return sorted((e for e in load_glossary(FIXTURE) if e.status == "approved"), key=sort_key)


# --------------------------------------------------------------------------- export


@pytest.mark.parametrize("fmt", FORMATS, ids=FORMATS)
def test_export_to_stdout_is_the_approved_entries(fmt: str) -> None:
    result = run("glossary", "export", "--to", fmt, "--glossary", FIXTURE)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == render(approved(), to=fmt).text.encode("utf-8")  # .stdout turns CRLF into LF
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("fmt", "status", "line"),
    [
        ("tbx", "approved", "wrote 10 entries (10 concepts) to {o}"),
        ("omegat", "approved,proposed", "wrote 11 entries (26 lines) to {o}"),
        ("po", "approved,proposed,deprecated", "wrote 12 entries (12 PO entries) to {o}"),
        ("csv", "deprecated", "wrote 1 entry (1 row) to {o}"),
        ("deepl", "approved", "wrote 10 entries (24 pairs) to {o}"),
        ("amazon", "proposed", "wrote 1 entry (2 pairs) to {o}"),
    ],
    ids=["tbx", "omegat", "po", "csv", "deepl", "amazon"],
)
def test_export_to_file(tmp_path: Path, fmt: str, status: str, line: str) -> None:
    out = tmp_path / "sub" / f"out.{fmt}"
    result = run("glossary", "export", "--to", fmt, "--status", status, "-o", out, "--glossary", FIXTURE)
    assert result.exit_code == 0, result.output
    assert result.stdout == line.format(o=out) + "\n"
    wanted = set(status.split(","))
    assert out.read_bytes() == render([e for e in load_glossary(FIXTURE) if e.status in wanted], to=fmt).text.encode(
        "utf-8"
    )
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temp file left behind


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--to", "tbx", "--status", "approved,bogus"],
            "error: --status: unknown status 'bogus' — use one or more of: approved, proposed, deprecated (comma-separated)",
        ),
        (["--to", "tbx", "--glossary", "no/such/dir"], "error: no/such/dir: no such file — check the path"),
        (
            ["--to", "tbx", "--glossary", DATA / "glossary_valid.csv", "--status", "deprecated"],
            f"error: {DATA / 'glossary_valid.csv'}: no entries with status deprecated — choose others with --status approved,proposed,deprecated",
        ),
        (
            ["--to", "deepl", "--glossary", DATA / "formats_glossary_conflict_line3.csv"],
            f"error: glossary has 1 error — run termdesk glossary check {DATA / 'formats_glossary_conflict_line3.csv'}",
        ),
        (
            ["--to", "tbx", "--glossary", DATA / "glossary_valid.csv", "--glossary", DATA / "formats_no_such_dir"],
            f"error: {DATA / 'formats_no_such_dir'}: no such file — check the path",
        ),
    ],
    ids=["bad-status", "missing-glossary", "no-entries", "deepl-conflict", "second-glossary-missing"],
)
def test_export_errors_exit_2_and_write_nothing(tmp_path: Path, args: list[object], message: str) -> None:
    out = tmp_path / "out.txt"
    result = run("glossary", "export", *args, "-o", out)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == message + "\n"
    assert not out.exists()


def test_export_unknown_format_is_a_usage_error() -> None:
    result = run("glossary", "export", "--to", "xml", "--glossary", FIXTURE)
    assert result.exit_code == 2
    assert (
        "Invalid value for '--to': 'xml' is not one of 'tbx', 'omegat', 'po', 'csv', 'deepl', 'amazon'."
        in result.stderr
    )


def test_export_warnings_go_to_stderr(tmp_path: Path) -> None:
    glossary = tmp_path / "g.csv"
    long_form = "A" * 201
    glossary.write_text(
        "en,ko,type,en_variants,ko_variants,ko_avoid,note,source,status,match\n"
        f"Patriot,패트리엇,weapon,{long_form},,,,,approved,\n",
        encoding="utf-8",
    )
    result = run("glossary", "export", "--to", "amazon", "--glossary", glossary)
    assert result.exit_code == 0
    assert result.stdout == "en,ko\nPatriot,패트리엇\n"
    assert result.stderr == (
        f"warning: {glossary}:2: [en] English form {long_form!r} is 201 bytes, over Amazon Translate's 200-byte limit; "
        "not exported — Amazon Translate would reject it\n"
    )


# --------------------------------------------------------------------------- import: bad input


def _merged_xlsx(tmp_path: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Glossary"
    for row in (["en", "ko", "type"], ["THAAD", "사드", "weapon"], ["Patriot", "패트리엇", "weapon"]):
        ws.append(row)
    ws.merge_cells("C2:C3")
    path = tmp_path / "formats_xlsx_merged_cells.xlsx"
    wb.save(path)
    return path


def _fifty_mb(tmp_path: Path) -> Path:
    path = tmp_path / "formats_50mb.tsv"
    line = "THAAD\t사드\n".encode()
    path.write_bytes(line * (50 * 2**20 // len(line) + 1))
    return path


def _data(name: str) -> Callable[[Path], Path]:
    return lambda _tmp: DATA / name


BAD_INPUTS = [
    (
        "tbx-wrong-namespace",
        _data("formats_tbx_wrong_namespace.tbx"),
        "tbx",
        [],
        2,
        "{p}:2: root <tbx> is in namespace 'urn:iso:std:iso:30042:ed-1', not the TBX v3 namespace — export it again as TBX-Basic (TBX v3, xmlns=\"urn:iso:std:iso:30042:ed-2\")",
    ),
    (
        "tbx-wrong-root",
        _data("formats_tbx_wrong_root.tbx"),
        "tbx",
        [],
        2,
        '{p}:2: root element is <tmx>, not a TBX file — expected <tbx xmlns="urn:iso:std:iso:30042:ed-2"> (TBX v3, e.g. TBX-Basic) or <martif> (TBX v2)',
    ),
    (
        "tbx-malformed",
        _data("formats_tbx_malformed_line6.tbx"),
        "tbx",
        [],
        2,
        "{p}:6: not well-formed XML (Opening and ending tag mismatch: term line 6 and termSec) — repair the file, or export it again from the terminology tool",
    ),
    (
        "tsv-missing-column",
        _data("formats_tsv_missing_column_line3.tsv"),
        "csv",
        ["--map", "English=en,Korean=ko,Note=note"],
        2,
        "{p}:3: 2 cells, expected 3 — check for a missing or extra tab on this line",
    ),
    (
        "omegat-missing-column",
        _data("formats_omegat_missing_column_line4.utf8"),
        "omegat",
        [],
        2,
        "{p}:4: 1 column, expected 2 or 3 (source TAB target TAB comment) — separate the English and the Korean with a tab",
    ),
    (
        "deepl-extra-tab",
        _data("formats_deepl_extra_tab_line2.tsv"),
        "deepl",
        [],
        2,
        "{p}:2: 2 tabs: expected source TAB target — remove the extra tab",
    ),
    (
        "amazon-no-ko-column",
        _data("formats_amazon_no_ko_column.csv"),
        "amazon",
        [],
        2,
        "{p}:1: no ko column in the header (en,fr) — add the Korean column, headed ko",
    ),
    (
        "po-syntax-error",
        _data("formats_po_unterminated_msgstr_line11.po"),
        "po",
        [],
        2,
        "{p}:11: unterminated or malformed string after msgstr — fix the line in a text editor or PO editor, then run again",
    ),
    ("po-missing-file", _data("formats_no_such_file.po"), "po", [], 2, "{p}: no such file — check the path"),
    (
        "cp949-csv",
        _data("formats_cp949.csv"),
        "csv",
        [],
        2,
        '{p}:2: file is CP949/EUC-KR (Korean Excel), not UTF-8 — import it with --encoding cp949, or save it from Excel as "CSV UTF-8"',
    ),
    (
        "csv-no-en-column",
        _data("formats_translator_sheet.tsv"),
        "csv",
        [],
        2,
        "{p}:1: no en (English) column — name it en, or map it: --map 'English=en,Korean=ko'",
    ),
    (
        "xlsx-merged-cells",
        _merged_xlsx,
        "xlsx",
        [],
        2,
        "{p}:2: sheet 'Glossary' has merged cells (C2:C3) — unmerge them (Merge & Center → Unmerge Cells), fill every cell, and save again",
    ),
    (
        "fifty-mb",
        _fifty_mb,
        "deepl",
        [],
        2,
        "{p}: file is 50.0 MB, over the 20 MB import limit — split it into smaller files and import them one by one",
    ),
    (
        "map-unknown-column",
        _data("formats_translator_sheet.tsv"),
        "csv",
        ["--map", "English=en,Korean=korean"],
        2,
        "--map: unknown glossary column 'korean' — use one of: en, ko, type, en_variants, ko_variants, ko_avoid, note, source, status, match",
    ),
    (
        "map-header-absent",
        _data("formats_translator_sheet.tsv"),
        "csv",
        ["--map", "Source=en,Korean=ko"],
        2,
        "{p}:1: no column 'Source' (named in --map) — columns are: 'English', 'Korean', 'Category', 'Remarks', 'Checked by'",
    ),
    (
        "map-with-omegat",
        _data("formats_omegat_missing_column_line4.utf8"),
        "omegat",
        ["--map", "a=en"],
        2,
        "--map applies to --from csv or xlsx, not omegat (its columns are fixed)",
    ),
    (
        "encoding-with-tbx",
        _data("formats_tbx_wrong_namespace.tbx"),
        "tbx",
        ["--encoding", "cp949"],
        2,
        "--encoding does not apply to tbx (XML declares its own encoding)",
    ),
    (
        "sheet-with-text-csv",
        _data("formats_translator_sheet.tsv"),
        "csv",
        ["--sheet", "Terms", "--map", "English=en,Korean=ko"],
        2,
        "--sheet applies to .xlsx workbooks only",
    ),
]


@pytest.mark.parametrize(
    ("make", "fmt", "extra", "code", "message"), [c[1:] for c in BAD_INPUTS], ids=[c[0] for c in BAD_INPUTS]
)
def test_import_bad_input_one_line_error_nothing_written(
    tmp_path: Path, make: Callable[[Path], Path], fmt: str, extra: list[str], code: int, message: str
) -> None:
    path = make(tmp_path)
    out = tmp_path / "proposals.csv"
    result = run("glossary", "import", path, "--from", fmt, "-o", out, "--glossary", FIXTURE, *extra)
    assert result.exit_code == code
    assert result.stderr == "error: " + message.format(p=path) + "\n"
    assert result.stdout == ""
    assert not out.exists()


def test_import_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "proposals.csv"
    out.write_text("en,ko\nedited,by hand\n", encoding="utf-8")
    args = [
        "glossary",
        "import",
        DATA / "formats_translator_sheet.tsv",
        "--from",
        "csv",
        "--map",
        "English=en,Korean=ko",
        "-o",
        out,
        "--glossary",
        FIXTURE,
    ]
    result = run(*args)
    assert result.exit_code == 1
    assert result.stderr == f"error: {out}: already exists — choose another -o file, or add --force to replace it\n"
    assert out.read_text(encoding="utf-8") == "en,ko\nedited,by hand\n"
    result = run(*args, "--force")
    assert result.exit_code == 0
    assert [e.en for e in load_glossary(out)] == ["Iron Dome", "Patriot", "THAAD"]


# --------------------------------------------------------------------------- import: good input


def test_import_translator_sheet_report(tmp_path: Path) -> None:
    src = DATA / "formats_translator_sheet.tsv"
    out = tmp_path / "proposals.csv"
    result = run(
        "glossary",
        "import",
        src,
        "--from",
        "csv",
        "--map",
        "English=en,Korean=ko,Category=type,Remarks=note",
        "-o",
        out,
        "--glossary",
        FIXTURE,
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{src}: read 4 entries (csv)",
        "1 already in the glossary, 2 new, 1 conflict",
        "new (written for review): 2",
        f"  {src}:2: Patriot → 패트리엇",
        f"  {src}:4: Iron Dome → 아이언 돔",
        "conflicts with approved entries (kept for review): 1",
        f"  {src}:5: 'THAAD' → '사드 체계' here, but → '고고도미사일방어체계' in approved weapon:terminal-high-altitude-area-defense ({FIXTURE}:9)",
        "warnings: 2",
        f"  {src}:1: column(s) not imported: 'Checked by' — map them with --map 'Header=column' if they hold glossary data",
        f"  {src}:7: [ko] no ko (Korean); row skipped — fill it in, or delete the row",
        f"wrote 3 proposed entries to {out}",
    ]
    assert out.read_text(encoding="utf-8") == (
        "en,ko,type,en_variants,ko_variants,ko_avoid,note,source,status,match\n"
        "Iron Dome,아이언 돔,weapon,,,,Israeli system,,proposed,\n"
        'Patriot,패트리엇,weapon,,,,"""PAC-3"" batteries, too",,proposed,\n'
        "THAAD,사드 체계,weapon,,,,,,proposed,\n"
    )
    assert run("glossary", "check", out).exit_code == 0


def test_import_cp949_with_encoding(tmp_path: Path) -> None:
    out = tmp_path / "p.csv"
    result = run(
        "glossary",
        "import",
        DATA / "formats_cp949.csv",
        "--from",
        "csv",
        "--encoding",
        "cp949",
        "-o",
        out,
        "--glossary",
        DATA / "glossary_valid.csv",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == f"wrote 1 proposed entry to {out}"
    assert [(e.en, e.ko, e.status) for e in load_glossary(out)] == [("THAAD", "사드", "proposed")]


@pytest.mark.parametrize("fmt", FORMATS, ids=FORMATS)
def test_cli_export_then_import_round_trip(tmp_path: Path, fmt: str) -> None:
    exported = tmp_path / f"g.{fmt}"
    assert (
        run(
            "glossary",
            "export",
            "--to",
            fmt,
            "--status",
            "approved,proposed,deprecated",
            "-o",
            exported,
            "--glossary",
            FIXTURE,
        ).exit_code
        == 0
    )
    out = tmp_path / "p.csv"
    result = run("glossary", "import", exported, "--from", fmt, "-o", out, "--glossary", FIXTURE)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == f"{exported}: read 12 entries ({fmt})"
    assert result.stdout.splitlines()[-1] == f"wrote 0 proposed entries to {out}"
