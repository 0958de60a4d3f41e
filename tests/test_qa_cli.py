"""`termdesk qa` in-process: exit codes, exact messages, the three output formats."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from termdesk.cli import app

DATA = Path(__file__).parent / "data"
GLOSSARY = str(DATA / "qa_glossary.csv")


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["qa", *args, "--glossary", GLOSSARY])


def test_clean_po_exits_0() -> None:
    p = DATA / "qa_clean.po"
    result = run(str(p))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"qa_article  ({p}, 3 segments): no findings\n1 article, 3 segments: 0 errors, 0 warnings, 0 info\n"
    )
    assert result.stderr == ""


def test_po_with_errors_exits_1_grouped_by_rule() -> None:
    p = DATA / "qa_errors.po"
    result = run(str(p), "--no-color")
    assert result.exit_code == 1
    assert result.stdout == (
        f"qa_article  ({p}, 3 segments)\n"
        "  untranslated (error, 1 finding)\n"
        f"    {p}:14 (¶2): placeholder fragment left in the target (ZXQ token): ZXQ2\n"
        "  key-term-mismatch (error, 1 finding)\n"
        f"    {p}:14 (¶2): 'THAAD' → 고고도미사일방어체계 / 사드: not found in the target\n"
        "  avoided-rendering (error, 2 findings)\n"
        f"    {p}:9 (¶1): avoided rendering 애쉬턴 카터: use 애슈턴 카터 ('Ashton Carter' is in the source)\n"
        f"    {p}:20 (¶3): avoided rendering 일본해: use 동해 ('East Sea' is in the source)\n"
        "  particle-after-term (error, 1 finding)\n"
        f"    {p}:9 (¶1): particle after 송영무 국방부 장관: 는 should be 은\n"
        "  numbers (error, 1 finding)\n"
        f"    {p}:9 (¶1): figure 31 not found in the target\n"
        "1 article, 3 segments: 6 errors, 0 warnings, 0 info\n"
    )
    assert result.stderr == "error: 6 finding(s) at or above error\n"


@pytest.mark.parametrize(
    ("fail_on", "exit_code", "stderr"),
    [
        ("error", 1, "error: 1 finding(s) at or above error\n"),
        ("warning", 1, "error: 3 finding(s) at or above warning\n"),
        ("never", 0, ""),
    ],
    ids=["error", "warning", "never"],
)
def test_fail_on(fail_on: str, exit_code: int, stderr: str) -> None:
    result = run(str(DATA / "qa_day"), "--fail-on", fail_on, "--consistency", "run")
    assert result.exit_code == exit_code
    assert result.stderr == stderr


def test_consistency_is_per_article_unless_asked() -> None:
    day = DATA / "qa_day"
    lines = run(str(day)).stdout.splitlines()
    assert not any("across the run" in line for line in lines)
    assert lines[-1] == "3 articles, 7 segments: 1 error, 0 warnings, 0 info"


def test_folder_pairs_by_name_and_lists_skipped() -> None:
    day = DATA / "qa_day"
    result = run(str(day), "--consistency", "run")
    lines = result.stdout.splitlines()
    assert lines[0] == f"alpha  ({day / 'alpha.txt'} ↔ {day / 'alpha.ko.txt'}, 2 segments): no findings"
    assert "    ¶2: figure 1,000 not found in the target" in lines
    assert (
        "    ¶1: 'THAAD' rendered 사드 in this article but 고고도미사일방어체계 in alpha (¶2): use one rendering across the run"
        in lines
    )
    assert (
        f"skipped {day / 'gamma.txt'}: no Korean file — looked for {day / 'gamma.ko.txt'}, {day / 'gamma.po'}"
        " (also as .md, .html, .htm, .docx)"
    ) in lines
    assert lines[-1] == "3 articles, 7 segments: 1 error, 2 warnings, 0 info"


def test_json_format() -> None:
    result = run(str(DATA / "qa_errors.po"), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["summary"]["errors"] == 6 and data["summary"]["articles"] == 1
    rules = [f["rule"] for f in data["findings"]]
    assert rules.count("avoided-rendering") == 2
    first = data["findings"][0]
    assert set(first) >= {
        "rule",
        "severity",
        "doc",
        "segment",
        "paragraph",
        "line",
        "message",
        "evidence",
        "source",
        "target",
    }
    assert first["doc"] == "qa_article" and first["line"] == 9


def test_csv_format() -> None:
    result = run(str(DATA / "qa_errors.po"), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.stdout.splitlines()[0] == "doc,segment,paragraph,line,rule,severity,message,evidence,source,target"
    assert len(rows) == 6
    assert {r["severity"] for r in rows} == {"error"}
    assert any(r["rule"] == "numbers" and r["evidence"] == "31" for r in rows)


def test_rule_option_runs_only_that_rule() -> None:
    result = run(str(DATA / "qa_errors.po"), "--rule", "numbers", "--format", "json")
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["numbers"]


def test_html_written_atomically(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run(str(DATA / "qa_errors.po"), "--html", str(out))
    assert result.exit_code == 1
    assert result.stderr == f"wrote {out}\nerror: 6 finding(s) at or above error\n"
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('class="finding sev-') == 6
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


def test_unequal_paragraphs_are_alignment_info() -> None:
    en, ko = DATA / "qa_unequal.txt", DATA / "qa_unequal.ko.txt"
    result = run("--en", str(en), "--ko", str(ko))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:3] == [
        "  alignment (info, 1 finding)",
        "    article: 3 English paragraph(s) but 2 Korean paragraph(s): checked as one block — make the Korean paragraphs match the English ones",
    ]


def test_encoding_option_reads_cp949() -> None:
    result = run(str(DATA / "qa_cp949.txt"), "--encoding", "cp949")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["{d}/qa_unterminated_msgstr.po"],
            "error: {d}/qa_unterminated_msgstr.po:7: unterminated or malformed string after msgstr — fix the line in a text editor or PO editor, then run again",
        ),
        (["{d}/qa_no_such_file.po"], "error: {d}/qa_no_such_file.po: no such file or folder — check the path"),
        (
            ["{d}/qa_header_only.po"],
            "error: {d}/qa_header_only.po: no entries to check — give the PO file written by `termdesk pretranslate`",
        ),
        (
            ["{d}/qa_cp949.txt"],
            "error: {d}/qa_cp949.ko.txt:1: file is CP949/EUC-KR (Korean Excel), not UTF-8 — run with --encoding cp949, or save the file as UTF-8",
        ),
        (
            ["{d}/qa_glossary.csv"],
            "error: {d}/qa_glossary.csv: not a PO or XLIFF file, an article (.txt, .md, .html, .docx) or a folder — give NAME.po, NAME.xlf, NAME.txt (+ NAME.ko.txt) or a folder",
        ),
        (
            ["{d}/qa_unequal.ko.txt", "--en", "{d}/qa_unequal.txt"],
            "error: --en and --ko go together: give the English file (or folder) and its Korean translation",
        ),
        (
            ["--en", "{d}/qa_unequal.txt", "--ko", "{d}/qa_day"],
            "error: --en and --ko must both be files or both be folders",
        ),
        ([], "error: nothing to check — give PO files, NAME.txt files or folders, or --en FILE --ko FILE"),
        (
            ["{d}/qa_clean.po", "--rule", "spelling"],
            "error: unknown rule 'spelling' — choose from: untranslated, alignment, key-term-mismatch, avoided-rendering, deformed-term, unsupported-term, particle-after-term, numbers, inconsistency, source-name-variant, anachronism",
        ),
        (
            ["{d}/qa_clean.po", "--html", "{d}/qa_clean.po"],
            "error: --html {d}/qa_clean.po is one of the inputs — write the report to another file",
        ),
    ],
    ids=[
        "unterminated-msgstr",
        "missing-file",
        "header-only-po",
        "cp949",
        "not-an-input",
        "en-without-ko",
        "file-and-folder",
        "nothing",
        "unknown-rule",
        "html-over-input",
    ],
)
def test_input_and_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = run(*(a.format(d=DATA) for a in args))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == message.format(d=DATA) + "\n"


def test_missing_po_is_not_parsed_as_po_text(tmp_path: Path) -> None:
    """polib parses a missing file's *name* as PO text; the QA must not."""
    name = 'msgid "x"\nmsgstr "y"\n.po'
    result = run(str(tmp_path / name))
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr


