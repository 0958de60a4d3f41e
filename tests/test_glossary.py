"""Glossary loading, validation and canonical form (library level)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from termdesk.errors import InputError
from termdesk.glossary import (
    COLUMNS,
    TYPE_FILES,
    Entry,
    EntryType,
    Glossary,
    Severity,
    form_key,
    format_files,
    load_glossary,
    render_csv,
    validate,
)

DATA = Path(__file__).parent / "data"
HEADER = ",".join(COLUMNS)


def codes(path: Path) -> list[tuple[int | None, str]]:
    return [(p.line, p.code) for p in validate(path).problems]


# --- each bad fixture: the problem, the line it is reported on, and its severity -------------

BAD = [
    ("glossary_cp949.csv", 2, "encoding", Severity.ERROR),
    ("glossary_binary.csv", 3, "binary", Severity.ERROR),
    ("glossary_empty.csv", 1, "empty-file", Severity.ERROR),
    ("glossary_header_only.csv", 1, "header-only", Severity.WARNING),
    ("glossary_unbalanced_quote_line3.csv", 3, "unbalanced-quote", Severity.ERROR),
    ("glossary_extra_column_line3.csv", 3, "column-count", Severity.ERROR),
    ("glossary_duplicate_header.csv", 1, "duplicate-column", Severity.ERROR),
    ("glossary_missing_columns.csv", 1, "missing-column", Severity.ERROR),
    ("glossary_formula_cell.csv", 2, "formula-like", Severity.WARNING),
    ("glossary_nul_byte.csv", 2, "binary", Severity.ERROR),
    ("glossary_nfd_hangul.csv", 2, "not-nfc", Severity.ERROR),
    ("glossary_zero_width_space.csv", 2, "zero-width", Severity.ERROR),
    ("glossary_conflict.csv", 3, "conflict", Severity.ERROR),
    ("glossary_empty_en.csv", 2, "empty-en", Severity.ERROR),
    ("glossary_empty_ko.csv", 2, "empty-ko", Severity.ERROR),
    ("glossary_unknown_type.csv", 2, "unknown-type", Severity.ERROR),
    ("glossary_unknown_status.csv", 2, "unknown-status", Severity.ERROR),
    ("glossary_hangul_in_en.csv", 2, "hangul-in-en", Severity.ERROR),
    ("glossary_no_hangul_in_ko.csv", 2, "no-hangul-in-ko", Severity.ERROR),
    ("glossary_avoid_equals_ko.csv", 2, "avoid-is-ko", Severity.ERROR),
    ("glossary_doubled_trailing_space.csv", 2, "doubled-space", Severity.ERROR),
    ("glossary_doubled_trailing_space.csv", 2, "edge-space", Severity.ERROR),
    ("glossary_out_of_order.csv", 3, "order", Severity.ERROR),
]


@pytest.mark.parametrize(("name", "line", "code", "severity"), BAD, ids=[f"{b[0]}:{b[2]}" for b in BAD])
def test_bad_fixture_reports_problem_at_line(name: str, line: int, code: str, severity: Severity) -> None:
    report = validate(DATA / name)
    found = [p for p in report.problems if p.code == code]
    assert found, f"expected {code} in {[str(p) for p in report.problems]}"
    assert found[0].line == line
    assert found[0].severity is severity
    assert str(found[0]).startswith(f"{DATA / name}:{line}:")


def test_bad_fixtures_are_never_written(tmp_path: Path) -> None:
    copies = {}
    for name, *_ in BAD:
        shutil.copy(DATA / name, tmp_path / name)
        copies[name] = (tmp_path / name).read_bytes()
    validate(tmp_path)
    for name, data in copies.items():
        assert (tmp_path / name).read_bytes() == data


@pytest.mark.parametrize(
    ("name", "warnings"),
    [
        ("glossary_valid.csv", ()),
        ("glossary_crlf.csv", ("not-canonical",)),
        ("glossary_bom.csv", ("not-canonical",)),
        ("glossary_event.csv", ()),
    ],
    ids=["plain", "crlf-from-excel", "utf8-bom-from-excel", "event-type"],
)
def test_clean_files_have_no_errors(name: str, warnings: tuple[str, ...]) -> None:
    """BOM and CRLF (Excel) read fine, with one warning: the file is not in canonical form."""
    report = validate(DATA / name)
    assert report.errors == ()
    assert tuple(p.code for p in report.warnings) == warnings


def test_every_type_has_its_file() -> None:
    assert set(TYPE_FILES) == {t.value for t in EntryType}
    assert TYPE_FILES[EntryType.EVENT.value] == "events.csv"


def test_event_row_loads_as_event() -> None:
    (entry,) = load_glossary(DATA / "glossary_event.csv")
    assert (entry.type, entry.id) == ("event", "event:cheonan-sinking")


def test_keep_latin_tag_allows_latin_ko() -> None:
    report = validate(DATA / "glossary_no_hangul_in_ko.csv")
    flagged = [p.line for p in report.problems if p.code == "no-hangul-in-ko"]
    assert flagged == [2]  # B-1B row, not the F-35A row tagged [keep-latin]


def test_cp949_error_names_encoding_and_fix() -> None:
    (problem,) = validate(DATA / "glossary_cp949.csv").problems
    assert "CP949" in problem.message
    assert "--encoding cp949" in problem.hint


def test_cp949_reads_with_explicit_encoding() -> None:
    g = load_glossary(DATA / "glossary_cp949.csv", encoding="cp949")
    assert [e.ko for e in g] == ["국방부 장관"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("glossary_unbalanced_quote_line3.csv", ":3: unbalanced quote"),
        ("glossary_cp949.csv", ":2: file is CP949/EUC-KR"),
        ("glossary_binary.csv", ":3: binary data"),
        ("glossary_extra_column_line3.csv", ":3: 11 cells, expected 10"),
    ],
    ids=["unbalanced-quote", "cp949", "binary", "extra-column"],
)
def test_load_raises_one_line_input_error(name: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        load_glossary(DATA / name)
    assert message in info.value.message
    assert "\n" not in info.value.message
    assert info.value.exit_code == 2


def test_huge_cell_is_reported_not_crashing(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(
        f"{HEADER}\nDefense Minister,국방부 장관,title,,,,{'x' * 10_000_000},src,approved,\n", encoding="utf-8"
    )
    problems = validate(path).problems
    assert [(p.line, p.code, p.column) for p in problems] == [(2, "cell-too-long", "note")]


def test_na_and_formula_stay_text() -> None:
    rows = f"{HEADER}\nNational Assembly,국회,organization,NA,,,,src,approved,\n"
    path = DATA.parent / "data" / "glossary_valid.csv"  # any path label
    from termdesk.glossary import parse_csv_text

    raw = parse_csv_text(rows, str(path))
    entry = Entry.from_row(raw.rows[0].values)
    assert entry.en_variants == ("NA",)
    formula = load_glossary(DATA / "glossary_formula_cell.csv")
    assert formula.entries[0].en == '=HYPERLINK("http://x")'


def test_load_normalises_nfc_and_zero_width() -> None:
    assert load_glossary(DATA / "glossary_nfd_hangul.csv").entries[0].ko == "국방부 장관"
    assert load_glossary(DATA / "glossary_zero_width_space.csv").entries[0].en == "JointChiefs of Staff"


def test_form_key_is_case_and_punctuation_insensitive() -> None:
    assert form_key("U.S. Forces Korea") == form_key("US Forces Korea")
    assert form_key("pre-emptive strike") == form_key("Pre emptive  strike")
    assert form_key("US", case_sensitive=True) != form_key("us", case_sensitive=True)


def test_conflict_ignored_when_case_sensitive(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        f"{HEADER}\nus,우리,concept,,,,,src,approved,case-sensitive\nUS,미국,place,,,,,src,approved,case-sensitive\n",
        encoding="utf-8",
    )
    assert [p.code for p in validate(path).problems if p.code == "conflict"] == []


CASE_ROWS = {
    # name: (rows, expected (line, code) of conflicts and repeated forms)
    "case-sensitive pair, different case": (
        ["us,우리,concept,,,,,src,approved,case-sensitive", "US,미국,place,,,,,src,approved,case-sensitive"],
        [],
    ),
    "second form of a case-sensitive entry clashes exactly": (
        [
            "Alpha,알파,concept,ALPHA,,,,src,approved,case-sensitive",
            "Beta,베타,concept,ALPHA,,,,src,approved,case-sensitive",
        ],
        [(3, "conflict")],
    ),
    "same form twice in one entry": (
        ["Gamma,감마,concept,Gamma | GAMMA,,,,src,approved,case-sensitive"],
        [(2, "duplicate-variant")],
    ),
    "case variants differ only in case: no repeat when case-sensitive": (
        ["Gamma,감마,concept,gamma | GAMMA,,,,src,approved,case-sensitive"],
        [],
    ),
    "case-insensitive repeat in one entry, then a clash": (
        ["DELTA,델타2,concept,,,,,src,approved,", "Delta,델타,weapon,D.E.L.T.A.,,,,src,approved,"],
        [(3, "conflict"), (3, "duplicate-variant")],
    ),
    "deprecated entry takes no part": (
        ["Echo,에코,concept,,,,,src,deprecated,", "ECHO,에코2,concept,,,,,src,approved,"],
        [],
    ),
    "same Korean is no conflict": (
        ["Foxtrot,폭스트롯,concept,,,,,src,approved,", "FOXTROT,폭스트롯,weapon,,,,,src,approved,"],
        [],
    ),
}


@pytest.mark.parametrize("name", sorted(CASE_ROWS))
def test_conflicts_and_repeated_forms(tmp_path: Path, name: str) -> None:
    rows, expected = CASE_ROWS[name]
    path = tmp_path / "g.csv"
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    found = [(p.line, p.code) for p in validate(path).problems if p.code in ("conflict", "duplicate-variant")]
    assert found == expected


def test_conflict_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(f"{HEADER}\nTHAAD,사드,weapon,,,,,src,approved,\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text(
        f"{HEADER}\nT.H.A.A.D.,고고도미사일방어체계,weapon,,,,,src,approved,\n", encoding="utf-8"
    )
    (problem,) = [p for p in validate(tmp_path).problems if p.code == "conflict"]
    assert problem.path.endswith("b.csv") and "a.csv:2" in problem.message


def test_fmt_rewrites_form_only_and_is_idempotent(tmp_path: Path) -> None:
    names = [
        "glossary_out_of_order.csv",
        "glossary_crlf.csv",
        "glossary_bom.csv",
        "glossary_nfd_hangul.csv",
        "glossary_doubled_trailing_space.csv",
    ]
    for name in names:
        shutil.copy(DATA / name, tmp_path / name)
    for name in names:
        f = tmp_path / name
        before = load_glossary(f).entries
        (result,) = format_files(f)
        assert result.written
        assert sorted(load_glossary(f).entries, key=lambda e: e.en) == sorted(before, key=lambda e: e.en)  # form only
        assert validate(f).problems == ()
        data = f.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf") and b"\r\n" not in data
        assert not format_files(f)[0].changed


def test_fmt_check_writes_nothing(tmp_path: Path) -> None:
    shutil.copy(DATA / "glossary_out_of_order.csv", tmp_path / "g.csv")
    data = (tmp_path / "g.csv").read_bytes()
    (result,) = format_files(tmp_path / "g.csv", check=True)
    assert result.changed and not result.written
    assert (tmp_path / "g.csv").read_bytes() == data


def test_fmt_refuses_broken_file_and_leaves_it(tmp_path: Path) -> None:
    shutil.copy(DATA / "glossary_unbalanced_quote_line3.csv", tmp_path / "g.csv")
    data = (tmp_path / "g.csv").read_bytes()
    with pytest.raises(InputError, match=r"g\.csv:3: unbalanced quote"):
        format_files(tmp_path / "g.csv")
    assert (tmp_path / "g.csv").read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["g.csv"]  # no temp file left behind


def test_fmt_converts_cp949_to_utf8(tmp_path: Path) -> None:
    shutil.copy(DATA / "glossary_cp949.csv", tmp_path / "g.csv")
    format_files(tmp_path / "g.csv", encoding="cp949")
    assert "국방부 장관" in (tmp_path / "g.csv").read_text(encoding="utf-8")


def test_render_csv_round_trips_special_cells() -> None:
    entry = Entry(
        en='Quote "x", y',
        ko="가, 나",
        type="concept",
        en_variants=("A", "B"),
        note="=1+1",
        source="s",
        status="approved",
    )
    text = render_csv([entry])
    from termdesk.glossary import parse_csv_text

    raw = parse_csv_text(text, "mem")
    assert Entry.from_row(raw.rows[0].values) == entry


def test_glossary_lookup_and_ids() -> None:
    g = Glossary([Entry(en="Song Young-moo", ko="송영무", type="person", en_variants=("Song Young-mu",))])
    assert g.lookup("song young mu")[0].id == "person:song-young-moo"
    assert g.get("person:song-young-moo") is not None
    assert g.counts() == {"person": {"approved": 1}}


def test_shipped_glossary_is_clean() -> None:
    root = Path(__file__).parent.parent / "glossary"
    report = validate(root)
    assert report.errors == (), "\n".join(str(p) for p in report.errors[:20])
    g = load_glossary(root)
    assert len(g.approved()) >= 250
    assert all(e.source for e in g)
