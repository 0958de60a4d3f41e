"""Indexes and streams that make costs grow only with the work give the same answers as the plain scans.

Each fast path is checked against a brute-force reference written the obvious way (the code it
replaced): the csv-based glossary loader against pandas, the QA people index against a scan of every
glossary person over every segment, the avoided-form automaton against trying every avoided form on
every target, batch ``compact`` against one call per form.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from termdesk.errors import InputError
from termdesk.glossary import ALL_COLUMNS, Entry, Glossary, load_glossary, read_table
from termdesk.ko.forms import KoreanText, compact
from termdesk.match import Matcher
from termdesk.qa import check_documents
from termdesk.qa.form_index import compact_all
from termdesk.qa.name_rules import COMMON_SURNAMES, similarity
from termdesk.qa.records import Document, Segment
from termdesk.qa.rules import get_rules

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"

# --------------------------------------------------------------------------- glossary loader

GLOSSARY_INPUTS = [ROOT / "glossary", *sorted(DATA.glob("glossary_*.csv")), *sorted(DATA.glob("*/glossary*.csv"))]


def _pandas_reference(path: Path) -> list[tuple[Entry, str | None, int | None]]:
    """The loader before issue 21: pandas reads each file, every cell normalised."""
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    out = []
    for f in files:
        frame = read_table(f)
        for record in frame.to_dict("records"):  # type: ignore[attr-defined]
            cells = {c: record[c] for c in ALL_COLUMNS if c in record}  # the optional columns the file has
            e = Entry.from_row(cells, path=str(f), line=int(record["_line"]))
            out.append((e, e.path, e.line))
    return out


@pytest.mark.parametrize("path", GLOSSARY_INPUTS, ids=[p.name for p in GLOSSARY_INPUTS])
def test_csv_loader_gives_the_pandas_glossary(path: Path) -> None:
    try:
        expected: object = _pandas_reference(path)
    except InputError as exc:
        expected = str(exc)
    try:
        got: object = [(e, e.path, e.line) for e in load_glossary(path)]
    except InputError as exc:
        got = str(exc)
    assert got == expected
    if isinstance(got, list):  # every field, including the ones dataclass equality skips
        assert [dataclasses.asdict(e) for e, _p, _l in got] == [dataclasses.asdict(e) for e, _p, _l in expected]  # type: ignore[union-attr]


def test_annotate_import_path_has_no_pandas() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from termdesk.cli import main; import termdesk.match, termdesk.glossary;"
        " print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------- compact, in bulk

COMPACT_CASES = {
    "hangul-with-space": ["국방부 장관", "미 국방장관"],
    "nfd-jamo-adjacent": ["\u1100\u1161", "\u1100", "\u1161x"],
    "dashes-and-case": ["B\u20131B 폭격기", "KN\u201108", "Ｆ－35"],
    "odd-whitespace": ["a\u00a0b", "\x1cq", " ", ""],
    "nul-inside-a-form": ["a\x00b", "c"],
}


@pytest.mark.parametrize("forms", COMPACT_CASES.values(), ids=COMPACT_CASES.keys())
def test_compact_all_equals_compact_each(forms: list[str]) -> None:
    assert compact_all(forms) == [compact(f) for f in forms]


# --------------------------------------------------------------------------- references for the QA rules

_KOREAN_STYLE = re.compile(r"\b([A-Z][a-z]{1,6})\s+([A-Z][a-z]+)-([a-z]+)\b")
_WESTERN = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def _reference_near_glossary(glossary: Glossary, docs: list[Document]) -> set[tuple[str, str]]:
    """Step 2 of source-name-variant, the old way: every glossary person against every name and segment.

    Returns (document, spelling) pairs reported as near a glossary person.
    """
    people = []
    for e in glossary:
        if e.type != "person" or e.status == "deprecated":
            continue
        for form in e.en_forms:
            if m := _KOREAN_STYLE.fullmatch(form):
                people.append((form, m.group(1), False))
            elif w := _WESTERN.fullmatch(form):
                people.append((form, w.group(1), True))
    known = {p[0] for p in people}
    uses = [
        (d.name, m.group(0), m.group(1)) for d in docs for s in d.segments for m in _KOREAN_STYLE.finditer(s.source)
    ]
    spellings = {u[1] for u in uses}
    out = set()
    for en, given, western in people:
        if western:
            pattern = re.compile(rf"\b{re.escape(given)}\s+([A-Z][a-z]{{3,}})\b")
            for d in docs:
                for s in d.segments:
                    for m in pattern.finditer(s.source):
                        if m.group(0) not in known and similarity(m.group(0), en) == 1:
                            out.add((d.name, m.group(0)))
            continue
        for doc, text, surname in uses:
            if text in known:
                continue
            dist = similarity(text, en)
            if dist in (0, 3) or (en not in spellings and (dist > 1 or surname in COMMON_SURNAMES)):
                continue
            out.add((doc, text))
    return out


def _person(en: str, ko: str = "테스트") -> Entry:
    return Entry(en=en, ko=ko, type="person", source="test")


PEOPLE = [
    _person("Song Young-moo", "송영무"),
    _person("Han Min-koo", "한민구"),
    _person("Kim Jong-un", "김정은"),
    _person("Ashton Carter", "애슈턴 카터"),
    _person("Ashton Cartwright"),
    _person("Robert Gates", "로버트 게이츠"),
    _person("Robert Gate"),
    _person("Robert Kamin-Ka"),
    _person("Christopher Hill", "크리스토퍼 힐"),
    _person("Seo Wook", "서욱"),
    Entry(en="Park Geun-hye", ko="박근혜", type="person", status="deprecated", source="test"),
]

NAME_CASES = {
    "korean-one-letter-off": ["Defense Minister Song Young-mo spoke."],
    "korean-given-name-off": ["Han Min-ku met Han Min-koo."],
    "common-surname-alone": ["Kim Jong-eun spoke."],
    "common-surname-with-glossary-spelling": ["Kim Jong-un spoke.", "Kim Jong-eun left."],
    "western-one-edit": ["Ashton Cartor arrived; Robert Gatez left."],
    "western-two-edits": ["Ashton Carson arrived and Christopher Miller left."],
    "western-longer-and-shorter": ["Robert Gatess and Robert Gat and Robert Kamin spoke."],
    "given-name-twice": ["Robert Robert Gatex spoke.", "Ashton\nCartar arrived."],
    "deprecated-person-ignored": ["Park Geun-hey spoke."],
    "no-names": ["The alliance is strong."],
}


def _docs(texts: list[str]) -> list[Document]:
    return [
        Document(f"d{i}", f"d{i}.txt", f"d{i}.ko.txt", (Segment(1, t, "번역", paragraph=1),))
        for i, t in enumerate(texts)
    ]


@pytest.mark.parametrize("texts", NAME_CASES.values(), ids=NAME_CASES.keys())
def test_people_index_finds_what_the_full_scan_finds(texts: list[str]) -> None:
    glossary = Glossary(PEOPLE)
    docs = _docs(texts)
    (rule,) = get_rules(("source-name-variant",))
    findings = check_documents(docs, glossary, rules=[rule]).findings
    near = {(f.doc, f.evidence) for f in findings if "the glossary has" in f.message}
    elsewhere = {(f.doc, f.evidence) for f in findings} - near  # reported first as two spellings in the run
    reference = _reference_near_glossary(glossary, docs)
    assert near <= reference
    assert near | elsewhere == reference | elsewhere


def _reference_avoided(glossary: Glossary, target: str) -> list[str]:
    """Avoided forms reported in a target, the old way: every avoided form tried, covers from every accepted form."""
    entries = [e for e in glossary if e.status != "deprecated"]
    accepted = {f for e in entries for f in e.ko_forms}
    text = KoreanText(target)
    out = []
    for e in entries:
        for a in e.ko_avoid:
            key = compact(a)
            spans = text.find_all(a) if key else []
            covered = [s for f in accepted if key in compact(f) and compact(f) != key for s in text.find_all(f)]
            if [s for s in spans if not any(c[0] <= s[0] and s[1] <= c[1] for c in covered)]:
                out.append(a)
    return out


AVOIDED = [
    Entry(en="East Sea", ko="동해", type="place", ko_avoid=("일본해",), source="test"),
    Entry(en="Ashton Carter", ko="애슈턴 카터", type="person", ko_avoid=("애쉬턴 카터", "카아터"), source="test"),
    Entry(en="defense minister", ko="국방장관", type="title", ko_avoid=("국방 상",), source="test"),
    Entry(en="U.S. defense secretary", ko="미 국방장관", type="title", source="test"),
    Entry(en="Sea of Japan", ko="일본해역", type="place", ko_variants=("일본 해역",), source="test"),
    Entry(en="old term", ko="새 용어", type="concept", ko_avoid=("옛용어",), status="deprecated", source="test"),
]

AVOIDED_CASES = {
    "avoided-form": "훈련은 일본해에서 실시됐다.",
    "covered-by-a-longer-accepted-form": "훈련은 일본 해역에서 실시됐다.",
    "covered-and-bare": "일본해역과 일본해",
    "spacing-insensitive": "애쉬턴카터 장관이 왔다.",
    "inside-a-gloss": "국방(MD) 상이 왔다.",
    "two-avoided-forms": "카아터와 일본해",
    "deprecated-entry-ignored": "옛용어를 썼다.",
    "clean": "동해에서 애슈턴 카터 미 국방장관이",
}


@pytest.mark.parametrize("target", AVOIDED_CASES.values(), ids=AVOIDED_CASES.keys())
def test_avoided_index_finds_what_trying_every_form_finds(target: str) -> None:
    glossary = Glossary(AVOIDED)
    (rule,) = get_rules(("avoided-rendering",))
    doc = Document("d", "d.txt", "d.ko.txt", (Segment(1, "The drill took place.", target, paragraph=1),))
    got = [f.evidence for f in check_documents([doc], glossary, rules=[rule]).findings]
    assert got == _reference_avoided(glossary, target)


# --------------------------------------------------------------------------- annotate, paragraph by paragraph

CHUNK_CASES = {
    "paragraphs": "Defense Minister Song Young-moo met THAAD.\n\nU.S. Forces Korea said so.\n\nSeoul agreed.\n",
    "title-then-blank-line-then-name": "He met Defense Minister\n\nSong Young-moo and the SCM.\n\n",
    "dotted-key-across-a-blank-line": "U.S.\n\nForces Korea and the U.S.\n\n\n\nForces Korea met.",
    "crlf-and-spaces": "THAAD battery.\r\n \r\nDefense Minister Song Young-moo.\r\n\r\n  \r\n",
    "no-blank-lines": "Defense Minister Song Young-moo\nmet U.S. Forces Korea\ncommanders.",
    "empty": "",
}


@pytest.fixture(scope="module")
def shipped_matcher() -> Matcher:
    """The shipped glossary's matcher, built once for the module."""
    from termdesk.match import Matcher

    return Matcher.from_glossary(load_glossary(ROOT / "glossary"))


