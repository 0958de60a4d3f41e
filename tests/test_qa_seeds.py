"""The seeds, translated correctly by hand (tests/data/qa_seed_*.ko.txt, paragraph-aligned with the
cleaned English and using the glossary's renderings): no false alarms against the real glossary, and
every rule fires on an error planted in them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from termdesk.glossary import Severity, load_glossary
from termdesk.qa import check_documents
from termdesk.qa.inputs import load_pair
from termdesk.qa.rules import RULE_IDS

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
SEEDS = {
    "000": (ROOT / "seeds" / "000_3a1915af7316e843.txt", DATA / "qa_seed_000.ko.txt"),
    "004": (ROOT / "seeds" / "004_2e85c4d7cdd52abf.txt", DATA / "qa_seed_004.ko.txt"),
}
#: The seeds' dates (000: "Published : July 31, 2017" on the page; 004 undated), as `--date` gives them.
SEED_DATES = {"000": date(2017, 7, 31)}


@pytest.fixture(scope="module")
def glossary():  # type: ignore[no-untyped-def]
    return load_glossary(ROOT / "glossary")


def _check(glossary, tmp_path: Path | None = None, *, edit: tuple[str, str, str, str] | None = None):  # type: ignore[no-untyped-def]
    docs = []
    for key, (en, ko) in SEEDS.items():
        if edit is not None and edit[0] == key and tmp_path is not None:
            which, old, new = edit[1], edit[2], edit[3]
            src = en if which == "en" else ko
            text = src.read_text(encoding="utf-8")
            assert old in text, f"planted edit does not apply: {old!r}"
            src = tmp_path / src.name
            src.write_text(text.replace(old, new, 1), encoding="utf-8")
            en, ko = (src, ko) if which == "en" else (en, src)
        docs.append(replace(load_pair(en, ko, name=key), date=SEED_DATES.get(key)))
    return check_documents(docs, glossary)


def test_correct_translation_has_no_false_alarms(glossary) -> None:  # type: ignore[no-untyped-def]
    result = _check(glossary)
    assert [d.document.unaligned for d in result.documents] == [None, None]
    shown = [
        (f.doc, f.segment, f.rule, f.evidence) for f in result.findings if f.severity.rank >= Severity.WARNING.rank
    ]
    assert shown == [("000", 3, "source-name-variant", "Song Myoung-moo")], [f.message for f in result.findings]


def test_the_expected_warning_names_the_right_korean(glossary) -> None:  # type: ignore[no-untyped-def]
    finding = next(f for f in _check(glossary).findings if f.rule == "source-name-variant")
    assert (
        finding.message
        == "source spells 'Song Myoung-moo', the glossary has 'Song Young-moo': render 송영무 (the target has it)"
    )


PLANTED = [
    ("untranslated", ("004", "ko", "사드 배치가", "ZXQ3 배치가")),
    ("alignment", ("000", "ko", "밝혔다.\n\n국방부는 미국 전략자산", "밝혔다. 국방부는 미국 전략자산")),
    ("key-term-mismatch", ("000", "ko", "제임스 매티스", "짐 매튜스")),
    ("avoided-rendering", ("004", "ko", "애슈턴 카터", "애쉬턴 카터")),
    ("particle-after-term", ("004", "ko", "한민구 국방부 장관이", "한민구 국방부 장관가")),
    ("numbers", ("000", "ko", "2016년 10월", "2015년 10월")),
    # two renderings of one term in one article, the shorter first ('allies': 동맹국, later 한미 양국)
    ("inconsistency", ("000", "ko", "한미 양국의 연례", "동맹국의 연례")),
    ("anachronism", ("000", "ko", "한국 국방부는 양측이", "대통령실은 양측이")),
    ("deformed-term", ("004", "ko", "고고도미사일방어체계(THAAD·사드)", "고고도방어체계(THAAD·사드)")),
    ("unsupported-term", ("004", "ko", "사드 배치가", "패트리엇 배치가")),
    (
        "source-name-variant",
        ("004", "en", "during which Carter and Han also", "during which Carter and Han Min-goo also"),
    ),
]


def test_every_rule_has_a_planted_error() -> None:
    assert sorted(rule for rule, _ in PLANTED) == sorted(RULE_IDS)


@pytest.mark.parametrize(("rule", "edit"), PLANTED, ids=[r for r, _ in PLANTED])
def test_planted_error_is_found(glossary, tmp_path: Path, rule: str, edit: tuple[str, str, str, str]) -> None:  # type: ignore[no-untyped-def]
    clean = {(f.rule, f.doc, f.evidence) for f in _check(glossary).findings}
    result = _check(glossary, tmp_path, edit=edit)
    new = [f for f in result.findings if (f.rule, f.doc, f.evidence) not in clean]
    assert rule in {f.rule for f in new}, [f.message for f in result.findings]
    assert all(f.doc == edit[0] for f in new if f.rule == rule)
