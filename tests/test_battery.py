"""Issue 16's battery: bad input, faults and concurrency that lost a translator's work or crashed.

Every case is named after the failure it reproduces and builds its own tiny fixture in ``tmp_path``.
CLI cases run in-process with ``CliRunner`` and assert the exit code and the exact one-line message
(never a traceback). Items, as numbered in the issue:

1 locked, all-or-none glossary merges      7 recognisable temp files, stale ones removed
2 no output over an input; check flags      8 bounded model archives (zip bombs)
  Excel damage (apostrophes, BOM, CRLF)    9 invisible characters do not hide terms
3 --force never overwrites an input        10 formula injection in CSVs for spreadsheets
4 pretranslate --out in the input folder   11 an invalid glossary is refused by its users
5 every refused write is one line, exit 2  12 input over the size limit is refused
6 every refused read is one line, exit 2
"""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from termdesk.cli import app
from termdesk.glossary import load_glossary, validate
from termdesk.match import Matcher
from termdesk.normalize import normalise_for_matching
from termdesk.textio import folder_lock, human_size, is_temp_name

HEADER = "en,ko,type,en_variants,ko_variants,ko_avoid,note,source,status,match\n"
TITLES = HEADER + "Defense Minister,국방부 장관,title,,,,,src,approved,\n"
PEOPLE = HEADER + "Song Young-moo,송영무,person,,,,,src,approved,\n"
ARTICLE = "Defense Minister Song Young-moo met his counterpart in Seoul on Tuesday.\n"


@pytest.fixture(autouse=True)
def _mt_registry_untouched() -> Iterator[None]:
    """`pretranslate` registers the glossary MT backend on first use; leave the registry as found."""
    from termdesk import mt

    before = set(mt.backend_names())
    yield
    for name in set(mt.backend_names()) - before:
        mt.unregister_backend(name)


def run(*args: object, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def make_glossary(root: Path) -> Path:
    g = root / "G"
    g.mkdir()
    (g / "titles.csv").write_text(TITLES, encoding="utf-8")
    (g / "people.csv").write_text(PEOPLE, encoding="utf-8")
    return g


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# --------------------------------------------------------------------------- the CLI table


@dataclass(frozen=True)
class Case:
    """A command, its exit code and exact stderr; ``after`` checks the files once it ran."""

    args: tuple[object, ...]
    exit_code: int
    stderr: str
    after: Callable[[], None] = lambda: None
    env: dict[str, str] | None = None


def export_onto_glossary_file(tmp: Path) -> Case:  # item 2
    g = make_glossary(tmp)
    before = snapshot(g)
    return Case(
        ("glossary", "export", "--to", "csv", "--glossary", g, "-o", g / "titles.csv"),
        2,
        f"error: -o {g / 'titles.csv'} is a glossary file being exported — write the output to a new file",
        lambda: _same(snapshot(g), before),
    )


def export_onto_glossary_through_symlink(tmp: Path) -> Case:  # item 2
    g = make_glossary(tmp)
    link = tmp / "link.csv"
    link.symlink_to(g / "titles.csv")
    before = snapshot(g)
    return Case(
        ("glossary", "export", "--to", "csv", "--glossary", g, "-o", link),
        2,
        f"error: -o {link} is a glossary file being exported — write the output to a new file",
        lambda: _same(snapshot(g), before),
    )


def import_onto_its_source(tmp: Path) -> Case:  # item 2
    g = make_glossary(tmp)
    src = tmp / "sheet.csv"
    src.write_text("en,ko\nMissile,미사일\n", encoding="utf-8")
    return Case(
        ("glossary", "import", src, "--from", "csv", "--glossary", g, "-o", src, "--force"),
        2,
        f"error: -o {src} is the file being imported — write the proposals to a new file",
        lambda: _same(src.read_text(encoding="utf-8"), "en,ko\nMissile,미사일\n"),
    )


def mine_force_over_the_article(tmp: Path) -> Case:  # item 3
    g = make_glossary(tmp)
    article = tmp / "A.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return Case(
        ("mine", article, "-o", article, "--force", "--glossary", g),
        2,
        f"error: -o {article} is an article being mined — write the output to a new file",
        lambda: _same(article.read_text(encoding="utf-8"), ARTICLE),
    )