@pytest.mark.parametrize("text", CHUNK_CASES.values(), ids=CHUNK_CASES.keys())
def test_matching_by_paragraph_chunks_finds_what_the_whole_text_finds(text: str, shipped_matcher: Matcher) -> None:
    from termdesk.match import paragraph_chunks

    matcher = shipped_matcher
    whole = [(m.start, m.end, m.ko, m.flags, m.name_span) for m in matcher.find(text)]
    spans = list(paragraph_chunks(text, min_gap=matcher.max_space_run + 1, size=1))
    assert "".join(text[s:e] for s, e in spans) == text
    chunked = [
        (m.start + s, m.end + s, m.ko, m.flags, m.name_span and (m.name_span[0] + s, m.name_span[1] + s))
        for s, e in spans
        for m in matcher.find(text[s:e])
    ]
    assert chunked == whole


# --------------------------------------------------------------------------- the compiled-matcher cache


def _big_glossary(folder: Path) -> Path:
    """The shipped glossary padded with synthetic concepts past CACHE_MIN_BYTES."""
    from termdesk.glossary import TYPE_FILES, render_csv
    from termdesk.match import CACHE_MIN_BYTES

    for f in (ROOT / "glossary").glob("*.csv"):
        (folder / f.name).write_bytes(f.read_bytes())
    concepts = [e for e in load_glossary(folder / TYPE_FILES["concept"])]
    n = CACHE_MIN_BYTES // 60 + 1
    extra = [Entry(en=f"zq test term {i:06d}", ko=f"시험 용어 {i}", type="concept", source="test") for i in range(n)]
    (folder / TYPE_FILES["concept"]).write_text(render_csv(sorted([*concepts, *extra], key=lambda e: e.en.casefold())))
    return folder