def test_translator_file_untouched(tmp_path: Path) -> None:
    po = tmp_path / "a.po"
    shutil.copy(DATA / "qa_errors.po", po)
    before = po.read_bytes()
    run(str(po), "--html", str(tmp_path / "r.html"))
    assert po.read_bytes() == before


def test_list_rules_prints_the_table() -> None:
    result = CliRunner().invoke(app, ["qa", "--list-rules"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "| id | severity | fires on (source → target) | quiet on |"
    assert len(lines) == 2 + 11
    assert (
        "| `particle-after-term` | error | Defense Minister Song Young-moo spoke. → 송영무 국방부 장관는 말했다. "
        "| Defense Minister Song Young-moo spoke. → 송영무 국방부 장관은 말했다. |"
    ) in lines


def test_colour_only_when_asked() -> None:
    plain = run(str(DATA / "qa_errors.po"))
    coloured = run(str(DATA / "qa_errors.po"), "--color")
    assert "\x1b[" not in plain.stdout
    assert "\x1b[" in coloured.stdout


def test_unequal_paragraphs_paired_by_content_are_reported_as_groups(tmp_path: Path) -> None:
    en, ko = tmp_path / "talks.txt", tmp_path / "talks.ko.txt"
    en.write_text("Talks began on July 31.\n\nSome 1,000 troops joined.\n\nTHAAD was discussed.\n", encoding="utf-8")
    ko.write_text("회담은 7월 31일 시작됐다.\n\n병력 1,000명이 참가했고 THAAD 문제도 논의됐다.\n", encoding="utf-8")
    result = run("--en", str(en), "--ko", str(ko), "--rule", "alignment", "--fail-on", "info")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == f"talks  ({en} ↔ {ko}, 2 segments)"
    assert result.stdout.splitlines()[2] == (
        "    article: 3 English paragraph(s) but 2 Korean paragraph(s): paired by content in 2 groups"
        " — make the Korean paragraphs match the English ones"
    )
