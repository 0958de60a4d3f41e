"""glossary diff --impact: sentences of sample articles whose rendering changes between two glossaries."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from termdesk.cli import app
from termdesk.glossary import COLUMNS, Entry, Glossary, render_csv
from termdesk.glossary_diff import diff_glossaries, impact, render_impact_markdown

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (
    "Allies meet\n\n"
    "WASHINGTON, March 3, 2017 — Defense Secretary Jim Mattis attended the Security Consultative Meeting. "
    "The presidential office welcomed it.\n\n"
    "North Korea fired an ICBM on Tuesday.\n"
)


def _e(en: str, ko: str, type_: str, variants: tuple[str, ...] = (), **kw: str) -> Entry:
    return Entry(en=en, ko=ko, type=type_, en_variants=variants, source="test", **kw)  # type: ignore[arg-type]


BASE = (
    _e("Security Consultative Meeting", "한미안보협의회의", "meeting", ("SCM",)),
    _e("intercontinental ballistic missile", "대륙간탄도미사일", "weapon", ("ICBM",)),
    _e("Presidential Office", "대통령실", "organization", match="case-insensitive"),
    _e("North Korea", "북한", "place"),
)

# name: (new entries, expected (term, before, after, first entry id) per changed sentence; unmatched ids)
CASES = {
    "ko-changed": (
        (_e("Security Consultative Meeting", "한미 안보협의회의", "meeting", ("SCM",)), *BASE[1:]),
        [
            (
                "Security Consultative Meeting",
                "한미안보협의회의",
                "한미 안보협의회의",
                "meeting:security-consultative-meeting",
            )
        ],
        [],
    ),
    "variant-removed": (
        (BASE[0], _e("intercontinental ballistic missile", "대륙간탄도미사일", "weapon"), *BASE[2:]),
        [("ICBM", "대륙간탄도미사일", "", "weapon:intercontinental-ballistic-missile")],
        ["weapon:intercontinental-ballistic-missile"],
    ),
    "dated-for-the-article": (
        (
            *BASE[:2],
            _e("Presidential Office", "대통령실", "organization", match="case-insensitive", valid_from="2022-05-10"),
            _e("Cheong Wa Dae", "청와대", "organization", ("presidential office",), match="case-insensitive"),
            BASE[3],
        ),
        [("presidential office", "대통령실", "청와대", "organization:cheong-wa-dae")],
        ["organization:presidential-office"],
    ),
    "nothing-changes": (BASE, [], []),
}


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    folder = tmp_path / "sample"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", list(CASES))
def test_impact_table(sample: Path, name: str) -> None:
    new, expected, unmatched = CASES[name]
    result = impact(Glossary(BASE), Glossary(new), [sample])
    assert (result.articles, result.sentences) == (1, 4)
    got = [(c.text, c.before, c.after, c.entry_ids[0]) for s in result.changed for c in s.changes]
    assert got == expected
    assert [u.entry_id for u in result.unmatched] == unmatched


def test_impact_markdown_names_the_entry_and_the_field(sample: Path) -> None:
    new = Glossary(CASES["ko-changed"][0])
    old = Glossary(BASE)
    md = render_impact_markdown(impact(old, new, [sample]), diff_glossaries(old, new))
    assert md.splitlines()[:3] == [
        "### Impact on 1 sample article(s), 4 sentences",
        "",
        "**1 sentence(s) render differently**, 0 entries no longer match anything.",
    ]
    assert (
        "- **Security Consultative Meeting**: 한미안보협의회의 → 한미 안보협의회의 — "
        "`meeting:security-consultative-meeting` (ko)"
    ) in md


def test_diff_cli_with_impact(sample: Path, tmp_path: Path) -> None:
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text(render_csv(BASE), encoding="utf-8")
    new.write_text(render_csv(CASES["variant-removed"][0]), encoding="utf-8")
    result = CliRunner().invoke(app, ["glossary", "diff", str(old), str(new), "--impact", str(sample)])
    assert result.exit_code == 0, result.output
    assert (
        "- **ICBM**: 대륙간탄도미사일 → (no match) — `weapon:intercontinental-ballistic-missile` (en_variants)"
        in result.stdout
    )
    assert (
        "- `weapon:intercontinental-ballistic-missile` intercontinental ballistic missile → 대륙간탄도미사일: "
        "changed: no English form of it matches the sample any more"
    ) in result.stdout


def test_shipped_sample_articles_are_matched() -> None:
    from termdesk.glossary import load_glossary

    g = load_glossary(ROOT / "glossary")
    result = impact(g, g, [ROOT / "terms" / "sample"])
    assert result.articles >= 4 and result.sentences > 20
    assert result.changed == () and result.unmatched == ()
    assert COLUMNS[0] == "en"