CACHE_STATES = ["cold", "warm", "corrupt", "truncated", "not-a-matcher", "unwritable-folder"]


@pytest.mark.parametrize("state", CACHE_STATES)
def test_cached_matcher_matches_like_a_fresh_one(state: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    from termdesk.match import Matcher, load_matcher

    (tmp_path / "glossary").mkdir()
    glossary = _big_glossary(tmp_path / "glossary")
    cache = tmp_path / "cache"
    monkeypatch.setenv("TERMDESK_CACHE_DIR", str(cache))
    monkeypatch.delenv("TERMDESK_NO_CACHE", raising=False)
    text = (ROOT / "seeds" / "000_3a1915af7316e843.txt").read_text(encoding="utf-8") + " zq test term 000042s"
    fresh = [(m.start, m.end, m.ko, m.flags) for m in Matcher.from_glossary(load_glossary(glossary)).find(text)]
    if state == "unwritable-folder":
        cache.write_text("a file where the folder should be")
    elif state != "cold":
        load_matcher(glossary)  # writes the cache
        (entry,) = cache.glob("*.pickle")
        if state == "corrupt":
            entry.write_bytes(b"not a pickle")
        elif state == "truncated":
            entry.write_bytes(entry.read_bytes()[:1000])
        elif state == "not-a-matcher":
            entry.write_bytes(pickle.dumps({"a": 1}))
        else:  # warm: the matcher must come from the cache, not be built again

            def no_build(*_a: object, **_k: object) -> None:
                raise AssertionError("built again despite a warm cache")

            monkeypatch.setattr(Matcher, "from_glossary", no_build)
    got = [(m.start, m.end, m.ko, m.flags) for m in load_matcher(glossary).find(text)]
    assert got == fresh
    assert any(ko == "시험 용어 42" for _s, _e, ko, _f in got)
    if state != "unwritable-folder":
        assert len(list(cache.glob("*.pickle"))) == 1
        assert not list(cache.glob(".matcher.*"))  # no temporary file left behind


# --------------------------------------------------------------------------- normalisation map, kept sparse


def _reference_spans(text: str) -> tuple[str, list[int], list[int], int, int]:
    """The per-character map normalise_for_matching built before (one start and end per character)."""
    from termdesk.normalize import _fold

    out, starts, ends, changed, removed = [], [], [], 0, 0
    for i, ch in enumerate(text):
        folded = _fold(ch) if not ch.isascii() else None
        if folded is None:
            out.append(ch)
            starts.append(i)
            ends.append(i + 1)
            continue
        changed += 1
        removed += not folded
        out.append(folded)
        starts.extend([i] * len(folded))
        ends.extend([i + 1] * len(folded))
    return "".join(out), starts, ends, changed, removed


NORMALISE_CASES = {
    "ascii": "Defense Minister Song Young-moo",
    "zero-width-space": "Defense\u200b Minister",
    "soft-hyphen-and-nbsp": "Def\u00adense\u00a0Minister and THAAD",
    "ellipsis-expands": "He said\u2026 THAAD\u2026",
    "fullwidth-and-ligature": "\uff34\uff28\uff21\uff21\uff24 \ufb01nal",
    "hangul-kept": "사드(THAAD)\u200b 배치\u3000완료",
    "curly-quotes-unchanged": "Korea\u2019s \u201calliance\u201d",
    "invisible-at-the-ends": "\u200bTHAAD\u200d",
    "only-invisible": "\u200b\u200c",
}


@pytest.mark.parametrize("text", NORMALISE_CASES.values(), ids=NORMALISE_CASES.keys())
def test_sparse_normalisation_map_equals_the_per_character_one(text: str) -> None:
    from termdesk.normalize import normalise_for_matching

    norm = normalise_for_matching(text)
    ref_text, starts, ends, changed, removed = _reference_spans(text)
    assert (norm.text, norm.changed, norm.removed) == (ref_text, changed, removed)
    if not norm.identical:
        assert list(norm.starts) == starts
        assert list(norm.ends) == ends
        for a in range(len(ref_text) + 1):
            for b in range(a, len(ref_text) + 1):
                expected = (starts[a], ends[b - 1]) if b > a else ((starts[a] if a < len(starts) else len(text)),) * 2
                assert norm.span(a, b) == expected


REMAP_CASES = {
    "nothing-moved-before-the-special": "THAAD and the SCM met.\u200b Defense Minister Song Young-moo spoke.",
    "expansion-shifts-later-matches": "He said\u2026 Defense Minister Song Young-moo met THAAD\u2026 and the SCM.",
    "special-inside-a-term": "Defense\u00a0Minister Song\u200b Young-moo and U.S.\u00a0Forces Korea",
    "title-and-unknown-name": "\u200bDefense Minister Kwak Kwang-soo and Gen.\u00a0Martin Dempsey spoke.",
    "fullwidth-designator": "\uff34\uff28\uff21\uff21\uff24 battery and the B-1B\u2026",
}


@pytest.mark.parametrize("text", REMAP_CASES.values(), ids=REMAP_CASES.keys())
def test_remap_walks_runs_like_mapping_each_match(text: str, shipped_matcher: Matcher) -> None:
    from termdesk.match import _in_original, _remap
    from termdesk.normalize import normalise_for_matching

    matcher = shipped_matcher
    norm = normalise_for_matching(text)
    found = matcher._find(norm.text)
    assert found
    assert _remap(found, norm) == [_in_original(m, norm) for m in found]
    assert [(m.start, m.end, m.text, m.name_span) for m in _remap(found, norm)] == [
        (m.start, m.end, m.text, m.name_span) for m in (_in_original(m, norm) for m in found)
    ]
