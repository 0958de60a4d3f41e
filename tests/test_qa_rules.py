"""QA rules, one table each: every rule-table example is a test case, plus the helper tables
(placeholder patterns, number parsing, spacing-insensitive Korean search, edit distance)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from termdesk.glossary import Severity, load_glossary
from termdesk.ko.forms import KoreanText, compact, designators
from termdesk.qa import RULES, Finding, check_documents
from termdesk.qa.alignment import korean_paragraphs, pair_paragraphs, split_blocks
from termdesk.qa.examples import EXAMPLE_ENTRIES, example_glossary
from termdesk.qa.name_rules import edit_distance, similarity
from termdesk.qa.numbers import missing_figures, source_figures, target_values
from termdesk.qa.records import Document, Segment
from termdesk.qa.term_rules import Inconsistency
from termdesk.qa.untranslated import PLACEHOLDER_PATTERNS, placeholder_fragments

DATA = Path(__file__).parent / "data"
GLOSSARY = example_glossary()


def example_document(source: str, target: str) -> Document:
    """A document from a rule example: paragraphs are separated by blank lines."""
    en = split_blocks(source) or [source]
    ko = split_blocks(target) if target.strip() else [""] * len(en)
    segments, unaligned = pair_paragraphs(en, ko)
    return Document("example", "example.txt", "example.ko.txt", segments, unaligned=unaligned)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "plain"


EXAMPLES = [(rule, ex) for rule in RULES for ex in rule.examples]


@pytest.mark.parametrize(
    ("rule", "example"),
    EXAMPLES,
    ids=[f"{rule.id}-{i}-{_slug(ex.note)}" for i, (rule, ex) in enumerate(EXAMPLES)],
)
def test_rule_table_example(rule, example) -> None:  # type: ignore[no-untyped-def]
    result = check_documents([example_document(example.source, example.target)], GLOSSARY, rules=[rule])
    fired = [f for f in result.findings if f.rule == rule.id]
    assert bool(fired) == example.fires, [f.message for f in result.findings]
    if example.fires:  # "info: …" examples fire at info severity, the others above it
        assert all((f.severity is Severity.INFO) == example.note.startswith("info:") for f in fired), [
            (f.severity, f.message) for f in fired
        ]
    if rule.id in ("key-term-mismatch", "particle-after-term", "inconsistency") and "\n" not in example.target:
        # a term example must exercise a glossary term, or it tests nothing
        assert any(seg.terms for doc in result.documents for seg in doc.segments)
    assert all(isinstance(f, Finding) and f.doc == "example" for f in fired)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_has_a_firing_and_a_quiet_example(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.id and rule.summary and isinstance(rule.severity, Severity)
    assert any(ex.fires for ex in rule.examples), f"{rule.id}: no example that fires"
    assert any(not ex.fires for ex in rule.examples), f"{rule.id}: no example that stays quiet"


def test_rule_ids_are_unique() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))


def test_findings_are_frozen() -> None:
    f = Finding("numbers", Severity.ERROR, "a", 1, "m", "e")
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.rule = "x"  # type: ignore[misc]


def test_example_glossary_file_matches_the_code() -> None:
    """tests/data/qa_glossary.csv (used by the CLI tests) is the rule examples' glossary."""
    assert load_glossary(DATA / "qa_glossary.csv").entries == EXAMPLE_ENTRIES


def test_avoided_rendering_severity_depends_on_the_source() -> None:
    doc = example_document(
        "The drill took place.\n\nThe East Sea drill.", "훈련은 일본해에서 실시됐다.\n\n일본해 훈련."
    )
    rule = next(r for r in RULES if r.id == "avoided-rendering")
    sev = [f.severity for f in check_documents([doc], GLOSSARY, rules=[rule]).findings]
    assert sev == [Severity.WARNING, Severity.ERROR]


def test_inconsistency_across_articles() -> None:
    a = example_document("The THAAD battery arrived.", "사드 포대가 도착했다.")
    b = dataclasses.replace(
        example_document("The THAAD battery left.", "고고도미사일방어체계 포대가 떠났다."), name="second"
    )
    default = next(r for r in RULES if r.id == "inconsistency")
    assert check_documents([a, b], GLOSSARY, rules=[default]).findings == ()  # per article unless asked
    findings = check_documents([a, b], GLOSSARY, rules=[Inconsistency(across_articles=True)]).findings
    assert [(f.doc, f.segment) for f in findings] == [("second", 1)]
    assert (
        findings[0].message
        == "'THAAD' rendered 고고도미사일방어체계 in this article but 사드 in example (¶1): use one rendering across the run"
    )


