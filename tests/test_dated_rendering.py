"""Date-aware rendering: the article's date (dateline or --date) chooses among dated glossary entries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from termdesk.article_date import EXAMPLES, article_date
from termdesk.cli import app
from termdesk.glossary import Entry, as_of, load_glossary
from termdesk.match import DatedMatchers, Matcher

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("text", "default", "expected"), EXAMPLES, ids=[f"{t[:28]}|{d}" for t, d, _ in EXAMPLES])
def test_article_date_table(text: str, default: date | None, expected: date | None) -> None:
    assert article_date(text, default=default) == expected


@pytest.fixture(scope="module")
def shipped() -> DatedMatchers:
    return DatedMatchers(load_glossary(ROOT / "glossary"))


# (article text, --date, the English matched, its Korean) — against the shipped glossary
SHIPPED_CASES = [
    ("pacom-2017", "WASHINGTON, March 3, 2017 — PACOM moved ships.", None, "PACOM", "미국 태평양사령부"),
    ("indopacom-2019", "WASHINGTON, May 3, 2019 — INDOPACOM moved ships.", None, "INDOPACOM", "미국 인도태평양사령부"),
    (
        "cheong-wa-dae-2020",
        "SEOUL, March 3, 2020 (Yonhap) -- The presidential office said.",
        None,
        "presidential office",
        "청와대",
    ),
    (
        "presidential-office-2023",
        "SEOUL, March 3, 2023 (Yonhap) -- The presidential office said.",
        None,
        "presidential office",
        "대통령실",
    ),
    (
        "cheong-wa-dae-again-2026",
        "SEOUL, Jan. 5, 2026 (Yonhap) -- The presidential office said.",
        None,
        "presidential office",
        "청와대",
    ),
    ("undated-is-current", "The presidential office said.", None, "presidential office", "청와대"),
    (
        "year-from-date-option",
        "SEOUL, March 3 (Yonhap) -- The presidential office said.",
        date(2023, 1, 1),
        "presidential office",
        "대통령실",
    ),
    (
        "yearless-without-date-is-undated",
        "SEOUL, March 3 (Yonhap) -- The presidential office said.",
        None,
        "presidential office",
        "청와대",
    ),
    ("mofat-2010", "SEOUL, May 3, 2010 (Yonhap) -- The Foreign Ministry said.", None, "Foreign Ministry", "외교통상부"),
    ("mofa-2014", "SEOUL, May 3, 2014 (Yonhap) -- The Foreign Ministry said.", None, "Foreign Ministry", "외교부"),
    (
        "people-s-armed-forces-2018",
        "SEOUL, June 4, 2018 (Yonhap) -- North Korean Defense Minister No Kwang-chol spoke.",
        None,
        "North Korean Defense Minister",
        "인민무력상",
    ),
    (
        "defense-minister-2023",
        "SEOUL, June 4, 2023 (Yonhap) -- North Korean Defense Minister Kang Sun-nam spoke.",
        None,
        "North Korean Defense Minister",
        "북한 국방상",
    ),
    ("date-option-alone", "The Foreign Ministry said.", date(2012, 1, 1), "Foreign Ministry", "외교통상부"),
]


@pytest.mark.parametrize(("text", "on", "en", "ko"), [c[1:] for c in SHIPPED_CASES], ids=[c[0] for c in SHIPPED_CASES])
def test_shipped_glossary_renders_as_of_the_article_date(
    shipped: DatedMatchers, text: str, on: date | None, en: str, ko: str
) -> None:
    matcher = shipped.for_date(article_date(text, default=on))
    found = {m.text: m.ko.split(" ")[-1] if m.composed_of else m.ko for m in matcher.find(text)}
    got = next((v for k, v in found.items() if en in k), None)
    assert got is not None and got.endswith(ko.split(" ")[-1]), found
    if not any(m.composed_of for m in matcher.find(text)):
        assert found.get(en) == ko, found


def _e(en: str, ko: str, variants: str = "", valid_from: str = "", valid_to: str = "") -> Entry:
    return Entry(
        en=en,
        ko=ko,
        type="organization",
        en_variants=tuple(v for v in variants.split("|") if v),
        source="test",
        valid_from=valid_from,
        valid_to=valid_to,
    )


OLD = _e("Blue House", "청와대", "presidential office")
NEW = _e("Presidential Office", "대통령실", "presidential office", "2022-05-10", "2025-12-28")
PACOM = _e("Pacific Command", "태평양사령부", "the command", valid_to="2018-05-29")
INDO = _e("Indo-Pacific Command", "인도태평양사령부", "the command", valid_from="2018-05-30")

AS_OF = [
    ("dated-exception-wins-in-its-period", [OLD, NEW], date(2023, 1, 1), "presidential office", "대통령실"),
    ("undated-wins-outside", [OLD, NEW], date(2020, 1, 1), "presidential office", "청와대"),
    ("undated-wins-for-undated-article", [OLD, NEW], None, "presidential office", "청와대"),
    ("dated-pair-old", [PACOM, INDO], date(2017, 1, 1), "the command", "태평양사령부"),
    ("dated-pair-new", [PACOM, INDO], date(2019, 1, 1), "the command", "인도태평양사령부"),
    ("dated-pair-undated-article-takes-current", [PACOM, INDO], None, "the command", "인도태평양사령부"),
    ("own-name-kept-outside-period", [PACOM, INDO], date(2019, 1, 1), "Pacific Command", "태평양사령부"),
]


@pytest.mark.parametrize(("entries", "day", "form", "ko"), [c[1:] for c in AS_OF], ids=[c[0] for c in AS_OF])
def test_as_of(entries: list[Entry], day: date | None, form: str, ko: str) -> None:
    (m,) = Matcher.from_glossary(entries, on=day).find(f"Then {form} said.")
    assert m.ko == ko


def test_as_of_keeps_the_entry_id_when_the_canonical_form_yields() -> None:
    old = _e("the command", "태평양사령부", "PACOM", valid_to="2018-05-29")
    new = _e("Indo-Pacific Command", "인도태평양사령부", "the command", valid_from="2018-05-30")
    (resolved_old, _) = as_of([old, new], date(2019, 1, 1))
    assert resolved_old.en_forms == ("PACOM",) and resolved_old.id == old.id


def test_dated_matchers_compile_once_per_rendering_set() -> None:
    matchers = DatedMatchers([OLD, NEW])
    assert matchers.for_date(date(2023, 1, 1)) is matchers.for_date(date(2024, 6, 1))
    assert matchers.for_date(date(2020, 1, 1)) is not matchers.for_date(date(2023, 1, 1))


def _annotate(tmp_path: Path, text: str, *extra: str) -> list[str]:
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["annotate", "--format", "csv", str(f), *extra])
    assert result.exit_code == 0, result.output
    return [line.split(",")[5] for line in result.stdout.splitlines()[1:]]


@pytest.mark.parametrize(
    ("text", "extra", "ko"),
    [
        ("SEOUL, March 3 (Yonhap) -- The presidential office said.", ("--date", "2023-01-01"), "대통령실"),
        ("SEOUL, March 3 (Yonhap) -- The presidential office said.", (), "청와대"),
        ("SEOUL, March 3, 2023 (Yonhap) -- The presidential office said.", ("--date", "2020-01-01"), "대통령실"),
    ],
    ids=["year-less-dateline-with-date", "no-date", "full-dateline-beats-date"],
)
def test_annotate_date_option(tmp_path: Path, text: str, extra: tuple[str, ...], ko: str) -> None:
    assert ko in _annotate(tmp_path, text, *extra)


@pytest.mark.parametrize("command", ["annotate", "qa", "pretranslate"])
def test_bad_date_option_is_one_line_exit_2(tmp_path: Path, command: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text("The presidential office said.", encoding="utf-8")
    args = [command, str(f), "--date", "2017-13-01"] + (
        ["--out", str(tmp_path / "out")] if command == "pretranslate" else []
    )
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr == "error: --date '2017-13-01' is not a date — write YYYY-MM-DD (e.g. 2017-10-28)\n"


@pytest.mark.parametrize(
    ("dateline", "on", "ko"),
    [
        ("SEOUL, March 3, 2020 (Yonhap) --", None, "청와대"),
        ("SEOUL, March 3 (Yonhap) --", date(2023, 3, 3), "대통령실"),
    ],
    ids=["dateline-2020", "date-option-2023"],
)
def test_pretranslate_renders_as_of_the_article_date(tmp_path: Path, dateline: str, on: date | None, ko: str) -> None:
    from termdesk.mt.glossary_backend import GlossaryBackend
    from termdesk.pretranslate import pretranslate

    article = tmp_path / "a.txt"
    article.write_text(f"{dateline} The presidential office said so.\n", encoding="utf-8")
    g = load_glossary(ROOT / "glossary")
    pretranslate([article], out_dir=tmp_path / "out", glossary=g, backend=GlossaryBackend(), use_cache=False, on=on)
    assert ko in (tmp_path / "out" / "a.ko.txt").read_text(encoding="utf-8")


# (source, target, rules expected to fire) — QA accepts the form right for the article's date
QA_CASES = [
    ("SEOUL, May 3, 2010 (Yonhap) -- The Foreign Ministry said so.", "외교통상부는 그렇게 밝혔다.", set()),
    (
        "SEOUL, May 3, 2014 (Yonhap) -- The Foreign Ministry said so.",
        "외교통상부는 그렇게 밝혔다.",
        {"key-term-mismatch", "anachronism"},
    ),
    ("SEOUL, May 3, 2014 (Yonhap) -- The Foreign Ministry said so.", "외교부는 그렇게 밝혔다.", set()),
    # an undated article may be of any period: each period's rendering is right (not only the undated entry's)
    ("Foreign Minister Yu Myung-hwan spoke first.", "유명환 외교통상부 장관이 먼저 발언했다.", set()),
    ("Foreign Minister Yu Myung-hwan spoke first.", "유명환 외교부 장관이 먼저 발언했다.", set()),
    ("Foreign Minister Yu Myung-hwan spoke first.", "유명환 국방부 장관이 먼저 발언했다.", {"key-term-mismatch"}),
]


@pytest.mark.parametrize(
    ("source", "target", "fired"),
    QA_CASES,
    ids=["mofat-2010", "mofat-in-2014", "mofa-2014", "undated-mofat", "undated-mofa", "undated-wrong-ministry"],
)
def test_qa_accepts_the_rendering_of_the_articles_date(source: str, target: str, fired: set[str]) -> None:
    from termdesk.qa import check_documents
    from termdesk.qa.records import Document, Segment

    doc = Document("a", "a.txt", "a.ko.txt", (Segment(1, source, target),))
    result = check_documents([doc], load_glossary(ROOT / "glossary"))
    terms = {"key-term-mismatch", "avoided-rendering", "anachronism"}  # (the dateline's date is the numbers rule's)
    assert {f.rule for f in result.findings if f.rule in terms and f.severity.rank >= 1} == fired
