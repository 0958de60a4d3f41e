"""Pre-translation pipeline with MT test doubles: protect → translate → restore → repair → verify."""

from __future__ import annotations

import csv
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner
from mt_doubles import Double

from termdesk.errors import ConflictError, InputError
from termdesk.glossary import load_glossary
from termdesk.mt.glossary_backend import GlossaryBackend
from termdesk.pretranslate import DEFAULT_SCHEME, Method, pretranslate, protect, restore

DATA = Path(__file__).parent / "data" / "pt"
TOKEN = re.compile(r"ZXQ(\d+)")


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERMDESK_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def glossary():  # type: ignore[no-untyped-def]
    return load_glossary(DATA / "glossary.csv")


class Echo(Double):
    """Copies its input (like the tiny copy model): every placeholder survives."""

    name = "echo"
    identity = "echo-1"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def translate_batch(self, segments: Sequence[str], *, beam_size: int | None = None) -> list[str]:
        self.calls.append(list(segments))
        return [f"{s}는 말했다" if s.strip() else "" for s in segments]


class Hostile(Double):
    """Drops, duplicates, reorders and mangles placeholders — but translates plain text."""

    name = "hostile"
    identity = "hostile-1"

    def translate_batch(self, segments: Sequence[str], *, beam_size: int | None = None) -> list[str]:
        out = []
        for i, s in enumerate(segments):
            tokens = TOKEN.findall(s)
            if not s.strip():
                out.append("")
                continue
            if not tokens:
                out.append(f"[ko] {s}")
                continue
            mode = i % 4
            if mode == 0:  # drop the first placeholder
                out.append(TOKEN.sub("", s, count=1))
            elif mode == 1:  # duplicate every placeholder
                out.append(TOKEN.sub(lambda m: m.group(0) + " " + m.group(0), s))
            elif mode == 2:  # reorder and mangle: spaces inside, lower case, truncated
                out.append(" ".join(f"z x q {t}" for t in reversed(tokens)) + " XQ" + tokens[0])
            else:  # leave a fragment of a token
                out.append(TOKEN.sub(lambda m: "ZX", s))
        return out


def _read(out: Path, name: str) -> str:
    return (out / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("output", "ok", "problem"),
    [
        ("ZXQ1 ZXQ2", True, None),
        ("zxq 1 Z X Q 2", True, None),
        ("ZXQ1", False, "term lost: Jim Mattis → 제임스 매티스"),
        ("ZXQ1 ZXQ1 ZXQ2", False, "term duplicated ×2: Defense Minister Song Young-moo → 송영무 국방부 장관"),
        ("ZXQ1 ZXQ2 ZXQ9", False, "unknown placeholder 'ZXQ9'"),
        ("ZXQ1 ZXQ2 XQ", False, None),
    ],
    ids=["exact", "spaced-and-lowercased", "lost", "duplicated", "invented", "fragment"],
)
def test_restore_table(glossary, output: str, ok: bool, problem: str | None) -> None:  # type: ignore[no-untyped-def]
    from termdesk.match import Matcher

    text = "Defense Minister Song Young-moo met Jim Mattis."
    p = protect(text, Matcher.from_glossary(glossary).find(text))
    assert p.text == "ZXQ1 met ZXQ2."
    r = restore(output, p)
    assert r.ok is ok
    if problem:
        assert problem in r.problems
    if ok:
        assert "송영무 국방부 장관" in r.text and "제임스 매티스" in r.text
        for start, end in r.spans:
            assert r.text[start:end] in {"송영무 국방부 장관", "제임스 매티스"}