# --------------------------------------------------------------------------- placeholders


@pytest.mark.parametrize("pattern", PLACEHOLDER_PATTERNS, ids=[p.name for p in PLACEHOLDER_PATTERNS])
def test_placeholder_pattern_example(pattern) -> None:  # type: ignore[no-untyped-def]
    assert pattern.pattern.search(pattern.example)
    assert [name for name, _ in placeholder_fragments(pattern.example)] == [pattern.name]
    # the same fragment in the source is not a leftover
    fragment = pattern.pattern.search(pattern.example).group(0)
    assert placeholder_fragments(pattern.example, source=f"x {fragment} y") == []


@pytest.mark.parametrize(
    "clean",
    [
        "국방비는 8.2% 늘었다.",
        "지지율은 50%대에 머물렀다.",
        "2017년 7월 31일(현지시간) 발표했다.",
        "[서울=연합뉴스] 김철수 기자 = 국방부는 밝혔다.",
        "'북한 비핵화' 문제를 논의했다.",
        "이른바 '#미투' 운동",
    ],
    ids=["percent", "percent-range", "date", "dateline-brackets", "quotes", "hashtag"],
)
def test_no_placeholder_in_ordinary_korean(clean: str) -> None:
    assert placeholder_fragments(clean) == []


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("source", "values"),
    [
        ("The deal is worth $3.5 billion.", [3.5e9]),
        ("About 2 million people", [2e6]),
        ("12.3 trillion calculations", [12.3e12]),
        ("Some 28,500 U.S. troops", [28500]),
        ("It rose 8.2 percent", [8.2]),
        ("July 31, 2017", [31, 2017]),
        ("in the 1990s", [1990]),
        ("the 38th parallel", [38]),
        ("F-35A jets, B-1B bombers and KN-08 missiles", []),
        ("two, three and 7 ships", []),
        ("It flew 30 miles and 200 nautical miles", []),
        ("the Korean War (1950-53)", [1950]),
        ("Published at 17:09", [17]),
        ("3.5bn won", [3.5e9]),
    ],
    ids=[
        "billion",
        "million",
        "trillion",
        "thousands",
        "percent",
        "date",
        "decade",
        "ordinal",
        "designators",
        "small-and-spelled",
        "imperial",
        "range-tail",
        "clock",
        "bn",
    ],
)
def test_source_figures(source: str, values: list[float]) -> None:
    assert [f.value for f in source_figures(source)] == pytest.approx(values)


@pytest.mark.parametrize(
    ("target", "values"),
    [
        ("35억 달러", [3.5e9]),
        ("200만 명", [2e6]),
        ("1억1천만 달러", [1.1e8]),
        ("1억 1,000만 달러", [1.1e8]),
        ("12조3천억 번", [12.3e12]),
        ("2만8천500명", [28500]),
        ("3만 5천 명", [35000]),
        ("1천 명", [1000]),
        ("1,000명", [1000]),
        ("2017년 7월 31일", [2017, 7, 31]),
        ("8.2%", [8.2]),
        ("５００명", [500]),
        ("6.15 남북공동선언", [6.15, 6, 15]),
        ("2006.12", [2006.12, 2006, 12]),
        ("3.5배", [3.5, 3, 5]),
    ],
    ids=[
        "eok",
        "man",
        "eok-cheon-man",
        "eok-digits-man",
        "jo-eok",
        "man-cheon",
        "spaced",
        "cheon",
        "comma",
        "date",
        "percent",
        "fullwidth",
        "dotted-date",
        "dotted-month",
        "decimal",
    ],
)
def test_target_values(target: str, values: list[float]) -> None:
    assert target_values(target) == pytest.approx(values)


