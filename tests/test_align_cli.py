"""`termdesk align` and `termdesk glossary add` in-process: exit codes, exact messages, files left as they were."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from termdesk.align import PROPOSAL_COLUMNS
from termdesk.cli import app
from termdesk.glossary import load_glossary, render_csv, validate

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parent.parent
PAIRS = DATA / "align_pairs"
SMALL = DATA / "align_glossary"


def run(*args: str) -> object:
    return CliRunner().invoke(app, [str(a) for a in args])


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


@pytest.fixture
def small_glossary(tmp_path: Path) -> Path:
    dest = tmp_path / "glossary"
    shutil.copytree(SMALL, dest)
    return dest


def snapshot(folder: Path) -> dict[str, bytes]:
    return {f.name: f.read_bytes() for f in sorted(folder.iterdir())}


# --------------------------------------------------------------------------- align


def test_align_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "terms" / "pairs-proposals.csv"
    result = run(
        "align",
        PAIRS / "candidates.csv",
        "--ko-text",
        PAIRS,
        "--glossary",
        DATA / "glossary_2026_11",
        "-o",
        out,
        "--mt",
        "none",
    )
    assert result.exit_code == 0, result.output
    assert (
        result.stdout.splitlines()[-1]
        == f"139 candidates → {out}: 65 from the glossary, 45 from parallel text, 0 from MT only, "
        "29 below the threshold (in alternatives), 0 without a proposal"  # F-4 and F-5 kept in Latin: the latin check
    )
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(PROPOSAL_COLUMNS)
    assert "\r" not in text and not text.startswith("\ufeff")
    by_en = {r["en"]: r for r in rows(out)}
    assert by_en["Ryu Jae-seung"]["ko"] == "류제승" and by_en["Ryu Jae-seung"]["status"] == "proposed"
    assert by_en["Song Young-moo"]["ko"] == "송영무" and by_en["Song Young-moo"]["score"] == "1.00"
    assert by_en["KF-21"]["note"].startswith("[keep-latin]")
    abstained = [r for r in by_en.values() if not r["ko"]]
    assert (
        len(abstained) == 29
    )  # issue 19: weak proposals are not offered, and nothing is lost (USS Kentucky → 켄터키함 is read)
    for r in abstained:
        assert r["evidence"].startswith("not offered: best score below 0.50 (see alternatives); parallel: ")
        assert r["alternatives"] and float(r["score"]) < 0.50
    assert all(r["status"] == "proposed" for r in by_en.values())


def test_align_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "p.csv"
    out.write_text("reviewer's edits\n", encoding="utf-8")
    result = run(
        "align",
        DATA / "align_candidates_small.csv",
        "--ko-text",
        DATA / "align_unequal_paragraphs",
        "--glossary",
        SMALL,
        "-o",
        out,
        "--mt",
        "none",
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {out}: already exists (it may hold a reviewer's edits) — choose another -o, or add --force to replace it"
    ]
    assert out.read_text(encoding="utf-8") == "reviewer's edits\n"
    forced = run(
        "align",
        DATA / "align_candidates_small.csv",
        "--ko-text",
        DATA / "align_unequal_paragraphs",
        "--glossary",
        SMALL,
        "-o",
        out,
        "--force",
        "--mt",
        "none",
    )
    assert forced.exit_code == 0, forced.output
    assert out.read_text(encoding="utf-8").startswith("en,ko,type")


def test_align_unequal_paragraph_counts_align(tmp_path: Path) -> None:
    out = tmp_path / "p.csv"
    result = run(
        "align",
        DATA / "align_candidates_small.csv",
        "--ko-text",
        DATA / "align_unequal_paragraphs",
        "--glossary",
        ROOT / "glossary",
        "-o",
        out,
        "--mt",
        "none",
    )
    assert result.exit_code == 0, result.output
    assert "pair drill: 5 English / 5 Korean sentences (5/3 paragraphs), 5 aligned groups" in result.stdout.splitlines()
    by_en = {r["en"]: r for r in rows(out)}
    assert by_en["intermediate-range ballistic missile"]["ko"] == "중거리탄도미사일"
    assert by_en["Andersen Air Force Base"]["ko"] == "앤더슨 공군기지"


@pytest.mark.parametrize(
    ("args", "exit_code", "message"),
    [
        (
            ["{d}/align_empty_candidates.csv", "--ko-text", "{d}/align_unequal_paragraphs"],
            2,
            "error: {d}/align_empty_candidates.csv: empty candidates file — run `termdesk mine ARTICLES -o {d}/align_empty_candidates.csv` first",
        ),
        (
            [
                "{d}/align_candidates_small.csv",
                "--en-text",
                "{d}/align_missing_korean/hwasong_2017.txt",
                "--ko-text",
                "{d}/align_missing_korean",
            ],
            2,
            "error: {d}/align_missing_korean/hwasong_2017.txt: no Korean version found (hwasong_2017.ko.txt in {d}/align_missing_korean) — add it to --ko-text, or leave the article out of --en-text",
        ),
        (
            [
                "{d}/align_candidates_small.csv",
                "--en-text",
                "{d}/align_ko_is_english/launch.txt",
                "--ko-text",
                "{d}/align_ko_is_english",
            ],
            2,
            "error: {d}/align_ko_is_english/launch.ko.txt: no Korean text (0% Hangul) — this looks like the English article — give the Korean version of launch.txt",
        ),
        (
            ["{d}/align_candidates_small.csv", "--en-text", "{d}/align_unequal_paragraphs/drill.txt"],
            2,
            "error: --en-text needs --ko-text: parallel text is an English article with its Korean version",
        ),
    ],
    ids=["empty-candidates", "korean-file-missing", "korean-file-is-english", "en-without-ko"],
)
def test_align_bad_input(tmp_path: Path, args: list[str], exit_code: int, message: str) -> None:
    out = tmp_path / "p.csv"
    result = run("align", *(a.format(d=DATA) for a in args), "--glossary", SMALL, "-o", out, "--mt", "none")
    assert result.exit_code == exit_code
    assert result.stderr.splitlines() == [message.format(d=DATA)]
    assert not out.exists()


def test_align_mt_auto_without_model_says_so(tmp_path: Path) -> None:
    out = tmp_path / "p.csv"
    result = run(
        "align",
        DATA / "align_candidates_small.csv",
        "--ko-text",
        DATA / "align_unequal_paragraphs",
        "--glossary",
        SMALL,
        "-o",
        out,
    )
    assert result.exit_code == 0
    assert (
        "note: no en→ko MT model installed: proposals come from the glossary and parallel text only"
        in result.stderr.splitlines()
    )


# --------------------------------------------------------------------------- glossary add

REVIEWED_OUTCOME = [
    "line 2: added person:ryu-jae-seung → {g}/people.csv",
    "line 3: added person:thomas-vandal → {g}/people.csv",
    "line 5: refused title:national-defense-minister: English form 'National Defense Minister' → '국방장관', but 'National Defense Minister' → '국방부 장관' at {g}/titles.csv:2",
    "line 6: refused person:defense-minister-song-young-moo: composed of title:defense-minister + person:song-young-moo (→ 송영무 국방부 장관); the glossary already renders it",
    "line 7: added weapon:kf-21 → {g}/weapons.csv",
    "line 10: refused acronym:gsomia: unknown type 'acronym' — set type to one of: concept, document, event, exercise, media, meeting, organization, person, place, title, weapon",
    "3 added, 0 updated, 0 already present, 4 refused; 2 file(s) written",
]


@pytest.mark.parametrize(
    "name", ["align_proposals_reviewed.csv", "align_proposals_excel_bom_crlf.csv"], ids=["as-written", "excel-bom-crlf"]
)
def test_add_accepted_rows(small_glossary: Path, name: str) -> None:
    before = snapshot(small_glossary)
    result = run("glossary", "add", DATA / name, "--glossary", small_glossary)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [ln for ln in lines if not ln.startswith("line 4:")] == [
        x.format(g=small_glossary) for x in REVIEWED_OUTCOME
    ]
    assert (
        lines[2].startswith("line 4: refused person:jim-mattis: differs from the glossary entry at ")
        and "ko '제임스 매티스' → '짐 매티스'" in lines[2]
    )
    assert result.stderr.splitlines() == [
        f"error: 4 row(s) refused (see above) — fix them in {DATA / name} and run again"
    ]
    people = load_glossary(small_glossary / "people.csv")
    assert people.get("person:ryu-jae-seung").ko == "류제승"  # type: ignore[union-attr]
    assert people.get("person:ryu-jae-seung").status == "approved"  # type: ignore[union-attr]
    assert people.get("person:jim-mattis").ko == "제임스 매티스"  # type: ignore[union-attr]  (not changed silently)
    for f in ("people.csv", "weapons.csv"):
        assert (small_glossary / f).read_text(encoding="utf-8") == render_csv(
            load_glossary(small_glossary / f).entries
        )  # canonical order
    assert (small_glossary / "titles.csv").read_bytes() == before["titles.csv"]
    assert not validate(small_glossary).errors


def test_add_excel_cp949_is_named_and_nothing_changes(small_glossary: Path) -> None:
    before = snapshot(small_glossary)
    proposals = DATA / "align_proposals_excel_cp949.csv"
    raw = proposals.read_bytes()
    result = run("glossary", "add", proposals, "--glossary", small_glossary)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {proposals}:2: file is CP949/EUC-KR (saved by Korean Excel), not UTF-8 — add --encoding cp949, or save it from Excel as CSV UTF-8"
    ]
    assert snapshot(small_glossary) == before and proposals.read_bytes() == raw
    again = run("glossary", "add", proposals, "--glossary", small_glossary, "--encoding", "cp949")
    assert again.exit_code == 1
    assert again.stdout.splitlines()[-1] == "3 added, 0 updated, 0 already present, 4 refused; 2 file(s) written"


def test_add_by_ids_and_again_is_idempotent(small_glossary: Path) -> None:
    proposals = DATA / "align_proposals_reviewed.csv"
    result = run(
        "glossary", "add", proposals, "--glossary", small_glossary, "--ids", "person:kim-tae-hyo,person:ryu-jae-seung"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"line 2: added person:ryu-jae-seung → {small_glossary}/people.csv",
        f"line 8: added person:kim-tae-hyo → {small_glossary}/people.csv",
        "2 added, 0 updated, 0 already present, 0 refused; 1 file(s) written",
    ]
    after = snapshot(small_glossary)
    again = run("glossary", "add", proposals, "--glossary", small_glossary, "--ids", "person:kim-tae-hyo")
    assert again.exit_code == 0
    assert again.stdout.splitlines()[0].startswith("line 8: skipped person:kim-tae-hyo: already in the glossary (")
    assert snapshot(small_glossary) == after


def test_add_update_shows_the_diff(small_glossary: Path) -> None:
    result = run(
        "glossary",
        "add",
        DATA / "align_proposals_reviewed.csv",
        "--glossary",
        small_glossary,
        "--ids",
        "person:jim-mattis",
        "--update",
    )
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert first.startswith("line 4: updated person:jim-mattis → ") and "ko '제임스 매티스' → '짐 매티스'" in first
    assert load_glossary(small_glossary).get("person:jim-mattis").ko == "짐 매티스"  # type: ignore[union-attr]


def test_add_dry_run_writes_nothing(small_glossary: Path) -> None:
    before = snapshot(small_glossary)
    result = run(
        "glossary",
        "add",
        DATA / "align_proposals_reviewed.csv",
        "--glossary",
        small_glossary,
        "--ids",
        "person:ryu-jae-seung",
        "--dry-run",
    )
    assert result.exit_code == 0
    assert (
        result.stdout.splitlines()[-1] == "1 added, 0 updated, 0 already present, 0 refused; 1 file(s) would be written"
    )
    assert snapshot(small_glossary) == before


@pytest.mark.parametrize(
    ("args", "exit_code", "message"),
    [
        (
            ["--ids", "person:nobody"],
            2,
            "error: {p}: no row with id 'person:nobody' — ids are type:slug of en, e.g. person:song-young-moo",
        ),
        (["--ids", "person:kim-tae-hyo", "--accepted"], 2, "error: give either --ids or --accepted, not both"),
    ],
    ids=["unknown-id", "ids-and-accepted"],
)
def test_add_usage_errors(small_glossary: Path, args: list[str], exit_code: int, message: str) -> None:
    proposals = DATA / "align_proposals_reviewed.csv"
    before = snapshot(small_glossary)
    result = run("glossary", "add", proposals, "--glossary", small_glossary, *args)
    assert result.exit_code == exit_code
    assert result.stderr.splitlines() == [message.format(p=proposals)]
    assert snapshot(small_glossary) == before


def test_add_without_accepted_rows(small_glossary: Path, tmp_path: Path) -> None:
    proposals = tmp_path / "unreviewed.csv"
    proposals.write_text(
        (DATA / "align_proposals_reviewed.csv")
        .read_text(encoding="utf-8")
        .replace(",accepted,", ",proposed,")
        .replace(",approved,", ",proposed,"),
        encoding="utf-8",
    )
    result = run("glossary", "add", proposals, "--glossary", small_glossary)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {proposals}: no row has status accepted or approved — set status to accepted on the rows to merge, or name them with --ids"
    ]


def test_add_refuses_a_glossary_not_in_canonical_form(small_glossary: Path) -> None:
    people = small_glossary / "people.csv"
    lines = people.read_text(encoding="utf-8").splitlines(keepends=True)
    people.write_text(lines[0] + "".join(reversed(lines[1:])), encoding="utf-8")
    before = snapshot(small_glossary)
    result = run("glossary", "add", DATA / "align_proposals_reviewed.csv", "--glossary", small_glossary)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {people}: not in canonical form, so adding would also change other rows — run `termdesk glossary fmt` first"
    ]
    assert snapshot(small_glossary) == before


def test_align_then_add_round_trip(tmp_path: Path, small_glossary: Path) -> None:
    """The proposals file `align` writes is what `glossary add` reads; a reviewer marks rows accepted."""
    out = tmp_path / "p.csv"
    assert (
        run(
            "align",
            DATA / "align_candidates_small.csv",
            "--ko-text",
            DATA / "align_unequal_paragraphs",
            "--glossary",
            small_glossary,
            "-o",
            out,
            "--mt",
            "none",
        ).exit_code
        == 0
    )
    edited = out.read_text(encoding="utf-8").replace(
        "intermediate-range ballistic missile,중거리탄도미사일,weapon,,,,,parallel text: drill.ko.txt,proposed",
        "intermediate-range ballistic missile,중거리탄도미사일,weapon,,,,,parallel text: drill.ko.txt,accepted",
    )
    assert edited != out.read_text(encoding="utf-8")
    out.write_text(edited, encoding="utf-8")
    result = run("glossary", "add", out, "--glossary", small_glossary)
    assert result.exit_code == 0, result.output
    assert load_glossary(small_glossary).get("weapon:intermediate-range-ballistic-missile").ko == "중거리탄도미사일"  # type: ignore[union-attr]


def test_add_keeps_a_files_optional_columns(small_glossary: Path) -> None:
    """people.csv with an (empty) optional column: adding rows keeps the file's header."""
    from termdesk.glossary import format_files

    people = small_glossary / "people.csv"
    lines = people.read_text(encoding="utf-8").splitlines()
    people.write_text("\n".join([lines[0] + ",valid_to", *(ln + "," for ln in lines[1:])]) + "\n", encoding="utf-8")
    assert not format_files(people, check=True)[0].changed  # canonical with its optional column
    run("glossary", "add", DATA / "align_proposals_reviewed.csv", "--glossary", small_glossary)
    assert people.read_text(encoding="utf-8").splitlines()[0].endswith(",match,valid_to")
    assert load_glossary(people).get("person:ryu-jae-seung") is not None
