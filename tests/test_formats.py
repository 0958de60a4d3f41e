"""termdesk.formats: export → import round trips, export structure, import rules (library level)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import pytest

from termdesk.errors import ConflictError, InputError, UsageError
from termdesk.formats import CARRIES, EXPORT_FORMATS, MAX_IMPORT_BYTES, parse_file, render
from termdesk.formats.proposals import import_glossary
from termdesk.formats.spreadsheet import neutralise, unneutralise
from termdesk.glossary import COLUMNS, Entry, as_of, load_glossary, sort_key, validate

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent
FIXTURE = DATA / "formats_glossary.csv"
SHIPPED = REPO / "glossary"
EXT = {"tbx": ".tbx", "omegat": ".utf8", "po": ".po", "csv": ".csv", "deepl": ".tsv", "amazon": ".csv"}


def entries_of(path: Path, fmt: str = "") -> list[Entry]:
    """Entries in export order. For DeepL/Amazon, deprecated entries are left out: the
    validator only guarantees one ``ko`` per English form among the others."""
    entries = sorted(load_glossary(path), key=sort_key)
    if fmt in ("deepl", "amazon"):
        entries = [e for e in entries if e.status != "deprecated"]
        # one target per form: of dated siblings sharing a form, only today's rendering keeps it
        entries = sorted(as_of(entries, None), key=sort_key)
    return entries


def write(tmp_path: Path, fmt: str, text: str, name: str = "export") -> Path:
    out = tmp_path / f"{name}{EXT[fmt]}"
    out.write_bytes(text.encode("utf-8"))
    return out


def project(entries: Sequence[Entry], fields: frozenset[str]) -> list[tuple[tuple[str, object], ...]]:
    return [tuple((c, getattr(e, c)) for c in sorted(fields)) for e in entries]


def carried(fmt: str) -> frozenset[str]:
    return CARRIES[fmt] - {"status"} if fmt != "csv" else CARRIES[fmt]


# --------------------------------------------------------------------------- a model of what pair formats lose


def _comment(e: Entry) -> tuple[str, str]:
    return (e.type, e.note)


def expected_after(fmt: str, entries: Sequence[Entry]) -> list[tuple[tuple[str, object], ...]]:
    """What an import of ``fmt`` can give back, written independently of the exporters.

    Full-entry formats give back every carried field. The line formats lose the
    boundary between two neighbouring entries with the same target (and, for
    OmegaT, the same comment); DeepL/Amazon also write a form used by two
    entries (same ko) once.
    """
    fields = carried(fmt)
    if fmt in ("tbx", "po", "csv"):
        return project(entries, fields)
    merged: list[dict[str, object]] = []
    seen: set[str] = set()
    for e in entries:
        forms = [f for f in dict.fromkeys(e.en_forms) if fmt == "omegat" or f not in seen]
        seen.update(forms)
        if not forms:
            continue
        key = (e.ko, _comment(e)) if fmt == "omegat" else (e.ko,)
        if merged and merged[-1]["key"] == key:
            merged[-1]["forms"] += [f for f in forms if f not in merged[-1]["forms"]]  # type: ignore[operator]
        else:
            merged.append({"key": key, "forms": forms, "entry": e})
    out = []
    for m in merged:
        e: Entry = m["entry"]  # type: ignore[assignment]
        forms: list[str] = m["forms"]  # type: ignore[assignment]
        values = {"en": forms[0], "en_variants": tuple(forms[1:]), "ko": e.ko, "type": e.type, "note": e.note}
        out.append(tuple((c, values[c]) for c in sorted(fields)))
    return out


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", EXPORT_FORMATS, ids=EXPORT_FORMATS)
def test_round_trip_fixture_every_field(tmp_path: Path, fmt: str) -> None:
    """The small fixture (every field, formula-like cells, NA, quotes, commas, pipes, Hangul) survives."""
    entries = entries_of(FIXTURE)
    rendered = render(entries, to=fmt)
    assert rendered.problems == ()
    back = parse_file(write(tmp_path, fmt, rendered.text), fmt=fmt)
    assert back.problems == ()
    assert project(back.entries, carried(fmt)) == project(entries, carried(fmt))


@pytest.mark.parametrize("fmt", EXPORT_FORMATS, ids=EXPORT_FORMATS)
def test_round_trip_shipped_glossary(tmp_path: Path, fmt: str) -> None:
    """The full glossary/ as it is now: export, import, compare with what the format can carry."""
    entries = entries_of(SHIPPED, fmt)
    assert entries, "glossary/ is empty"
    rendered = render(entries, to=fmt)
    back = parse_file(write(tmp_path, fmt, rendered.text), fmt=fmt)
    assert back.problems == ()
    assert project(back.entries, carried(fmt)) == expected_after(fmt, entries)


@pytest.mark.parametrize("fmt", ["omegat", "deepl", "amazon"], ids=["omegat", "deepl", "amazon"])
def test_pair_formats_keep_every_pair_of_shipped_glossary(tmp_path: Path, fmt: str) -> None:
    entries = entries_of(SHIPPED, fmt)
    back = parse_file(write(tmp_path, fmt, render(entries, to=fmt).text), fmt=fmt)
    assert {(f, e.ko) for e in back.entries for f in e.en_forms} == {(f, e.ko) for e in entries for f in e.en_forms}


@pytest.mark.parametrize("glossary", [FIXTURE, SHIPPED], ids=["fixture", "shipped"])
@pytest.mark.parametrize("fmt", EXPORT_FORMATS, ids=EXPORT_FORMATS)
def test_import_of_own_export_proposes_nothing(tmp_path: Path, fmt: str, glossary: Path) -> None:
    exported = write(tmp_path, fmt, render(entries_of(glossary, fmt), to=fmt).text)
    result = import_glossary(exported, fmt=fmt, output=tmp_path / "proposals.csv", glossary=[glossary])
    assert result.proposed == () and result.conflicts == () and result.dropped == ()
    assert len(result.known) == result.read > 0
    assert (tmp_path / "proposals.csv").read_text(encoding="utf-8") == ",".join(COLUMNS) + "\n"


# --------------------------------------------------------------------------- export structure


def test_tbx_structure(tmp_path: Path) -> None:
    from lxml import etree

    from termdesk.formats.tbx import NS, XML_LANG, concept_id, structure_problems

    entries = entries_of(FIXTURE) + entries_of(SHIPPED)
    entries = sorted({e.id: e for e in entries}.values(), key=sort_key)
    root = etree.fromstring(render(entries, to="tbx").text.encode("utf-8"))
    assert root.tag == f"{{{NS}}}tbx" and root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    assert structure_problems(root) == []
    concepts = root.findall(f".//{{{NS}}}conceptEntry")
    assert [c.get("id") for c in concepts] == [concept_id(e.id) for e in entries]
    q = f"{{{NS}}}"
    for concept, e in zip(concepts, entries, strict=False):
        langs = {ls.get(XML_LANG): ls for ls in concept.findall(f"{q}langSec")}
        assert set(langs) == {"en", "ko"}

        def status_terms(lang: str, status: str, c: object = langs) -> list[str]:
            return [
                ts.findtext(f"{q}term")
                for ts in c[lang].findall(f"{q}termSec")
                if ts.findtext(f"{q}termNote") == status
            ]  # type: ignore[index]

        assert status_terms("en", "preferredTerm-admn-sts") == [e.en]
        assert status_terms("en", "admittedTerm-admn-sts") == list(e.en_variants)
        assert status_terms("ko", "preferredTerm-admn-sts") == [e.ko]
        assert status_terms("ko", "admittedTerm-admn-sts") == list(e.ko_variants)
        assert status_terms("ko", "deprecatedTerm-admn-sts") == list(e.ko_avoid)
        assert concept.findtext(f"{q}descrip[@type='subjectField']") == e.type


@pytest.mark.parametrize(
    ("tree", "problem"),
    [
        ('<tbx xmlns="urn:iso:std:iso:30042:ed-1"/>', "root is '{urn:iso:std:iso:30042:ed-1}tbx'"),
        (
            '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca"><tbxHeader><fileDesc/></tbxHeader><text><body>'
            '<conceptEntry id="a.b"><langSec xml:lang="en"><termSec><term>X</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec></conceptEntry>'
            "</body></text></tbx>",
            "0 langSec for 'ko', expected 1",
        ),
        (
            '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca"><tbxHeader><fileDesc/></tbxHeader><text><body>'
            '<conceptEntry id="weapon:x"/></body></text></tbx>',
            "id 'weapon:x' is not an NCName",
        ),
    ],
    ids=["wrong-namespace", "no-korean-langsec", "id-not-ncname"],
)
def test_tbx_structure_check_finds(tree: str, problem: str) -> None:
    from lxml import etree

    from termdesk.formats.tbx import structure_problems

    assert any(problem in p for p in structure_problems(etree.fromstring(tree.encode())))


def test_omegat_export_loads_as_three_tab_columns() -> None:
    entries = entries_of(FIXTURE)
    text = render(entries, to="omegat").text
    assert text.startswith("# Glossary in tab-separated format -*- coding: utf-8 -*-\n")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    data = [r for r in rows if not r[0].startswith("#")]
    assert {len(r) for r in data} == {3}
    assert len(data) == sum(len(e.en_forms) for e in entries)
    assert [
        "Terminal High Altitude Area Defense",
        "고고도미사일방어체계",
        f"[weapon] {entries_of(FIXTURE)[7].note}",
    ] in data


def test_csv_export_opens_in_pandas_with_bom() -> None:
    import pandas as pd

    text = render(entries_of(FIXTURE), to="csv").text
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf") and "\r\n" in text
    frame = pd.read_csv(io.BytesIO(text.encode("utf-8")), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == len(entries_of(FIXTURE))
    by_en = frame.set_index("en")
    assert by_en.loc["National Assembly", "en_variants"] == "NA" and by_en.loc["National Assembly", "note"] == "NA"
    assert by_en.loc["Defense Minister", "note"].startswith("'=SUM(1+1)")
    assert by_en.loc["B-1B Lancer", "source"] == "'+82 2 748 1111 (MND press office)"
    assert by_en.loc["Lee Jae-myung", "note"].startswith("'- elected")
    assert by_en.loc["Lee Jae-myung", "source"] == "'@yonhaptweets"
    assert by_en.loc["three-axis system", "en_variants"] == '"three axes" defense | 3K system'


def test_po_export_structure() -> None:
    import polib

    entries = entries_of(FIXTURE)
    po = polib.pofile(render(entries, to="po").text)
    assert [(p.msgctxt, p.msgid, p.msgstr) for p in po] == [(e.id, e.en, e.ko) for e in entries]
    thaad = next(p for p in po if p.msgid == "Terminal High Altitude Area Defense")
    assert thaad.comment.splitlines() == [
        "type: weapon",
        "en_variants: THAAD | Terminal High Altitude Area Defence",
        "ko_variants: 사드",
        "ko_avoid: 싸드",
        "source: https://www.yna.co.kr/view/AKR20170907000351014",
        "match: case-sensitive",
    ]
    assert thaad.tcomment == entries[7].note
    assert po.metadata["Language"] == "ko"


@pytest.mark.parametrize("glossary", [FIXTURE, SHIPPED], ids=["fixture", "shipped"])
@pytest.mark.parametrize("fmt", ["deepl", "amazon"], ids=["deepl", "amazon"])
def test_mt_exports_follow_service_rules(fmt: str, glossary: Path) -> None:
    text = render(entries_of(glossary, fmt), to=fmt).text
    if fmt == "deepl":
        rows = [line.split("\t") for line in text.split("\n") if line]
        limit = 1024
    else:
        all_rows = list(csv.reader(io.StringIO(text)))
        assert all_rows[0] == ["en", "ko"]
        rows, limit = all_rows[1:], 200
    assert {len(r) for r in rows} == {2}
    sources = [r[0] for r in rows]
    assert len(sources) == len(set(sources))
    for term in (cell for r in rows for cell in r):
        assert term and term == term.strip() and "\t" not in term and len(term.encode()) <= limit


# --------------------------------------------------------------------------- per-format rules


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+82 2 748", "'+82 2 748"),
        ("-based", "'-based"),
        ("@handle", "'@handle"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("'plain", "'plain"),
        ("a=b", "a=b"),
        ("NA", "NA"),
        ("국방부", "국방부"),
    ],
    ids=[
        "equals",
        "plus",
        "minus",
        "at",
        "tab",
        "cr",
        "apostrophe-then-formula",
        "apostrophe-text",
        "inner-equals",
        "NA",
        "hangul",
    ],
)
def test_spreadsheet_neutralise_is_reversible(value: str, cell: str) -> None:
    assert neutralise(value) == cell
    assert unneutralise(cell) == value


def test_omegat_export_flattens_tabs_and_newlines_and_skips_hash() -> None:
    e = Entry("Kill\tChain", "킬\n체인", "concept", ("#KillChain",), note="first line\nsecond\tline")
    rendered = render([e], to="omegat")
    assert rendered.text.splitlines()[1:] == ["Kill Chain\t킬 체인\t[concept] first line second line"]
    assert [p.code for p in rendered.problems] == ["omegat-comment"]


def test_omegat_import_foreign_file(tmp_path: Path) -> None:
    path = tmp_path / "glossary.txt"
    path.write_bytes(
        "\ufeff# my glossary\r\nTHAAD\t사드\r\nTerminal High Altitude Area Defense\t사드\r\n\r\n"
        "Patriot\t패트리엇\t[weapon] PAC-3\t\r\nIron Dome\t\t\r\n# end\r\n".encode("utf-8")
    )
    parsed = parse_file(path, fmt="omegat")
    assert [(e.en, e.en_variants, e.ko, e.type, e.note, e.line) for e in parsed.entries] == [
        ("THAAD", ("Terminal High Altitude Area Defense",), "사드", "", "", 2),
        ("Patriot", (), "패트리엇", "weapon", "PAC-3", 5),
    ]
    assert [str(p) for p in parsed.problems] == [
        f"{path}:6: empty target (Korean); line skipped — fill it in, or delete the line"
    ]


def test_deepl_export_conflict_is_an_error() -> None:
    a = Entry("Gen.", "육군 대장", "title", path="g.csv", line=2)
    b = Entry("General", "장군", "title", ("Gen.",), path="g.csv", line=3)
    with pytest.raises(InputError) as info:
        render([a, b], to="deepl")
    assert str(info.value) == (
        "g.csv:3: English form 'Gen.' → '장군' here, but → '육군 대장' at g.csv:2 — DeepL takes one target per "
        "source term; resolve the conflict (termdesk glossary check) or export with --status to leave one out"
    )


def test_pair_exports_write_a_shared_form_once_and_keep_case_variants() -> None:
    a = Entry("United States", "미국", "place", ("US", "U.S."))
    b = Entry("U.S. government", "미국", "organization", ("US",))
    c = Entry("us", "우리", "concept", match="case-sensitive")
    assert (
        render([a, b, c], to="deepl").text
        == "U.S. government\t미국\nUS\t미국\nUnited States\t미국\nU.S.\t미국\nus\t우리\n"
    )


@pytest.mark.parametrize(
    ("fmt", "bad", "why"),
    [
        ("deepl", "A" * 1025, "is 1025 bytes, over DeepL's 1024-byte limit"),
        ("amazon", "가" * 67, "is 201 bytes, over Amazon Translate's 200-byte limit"),
        ("deepl", "PAC\x073", "contains a tab, line break or control character"),
        ("amazon", "PAC\u20283", "contains a tab, line break or control character"),
        ("deepl", "PAC\x853", "contains a tab, line break or control character"),
    ],
    ids=[
        "deepl-over-1024-bytes",
        "amazon-over-200-bytes",
        "deepl-c0-control",
        "amazon-line-separator",
        "deepl-c1-control",
    ],
)
def test_pair_exports_leave_out_terms_the_service_rejects(fmt: str, bad: str, why: str) -> None:
    rendered = render([Entry("Patriot", "패트리엇", "weapon", (bad,), path="g.csv", line=5)], to=fmt)
    assert bad not in rendered.text and "Patriot" in rendered.text
    service = "DeepL" if fmt == "deepl" else "Amazon Translate"
    assert [str(p) for p in rendered.problems] == [
        f"g.csv:5: [en] English form {bad!r} {why}; not exported — {service} would reject it"
    ]


def test_tbx_export_refuses_characters_xml_cannot_hold() -> None:
    with pytest.raises(InputError) as info:
        render([Entry("Patriot", "패트리엇", "weapon", note="bell\x07", path="g.csv", line=4)], to="tbx")
    assert (
        str(info.value)
        == "g.csv:4: entry 'weapon:patriot' contains a control character XML cannot hold — delete it (termdesk glossary check finds it)"
    )


@pytest.mark.parametrize(
    ("data", "fmt", "message"),
    [
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
            "csv",
            '{p}: an old Excel .xls workbook — save it as .xlsx or as "CSV UTF-8", then import that',
        ),
        ("en,ko\nTHAAD,사드\n".encode(), "xlsx", "{p}: not an .xlsx workbook — import CSV or TSV text with --from csv"),
        (
            b"PK\x03\x04 not really a zip",
            "xlsx",
            "{p}: not a readable .xlsx workbook (damaged zip) — open it in Excel and save it again as .xlsx",
        ),
        (
            'en,ko\n"THAAD,사드\n'.encode(),
            "csv",
            '{p}:2: unbalanced quote: a quoted cell starting on this line is never closed — close the quote (write a literal quote as "")',
        ),
        (
            'en,ko\n"THAAD" x,사드\n'.encode(),
            "csv",
            '{p}:2: a quoted cell has a stray quote inside — double quotes inside a quoted cell ("""PAC-3"" battery"), as Excel does',
        ),
        (b"", "csv", "{p}:1: empty file — give a table with a header row"),
        ("en,ko,en\nA,가,B\n".encode(), "csv", "{p}:1: duplicate column 'en' — give each column a different header"),
        (
            b"",
            "amazon",
            "{p}:1: empty file — an Amazon terminology file starts with a row of language codes, e.g. en,ko",
        ),
        (
            "ko,en\n사드,THAAD\n".encode(),
            "amazon",
            "{p}:1: first column is 'ko', expected the source language en — an Amazon terminology file starts with a row of language codes, e.g. en,ko",
        ),
        (
            b"en,ko\nTHAAD\n",
            "amazon",
            "{p}:2: 1 cells, expected 2 — check for a missing or extra comma on this line",
        ),
        (
            "THAAD 사드\n".encode(),
            "deepl",
            "{p}:1: no tab: expected source TAB target — separate the English and the Korean with a tab",
        ),
        (
            b"A\tB\tC\tD\n",
            "omegat",
            "{p}:1: 4 columns, expected 2 or 3 (source TAB target TAB comment) — remove the extra tab (a tab inside a term or comment?)",
        ),
        (
            b"<tbx xmlns='urn:iso:std:iso:30042:ed-2' style='dct'/>",
            "tbx",
            "{p}:1: TBX in DCT style (data categories as elements) is not supported — export it as TBX-Basic in DCA style",
        ),
        (
            b"<tbx/>",
            "tbx",
            '{p}:1: root <tbx> is in no namespace, not the TBX v3 namespace — export it again as TBX-Basic (TBX v3, xmlns="urn:iso:std:iso:30042:ed-2")',
        ),
    ],
    ids=[
        "xls",
        "csv-as-xlsx",
        "damaged-zip",
        "unbalanced-quote",
        "stray-quote",
        "empty-csv",
        "duplicate-column",
        "empty-amazon",
        "amazon-source-not-en",
        "amazon-short-row",
        "deepl-no-tab",
        "omegat-four-columns",
        "tbx-dct-style",
        "tbx-no-namespace",
    ],
)
def test_bad_files(tmp_path: Path, data: bytes, fmt: str, message: str) -> None:
    path = tmp_path / "bad.file"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        parse_file(path, fmt=fmt)
    assert str(info.value) == message.format(p=path)


