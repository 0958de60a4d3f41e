"""Issue 18: no false alarms on faithful newsroom translations; real errors and untranslated drafts
always caught. Runs against the real glossary and the development set (tests/data/devset/dev —
never heldout, which is for final checks only)."""

from __future__ import annotations

import sys
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from termdesk.cli import app
from termdesk.glossary import Severity, load_glossary
from termdesk.ko.compounds import DOTTED_EXAMPLES, HEADLINE_ABBREVIATIONS, VISIT_EXAMPLES, countries_in, country_of_name
from termdesk.ko.forms import KoreanText
from termdesk.ko.nearmiss import DEFORMED_IN_TEXT_EXAMPLES, NEAR_MISS_EXAMPLES, deformed_forms, is_near_miss
from termdesk.qa import check_documents
from termdesk.qa.alignment import pair_paragraphs, split_blocks
from termdesk.qa.classes import ACCEPTED, MUST_CATCH, Accepted, MustCatch
from termdesk.qa.inputs import load_pair
from termdesk.qa.records import Document, QAResult
from termdesk.qa.terms import MODIFIER_PREFIXES, _modifier_inside, build_matcher
from termdesk.qa.untranslated import UNTRANSLATED_EXAMPLES, english_outside_brackets, korean_only_in_brackets
from termdesk.report.terminal import render_terminal

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.devset import DEVSET_DIR, article_names  # noqa: E402

DEV = DEVSET_DIR / "dev"


@pytest.fixture(scope="module")
def glossary():  # type: ignore[no-untyped-def]
    return load_glossary(ROOT / "glossary")


@pytest.fixture(scope="module")
def matcher(glossary):  # type: ignore[no-untyped-def]
    return build_matcher(glossary)


def _doc(en: str, ko: str, name: str = "example") -> Document:
    en_paras = split_blocks(en.replace("¶", "\n\n"))
    ko_paras = split_blocks(ko.replace("¶", "\n\n")) if ko.strip() else [""] * len(en_paras)
    segments, unaligned = pair_paragraphs(en_paras, ko_paras)
    return Document(name, f"{name}.txt", f"{name}.ko.txt", segments, unaligned=unaligned)


def _alarms(result: QAResult) -> list[str]:
    return [f"{f.doc} #{f.segment} {f.rule}: {f.message}" for f in result.findings if f.severity is not Severity.INFO]


# --------------------------------------------------------------------------- the class tables


@pytest.mark.parametrize("case", ACCEPTED, ids=[f"{c.kind}-{c.name}" for c in ACCEPTED])
def test_accepted_newsroom_form_gives_no_error_or_warning(case: Accepted, glossary, matcher) -> None:  # type: ignore[no-untyped-def]
    result = check_documents([_doc(case.en, case.ko)], glossary, matcher=matcher)
    assert _alarms(result) == []


@pytest.mark.parametrize("case", MUST_CATCH, ids=[c.name for c in MUST_CATCH])
def test_must_catch_is_an_error(case: MustCatch, glossary, matcher) -> None:  # type: ignore[no-untyped-def]
    result = check_documents([_doc(case.en, case.ko)], glossary, matcher=matcher)
    assert case.rule in {f.rule for f in result.findings if f.severity is Severity.ERROR}, [
        f.message for f in result.findings
    ]


@pytest.mark.parametrize(("word", "form", "deformed"), NEAR_MISS_EXAMPLES, ids=[w for w, _, _ in NEAR_MISS_EXAMPLES])
def test_near_miss_table(word: str, form: str, deformed: bool) -> None:
    assert is_near_miss(word, form) is deformed


@pytest.mark.parametrize(
    ("text", "forms", "found"), DEFORMED_IN_TEXT_EXAMPLES, ids=[t for t, _, _ in DEFORMED_IN_TEXT_EXAMPLES]
)
def test_deformed_forms_in_text(text: str, forms: tuple[str, ...], found: tuple[str, ...]) -> None:
    assert tuple(w for w, _ in deformed_forms(text, forms)) == found