def align_over_the_candidates(tmp: Path) -> Case:  # item 3
    g = make_glossary(tmp)
    cands = tmp / "terms.csv"
    cands.write_text("canonical,type\nDefense Minister,title\n", encoding="utf-8")
    return Case(
        ("align", cands, "-o", cands, "--force", "--glossary", g, "--mt", "none"),
        2,
        f"error: -o {cands} is the candidates file — write the output to a new file",
        lambda: _same(cands.read_text(encoding="utf-8"), "canonical,type\nDefense Minister,title\n"),
    )


def qa_html_over_the_glossary(tmp: Path) -> Case:  # item 2
    g = make_glossary(tmp)
    en, ko = tmp / "A.txt", tmp / "A.ko.txt"
    en.write_text(ARTICLE, encoding="utf-8")
    ko.write_text("송영무 국방부 장관은 화요일 서울에서 상대와 만났다.\n", encoding="utf-8")
    before = snapshot(g)
    return Case(
        ("qa", "--en", en, "--ko", ko, "--glossary", g, "--html", g / "people.csv"),
        2,
        f"error: --html {g / 'people.csv'} is a glossary file — write the report to another file",
        lambda: _same(snapshot(g), before),
    )


def _parent_is_a_file(tmp: Path) -> tuple[Path, Path]:
    g = make_glossary(tmp)
    blocker = tmp / "afile"
    blocker.write_text("not a folder\n", encoding="utf-8")
    return g, blocker


NOT_A_DIR = "Not a directory — a parent of this path is a file; choose another path"


def export_under_a_file(tmp: Path) -> Case:  # item 5
    g, blocker = _parent_is_a_file(tmp)
    return Case(
        ("glossary", "export", "--to", "tbx", "--glossary", g, "-o", blocker / "out.tbx"),
        2,
        f"error: {blocker / 'out.tbx'}: {NOT_A_DIR}",
    )


def import_under_a_file(tmp: Path) -> Case:  # item 5
    g, blocker = _parent_is_a_file(tmp)
    src = tmp / "sheet.csv"
    src.write_text("en,ko\nMissile,미사일\n", encoding="utf-8")
    return Case(
        ("glossary", "import", src, "--from", "csv", "--glossary", g, "--type", "concept", "-o", blocker / "p.csv"),
        2,
        f"error: {blocker / 'p.csv'}: {NOT_A_DIR}",
    )


def mine_under_a_file(tmp: Path) -> Case:  # item 5
    g, blocker = _parent_is_a_file(tmp)
    article = tmp / "A.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return Case(
        ("mine", article, "-o", blocker / "terms.csv", "--glossary", g),
        2,
        f"error: {blocker / 'terms.csv'}: {NOT_A_DIR}",
    )


def pretranslate_under_a_file(tmp: Path) -> Case:  # item 5
    g, blocker = _parent_is_a_file(tmp)
    article = tmp / "A.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return Case(
        ("pretranslate", article, "--out", blocker / "out", "--glossary", g, "--backend", "glossary", "--no-cache"),
        2,
        f"error: {blocker / 'out' / 'A.terms.csv'}: {NOT_A_DIR}",
    )


def qa_html_under_a_file(tmp: Path) -> Case:  # item 5
    g, blocker = _parent_is_a_file(tmp)
    en, ko = tmp / "A.txt", tmp / "A.ko.txt"
    en.write_text(ARTICLE, encoding="utf-8")
    ko.write_text("송영무 국방부 장관은 화요일 서울에서 상대와 만났다.\n", encoding="utf-8")
    return Case(
        ("qa", "--en", en, "--ko", ko, "--glossary", g, "--fail-on", "never", "--html", blocker / "r.html"),
        2,
        f"error: {blocker / 'r.html'}: {NOT_A_DIR}",
    )