def test_tbx_reads_translate_toolkit_tbx2(tmp_path: Path) -> None:
    """Cross-tool: a TBX v2 <martif> written by translate-toolkit imports."""
    from translate.storage import tbx

    store = tbx.tbxfile(sourcelanguage="en", targetlanguage="ko")
    unit = store.addsourceunit("Terminal High Altitude Area Defense")
    unit.set_source_terms(["Terminal High Altitude Area Defense", "THAAD"])
    unit.settarget("고고도미사일방어체계", "ko")
    unit.set_target_terms(["고고도미사일방어체계", "사드"])
    unit.addnote("Deployed in Seongju.", origin="translator")
    path = tmp_path / "tt.tbx"
    path.write_bytes(bytes(store))
    [e] = parse_file(path, fmt="tbx").entries
    assert (e.en, e.en_variants, e.ko, e.ko_variants, e.note) == (
        "Terminal High Altitude Area Defense",
        ("THAAD",),
        "고고도미사일방어체계",
        ("사드",),
        "Deployed in Seongju.",
    )


def test_tbx_import_regional_codes_deprecated_terms_and_missing_korean() -> None:
    path = DATA / "formats_tbx_missing_korean.tbx"
    parsed = parse_file(path, fmt="tbx")
    assert [(e.en, e.en_variants, e.ko, e.ko_avoid, e.type) for e in parsed.entries] == [
        ("Patriot", ("MIM-104",), "패트리엇", ("패트리어트",), "weapon")
    ]
    assert [str(p) for p in parsed.problems] == [f"{path}:11: concept 'c2' has no Korean (ko) term; skipped"]