@pytest.mark.parametrize(
    ("source", "target", "missing"),
    [
        ("in 2016", "지난해", []),
        ("in 2016", "2015년", ["2016"]),
        ("at 17:09", "오후 5시 9분", []),
        ("at 17:09", "오후 6시 9분", ["17"]),
        ("1,000 troops", "병력 1000명", []),
        ("10,000 troops", "병력 1만 명", []),
        ("the 2nd Infantry Division", "미 2사단", []),
        ("the June 15 summit", "6.15 정상회담", []),
        ("the September 11 attacks", "911 테러", []),
        ("CNN &#8212; Six-nation talks", "6자회담", []),
        ("at about 0140 on Wednesday", "새벽 1시 40분", []),
        ("$5.6 million (2.8 million pounds)", "280만파운드", []),
        ("$5.6 million (2.8 million pounds)", "260만파운드", ["5.6 million", "2.8 million"]),
        ("on March 20, 2025, they trained", "20일 훈련했다", []),
        ("on March 20, 2025, they trained", "21일 훈련했다", ["20", "2025"]),
        ("on March 20, 2025, they trained", "2024년 3월 20일 훈련했다", ["2025"]),
        ("the Freedom Shield 25 exercise", "2025 자유의 방패 연습", []),
        ("the Freedom Shield 25 exercise", "2024 자유의 방패 연습", ["25"]),
    ],
    ids=[
        "relative-year",
        "changed-year",
        "12-hour",
        "wrong-hour",
        "plain-thousand",
        "man",
        "small-ordinal",
        "dotted-date",
        "run-together-date",
        "html-entity",
        "military-time",
        "equivalent-in-parentheses",
        "both-equivalents-wrong",
        "full-date-of-the-article-year-as-day-alone",
        "full-date-wrong-day",
        "full-date-another-year-written",
        "exercise-iteration-as-its-year",
        "exercise-iteration-wrong-year",
    ],
)
def test_missing_figures(source: str, target: str, missing: list[str]) -> None:
    assert [f.text for f in missing_figures(source, target)] == missing


# --------------------------------------------------------------------------- Korean forms


@pytest.mark.parametrize(
    ("target", "form", "spans"),
    [
        ("송영무 국방부장관은 말했다", "국방부 장관", [(4, 9)]),
        ("국방부 장관은", "국방부장관", [(0, 6)]),
        ("B-1B 전략폭격기", "b‐1b 전략폭격기", [(0, 10)]),
        ("사드, 사드는", "사드", [(0, 2), (4, 6)]),
        ("미국", "국방부", []),
    ],
    ids=["spacing", "reverse-spacing", "case-and-dash", "twice", "absent"],
)
def test_korean_text_find_all(target: str, form: str, spans: list[tuple[int, int]]) -> None:
    assert KoreanText(target).find_all(form) == spans


def test_compact_and_designators() -> None:
    assert compact(" 국방부  장관 ") == "국방부장관"
    assert designators("B-1B bombers, THAAD and PAC-3 (US)") == ("B-1B", "THAAD", "PAC-3")
    assert KoreanText("B1B 폭격기").designator_present("B-1B")


# --------------------------------------------------------------------------- names, alignment


@pytest.mark.parametrize(
    ("a", "b", "d"),
    [("myoungmoo", "youngmoo", 1), ("jongun", "jongil", 2), ("carter", "carter", 0), ("kim", "parkgeunhye", 3)],
    ids=["song", "kims", "same", "far"],
)
def test_edit_distance(a: str, b: str, d: int) -> None:
    assert edit_distance(a, b) == d


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("Song Myoung-moo", "Song Young-moo", 1),
        ("Kim Jong-un", "Kim Jong-il", 3),
        ("Kim Yong-chol", "Kim Jong-chol", 1),
        ("Han Min-goo", "Han Min-koo", 1),
        ("Han Min-gu", "Han Min-koo", 3),
        ("Kim Jong-un", "Kim Jong Un", 0),
        ("Ashton Cartor", "Ashton Carter", 1),
    ],
    ids=["song", "kims", "one-letter", "g-k", "romanisation", "hyphen", "western"],
)
def test_name_similarity_reuses_the_mining_test(a: str, b: str, level: int) -> None:
    assert similarity(a, b) == level