def annotate_symlink_loop(tmp: Path) -> Case:  # item 6
    g = make_glossary(tmp)
    loop = tmp / "self.txt"
    loop.symlink_to(loop.name)
    return Case(
        ("annotate", loop, "--glossary", g),
        2,
        f"error: {loop}: symbolic link loop — point the link at a real file",
    )


def mine_symlink_loop(tmp: Path) -> Case:  # item 6
    g = make_glossary(tmp)
    loop = tmp / "self.txt"
    loop.symlink_to(loop.name)
    return Case(
        ("mine", loop, "-o", tmp / "terms.csv", "--glossary", g),
        2,
        f"error: {loop}: symbolic link loop — point the link at a real file",
    )


def annotate_invalid_glossary(tmp: Path) -> Case:  # item 11
    g = make_glossary(tmp)
    (g / "titles.csv").write_text(TITLES + "Vice Minister,차관,rank,,,,,src,approved,\n", encoding="utf-8")
    article = tmp / "A.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return Case(
        ("annotate", article, "--glossary", g),
        2,
        f"error: glossary has 1 error — run termdesk glossary check {g}",
    )


def pretranslate_conflicting_glossary(tmp: Path) -> Case:  # item 11
    g = make_glossary(tmp)
    (g / "titles.csv").write_text(
        TITLES + "Defense Secretary,국방장관,title,Defense Minister,,,,src,approved,\n", encoding="utf-8"
    )
    article = tmp / "A.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return Case(
        ("pretranslate", article, "--out", tmp / "out", "--glossary", g, "--backend", "glossary", "--no-cache"),
        2,
        f"error: glossary has 1 error — run termdesk glossary check {g}",
        lambda: _same((tmp / "out").exists(), False),
    )


def annotate_glossary_warning_does_not_block(tmp: Path) -> Case:  # item 11: warnings do not block
    g = make_glossary(tmp)
    (g / "titles.csv").write_bytes(TITLES.replace("\n", "\r\n").encode("utf-8"))  # CRLF: a warning only
    article = tmp / "A.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return Case(("annotate", article, "--glossary", g), 0, "")


def annotate_article_over_the_size_limit(tmp: Path) -> Case:  # item 12
    g = make_glossary(tmp)
    article = tmp / "A.txt"
    article.write_text(ARTICLE * 40, encoding="utf-8")
    return Case(
        ("annotate", article, "--glossary", g),
        2,
        f"error: {article}: file is {len(ARTICLE) * 40:,} bytes, over the 1,048 bytes input limit"
        " — split it, or raise the limit with TERMDESK_MAX_INPUT_MB=MB",
        env={"TERMDESK_MAX_INPUT_MB": "0.001"},
    )


def mine_article_over_the_size_limit(tmp: Path) -> Case:  # item 12
    g = make_glossary(tmp)
    article = tmp / "A.txt"
    article.write_text(ARTICLE * 40, encoding="utf-8")
    return Case(
        ("mine", article, "-o", tmp / "terms.csv", "--glossary", g),
        2,
        f"error: {article}: file is {len(ARTICLE) * 40:,} bytes, over the 1,048 bytes input limit"
        " — split it, or raise the limit with TERMDESK_MAX_INPUT_MB=MB",
        lambda: _same((tmp / "terms.csv").exists(), False),
        env={"TERMDESK_MAX_INPUT_MB": "0.001"},
    )


def add_while_another_merge_holds_the_lock(tmp: Path) -> Case:  # item 1
    g = make_glossary(tmp)
    proposals = tmp / "P.csv"
    proposals.write_text(HEADER + "Vice Minister,차관,title,,,,,src,accepted,\n", encoding="utf-8")
    return Case(
        ("glossary", "add", proposals, "--glossary", g),
        2,
        f"error: {g}: another `termdesk glossary add` is writing to this folder"
        " — wait for it to finish, or pass --wait SECONDS",
    )


def _same(actual: object, expected: object) -> None:
    assert actual == expected