def test_po_import_foreign_entries(tmp_path: Path) -> None:
    path = tmp_path / "g.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '# 주한미군 주둔지\n#. Seen in Yonhap copy\nmsgctxt "place:camp-humphreys"\nmsgid "Camp Humphreys"\nmsgstr "캠프 험프리스"\n\n'
        'msgid "Patriot"\nmsgstr ""\n\n'
        'msgid "missile"\nmsgid_plural "missiles"\nmsgstr[0] "미사일"\n\n'
        '#~ msgid "old"\n#~ msgstr "옛"\n',
        encoding="utf-8",
    )
    parsed = parse_file(path, fmt="po")
    assert [(e.en, e.ko, e.type, e.note) for e in parsed.entries] == [
        ("Camp Humphreys", "캠프 험프리스", "place", "Seen in Yonhap copy 주한미군 주둔지")
    ]
    assert [p.code for p in parsed.problems] == ["incomplete-row", "plural-entry"]


def _workbook(path: Path, rows: Sequence[Sequence[object]], *, merge: str | None = None, title: str = "Terms") -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(list(row))
    if merge:
        ws.merge_cells(merge)
    wb.save(path)
    return path


def test_xlsx_import_with_map(tmp_path: Path) -> None:
    rows = [
        [None],
        ["English", "Korean", "Type", None, "Checked"],
        ["Patriot", "패트리엇", "weapon", None, "yes", "stray"],
        ["NA", "국회", "organization"],
        [None, None, None],
        ["K9", "K9 자주포", 155.0],
    ]
    path = _workbook(tmp_path / "sheet.xlsx", rows)
    parsed = parse_file(path, fmt="xlsx", mapping="English=en,Korean=ko,Type=type")
    assert [(e.en, e.ko, e.type, e.line) for e in parsed.entries] == [
        ("Patriot", "패트리엇", "weapon", 3),
        ("NA", "국회", "organization", 4),
        ("K9", "K9 자주포", "155", 6),
    ]
    assert [str(p) for p in parsed.problems] == [
        f"{path}:2: column(s) not imported: 'Checked', #6 (no header) — map them with --map 'Header=column' if they hold glossary data"
    ]
    assert parse_file(path, fmt="csv", mapping="English=en,Korean=ko").format == "xlsx"