@pytest.mark.parametrize(
    ("text", "expected", "paragraphs"),
    [
        ("가\n나\n다\n", 3, ["가", "나", "다"]),
        ("가\n\n나\n\n다\n", 3, ["가", "나", "다"]),
        ("가 첫 줄\n가 둘째 줄\n\n나\n", 2, ["가 첫 줄 가 둘째 줄", "나"]),
        ("가\n나\n", 3, ["가", "나"]),
    ],
    ids=["lines", "blocks", "wrapped-block", "short"],
)
def test_korean_paragraphs(text: str, expected: int, paragraphs: list[str]) -> None:
    assert korean_paragraphs(text, expected) == paragraphs


def test_unequal_paragraphs_become_one_block() -> None:
    segments, unaligned = pair_paragraphs(["A.", "B."], ["가."])
    assert unaligned == (2, 1)
    assert segments == (Segment(1, "A.\n\nB.", "가.", paragraph=None),)


PARAGRAPH_GROUPS = [
    (
        "anchored-groups",
        ["Talks began on July 31.", "Some 1,000 troops and 20 jets joined.", "THAAD was discussed."],
        ["회담은 7월 31일 시작됐다.", "병력 1,000명과 전투기 20대가 참가했다. THAAD 문제도 논의됐다."],
        [
            ("Talks began on July 31.", "회담은 7월 31일 시작됐다.", 1),
            (
                "Some 1,000 troops and 20 jets joined.\n\nTHAAD was discussed.",
                "병력 1,000명과 전투기 20대가 참가했다. THAAD 문제도 논의됐다.",
                2,
            ),
        ],
    ),
    (
        "unanchored-group-is-one-block",
        ["The two sides met on July 31.", "They agreed.", "The end."],
        ["양측은 7월 31일 만났다.", "합의했다. 끝."],
        [
            (
                "The two sides met on July 31.\n\nThey agreed.\n\nThe end.",
                "양측은 7월 31일 만났다.\n\n합의했다. 끝.",
                None,
            )
        ],
    ),
    (
        "reordered-is-one-block",
        ["On July 31 talks began.", "THAAD was discussed.", "Some 1,000 troops joined."],
        ["THAAD 문제가 논의됐다.", "7월 31일 회담이 시작됐고 병력 1,000명이 참가했다."],
        [
            (
                "On July 31 talks began.\n\nTHAAD was discussed.\n\nSome 1,000 troops joined.",
                "THAAD 문제가 논의됐다.\n\n7월 31일 회담이 시작됐고 병력 1,000명이 참가했다.",
                None,
            )
        ],
    ),
    (
        "more-than-twice-is-one-block",
        ["On July 31.", "In 2017.", "F-35A jets.", "THAAD.", "1,000 troops."],
        ["7월 31일, 2017년, F-35A, THAAD, 1,000명."],
        [
            (
                "On July 31.\n\nIn 2017.\n\nF-35A jets.\n\nTHAAD.\n\n1,000 troops.",
                "7월 31일, 2017년, F-35A, THAAD, 1,000명.",
                None,
            )
        ],
    ),
]


@pytest.mark.parametrize(
    ("en", "ko", "expected"), [c[1:] for c in PARAGRAPH_GROUPS], ids=[c[0] for c in PARAGRAPH_GROUPS]
)
def test_unequal_paragraphs_pair_by_content_only_when_every_group_is_anchored(
    en: list[str], ko: list[str], expected: list[tuple[str, str, int | None]]
) -> None:
    segments, unaligned = pair_paragraphs(en, ko)
    assert unaligned == (len(en), len(ko))
    assert [(s.source, s.target, s.paragraph) for s in segments] == expected
    assert [s.index for s in segments] == list(range(1, len(expected) + 1))


@pytest.mark.parametrize(
    ("text", "form", "straddles"),
    [
        ("대한민국 방위에 대한 공약", "국방위", True),
        ("한미 연합훈련을 했다", "한미연합훈련", False),
        ("국방위원회가 열렸다", "국방위", False),
        ("그는 국방위 소속이다", "국방위", False),
    ],
    ids=["tail-and-head-of-two-words", "term-with-its-own-space", "word-start-no-space", "whole-word"],
)
def test_unsupported_term_ignores_a_form_straddling_two_words(text: str, form: str, straddles: bool) -> None:
    from termdesk.ko.forms import KoreanText
    from termdesk.qa.target_rules import _straddles

    target = KoreanText(text)
    spans = target.find_all(form)
    assert spans
    assert any(_straddles(target.nfc, s) for s in spans) is straddles