CLI_CASES = [
    export_onto_glossary_file,
    export_onto_glossary_through_symlink,
    import_onto_its_source,
    mine_force_over_the_article,
    align_over_the_candidates,
    qa_html_over_the_glossary,
    export_under_a_file,
    import_under_a_file,
    mine_under_a_file,
    pretranslate_under_a_file,
    qa_html_under_a_file,
    annotate_symlink_loop,
    mine_symlink_loop,
    annotate_invalid_glossary,
    pretranslate_conflicting_glossary,
    annotate_glossary_warning_does_not_block,
    annotate_article_over_the_size_limit,
    mine_article_over_the_size_limit,
]


@pytest.mark.parametrize("build", CLI_CASES, ids=[c.__name__ for c in CLI_CASES])
def test_cli_case(build: Callable[[Path], Case], tmp_path: Path) -> None:
    case = build(tmp_path)
    result = run(*case.args, env=case.env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.exit_code == case.exit_code, result.output
    assert result.stderr == (case.stderr + "\n" if case.stderr else "")
    case.after()
    leftovers = [p for p in tmp_path.rglob("*") if is_temp_name(p.name)]
    assert leftovers == []


def test_add_refused_while_the_glossary_is_locked(tmp_path: Path) -> None:  # item 1
    case = add_while_another_merge_holds_the_lock(tmp_path)
    g = tmp_path / "G"
    before = snapshot(g)
    with folder_lock(g):
        result = run(*case.args)
    assert result.exit_code == case.exit_code
    assert result.stderr == case.stderr + "\n"
    assert snapshot(g) == before
    result = run(*case.args, "--wait", "5")  # free again
    assert result.exit_code == 0, result.output


# --------------------------------------------------------------------------- 1: concurrent merges


def _proposals(path: Path, stem: str, ko: str) -> Path:
    rows = [f"{stem} {i:02d},{ko} {i:02d},concept,,,,,src,accepted,\n" for i in range(60)]
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("trial", [1, 2, 3], ids=["trial-1", "trial-2", "trial-3"])
def test_two_concurrent_merges_keep_all_rows(trial: int, tmp_path: Path) -> None:
    """Two `glossary add` processes of 60 rows each into the same file keep all 120 rows."""
    g = make_glossary(tmp_path)
    first = _proposals(tmp_path / "P1.csv", "Alpha Protocol", "알파 의정서")
    second = _proposals(tmp_path / "P2.csv", "Beta Accord", "베타 협정")
    cmd = [sys.executable, "-m", "termdesk", "glossary", "add", "--glossary", str(g), "--wait", "120"]
    procs = [subprocess.Popen([*cmd, str(p)], stdout=subprocess.PIPE, stderr=subprocess.PIPE) for p in (first, second)]
    outs = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, outs, strict=True):
        assert proc.returncode == 0, err.decode()
        assert b"60 added" in out
    concepts = load_glossary(g / "concepts.csv")
    assert len(concepts) == 120
    assert validate(g).errors == ()


