"""`termdesk glossary check|fmt|diff|stats` in-process: exit codes and exact messages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from termdesk.cli import app

DATA = Path(__file__).parent / "data"
HEADER = "en,ko,type,en_variants,ko_variants,ko_avoid,note,source,status,match"


def run(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


def test_help_lists_commands_without_heavy_imports() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from termdesk.cli import app; "
        "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0, r.output; "
        "heavy = [m for m in ('pandas', 'ctranslate2', 'argostranslate', 'sentencepiece', 'lxml', 'wordfreq') if m in sys.modules]; "
        "assert not heavy, heavy; print(r.output)"
    )
    out = subprocess.run([__import__("sys").executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "glossary" in out


def test_check_clean_file() -> None:
    result = run("glossary", "check", str(DATA / "glossary_valid.csv"))
    assert result.exit_code == 0
    assert result.output == "1 file(s), 1 entries: 0 error(s), 0 warning(s)\n"


@pytest.mark.parametrize(
    ("name", "exit_code", "line"),
    [
        (
            "glossary_unbalanced_quote_line3.csv",
            1,
            '{p}:3: unbalanced quote: a quoted cell starting on this line is never closed — close the quote (write a literal quote as "")',
        ),
        (
            "glossary_extra_column_line3.csv",
            1,
            "{p}:3: 11 cells, expected 10 — check for an unquoted comma or a missing cell",
        ),
        (
            "glossary_cp949.csv",
            2,
            "{p}:2: file is CP949/EUC-KR (Korean Excel), not UTF-8 — read it with --encoding cp949, or convert it with `termdesk glossary fmt --encoding cp949 FILE`",
        ),
        (
            "glossary_avoid_equals_ko.csv",
            1,
            "{p}:2: [ko_avoid] ko_avoid '동해' is the entry's own ko — remove it from ko_avoid or change ko",
        ),
        (
            "glossary_zero_width_space.csv",
            1,
            "{p}:2: [en] zero-width or invisible character — delete it (or run `termdesk glossary fmt`)",
        ),
    ],
    ids=["unbalanced-quote", "extra-column", "cp949", "avoid-equals-ko", "zero-width"],
)
def test_check_bad_file_exact_message(name: str, exit_code: int, line: str) -> None:
    path = DATA / name
    result = run("glossary", "check", str(path))
    assert result.exit_code == exit_code
    assert line.format(p=path) in result.output.splitlines()
    assert "Traceback" not in result.output


def test_check_summary_goes_to_stderr_as_one_error_line() -> None:
    result = CliRunner().invoke(app, ["glossary", "check", str(DATA / "glossary_empty_ko.csv")])
    assert result.exit_code == 1
    assert result.stderr == "error: 1 file(s), 1 entries: 1 error(s), 0 warning(s)\n"


def test_check_missing_path_is_input_error() -> None:
    result = run("glossary", "check", "no/such/file.csv")
    assert result.exit_code == 2
    assert "no/such/file.csv: no such file — check the path" in result.output


def test_fmt_check_then_fmt(tmp_path: Path) -> None:
    target = tmp_path / "g.csv"
    shutil.copy(DATA / "glossary_out_of_order.csv", target)
    result = run("glossary", "fmt", "--check", str(target))
    assert result.exit_code == 1
    assert result.stdout == f"would reformat {target}\n"
    result = run("glossary", "fmt", str(target))
    assert result.exit_code == 0
    assert result.output == f"reformatted {target}\n1 of 1 file(s) were reformatted\n"
    assert run("glossary", "check", str(target)).exit_code == 0


def test_fmt_unbalanced_quote_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "g.csv"
    shutil.copy(DATA / "glossary_unbalanced_quote_line3.csv", target)
    before = target.read_bytes()
    result = run("glossary", "fmt", str(target))
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {target}:3: unbalanced quote")
    assert target.read_bytes() == before


def test_diff_paths_markdown_and_conflict(tmp_path: Path) -> None:
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text(
        f"{HEADER}\nDefense Minister,국방부 장관,title,,,,,src,approved,\nSeoul,서울,place,,,,,src,approved,\n",
        encoding="utf-8",
    )
    new.write_text(
        f"{HEADER}\nDefense Minister,국방장관,title,,국방부 장관,,,src,approved,\n"
        "Security Consultative Meeting,한미안보협의회의,meeting,SCM,,,,src,approved,\n"
        "SCM meeting,안보협의회의,meeting,SCM,,,,src,approved,\n",
        encoding="utf-8",
    )
    result = run("glossary", "diff", str(old), str(new))
    assert result.exit_code == 1  # the new file introduces a conflict on "SCM"
    out = result.stdout
    assert "**Glossary diff:** 2 added, 1 removed, 1 changed (2 fields)" in out
    assert "| changed | `title:defense-minister` | ko | 국방부 장관 | 국방장관 |" in out
    assert "| added | `meeting:security-consultative-meeting` | ko | — | 한미안보협의회의 |" in out
    assert "| removed | `place:seoul` | ko | 서울 | — |" in out
    assert "new conflict" in out and "'SCM'" in out
    assert old.read_text(encoding="utf-8").count("\n") == 3  # nothing written


def test_diff_git_revisions(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "glossary").mkdir(parents=True)

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.com")
    git("config", "user.name", "t")
    f = repo / "glossary" / "places.csv"
    f.write_text(f"{HEADER}\nSeoul,서울,place,,,,,src,approved,\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "one")
    f.write_text(
        f"{HEADER}\nSeoul,서울,place,,,,,src,approved,\nSeongju,성주,place,,,,,src,approved,\n", encoding="utf-8"
    )
    git("commit", "-qam", "two")
    from termdesk.glossary_diff import diff_glossaries, load_revision

    d = diff_glossaries(load_revision("HEAD~1", repo=repo), load_revision("HEAD", repo=repo))
    assert [(c.kind.value, c.entry_id) for c in d.changes] == [("added", "place:seongju")]


def test_diff_unknown_revision_is_input_error(tmp_path: Path) -> None:
    result = run("glossary", "diff", "no-such-rev-xyz", str(DATA / "glossary_valid.csv"))
    assert result.exit_code == 2
    assert "no-such-rev-xyz: neither an existing path nor a git revision" in result.output


def test_stats_counts_types() -> None:
    result = run("glossary", "stats", str(DATA / "glossary_out_of_order.csv"))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[1].split() == ["place", "1", "0", "0"]
    assert lines[-1].split() == ["total", "2", "0", "0"]


def test_debug_shows_traceback_instead_of_one_line() -> None:
    result = run("--debug", "glossary", "check", "no/such/file.csv")
    assert result.exit_code != 0
    assert result.exception is not None
