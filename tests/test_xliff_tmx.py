"""XLIFF 1.2 drafts and TMX memories for CAT tools: written, read back with translate-toolkit,
validated against the XLIFF 1.2 schema subset in tests/data (see its header), merged, QA'd."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from lxml import etree
from mt_doubles import Double

from termdesk.cli import app
from termdesk.formats.tmx import bead_score
from termdesk.formats.xliff import read_xliff
from termdesk.glossary import load_glossary
from termdesk.pretranslate import pretranslate

DATA = Path(__file__).parent / "data"
PT = DATA / "pt"
PAIRS = DATA / "align_pairs"
SMALL = DATA / "align_glossary"
XSD = DATA / "xliff-1.2-subset.xsd"
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERMDESK_CACHE_DIR", str(tmp_path / "cache"))


def run(*args: object, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, [str(a) for a in args], input=stdin)


def draft(out: Path, *extra: object):  # type: ignore[no-untyped-def]
    result = run(
        "pretranslate",
        PT / "article.txt",
        "--out",
        out,
        "--glossary",
        PT / "glossary.csv",
        "--format",
        "po,xliff",
        *extra,
    )
    assert result.exit_code == 0, result.output
    return result


def schema_errors(path: Path) -> list[str]:
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    ok = schema.validate(etree.parse(str(path)))
    return [] if ok else [f"{e.line}: {e.message}" for e in schema.error_log]


# --------------------------------------------------------------------------- XLIFF written


def test_xliff_draft_reads_back_with_translate_toolkit(tmp_path: Path) -> None:
    from translate.storage.xliff import xlifffile

    draft(tmp_path)
    po = polib.pofile(str(tmp_path / "article.po"))
    store = xlifffile.parsefile(str(tmp_path / "article.xlf"))
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("en", "ko")
    assert [(u.source, u.target) for u in store.units] == [(e.msgid, e.msgstr) for e in po]  # one unit per segment
    assert len(store.units) == 5
    assert all(u.isfuzzy() for u in store.units)  # needs-review-translation: a draft, not a translation
    notes = store.units[1].getnotes("termdesk").splitlines()
    assert notes == [
        "term: Defense Minister Song Young-moo → 송영무 국방부 장관",
        "term: Jim Mattis → 제임스 매티스",
        "term: Security Consultative Meeting → 한미안보협의회의",
    ]


def test_xliff_draft_is_valid_xliff_1_2(tmp_path: Path) -> None:
    draft(tmp_path)
    assert schema_errors(tmp_path / "article.xlf") == []
    root = etree.parse(str(tmp_path / "article.xlf")).getroot()
    targets = root.findall(".//x:target", NS)
    assert {(t.get("state"), t.get("state-qualifier")) for t in targets} == {
        ("needs-review-translation", "leveraged-glossary")
    }
    assert [g.get("id") for g in root.findall(".//x:group", NS)] == ["p1", "p2", "p3", "p4"]


@pytest.mark.parametrize(
    ("attribute", "value", "error"),
    [
        ("state", "done", "'done' is not a valid value"),
        ("state-qualifier", "guess", "The value 'guess' is not an element of the set"),
        ("colour", "red", "The attribute 'colour' is not allowed"),
    ],
    ids=["unknown-state", "unknown-qualifier", "unknown-attribute"],
)
def test_schema_check_can_fail(tmp_path: Path, attribute: str, value: str, error: str) -> None:
    draft(tmp_path)
    path = tmp_path / "article.xlf"
    tree = etree.parse(str(path))
    tree.getroot().find(".//x:target", NS).set(attribute, value)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    errors = schema_errors(path)
    assert len(errors) == 1 and error in errors[0]


class Garbler(Double):
    """A model that loses every placeholder and answers with a token-like string: nothing can be verified."""

    name = "garbler"
    identity = "garbler-1"

    def translate_batch(self, segments: Sequence[str], *, beam_size: int | None = None) -> list[str]:
        return ["ZXQ99 번역" for _ in segments]


def test_unverified_segments_are_marked(tmp_path: Path) -> None:
    pretranslate(
        [PT / "article.txt"],
        out_dir=tmp_path,
        glossary=load_glossary(PT / "glossary.csv"),
        backend=Garbler(),
        use_cache=False,
        formats=("po", "xliff"),
    )
    units = read_xliff(tmp_path / "article.xlf").units
    root = etree.parse(str(tmp_path / "article.xlf")).getroot()
    with_terms = [u for u in root.iter(f"{{{NS['x']}}}trans-unit") if u.find("x:note", NS) is not None]
    assert {u.find("x:target", NS).get("state") for u in with_terms} == {"needs-translation"}
    first = with_terms[0].find("x:note", NS)
    assert (first.get("priority"), first.text.split(":")[0]) == ("1", "TERMS NOT VERIFIED — insert them yourself")
    assert len(units) == 5
    assert schema_errors(tmp_path / "article.xlf") == []


# --------------------------------------------------------------------------- rerunning keeps confirmed work


def test_rerun_keeps_a_target_confirmed_in_the_po(tmp_path: Path) -> None:
    draft(tmp_path)
    po = polib.pofile(str(tmp_path / "article.po"))
    po[
        1
    ].msgstr = "송영무 국방부 장관은 10월 한미안보협의회의를 앞두고 제임스 매티스 장관과 만난다고 관계자들이 밝혔다."
    po[1].flags = []
    po.save()
    again = draft(tmp_path, "--force")
    assert again.stdout.splitlines()[0].endswith(" — 1 edited segment(s) kept")
    store = read_xliff(tmp_path / "article.xlf")
    assert [(u.state, u.target == po[1].msgstr) for u in store.units[1:2]] == [("translated", True)]
    assert [u.state for u in store.units].count("translated") == 1


def test_rerun_keeps_a_target_confirmed_in_the_xliff(tmp_path: Path) -> None:
    draft(tmp_path)
    path = tmp_path / "article.xlf"
    tree = etree.parse(str(path))
    target = tree.getroot().findall(".//x:target", NS)[2]
    target.text = "북한은 금요일 대륙간탄도미사일을 발사했다."
    target.set("state", "final")
    del target.attrib["state-qualifier"]
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    again = draft(tmp_path)
    assert again.stdout.splitlines()[0].endswith(" — 1 edited segment(s) kept")
    unit = read_xliff(path).units[2]
    assert (unit.state, unit.target) == ("translated", "북한은 금요일 대륙간탄도미사일을 발사했다.")
    entry = polib.pofile(str(tmp_path / "article.po"))[2]
    assert (entry.msgstr, entry.flags) == ("북한은 금요일 대륙간탄도미사일을 발사했다.", [])
    assert "북한은 금요일 대륙간탄도미사일을 발사했다." in (tmp_path / "article.ko.txt").read_text(encoding="utf-8")


def test_unknown_output_format(tmp_path: Path) -> None:
    result = run(
        "pretranslate", PT / "article.txt", "--out", tmp_path, "--glossary", PT / "glossary.csv", "--format", "po,docx"
    )
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "error: --format: unknown output format 'docx' — use po, xliff"


# --------------------------------------------------------------------------- qa reads XLIFF


def _break_segment(tmp_path: Path) -> None:
    """The same translator error in the PO and the XLIFF: 송영무 dropped from segment 2."""
    po = polib.pofile(str(tmp_path / "article.po"))
    po[1].msgstr = "국방부 장관은 10월 한미안보협의회의를 앞두고 제임스 매티스 장관과 만난다."
    po[1].flags = []
    po.save()
    path = tmp_path / "article.xlf"
    tree = etree.parse(str(path))
    target = tree.getroot().findall(".//x:target", NS)[1]
    target.text, target.attrib["state"] = po[1].msgstr, "translated"
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def test_qa_reads_xliff_like_po(tmp_path: Path) -> None:
    draft(tmp_path)
    _break_segment(tmp_path)
    args = ["--glossary", PT / "glossary.csv", "--format", "csv"]
    from_xlf = run("qa", tmp_path / "article.xlf", *args)
    from_po = run("qa", tmp_path / "article.po", *args)
    assert from_xlf.exit_code == from_po.exit_code == 1

    def rows(out: str) -> list[list[str]]:  # the line column differs (a PO line, an XLIFF line)
        return [[c for i, c in enumerate(r) if i != 3] for r in csv.reader(io.StringIO(out))]

    assert rows(from_xlf.stdout) == rows(from_po.stdout)
    assert "key-term-mismatch" in from_xlf.stdout


def test_qa_text_report_locates_xliff_lines(tmp_path: Path) -> None:
    draft(tmp_path)
    _break_segment(tmp_path)
    result = run("qa", tmp_path / "article.xlf", "--glossary", PT / "glossary.csv", "--rule", "key-term-mismatch")
    assert result.exit_code == 1
    line = next(u.line for u in read_xliff(tmp_path / "article.xlf").units if u.id == "s2")
    assert f"{tmp_path / 'article.xlf'}:{line} (¶2)" in result.stdout


def test_qa_folder_prefers_the_po_to_its_xliff(tmp_path: Path) -> None:
    draft(tmp_path)
    result = run("qa", tmp_path, "--glossary", PT / "glossary.csv", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith(f"article  ({tmp_path / 'article.po'}, 5 segments)")


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        (
            "xliff_not_well_formed_line4.xlf",
            "{p}:4: not well-formed XML (Opening and ending tag mismatch: trans-unit line 4 and body) — fix the file or export it again",
        ),
        ("xliff_wrong_root.xlf", "{p}: not an XLIFF 1.2 file (root element 'tmx') — give the .xlf termdesk wrote"),
        ("xliff_target_language_ja.xlf", "{p}:3: target-language is 'ja', not Korean — give an en→ko XLIFF file"),
        ("xliff_no_units.xlf", "{p}: no trans-units — give the .xlf termdesk wrote"),
    ],
    ids=["not-well-formed", "wrong-root", "target-language-ja", "no-units"],
)
def test_qa_bad_xliff(fixture: str, message: str) -> None:
    path = DATA / fixture
    result = run("qa", path, "--glossary", PT / "glossary.csv")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "error: " + message.format(p=path)


# --------------------------------------------------------------------------- TMX


def align(tmp_path: Path, *extra: object):  # type: ignore[no-untyped-def]
    """align over the eight test pairs; the memory does not depend on the candidates, so two are enough."""
    return run(
        "align",
        DATA / "align_candidates_small.csv",
        "--ko-text",
        PAIRS,
        "--en-text",
        PAIRS,
        "--mt",
        "none",
        "-o",
        tmp_path / "p.csv",
        "--glossary",
        SMALL,
        *extra,
    )


def test_tmx_reads_back_with_translate_toolkit(tmp_path: Path) -> None:
    from translate.storage.tmx import tmxfile

    result = align(tmp_path, "--tmx", tmp_path / "memory.tmx")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == f"translation memory → {tmp_path / 'memory.tmx'}: 55 sentence pairs"
    data = (tmp_path / "memory.tmx").read_bytes()
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<tmx version=\"1.4\">")
    store = tmxfile.parsefile(str(tmp_path / "memory.tmx"))
    assert store.getsourcelanguage() == "en"
    assert len(store.units) == 55
    assert store.units[0].source == "S. Korea decides to end military intelligence-sharing pact with Japan"
    assert store.units[0].target == '정부, 한일 군사정보보호협정 종료 결정…"국익에 부합하지 않아"'
    root = etree.fromstring(data)
    header = root.find("header")
    assert {k: header.get(k) for k in ("srclang", "segtype", "o-tmf", "adminlang", "datatype", "creationtool")} == {
        "srclang": "en",
        "segtype": "sentence",
        "o-tmf": "termdesk",
        "adminlang": "en",
        "datatype": "plaintext",
        "creationtool": "termdesk",
    }
    articles = {tu.findtext("prop[@type='x-article']") for tu in root.iter("tu")}
    assert articles == {
        "gsomia_2019",
        "icbm_2017",
        "kf21_2021",
        "ncg_2023",
        "scm_2017",
        "sma_2019",
        "thaad_2016",
        "ufg_2017",
    }


def test_tmx_min_score(tmp_path: Path) -> None:
    all_pairs = align(tmp_path, "--tmx", tmp_path / "all.tmx")
    assert all_pairs.exit_code == 0
    scores = [
        float(p.text)
        for p in etree.parse(str(tmp_path / "all.tmx")).getroot().iter("prop")
        if p.get("type") == "x-score"
    ]
    kept = sum(1 for s in scores if s >= 0.9)
    assert 0 < kept < len(scores)
    strict = align(tmp_path, "--tmx", tmp_path / "strict.tmx", "--min-score", "0.9", "--force")
    assert strict.stdout.splitlines()[-1] == (
        f"translation memory → {tmp_path / 'strict.tmx'}: {kept} sentence pairs ({len(scores) - kept} under --min-score 0.9 left out)"
    )


@pytest.mark.parametrize(
    ("cost", "score"),
    [(-3.0, 1.0), (0.0, 1.0), (2.0, 0.607), (4.0, 0.368), (12.0, 0.05)],
    ids=["anchors-agree", "clean-1-1", "1-2-prior", "one-side-prior", "poor"],
)
def test_bead_score(cost: float, score: float) -> None:
    assert bead_score(cost) == score


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["--tmx", "{t}/m.tmx", "--ko-text", None],
            2,
            "error: --tmx needs --ko-text: the memory is built from English articles and their Korean versions",
        ),
        (
            ["--tmx", "{t}/p.csv"],
            2,
            "error: --tmx {t}/p.csv is the -o or candidates file — give the memory its own file",
        ),
        (
            ["--tmx", "{t}/existing.tmx"],
            1,
            "error: {t}/existing.tmx: already exists — choose another --tmx, or add --force to replace it",
        ),
        (
            ["--tmx", "{t}/m.tmx", "--min-score", "1.5"],
            2,
            "Error: Invalid value for '--min-score': 1.5 is not in the range 0.0<=x<=1.0.",
        ),
    ],
    ids=["no-korean", "same-as-output", "exists", "score-out-of-range"],
)
def test_bad_tmx_options(tmp_path: Path, args: list, code: int, message: str) -> None:  # type: ignore[type-arg]
    (tmp_path / "existing.tmx").write_text("<tmx/>", encoding="utf-8")
    if None in args:
        result = run(
            "align",
            PAIRS / "candidates.csv",
            "--mt",
            "none",
            "-o",
            tmp_path / "p.csv",
            "--glossary",
            SMALL,
            *[a.format(t=tmp_path) for a in args if a and a != "--ko-text"],
        )
    else:
        result = align(tmp_path, *[a.format(t=tmp_path) for a in args])
    assert result.exit_code == code
    assert result.output.splitlines()[-1] == message.format(t=tmp_path)
    assert (tmp_path / "existing.tmx").read_text(encoding="utf-8") == "<tmx/>"


def test_read_xliff_saved_by_a_cat_tool() -> None:
    """Inline tags flattened, approved="yes" and state="final" confirmed, nested groups, ko-KR accepted."""
    doc = read_xliff(DATA / "xliff_saved_by_cat_tool.xlf")
    assert [(u.id, u.source, u.target, u.confirmed, u.paragraph) for u in doc.units] == [
        ("s1", "Defense chiefs to meet", "국방장관 회담 예정", True, 1),
        ("s2", "North Korea launched an ICBM.", "북한이 대륙간탄도미사일을 발사했다.", True, 2),
        ("s3", "The talks will also cover the economy.", "", False, 2),
    ]
    assert doc.target_language == "ko-KR"