def test_echo_backend_full_run(tmp_path: Path, glossary) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    result = pretranslate([DATA / "article.txt"], out_dir=out, glossary=glossary, backend=Echo())
    assert result.term_accuracy == 100.0
    (article,) = result.articles
    assert article.term_total == 6
    assert sorted(p.name for p in out.iterdir()) == ["article.ko.txt", "article.po", "article.terms.csv"]
    draft = _read(out, "article.ko.txt")
    assert "송영무 국방부 장관" in draft  # name before title
    assert "ZXQ" not in draft
    # particle repaired after a restored term: '…장관' + '는' → '…장관은'? the echo appends 는 after the
    # last token of a segment only when the segment ends in a term; check every term+particle agrees
    assert "대륙간탄도미사일는" not in draft
    terms = _read(out, "article.terms.csv").splitlines()
    assert terms[0] == "segment,paragraph,start,end,en,ko,entry_id,type,flags,method,verified,rule"
    assert len(terms) == 1 + 6
    assert all(row["verified"] == "yes" for row in csv.DictReader(terms))


def test_hostile_backend_still_100_percent(tmp_path: Path, glossary) -> None:  # type: ignore[no-untyped-def]
    result = pretranslate(
        [DATA / "article.txt"], out_dir=tmp_path, glossary=glossary, backend=Hostile(), use_cache=False
    )
    assert result.term_accuracy == 100.0
    methods = {s.method for a in result.articles for s in a.segments if s.terms}
    assert Method.FALLBACK in methods  # the hostile model forced the other way
    draft = _read(tmp_path, "article.ko.txt")
    assert not re.search(r"Z\s*X|XQ|ZXQ", draft, re.IGNORECASE)
    for ko in ["송영무 국방부 장관", "제임스 매티스", "한미안보협의회의", "대륙간탄도미사일", "사드"]:
        assert ko in draft


def test_glossary_backend_inline(tmp_path: Path, glossary) -> None:  # type: ignore[no-untyped-def]
    result = pretranslate([DATA / "article.txt"], out_dir=tmp_path, glossary=glossary, backend=GlossaryBackend())
    assert result.term_accuracy == 100.0
    draft = _read(tmp_path, "article.ko.txt")
    assert "Defense Minister Song Young-moo [송영무 국방부 장관] will meet Jim Mattis [제임스 매티스]" in draft
    assert draft.split("\n\n")[0] == "Defense chiefs to meet"  # paragraphs preserved


def test_po_has_header_comments_and_fuzzy(tmp_path: Path, glossary) -> None:  # type: ignore[no-untyped-def]
    from termdesk.pofile import read_po

    pretranslate([DATA / "article.txt"], out_dir=tmp_path, glossary=glossary, backend=Echo())
    po = read_po(tmp_path / "article.po")
    assert po.metadata["Language"] == "ko"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    entry = next(e for e in po if "Song Young-moo" in e.msgid)
    assert "fuzzy" in entry.flags
    assert "Defense Minister Song Young-moo → 송영무 국방부 장관" in entry.comment
    assert entry.occurrences == [("article", "2")]


def test_rerun_keeps_translator_edits_and_obsoletes(tmp_path: Path, glossary) -> None:  # type: ignore[no-untyped-def]
    from termdesk.pofile import read_po, write_po

    src = tmp_path / "article.txt"
    shutil.copy(DATA / "article.txt", src)
    out = tmp_path / "out"
    pretranslate([src], out_dir=out, glossary=glossary, backend=Echo())
    po = read_po(out / "article.po")
    edited = next(e for e in po if "Song Young-moo" in e.msgid)
    edited.msgstr = "송영무 국방부 장관은 10월 한미안보협의회의 전에 제임스 매티스 장관을 만난다."
    edited.flags.remove("fuzzy")
    write_po(po, out / "article.po")
    src.write_text(
        src.read_text(encoding="utf-8").replace("The talks will also cover the economy.", "A new closing line."),
        encoding="utf-8",
    )
    result = pretranslate([src], out_dir=out, glossary=glossary, backend=Echo())
    (article,) = result.articles
    assert article.kept_edits == 1 and article.obsolete == 1
    po = read_po(out / "article.po")
    kept = next(e for e in po if "Song Young-moo" in e.msgid)
    assert kept.msgstr.startswith("송영무 국방부 장관은 10월") and "fuzzy" not in kept.flags
    assert [e.msgid for e in po if e.obsolete] == ["The talks will also cover the economy."]
    assert "송영무 국방부 장관은 10월" in _read(out, "article.ko.txt")