@pytest.mark.parametrize("prefix", sorted(MODIFIER_PREFIXES))
def test_modifier_prefix_example(prefix: str) -> None:
    _, ko, form = MODIFIER_PREFIXES[prefix]
    assert prefix in ko and _modifier_inside(KoreanText(ko), [form])


def test_deputy_is_not_a_modifier() -> None:
    assert not _modifier_inside(KoreanText("국방부 부장관"), ["국방부 장관"])
    assert not _modifier_inside(KoreanText("미 국방부 부대변인"), ["미 국방부 대변인"])


@pytest.mark.parametrize(("text", "codes"), DOTTED_EXAMPLES, ids=[t.split()[0] for t, _ in DOTTED_EXAMPLES])
def test_dotted_country_compounds(text: str, codes: frozenset[str]) -> None:
    assert countries_in(text) == codes


@pytest.mark.parametrize(("text", "code"), VISIT_EXAMPLES, ids=[c for _, c in VISIT_EXAMPLES])
def test_visit_word_names_the_country(text: str, code: str) -> None:
    assert code in countries_in(text)


@pytest.mark.parametrize(("abbr", "entry"), sorted(HEADLINE_ABBREVIATIONS.items()), ids=sorted(HEADLINE_ABBREVIATIONS))
def test_headline_abbreviation_example(abbr: str, entry: tuple[str, str]) -> None:
    code, example = entry
    assert abbr in example and code in countries_in(example)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("한미동맹을 재확인했다", {"KR", "US"}),
        ("남북 관계", {"KR", "KP"}),
        ("한국과 미국", set()),
        ("한미일 3국", {"KR", "US", "JP"}),
    ],
    ids=["prefix-of-word", "nam-buk", "names-are-not-compounds", "three"],
)
def test_countries_in(text: str, codes: set[str]) -> None:
    assert countries_in(text) == codes


def test_country_of_name() -> None:
    assert [country_of_name(n) for n in ("대한민국", "한국", "미국", "서울")] == ["KR", "KR", "US", None]


@pytest.mark.parametrize(
    ("name", "target", "fires"), UNTRANSLATED_EXAMPLES, ids=[n for n, _, _ in UNTRANSLATED_EXAMPLES]
)
def test_untranslated_example(name: str, target: str, fires: bool) -> None:
    assert (korean_only_in_brackets(target) or len(english_outside_brackets(target)) > 3) is fires


# --------------------------------------------------------------------------- the development set


@pytest.fixture(scope="module")
def dev_result(glossary, matcher):  # type: ignore[no-untyped-def]
    docs = [load_pair(DEV / f"{n}.en.txt", DEV / f"{n}.ko.txt", name=n) for n in article_names("dev")]
    return check_documents(docs, glossary, matcher=matcher)


def test_faithful_dev_translations_give_no_error_or_warning(dev_result) -> None:  # type: ignore[no-untyped-def]
    assert len(dev_result.documents) == 16
    assert _alarms(dev_result) == []


def test_dev_bylines_and_dates_pair_paragraph_by_paragraph(dev_result) -> None:  # type: ignore[no-untyped-def]
    assert [d.document.name for d in dev_result.documents if d.document.unaligned] == []