def test_a_merge_writes_all_files_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A merge into two files whose second temp file cannot be written leaves both files as they were."""
    import termdesk.textio as textio

    g = make_glossary(tmp_path)
    proposals = tmp_path / "P.csv"
    proposals.write_text(
        HEADER + "Vice Minister,차관,title,,,,,src,accepted,\nLee Jong-sup,이종섭,person,,,,,src,accepted,\n",
        encoding="utf-8",
    )
    before = snapshot(g)
    calls = []
    real = os.fsync

    def full_on_second(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd)

    monkeypatch.setattr(textio.os, "fsync", full_on_second)
    result = run("glossary", "add", proposals, "--glossary", g)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "No space left on device — the disk is full" in result.stderr
    assert snapshot(g) == before  # nothing renamed, no temp left


# --------------------------------------------------------------------------- 4: outputs beside the inputs


def test_pretranslate_out_in_the_input_folder_never_reads_its_outputs(tmp_path: Path) -> None:
    g = make_glossary(tmp_path)
    day = tmp_path / "day"
    day.mkdir()
    (day / "A.txt").write_text(ARTICLE, encoding="utf-8")
    args = ("pretranslate", day, "--out", day, "--glossary", g, "--backend", "glossary", "--no-cache")
    for _ in range(2):
        result = run(*args)
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in day.iterdir()) == ["A.ko.txt", "A.po", "A.terms.csv", "A.txt"]
    assert result.stdout.startswith("A: ")


# --------------------------------------------------------------------------- 5: the OS refuses a write (tmpfs)


@pytest.fixture
def small_tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 256 KB tmpfs mounted for one test (root only; the only case skipped otherwise)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mnt)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _fill(mnt: Path) -> None:
    with open(mnt / "filler", "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError:
            pass


def _readonly(mnt: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)


FAULTS = {
    "disk-full": (_fill, "No space left on device — the disk is full; free some space or write somewhere else"),
    "read-only": (_readonly, "Read-only file system — the file system is read-only; write somewhere else"),
}


def _writers(tmp: Path, g: Path, mnt: Path) -> dict[str, tuple[tuple[object, ...], Path]]:
    article = tmp / "A.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ko = tmp / "A.ko.txt"
    ko.write_text("송영무 국방부 장관은 화요일 서울에서 상대와 만났다.\n", encoding="utf-8")
    sheet = tmp / "sheet.csv"
    sheet.write_text("en,ko\nMissile,미사일\n", encoding="utf-8")
    return {
        "export": (("glossary", "export", "--to", "tbx", "--glossary", g, "-o", mnt / "g.tbx"), mnt / "g.tbx"),
        "import": (
            ("glossary", "import", sheet, "--from", "csv", "--type", "concept", "--glossary", g, "-o", mnt / "p.csv"),
            mnt / "p.csv",
        ),
        "mine": (("mine", article, "-o", mnt / "terms.csv", "--glossary", g), mnt / "terms.csv"),
        "pretranslate": (
            ("pretranslate", article, "--out", mnt, "--glossary", g, "--backend", "glossary", "--no-cache"),
            mnt / "A.terms.csv",
        ),
        "qa-html": (
            ("qa", "--en", article, "--ko", ko, "--glossary", g, "--fail-on", "never", "--html", mnt / "r.html"),
            mnt / "r.html",
        ),
    }


WRITERS = ["export", "import", "mine", "pretranslate", "qa-html"]


@pytest.mark.parametrize("fault", sorted(FAULTS), ids=sorted(FAULTS))
@pytest.mark.parametrize("writer", WRITERS, ids=WRITERS)
def test_a_refused_write_is_one_line_exit_2(writer: str, fault: str, small_tmpfs: Path, tmp_path: Path) -> None:
    g = make_glossary(tmp_path)
    args, target = _writers(tmp_path, g, small_tmpfs)[writer]
    make_fault, message = FAULTS[fault]
    make_fault(small_tmpfs)
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr == f"error: {target}: {message}\n"
    assert [p.name for p in small_tmpfs.iterdir() if is_temp_name(p.name)] == []


# --------------------------------------------------------------------------- 7: temp files


def test_temp_files_are_recognisable_and_removed_when_the_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import termdesk.textio as textio

    seen: list[str] = []

    def refuse(src: str, dst: object) -> None:
        seen.append(Path(src).name)
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(textio.os, "replace", refuse)
    g = make_glossary(tmp_path)
    out = tmp_path / "g.tbx"
    result = run("glossary", "export", "--to", "tbx", "--glossary", g, "-o", out)
    assert result.exit_code == 2
    assert result.stderr == f"error: {out}: Input/output error — check the path and try again\n"
    assert len(seen) == 1 and seen[0].startswith(".g.tbx.termdesk-") and seen[0].endswith(".tmp")
    assert is_temp_name(seen[0])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["G"]


def test_stale_temp_files_are_removed_at_the_next_write(tmp_path: Path) -> None:
    g = make_glossary(tmp_path)
    stale, fresh, other = (
        tmp_path / ".g.tbx.termdesk-abcd1234.tmp",
        tmp_path / ".g.tbx.termdesk-efgh5678.tmp",
        tmp_path / ".notes.tmp",
    )
    for p in (stale, fresh, other):
        p.write_text("left by a killed run", encoding="utf-8")
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    os.utime(other, (two_hours_ago, two_hours_ago))
    result = run("glossary", "export", "--to", "tbx", "--glossary", g, "-o", tmp_path / "g.tbx")
    assert result.exit_code == 0, result.output
    assert not stale.exists()
    assert fresh.exists()  # may belong to a run still writing
    assert other.exists()  # not ours


# --------------------------------------------------------------------------- 8: zip bombs


def _package_plus(archive: Path, out: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(archive) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        top = zin.infolist()[0].filename.split("/")[0]
        for info in zin.infolist():
            zout.writestr(info, zin.read(info.filename))
        zout.writestr(f"{top}/{name}", data)
    return out


def test_zip_bomb_is_refused_before_anything_is_written(
    copy_model_archive: Path, packages_dir: Path, tmp_path: Path
) -> None:
    bomb = _package_plus(copy_model_archive, tmp_path / "bomb.argosmodel", "zeros.bin", bytes(64 * 2**20))
    with zipfile.ZipFile(bomb) as zf:
        info = zf.getinfo(f"{zf.infolist()[0].filename.split('/')[0]}/zeros.bin")
    ratio = info.file_size / info.compress_size
    result = run("model", "install", bomb)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"error: {bomb}: member {info.filename!r} unpacks to 64.0 MB from {info.compress_size / 2**20:.2f} MB "
        f"({ratio:.0f}:1; no model file compresses beyond 100:1)"
        " — this looks like a zip bomb; do not install this file\n"
    )
    assert not packages_dir.exists() or list(packages_dir.iterdir()) == []
    assert [p for p in packages_dir.parent.iterdir() if p.name.startswith(".")] == []


def test_archive_over_the_size_cap_is_refused(copy_model_archive: Path, packages_dir: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(copy_model_archive) as zf:
        total = sum(i.file_size for i in zf.infolist())
    result = run("model", "install", copy_model_archive, env={"TERMDESK_MAX_MODEL_MB": "0.01"})
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {copy_model_archive}: archive unpacks to {human_size(total)}, over the 10,485 bytes limit for a model"
        " — check the file; raise the limit with TERMDESK_MAX_MODEL_MB=MB if the model really is this large\n"
    )
    assert not packages_dir.exists()


def test_archive_larger_than_the_free_space_is_refused(
    copy_model_archive: Path, small_tmpfs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = small_tmpfs / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(target))
    result = run("model", "install", copy_model_archive)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: {small_tmpfs}/.")  # the staging folder beside the packages
    assert "not enough free space" in result.stderr
    assert result.stderr.endswith(" — free some space or set ARGOS_PACKAGES_DIR to another disk\n")
    assert sorted(p.name for p in small_tmpfs.iterdir()) == ["packages"]


class _LyingArchive:
    """A test double for ``zipfile.ZipFile`` whose member unpacks to more than it declares."""

    def __init__(self, declared: int, actual: int) -> None:
        self.info = zipfile.ZipInfo("pkg/model/model.bin")
        self.info.file_size = declared
        self.actual = actual

    def infolist(self) -> list[zipfile.ZipInfo]:
        return [self.info]

    def open(self, info: zipfile.ZipInfo) -> io.BytesIO:
        return io.BytesIO(bytes(self.actual))


def test_extraction_stops_when_a_member_exceeds_its_declared_size(tmp_path: Path) -> None:
    from termdesk.errors import InputError
    from termdesk.mt.packages import extract_bounded

    with pytest.raises(InputError) as err:
        extract_bounded("bomb.argosmodel", _LyingArchive(1000, 3 * 2**20), tmp_path)  # type: ignore[arg-type]
    assert str(err.value) == (
        "bomb.argosmodel: member 'pkg/model/model.bin' unpacks to more than its declared 1,000 bytes"
        " — this archive is damaged or hostile; do not install this file"
    )
    assert (tmp_path / "pkg/model/model.bin").stat().st_size == 0  # stopped before writing the excess


def test_a_killed_install_is_cleaned_up_by_the_next(
    copy_model_archive: Path, packages_dir: Path, tmp_path: Path
) -> None:  # item 7
    stale, fresh = tmp_path / ".termdesk-install-killed", tmp_path / ".termdesk-install-running"
    for p in (stale, fresh):
        (p / "pkg").mkdir(parents=True)
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    result = run("model", "install", copy_model_archive)
    assert result.exit_code == 0, result.output
    assert not stale.exists() and fresh.exists()


def test_model_install_into_a_file_is_one_line(copy_model_archive: Path, tmp_path: Path) -> None:  # item 5
    blocker = tmp_path / "afile"
    blocker.write_text("x", encoding="utf-8")
    result = run("model", "install", copy_model_archive, "--packages-dir", blocker / "packages")
    assert result.exit_code == 2
    assert result.stderr == f"error: {blocker / 'packages'}: {NOT_A_DIR}\n"


# --------------------------------------------------------------------------- 9: invisible characters

INVISIBLES = {
    "zero-width-space": "Defense\u200b Minister",
    "soft-hyphen": "Def\u00adense Minister",
    "word-joiner": "Defense\u2060 Minister",
    "bidi-override": "\u202eDefense Minister\u202c",
    "no-break-space": "Defense\u00a0Minister",
    "narrow-no-break-space": "Defense\u202fMinister",
    "fullwidth-letters": "Ｄｅｆｅｎｓｅ Minister",
}


@pytest.mark.parametrize("hidden", list(INVISIBLES.values()), ids=list(INVISIBLES))
def test_invisible_characters_do_not_hide_a_term(hidden: str, tmp_path: Path) -> None:
    matcher = Matcher.from_glossary(load_glossary(make_glossary(tmp_path)))
    text = f"The {hidden} Song Young-moo said."
    (m,) = matcher.find(text)
    assert m.ko == "송영무 국방부 장관"
    assert text[m.start : m.end] == m.text  # offsets into the text as given
    assert m.text.startswith(hidden.lstrip("\u202e")[:1]) and m.text.endswith("Song Young-moo")


def test_pretranslate_renders_a_term_hidden_by_bidi_isolates(tmp_path: Path) -> None:
    g = make_glossary(tmp_path)
    article = tmp_path / "A.txt"
    article.write_text("\u2066Defense Minister\u2069 Song Young-moo met his counterpart.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("pretranslate", article, "--out", out, "--glossary", g, "--backend", "glossary", "--no-cache")
    assert result.exit_code == 0, result.output
    assert "송영무 국방부 장관" in (out / "A.ko.txt").read_text(encoding="utf-8")
    assert "1/1 terms" in result.stdout


def test_annotate_show_removed_counts_them(tmp_path: Path) -> None:
    g = make_glossary(tmp_path)
    article = tmp_path / "A.txt"
    article.write_text("The Def\u00adense\u200b Minister met.\n", encoding="utf-8")
    result = run("annotate", article, "--glossary", g, "--show-removed", "--no-color")
    assert result.exit_code == 0, result.output
    assert result.stdout == "The Def\u00adense\u200b Minister[국방부 장관] met.\n"
    assert result.stderr == f"{article}: 2 invisible or special character(s) ignored for matching\n"


def test_normalisation_keeps_offsets_and_leaves_hangul_alone() -> None:
    text = "ﬁle\u00a0국방부\u200b ㄱ"
    norm = normalise_for_matching(text)
    assert norm.text == "file 국방부 ㄱ"
    assert (norm.changed, norm.removed) == (3, 1)
    assert norm.span(0, 4) == (0, 3)  # "file" is the ligature + "le"
    assert text[slice(*norm.span(5, 8))] == "국방부"


@pytest.mark.parametrize(
    "char", ["\u202e", "\u2066", "\u200f", "\u180e"], ids=["rtl-override", "isolate", "rtl-mark", "mongolian-vs"]
)
def test_check_rejects_invisible_and_bidi_controls(char: str, tmp_path: Path) -> None:
    f = tmp_path / "titles.csv"
    f.write_text(HEADER + f"Defense Minister,국방부{char} 장관,title,,,,,src,approved,\n", encoding="utf-8")
    result = run("glossary", "check", f)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{f}:2: [ko] zero-width or invisible character — delete it")


# --------------------------------------------------------------------------- 2, 10: spreadsheets


def test_check_flags_excel_damage_as_not_canonical(tmp_path: Path) -> None:
    f = tmp_path / "titles.csv"
    text = HEADER + '\'=HYPERLINK("http://x"),국방부 장관,title,,,,,src,approved,\n'
    f.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = run("glossary", "check", f)
    assert result.exit_code == 1
    codes = [p.code for p in validate(f).problems]
    assert "neutralised-formula" in codes and "not-canonical" in codes
    assert (
        f"{f}: a BOM and CRLF line ends (saved by a spreadsheet?); not in canonical form"
        " — run `termdesk glossary fmt` (warning)"
    ) in result.stdout


def test_check_warns_on_a_leading_minus_formula(tmp_path: Path) -> None:
    f = tmp_path / "concepts.csv"
    f.write_text(HEADER + "-cmd|' /C calc'!A0,명령,concept,,,,,src,approved,\n", encoding="utf-8")
    assert [p.code for p in validate(f).warnings] == ["formula-like"]
    g = tmp_path / "numbers.csv"
    g.write_text(HEADER + "Minus,-1,concept,,,,,src,approved,\n", encoding="utf-8")
    assert "formula-like" not in [p.code for p in validate(g).problems]


def test_import_neutralises_formulas_and_add_strips_the_apostrophe(tmp_path: Path) -> None:
    g = make_glossary(tmp_path)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text('en,ko\n"=HYPERLINK(""http://x"",""y"")",하이퍼링크\n', encoding="utf-8")
    proposals = tmp_path / "P.csv"
    result = run("glossary", "import", sheet, "--from", "csv", "--type", "concept", "--glossary", g, "-o", proposals)
    assert result.exit_code == 0, result.output
    assert "'=HYPERLINK" in proposals.read_text(encoding="utf-8")
    reviewed = proposals.read_text(encoding="utf-8").replace(",proposed,", ",accepted,")
    proposals.write_text(reviewed.replace(",,,,accepted", ",,,src,accepted"), encoding="utf-8")
    result = run("glossary", "add", proposals, "--glossary", g)
    assert result.exit_code == 0, result.output
    (entry,) = load_glossary(g / "concepts.csv")
    assert entry.en == '=HYPERLINK("http://x","y")'


def test_mined_terms_csv_is_neutralised_and_read_back_exact(tmp_path: Path) -> None:
    from termdesk.align.candidates import read_candidates
    from termdesk.mine.result import Candidate
    from termdesk.mine.terms_csv import render_csv

    cand = Candidate("=cmd|' /C calc'!A0", ("+1 formula",), "concept", 2, 1, 0.5, ("A:1: -x",), "new", "", ())
    text = render_csv([cand])
    assert "\n'=cmd" in text and "'+1 formula" in text
    f = tmp_path / "terms.csv"
    f.write_text(text, encoding="utf-8")
    (back,) = read_candidates(f)
    assert (back.canonical, back.variants) == ("=cmd|' /C calc'!A0", ("+1 formula",))


@pytest.mark.parametrize("fmt", ["deepl", "amazon", "omegat"])
def test_exact_exports_stay_exact_but_warn(fmt: str, tmp_path: Path) -> None:
    f = tmp_path / "concepts.csv"
    f.write_text(HEADER + "@mention,멘션,concept,,,,,src,approved,\n", encoding="utf-8")
    result = run("glossary", "export", "--to", fmt, "--glossary", f)
    assert result.exit_code == 0, result.output
    assert "@mention" in result.stdout and "'@mention" not in result.stdout
    assert result.stderr == (
        f"warning: {f}:2: [en] '@mention' starts with '@': a spreadsheet opening the {fmt} file may"
        " run it as a formula — kept exact for the other program; do not open the file in a spreadsheet\n"
    )