def test_edited_draft_is_never_overwritten(tmp_path: Path, glossary) -> None:  # type: ignore[no-untyped-def]
    pretranslate([DATA / "article.txt"], out_dir=tmp_path, glossary=glossary, backend=Echo())
    draft = tmp_path / "article.ko.txt"
    draft.write_text("번역가가 고친 원고\n", encoding="utf-8")
    with pytest.raises(ConflictError, match="edited since termdesk wrote it"):
        pretranslate([DATA / "article.txt"], out_dir=tmp_path, glossary=glossary, backend=Echo())
    assert draft.read_text(encoding="utf-8") == "번역가가 고친 원고\n"


@pytest.mark.parametrize(
    ("po_text", "message"),
    [
        ('msgid "a"\nmsgstr "unterminated\n', "article.po:2: unterminated or malformed string after msgstr"),
        ('msgid "a"\nmsgstr "b"\nbogus line\n', "article.po:3: not PO syntax: 'bogus line'"),
    ],
    ids=["unterminated-msgstr", "garbage-line"],
)
def test_broken_po_beside_article_stops_before_writing(tmp_path: Path, glossary, po_text: str, message: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "article.po").write_text(po_text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        pretranslate([DATA / "article.txt"], out_dir=tmp_path, glossary=glossary, backend=Echo())
    assert message in info.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.po", "cache"]
    assert (tmp_path / "article.po").read_text(encoding="utf-8") == po_text


def test_article_without_terms(tmp_path: Path, glossary) -> None:  # type: ignore[no-untyped-def]
    result = pretranslate([DATA / "plain.txt"], out_dir=tmp_path, glossary=glossary, backend=Echo())
    assert result.term_total == 0 and result.term_accuracy == 100.0
    assert _read(tmp_path, "plain.ko.txt").strip() == "No glossary terms are here at all.는 말했다"


def test_cache_serves_second_run(tmp_path: Path, glossary) -> None:  # type: ignore[no-untyped-def]
    echo = Echo()
    pretranslate([DATA / "article.txt"], out_dir=tmp_path / "a", glossary=glossary, backend=echo)
    pretranslate([DATA / "article.txt"], out_dir=tmp_path / "b", glossary=glossary, backend=echo)
    assert len(echo.calls) == 1
    result = pretranslate(
        [DATA / "article.txt"], out_dir=tmp_path / "c", glossary=glossary, backend=echo, use_cache=False
    )
    assert len(echo.calls) == 2
    assert {s.method for s in result.articles[0].segments} == {Method.MT}


class Limited(Echo):
    """A backend with a tiny input limit (counts words): long segments must be split, not cut."""

    max_input_tokens = 6

    def translate_batch(self, segments: Sequence[str], *, beam_size: int | None = None) -> list[str]:
        assert all(self.count_tokens(s) <= 6 for s in segments), segments
        return super().translate_batch(segments)


def test_long_segment_is_split_never_truncated(tmp_path: Path, glossary) -> None:  # type: ignore[no-untyped-def]
    result = pretranslate(
        [DATA / "article.txt"], out_dir=tmp_path, glossary=glossary, backend=Limited(), use_cache=False
    )
    assert result.term_accuracy == 100.0
    seg = next(s for s in result.articles[0].segments if "Song Young-moo" in s.source)
    for word in ["officials", "October", "before"]:
        assert word in seg.target  # every piece came back


def test_scheme_tokens_survive_nfkc() -> None:
    import unicodedata

    token = DEFAULT_SCHEME.token(12)
    assert unicodedata.normalize("NFKC", token) == token
    assert "_" not in token


def test_cli_pretranslate_glossary_backend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from termdesk.cli import app

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-packages"))
    result = CliRunner().invoke(
        app,
        [
            "pretranslate",
            str(DATA / "article.txt"),
            "--out",
            str(tmp_path / "out"),
            "--glossary",
            str(DATA / "glossary.csv"),
            "--backend",
            "glossary",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "term accuracy: 100.0%" in result.stdout
    assert (tmp_path / "out" / "article.po").exists()


def test_cli_missing_article_is_input_error(tmp_path: Path) -> None:
    from termdesk.cli import app

    result = CliRunner().invoke(
        app,
        [
            "pretranslate",
            str(tmp_path / "nope.txt"),
            "--out",
            str(tmp_path),
            "--glossary",
            str(DATA / "glossary.csv"),
            "--backend",
            "glossary",
        ],
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert "nope.txt" in result.stderr


def test_real_ctranslate2_copy_model_end_to_end(tmp_path: Path, glossary, copy_backend) -> None:  # type: ignore[no-untyped-def]
    """Through argostranslate's SentencePiece + CTranslate2 (the tiny copy model): placeholders survive, terms restored."""
    result = pretranslate(
        [DATA / "article.txt"], out_dir=tmp_path, glossary=glossary, backend=copy_backend, use_cache=False
    )
    assert result.backend == "argos"
    assert result.term_accuracy == 100.0
    draft = _read(tmp_path, "article.ko.txt")
    assert not re.search(r"ZXQ|XQ\s*\d", draft, re.IGNORECASE)
    assert "송영무 국방부 장관" in draft  # composed, Korean order
    assert "Defense Minister" not in draft
    for ko in ["제임스 매티스", "한미안보협의회의", "대륙간탄도미사일", "사드"]:
        assert ko in draft
    assert "The talks will also cover the economy." in draft  # the copy model copies plain text


@pytest.mark.parametrize(
    ("install", "backend_line", "notice"),
    [
        (True, "backend: argos", ""),
        (False, "backend: glossary", "no en→ko MT model installed: using the glossary backend"),
    ],
    ids=["model-installed", "no-model"],
)
def test_cli_auto_backend(  # type: ignore[no-untyped-def]
    tmp_path: Path, packages_dir: Path, copy_model_archive: Path, install: bool, backend_line: str, notice: str
) -> None:
    from termdesk.cli import app

    runner = CliRunner()
    if install:
        installed = runner.invoke(app, ["model", "install", str(copy_model_archive)])
        assert installed.exit_code == 0, installed.output
    result = runner.invoke(
        app,
        [
            "pretranslate",
            str(DATA / "article.txt"),
            "--out",
            str(tmp_path / "out"),
            "--glossary",
            str(DATA / "glossary.csv"),
            "--no-cache",
        ],
    )
    assert result.exit_code == 0, result.output
    assert backend_line in result.stdout.splitlines()
    assert "term accuracy: 100.0%" in result.stdout
    assert result.stderr.startswith(notice) if notice else result.stderr == ""


TEXT_DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("name", "extra", "message"),
    [
        ("text_empty.txt", [], "{p}: empty article — give a file with the article's text"),
        ("text_binary.txt", [], "{p}:1: binary data (NUL byte) — this is not a text file; give a UTF-8 text file"),
        (
            "text_cp949.txt",
            [],
            "{p}:1: file is CP949/EUC-KR (Korean Excel), not UTF-8 — read it with --encoding cp949, or save it as UTF-8",
        ),
        (
            "text_only_debris.txt",
            [],
            "{p}: no article text left after removing page debris — check that this is an article (see --show-removed)",
        ),
    ],
    ids=["empty", "binary", "cp949", "only-debris"],
)
def test_cli_bad_article_writes_nothing(tmp_path: Path, name: str, extra: list[str], message: str) -> None:
    from termdesk.cli import app

    path = TEXT_DATA / name
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "pretranslate",
            str(path),
            "--out",
            str(out),
            "--glossary",
            str(DATA / "glossary.csv"),
            "--backend",
            "glossary",
            *extra,
        ],
    )
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {message.format(p=path)}\n"
    assert not out.exists()


def test_cli_cp949_article_with_encoding(tmp_path: Path) -> None:
    from termdesk.cli import app

    result = CliRunner().invoke(
        app,
        [
            "pretranslate",
            str(TEXT_DATA / "text_cp949.txt"),
            "--out",
            str(tmp_path),
            "--glossary",
            str(DATA / "glossary.csv"),
            "--backend",
            "glossary",
            "--encoding",
            "cp949",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "text_cp949.ko.txt").read_text(encoding="utf-8").strip()


def test_html_page_is_cleaned_before_translation(tmp_path: Path, glossary) -> None:  # type: ignore[no-untyped-def]
    result = pretranslate(
        [TEXT_DATA / "text_page.html"], out_dir=tmp_path, glossary=glossary, backend=GlossaryBackend(), use_cache=False
    )
    draft = _read(tmp_path, "text_page.ko.txt")
    assert "<" not in draft and "Back To Top" not in draft
    assert result.articles[0].segments


def test_large_article(tmp_path: Path, glossary) -> None:  # type: ignore[no-untyped-def]
    """A 500 kB article (thousands of paragraphs) goes through whole: every segment written, every term rendered.

    The 5 MB run of the same shape is in benchmarks/pretranslate_bench.py (too slow for ``make test``).
    """
    paragraphs = (DATA / "article.txt").read_text(encoding="utf-8").split("\n\n")[1:4]
    body, size, i = [], 0, 0
    while size < 500_000:
        p = f"Item {i}. {paragraphs[i % 3]}"
        body.append(p)
        size += len(p) + 2
        i += 1
    article = tmp_path / "big.txt"
    article.write_text("Big\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    result = pretranslate(
        [article], out_dir=tmp_path / "out", glossary=glossary, backend=GlossaryBackend(), use_cache=False
    )
    assert result.term_accuracy == 100.0
    (a,) = result.articles
    per_paragraph = (3, 3, 0)  # Minister+Song / Mattis / SCM; ICBM / SCM / THAAD; none
    assert a.term_total == sum(per_paragraph[k % 3] for k in range(i))
    draft = _read(tmp_path / "out", "big.ko.txt")
    assert draft.count("\n\n") == len(body)  # headline + every paragraph kept
    assert f"Item {i - 1}." in draft


# --------------------------------------------------------------------------- one MT interface

MISSING_MEMBERS = "Incomplete is not an MT backend: missing inline, max_input_tokens, count_tokens, drafter"


class Incomplete:
    """The old narrow shape (name, identity, translate_batch): no longer accepted."""

    name = "incomplete"
    identity = "incomplete-1"

    def translate_batch(self, segments: Sequence[str]) -> list[str]:
        return list(segments)


@pytest.mark.parametrize(
    "backend",
    [GlossaryBackend(), Double(), Echo(), Hostile(), Limited()],
    ids=["glossary", "double", "echo", "hostile", "limited"],
)
def test_every_backend_implements_the_translator_interface(backend: object) -> None:
    from termdesk.mt.base import Translator, require_translator

    assert isinstance(backend, Translator)
    assert require_translator(backend) is backend
    assert backend.translate_batch(["", "a b"], beam_size=2)[0] == ""  # type: ignore[attr-defined]


def test_a_backend_missing_members_is_refused_by_name(tmp_path: Path, glossary) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError) as info:
        pretranslate([DATA / "article.txt"], out_dir=tmp_path, glossary=glossary, backend=Incomplete())  # type: ignore[arg-type]
    assert str(info.value) == f"{MISSING_MEMBERS} (implement termdesk.mt.base.Translator)"
    assert not any(tmp_path.iterdir())