#: (name, article, old Korean, planted Korean, the rule that must report it as an error)
PLANTINGS: list[tuple[str, str, str, str, str]] = [
    ("ncg", "2023-07-18_ncg-inaugural-readout", "핵협의그룹(NCG) 창설", "핵자문그룹(NCG) 창설", "deformed-term"),
    (
        "thaad",
        "2017-03-01_mattis-han-call-thaad",
        "고고도미사일방어체계(사드)를",
        "고고도방어체계(사드)를",
        "deformed-term",
    ),
    (
        "particle",
        "2017-03-01_mattis-han-call-thaad",
        "한민구 국방부 장관과 전화",
        "한민구 국방부 장관와 전화",
        "particle-after-term",
    ),
    (
        "name",
        "2017-08-16_mattis-song-call",
        "제임스 매티스 미 국방장관은",
        "제임스 메티스 미 국방장관은",
        "key-term-mismatch",
    ),
    ("ordinal", "2021-12-02_dodnews-53rd-scm", "제53차", "제52차", "numbers"),
    ("date", "2017-03-01_mattis-han-call-thaad", "2016년 7월 7일", "2015년 7월 7일", "numbers"),
    ("ko-avoid", "2017-03-01_mattis-han-call-thaad", "한국 국민과", "남한 국민과", "avoided-rendering"),
    ("unsupported", "2017-03-01_mattis-han-call-thaad", "사드 배치를 동맹", "패트리엇 배치를 동맹", "unsupported-term"),
    ("alliance-dropped", "2017-08-16_mattis-song-call", "한미동맹 현안 전반을", "현안 전반을", "key-term-mismatch"),
    (
        "english-kept",
        "2017-08-16_mattis-song-call",
        "두 장관은 이달 말 워싱턴DC에서 만날 예정이다.",
        "Secretary Mattis and Minister Song will be meeting later this month in Washington D.C.",
        "untranslated",
    ),
    ("placeholder", "2017-08-16_mattis-song-call", "한미동맹 현안", "⟦T3⟧ 현안", "untranslated"),
]


def _dev_copy(tmp_path: Path, name: str, old: str = "", new: str = "") -> tuple[Path, Path]:
    en, ko = DEV / f"{name}.en.txt", DEV / f"{name}.ko.txt"
    text = ko.read_text(encoding="utf-8")
    assert old in text, f"planting does not apply: {old!r}"
    out = tmp_path / ko.name
    out.write_text(text.replace(old, new, 1), encoding="utf-8")
    return en, out


@pytest.mark.parametrize(("name", "article", "old", "new", "rule"), PLANTINGS, ids=[p[0] for p in PLANTINGS])
def test_planted_error_in_a_dev_translation(  # type: ignore[no-untyped-def]
    glossary, matcher, tmp_path: Path, name: str, article: str, old: str, new: str, rule: str
) -> None:
    faithful = check_documents([load_pair(*_dev_copy(tmp_path, article), name=article)], glossary, matcher=matcher)
    assert _alarms(faithful) == []
    planted = check_documents(
        [load_pair(*_dev_copy(tmp_path, article, old, new), name=article)], glossary, matcher=matcher
    )
    errors = {f.rule for f in planted.findings if f.severity is Severity.ERROR}
    assert rule in errors, [f.message for f in planted.findings]