@pytest.mark.parametrize(
    ("rows", "merge", "sheet", "message"),
    [
        (
            [["en", "ko"], ["THAAD", "사드"], ["Patriot", "패트리엇"]],
            "A3:B3",
            None,
            "{p}:3: sheet 'Terms' has merged cells (A3:B3) — unmerge them (Merge & Center → Unmerge Cells), fill every cell, and save again",
        ),
        (
            [["en", "ko"], ["THAAD", "=A2"]],
            None,
            None,
            "{p}:2: sheet 'Terms': cell B2 is a formula — replace formulas with their values (Paste Special → Values) and save again",
        ),
        ([["en", "ko"], ["THAAD", "사드"]], None, "Sheet2", "{p}: no sheet named 'Sheet2' — sheets are: Terms"),
        (
            [["English", "Korean"], ["THAAD", "사드"]],
            None,
            None,
            "{p}:1: no en (English) column — name it en, or map it: --map 'English=en,Korean=ko'",
        ),
    ],
    ids=["merged-cells", "formula-cell", "no-such-sheet", "no-en-column"],
)
def test_xlsx_bad_workbooks(
    tmp_path: Path, rows: list[list[object]], merge: str | None, sheet: str | None, message: str
) -> None:
    path = _workbook(tmp_path / "bad.xlsx", rows, merge=merge)
    with pytest.raises(InputError) as info:
        parse_file(path, fmt="xlsx", sheet=sheet)
    assert str(info.value) == message.format(p=path)


