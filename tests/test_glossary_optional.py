"""The optional glossary columns: ko_short, ko_first, valid_from, valid_to (schema, validation, fmt)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from termdesk.glossary import (
    COLUMNS,
    OPTIONAL_COLUMNS,
    Entry,
    Severity,
    format_files,
    load_glossary,
    parse_period,
    render_csv,
    validate,
)

DATA = Path(__file__).parent / "data"
HEADER = ",".join(COLUMNS)

# --- one tiny fixture per bad input, named after the failure ----------------------------------

BAD = [
    ("glossary_bad_date.csv", 2, "bad-date", "valid_to", Severity.ERROR),
    ("glossary_date_order.csv", 2, "date-order", "valid_to", Severity.ERROR),
    ("glossary_ko_first_mismatch.csv", 2, "ko-first-mismatch", "ko_first", Severity.ERROR),
    ("glossary_ko_short_not_hangul.csv", 2, "ko-short-not-hangul", "ko_short", Severity.WARNING),
    ("glossary_ko_short_not_suffix.csv", 2, "ko-short-not-suffix", "ko_short", Severity.WARNING),
    ("glossary_ko_short_zero_width.csv", 2, "zero-width", "ko_short", Severity.ERROR),
    ("glossary_validity_overlap.csv", 3, "validity-overlap", "valid_from", Severity.ERROR),
]


@pytest.mark.parametrize(("name", "line", "code", "column", "severity"), BAD, ids=[b[2] for b in BAD])
def test_bad_optional_cell_is_reported(name: str, line: int, code: str, column: str, severity: Severity) -> None:
    problems = validate(DATA / name).problems
    assert [(p.line, p.code, p.column, p.severity) for p in problems] == [(line, code, column, severity)]


GOOD_ROWS = {
    "no optional columns at all": (HEADER, "Defense Minister,국방부 장관,title,,,,,src,approved,"),
    "short title is a word suffix": (HEADER + ",ko_short", "Defense Minister,국방부 장관,title,,,,,src,approved,,장관"),
    "short title is a string suffix": (HEADER + ",ko_short", "JCS chairman,합참의장,title,,,,,src,approved,,의장"),
    "short title is the whole title": (HEADER + ",ko_short", "President,대통령,title,,,,,src,approved,,대통령"),
    "short title ends a variant": (
        HEADER + ",ko_short",
        "USFK commander,주한미군사령관,title,,주한미군 사령관,,,src,approved,,사령관",
    ),
    "first mention around ko": (
        HEADER + ",ko_first",
        "THAAD,사드,weapon,,,,,src,approved,,고고도미사일방어체계(사드)",
    ),
    "first mention around a variant": (
        HEADER + ",ko_first",
        "Joint Chiefs of Staff,합동참모본부,organization,JCS,합참,,,src,approved,,합동참모본부(합참)",
    ),
    "year and month dates": (
        HEADER + ",valid_from,valid_to",
        "Pacific Command,태평양사령부,organization,PACOM,,,,src,approved,,1947,2018-05",
    ),
    "only an end date": (
        HEADER + ",valid_to",
        "Pacific Command,태평양사령부,organization,PACOM,,,,src,approved,,2018-05-30",
    ),
    "same day start and end": (
        HEADER + ",valid_from,valid_to",
        "Pacific Command,태평양사령부,organization,PACOM,,,,src,approved,,2018-05-30,2018-05-30",
    ),
    "dated siblings that meet but do not overlap": (
        HEADER + ",valid_from,valid_to",
        "Blue House,청와대,organization,presidential office,,,,src,approved,,,2022-05-09\n"
        "presidential office,대통령실,organization,,,,,src,approved,,2022-05-10,",
    ),
}


@pytest.mark.parametrize("name", sorted(GOOD_ROWS))
def test_good_optional_cells_are_clean(tmp_path: Path, name: str) -> None:
    header, rows = GOOD_ROWS[name]
    path = tmp_path / "g.csv"
    path.write_text(header + "\n" + rows + "\n", encoding="utf-8")
    assert validate(path).problems == ()


def test_dated_exception_to_an_undated_sibling_is_no_conflict(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        HEADER + ",valid_from,valid_to\n"
        "Cheong Wa Dae,청와대,organization,presidential office,,,,src,approved,,,\n"
        "Presidential Office,대통령실,organization,,,,,src,approved,,2022-05-10,2025-12-28\n",
        encoding="utf-8",
    )
    assert validate(path).problems == ()


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("2018", False, date(2018, 1, 1)),
        ("2018", True, date(2018, 12, 31)),
        ("2018-02", True, date(2018, 2, 28)),
        ("2024-02", True, date(2024, 2, 29)),
        ("2018-05-30", True, date(2018, 5, 30)),
    ],
    ids=["year-start", "year-end", "month-end", "leap-month-end", "day"],
)
def test_parse_period(value: str, end: bool, expected: date) -> None:
    assert parse_period(value, end=end) == expected


@pytest.mark.parametrize("value", ["May 2018", "2018/05", "2018-13", "2018-02-30", "18-05-30", ""])
def test_parse_period_rejects(value: str) -> None:
    with pytest.raises(ValueError):
        parse_period(value, end=True)


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "day", "valid"),
    [
        ("", "", date(1990, 1, 1), True),
        ("", "2018-05", date(2018, 5, 31), True),
        ("", "2018-05", date(2018, 6, 1), False),
        ("2022-05-10", "", date(2022, 5, 9), False),
        ("2022-05-10", "", date(2022, 5, 10), True),
        ("1998", "2013", date(2013, 12, 31), True),
    ],
    ids=["undated", "end-inclusive", "after-end", "before-start", "start-inclusive", "year-range"],
)
def test_valid_on(valid_from: str, valid_to: str, day: date, valid: bool) -> None:
    e = Entry(en="x", ko="엑스", type="concept", valid_from=valid_from, valid_to=valid_to)
    assert e.valid_on(day) is valid
    assert e.valid_on(None) is True


def test_loader_fills_optional_fields_and_defaults() -> None:
    (with_cols,) = load_glossary(DATA / "glossary_ko_first_mismatch.csv")
    assert with_cols.ko_first == "합동참모회의(JCS)"
    assert (with_cols.ko_short, with_cols.valid_from, with_cols.valid_to) == ("", "", "")
    (plain,) = load_glossary(DATA / "glossary_valid.csv")
    assert all(getattr(plain, c) == "" for c in OPTIONAL_COLUMNS)


def test_fmt_keeps_a_files_optional_columns_in_canonical_order(tmp_path: Path) -> None:
    f = tmp_path / "g.csv"
    shutil.copy(DATA / "glossary_optional_out_of_order_columns.csv", f)
    assert validate(f).problems == ()
    (result,) = format_files(f)
    assert result.written
    lines = f.read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER + ",ko_short,valid_to"  # the empty valid_to column is kept
    assert lines[1].endswith(",장관,")
    assert not format_files(f)[0].changed


def test_fmt_leaves_plain_files_plain(tmp_path: Path) -> None:
    f = tmp_path / "g.csv"
    shutil.copy(DATA / "glossary_valid.csv", f)
    format_files(f)
    assert f.read_text(encoding="utf-8").splitlines()[0] == HEADER


def test_render_csv_adds_only_filled_optional_columns() -> None:
    e = Entry(en="THAAD", ko="사드", type="weapon", ko_first="고고도미사일방어체계(사드)")
    assert render_csv([e]).splitlines()[0] == HEADER + ",ko_first"
    assert render_csv([Entry(en="x", ko="엑스", type="concept")]).splitlines()[0] == HEADER


def test_glossary_diff_shows_optional_columns() -> None:
    from termdesk.glossary import Glossary
    from termdesk.glossary_diff import diff_glossaries

    old = Entry(en="Pacific Command", ko="태평양사령부", type="organization")
    new = Entry(
        en="Pacific Command", ko="태평양사령부", type="organization", valid_to="2018-05-29", ko_first="X(태평양사령부)"
    )
    changes = diff_glossaries(Glossary([old]), Glossary([new])).changes
    assert [(c.field, c.old, c.new) for c in changes] == [
        ("ko_first", "", "X(태평양사령부)"),
        ("valid_to", "", "2018-05-29"),
    ]