def test_source_copied_as_the_translation(glossary, matcher, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    name = "2017-08-16_mattis-song-call"
    copied = tmp_path / f"{name}.ko.txt"
    copied.write_text((DEV / f"{name}.en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = check_documents([load_pair(DEV / f"{name}.en.txt", copied, name=name)], glossary, matcher=matcher)
    untranslated = [f for f in result.findings if f.rule == "untranslated"]
    assert len(untranslated) == len(result.documents[0].segments)
    assert {f.rule for f in result.findings} == {"untranslated"}  # content rules stay quiet


# --------------------------------------------------------------------------- termdesk's own draft fails QA


@pytest.fixture(scope="module")
def glossary_draft(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """``termdesk pretranslate ARTICLE --backend glossary``: English with the glossary's Korean in brackets."""
    folder = tmp_path_factory.mktemp("draft")
    article = folder / "readout.txt"
    article.write_text((DEV / "2017-08-16_mattis-song-call.en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = folder / "out"
    result = CliRunner().invoke(
        app,
        [
            "pretranslate",
            str(article),
            "--backend",
            "glossary",
            "--out",
            str(out),
            "--glossary",
            str(ROOT / "glossary"),
        ],
    )
    assert result.exit_code == 0, result.output
    return article, out


def _qa(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["qa", *args, "--glossary", str(ROOT / "glossary"), "--format", "json"])


def _untranslated_share(output: str) -> tuple[int, int]:
    import json

    data = json.loads(output)
    segments = {(f["doc"], f["segment"]) for f in data["findings"] if f["rule"] == "untranslated"}
    return len(segments), data["summary"]["segments"]


def test_glossary_draft_fails_qa_as_text(glossary_draft: tuple[Path, Path]) -> None:
    article, out = glossary_draft
    result = _qa("--en", str(article), "--ko", str(out / "readout.ko.txt"))
    assert result.exit_code == 1
    flagged, total = _untranslated_share(result.stdout)
    assert flagged == total > 0


@pytest.mark.parametrize("fuzzy", [True, False], ids=["fuzzy", "confirmed"])
def test_glossary_draft_fails_qa_as_po(glossary_draft: tuple[Path, Path], tmp_path: Path, fuzzy: bool) -> None:
    _, out = glossary_draft
    po = polib.pofile(str(out / "readout.po"))
    if not fuzzy:  # the translator confirmed every entry without translating it
        for entry in po:
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    path = tmp_path / "readout.po"
    po.save(str(path))
    result = _qa(str(path))
    assert result.exit_code == 1
    flagged, total = _untranslated_share(result.stdout)
    assert flagged == total > 0


# --------------------------------------------------------------------------- the terminal report


def test_terminal_lists_each_finding_under_its_own_severity(glossary, matcher) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(
        "The THAAD battery arrived.¶North Korea fired a missile.¶Talks went well.",
        "패트리엇 포대가 도착했다.¶북한이 핵협의그룹 회의 중 미사일을 발사했다.¶회담은 순조로웠다.",
    )
    result = check_documents([doc], glossary, matcher=matcher)
    severities = {(f.rule, f.severity) for f in result.findings}
    assert ("unsupported-term", Severity.ERROR) in severities and ("unsupported-term", Severity.INFO) in severities
    lines = render_terminal(result).splitlines()
    error_head = lines.index("  unsupported-term (error, 1 finding)")
    info_head = lines.index("  unsupported-term (info, 1 finding)")
    assert error_head < info_head
    assert "(info:" not in lines[error_head + 1] and "(info:" in lines[info_head + 1]


@pytest.mark.parametrize(
    ("form", "head"),
    [("방위공약", "공약"), ("맞춤형 억제전략", "전략"), ("한반도 비핵화", "비핵화"), ("THAAD", "")],
    ids=["compound", "phrase-compound", "three-syllables", "latin"],
)
def test_head_noun(form: str, head: str) -> None:
    from termdesk.qa.terms import _head_noun

    assert _head_noun(form) == head


@pytest.mark.parametrize(
    ("msgstr", "fuzzy"),
    [
        ("송영무 국방부 장관은 ⟦T1⟧ 장관과 만났다.", True),
        ("송영무 국방부 장관은 ⟦T1⟧ 장관과 만났다.", False),
        ("송영무 국방부 장관은 met with his counterpart to discuss the alliance.", True),
        ("송영무 국방부 장관은 met with his counterpart to discuss the alliance.", False),
    ],
    ids=["placeholder-fuzzy", "placeholder-confirmed", "english-fuzzy", "english-confirmed"],
)
def test_po_entry_untranslated_fuzzy_or_not(tmp_path: Path, msgstr: str, fuzzy: bool) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ko"}
    entry = polib.POEntry(
        msgid="Defense Minister Song Young-moo met with his counterpart to discuss the alliance.",
        msgstr=msgstr,
        occurrences=[("story", "1")],
        flags=["fuzzy"] if fuzzy else [],
    )
    po.append(entry)
    path = tmp_path / "story.po"
    po.save(str(path))
    result = _qa(str(path))
    assert result.exit_code == 1
    assert _untranslated_share(result.stdout) == (1, 1)