@pytest.fixture(scope="module")
def fifty_mb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sparse 50 MB file: the limit is checked before a byte is read (the CLI test writes real TSV)."""
    path = tmp_path_factory.mktemp("big") / "huge.tsv"
    with path.open("wb") as fh:
        fh.truncate(50 * 2**20)
    assert path.stat().st_size == 50 * 2**20 > MAX_IMPORT_BYTES
    return path


@pytest.mark.parametrize("fmt", [*EXPORT_FORMATS, "xlsx"], ids=[*EXPORT_FORMATS, "xlsx"])
def test_fifty_mb_file_is_refused_before_reading(fifty_mb: Path, fmt: str) -> None:
    with pytest.raises(InputError) as info:
        parse_file(fifty_mb, fmt=fmt)
    assert (
        str(info.value)
        == f"{fifty_mb}: file is 50.0 MB, over the 20 MB import limit — split it into smaller files and import them one by one"
    )


# --------------------------------------------------------------------------- import into proposals


def _tsv(tmp_path: Path, text: str, name: str = "in.tsv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_sorts_known_conflicts_changes_and_new(tmp_path: Path) -> None:
    source = _tsv(
        tmp_path,
        "en\tko\ttype\tnote\n"
        "THAAD\t고고도미사일방어체계\t\t\n"  # known (variant of an approved entry)
        "THAAD\t사드 체계\tweapon\t\n"  # repeats the form with another ko: dropped
        "National Assembly\t국회\torganization\tthe legislature\n"  # change: note differs
        "Sea of Japan\t일본해\t\t\n"  # conflict with approved East Sea → 동해
        "Iron Dome\t아이언 돔\t\t\n",  # new, type from --type
    )
    out = tmp_path / "proposals.csv"
    result = import_glossary(source, fmt="csv", output=out, glossary=[FIXTURE], default_type="weapon")
    assert [k.entry.en for k in result.known] == ["THAAD"]
    assert [(c.form, c.entry.ko, c.existing.ko, c.existing.id) for c in result.conflicts] == [
        ("Sea of Japan", "일본해", "동해", "place:east-sea")
    ]
    assert [(c.existing.id, c.fields) for c in result.changes] == [("organization:national-assembly", ("note",))]
    assert [str(d) for d in result.dropped] == [
        f"{source}:3: 'THAAD' → '사드 체계', but an earlier row has → '고고도미사일방어체계' (line 2); dropped"
    ]
    written = load_glossary(out)
    assert [(e.en, e.ko, e.type, e.status) for e in written] == [
        ("Iron Dome", "아이언 돔", "weapon", "proposed"),
        ("National Assembly", "국회", "organization", "proposed"),
        ("Sea of Japan", "일본해", "place", "proposed"),
    ]
    assert validate(out).errors == ()
    assert result.check == ()


def test_import_never_writes_the_glossary_and_refuses_to_overwrite(tmp_path: Path) -> None:
    source = _tsv(tmp_path, "en\tko\ttype\nIron Dome\t아이언 돔\tweapon\n")
    out = tmp_path / "proposals.csv"
    out.write_text("a translator's edited work\n", encoding="utf-8")
    with pytest.raises(ConflictError) as info:
        import_glossary(source, fmt="csv", output=out, glossary=[FIXTURE])
    assert str(info.value) == f"{out}: already exists — choose another -o file, or add --force to replace it"
    assert out.read_text(encoding="utf-8") == "a translator's edited work\n"
    import_glossary(source, fmt="csv", output=out, glossary=[FIXTURE], force=True)
    assert [e.en for e in load_glossary(out)] == ["Iron Dome"]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            "glossary/new.csv",
            "-o {t} is inside the glossary folder {g} — write proposals elsewhere, then merge them with `termdesk glossary add`",
        ),
        ("in.tsv", "-o {t} is the file being imported — write the proposals to a new file"),
    ],
    ids=["inside-glossary-folder", "same-as-input"],
)
def test_import_output_must_be_a_separate_file(tmp_path: Path, target: str, message: str) -> None:
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "weapons.csv").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    source = _tsv(tmp_path, "en\tko\nIron Dome\t아이언 돔\n")
    t = tmp_path / target
    with pytest.raises(UsageError) as info:
        import_glossary(source, fmt="csv", output=t, glossary=[folder], force=True)
    assert str(info.value) == message.format(t=t, g=folder)


def test_import_type_comes_from_the_glossary_when_the_format_has_none(tmp_path: Path) -> None:
    source = _tsv(tmp_path, "UFS\t을지 자유의 방패 연습\n", name="pairs.tsv")
    result = import_glossary(source, fmt="deepl", output=tmp_path / "p.csv", glossary=[FIXTURE])
    assert [(e.en, e.type) for e in result.proposed] == [("UFS", "exercise")]
    assert [c.existing.id for c in result.conflicts] == ["exercise:ulchi-freedom-shield"]


def test_import_summary_file_and_report(tmp_path: Path) -> None:
    source = _tsv(tmp_path, "en\tko\ttype\nIron Dome\t아이언 돔\tweapon\nDefense Minister\t국방부 장관\ttitle\n")
    summary = tmp_path / "summary.txt"
    result = import_glossary(source, fmt="csv", output=tmp_path / "p.csv", glossary=[FIXTURE], summary=summary)
    assert result.report == (
        f"{source}: read 2 entries (csv)",
        "1 already in the glossary, 1 new, 0 conflicts",
        "new (written for review): 1",
        f"  {source}:2: Iron Dome → 아이언 돔",
        f"wrote 1 proposed entry to {tmp_path / 'p.csv'}",
    )
    assert summary.read_text(encoding="utf-8") == "\n".join(result.report) + "\n"


def test_import_reports_what_the_proposals_file_still_needs(tmp_path: Path) -> None:
    source = _tsv(tmp_path, "en\tko\nIron Dome\tIron Dome\n")
    out = tmp_path / "p.csv"
    result = import_glossary(source, fmt="csv", output=out, glossary=[FIXTURE])
    assert [p.code for p in result.check] == ["no-hangul-in-ko", "unknown-type"]
    assert result.report[-3] == f"to fix in {out} before `termdesk glossary add`: 2"


def test_cp949_csv_reads_with_encoding(tmp_path: Path) -> None:
    parsed = parse_file(DATA / "formats_cp949.csv", fmt="csv", encoding="cp949")
    assert [(e.en, e.ko, e.type) for e in parsed.entries] == [("THAAD", "사드", "weapon")]


def test_own_csv_export_reimports_after_excel_style_resave(tmp_path: Path) -> None:
    """Excel re-saves without BOM and with every cell quoted: still our columns, apostrophes undone."""
    entries = entries_of(FIXTURE)
    frame_text = render(entries, to="csv").text.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(frame_text)))
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    path = tmp_path / "resaved.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    back = parse_file(path, fmt="csv")
    assert project(back.entries, CARRIES["csv"]) == project(entries, CARRIES["csv"])
