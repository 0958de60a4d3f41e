"""Loader for the official-copy development set in ``tests/data/devset/``.

The set holds public-domain U.S. government texts of the Korea–U.S. defense beat
(DoD readouts and releases, DoD News stories, SCM communiqué paragraphs, NCG and
trilateral statements, State Department readouts), each with a careful Korean
newsroom translation written for this project and a labelled term list. See
``tests/data/devset/README.md``.

    from scripts.devset import load_devset          # or load by path, as tests do
    for art in load_devset("dev"):
        art.name, art.en, art.ko, art.terms, art.source

``heldout`` and ``heldout2`` … ``heldout161`` are for final checking: each was built blind by someone
who did not tune, after the earlier held-out splits had been looked at during tuning, and run once
before anything was tuned on it (the README of the set and the project README record which have been
looked at since).

    .venv/bin/python scripts/devset.py [dev|heldout|heldout2|…|heldout161]     # prints a summary
"""

from __future__ import annotations

import csv
import enum
import sys
from dataclasses import dataclass
from pathlib import Path

DEVSET_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "devset"
#: More official readouts in the same layout, built for alignment (split ``extra``; benchmarks only).
EXTRA_DIR = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "align_extra"


def split_root(split: str) -> Path:
    """The folder holding ``split``: the devset's, or :data:`EXTRA_DIR` for ``extra``."""
    return EXTRA_DIR if split == "extra" else DEVSET_DIR


SPLITS = (
    "dev",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
    "heldout13",
    "heldout14",
    "heldout15",
    "heldout16",
    "heldout17",
    "heldout18",
    "heldout19",
    "heldout20",
    "heldout21",
    "heldout22",
    "heldout23",
    "heldout24",
    "heldout25",
    "heldout26",
    "heldout27",
    "heldout28",
    "heldout29",
    "heldout30",
    "heldout31",
    "heldout32",
    "heldout33",
    "heldout34",
    "heldout35",
    "heldout36",
    "heldout37",
    "heldout38",
    "heldout39",
    "heldout40",
    "heldout41",
    "heldout42",
    "heldout43",
    "heldout44",
    "heldout45",
    "heldout46",
    "heldout47",
    "heldout48",
    "heldout49",
    "heldout50",
    "heldout51",
    "heldout52",
    "heldout53",
    "heldout54",
    "heldout55",
    "heldout56",
    "heldout57",
    "heldout58",
    "heldout59",
    "heldout60",
    "heldout61",
    "heldout62",
    "heldout63",
    "heldout64",
    "heldout65",
    "heldout66",
    "heldout67",
    "heldout68",
    "heldout69",
    "heldout70",
    "heldout71",
    "heldout72",
    "heldout73",
    "heldout74",
    "heldout75",
    "heldout76",
    "heldout77",
    "heldout78",
    "heldout79",
    "heldout80",
    "heldout81",
    "heldout82",
    "heldout83",
    "heldout84",
    "heldout85",
    "heldout86",
    "heldout87",
    "heldout88",
    "heldout89",
    "heldout90",
    "heldout91",
    "heldout92",
    "heldout93",
    "heldout94",
    "heldout95",
    "heldout96",
    "heldout97",
    "heldout98",
    "heldout99",
    "heldout100",
    "heldout101",
    "heldout102",
    "heldout103",
    "heldout104",
    "heldout105",
    "heldout106",
    "heldout107",
    "heldout108",
    "heldout109",
    "heldout110",
    "heldout111",
    "heldout112",
    "heldout113",
    "heldout114",
    "heldout115",
    "heldout116",
    "heldout117",
    "heldout118",
    "heldout119",
    "heldout120",
    "heldout121",
    "heldout122",
    "heldout123",
    "heldout124",
    "heldout125",
    "heldout126",
    "heldout127",
    "heldout128",
    "heldout129",
    "heldout130",
    "heldout131",
    "heldout132",
    "heldout133",
    "heldout134",
    "heldout135",
    "heldout136",
    "heldout137",
    "heldout138",
    "heldout139",
    "heldout140",
    "heldout141",
    "heldout142",
    "heldout143",
    "heldout144",
    "heldout146",
    "heldout147",
    "heldout148",
    "heldout149",
    "heldout150",
    "heldout151",
    "heldout152",
    "heldout153",
    "heldout154",
    "heldout155",
    "heldout156",
    "heldout157",
    "heldout158",
    "heldout159",
    "heldout160",
    "heldout161",
)
TERMS_HEADER = ("en", "ko", "label", "note")
SOURCES_HEADER = ("name", "split", "url", "date", "publisher", "kind", "note")


class Label(enum.Enum):
    """What a labelled term row is."""

    KNOWN = "known"  # in the glossary; ``note`` names the entry's ``en``
    NEW = "new"  # a real term of the beat that the glossary lacks
    RULE = "rule"  # a rendering produced by a newsroom rule (compound, later mention, ordinal, date...)


@dataclass(frozen=True)
class Term:
    """One labelled row of ``NAME.terms.tsv``: the English as it occurs, the careful Korean, the label."""

    en: str
    ko: str
    label: Label
    note: str
    line: int


@dataclass(frozen=True)
class Source:
    """One row of ``SOURCES.tsv``: where the English came from."""

    name: str
    split: str
    url: str
    date: str
    publisher: str
    kind: str
    note: str


@dataclass(frozen=True)
class Article:
    """One article of the set: English as published, the Korean translation, its labelled terms."""

    name: str
    split: str
    en: str
    ko: str
    terms: tuple[Term, ...]
    source: Source | None

    @property
    def glossary_entries(self) -> frozenset[str]:
        """The ``en`` of the glossary entries named by the article's ``known`` rows."""
        return frozenset(t.note for t in self.terms if t.label is Label.KNOWN)


class DevsetError(ValueError):
    """The development set is malformed (a missing file, a bad row); the message names file and line."""


def _read_tsv(path: Path, header: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or tuple(rows[0]) != header:
        raise DevsetError(f"{path}:1: header must be {' <tab> '.join(header)}")
    out: list[tuple[int, list[str]]] = []
    for i, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(header):
            raise DevsetError(f"{path}:{i}: {len(row)} columns, expected {len(header)}")
        out.append((i, row))
    return out


def load_terms(path: Path) -> tuple[Term, ...]:
    """Read one ``NAME.terms.tsv``."""
    terms: list[Term] = []
    for line, (en, ko, label, note) in _read_tsv(path, TERMS_HEADER):
        try:
            lab = Label(label)
        except ValueError:
            raise DevsetError(f"{path}:{line}: label {label!r} is not one of known, new, rule") from None
        if not en.strip() or not ko.strip():
            raise DevsetError(f"{path}:{line}: empty en or ko")
        terms.append(Term(en=en, ko=ko, label=lab, note=note, line=line))
    return tuple(terms)


def load_sources(root: Path = DEVSET_DIR) -> dict[str, Source]:
    """Read ``SOURCES.tsv`` keyed by article name (a name listed twice is an error)."""
    path = root / "SOURCES.tsv"
    out: dict[str, Source] = {}
    for line, row in _read_tsv(path, SOURCES_HEADER):
        src = Source(*row)
        if src.name in out:
            raise DevsetError(f"{path}:{line}: {src.name} is listed twice")
        out[src.name] = src
    return out


def article_names(split: str, *, root: Path = DEVSET_DIR) -> list[str]:
    """The article names of a split, from its ``NAME.en.txt`` files, sorted."""
    if split not in SPLITS and not (root / split).is_dir():  # another set in the same layout (align_extra)
        raise DevsetError(f"split {split!r}: use one of {', '.join(SPLITS)}")
    return sorted(p.name[: -len(".en.txt")] for p in (root / split).glob("*.en.txt"))


def load_devset(split: str, *, root: Path = DEVSET_DIR) -> tuple[Article, ...]:
    """All articles of ``split`` ("dev" for tuning; "heldout" … the last of :data:`SPLITS`: built for final checks,
    each run once blind before anything was tuned on it)."""
    sources = load_sources(root)
    arts: list[Article] = []
    for name in article_names(split, root=root):
        folder = root / split
        ko_path, terms_path = folder / f"{name}.ko.txt", folder / f"{name}.terms.tsv"
        for p in (ko_path, terms_path):
            if not p.is_file():
                raise DevsetError(f"{p}: missing (every NAME.en.txt needs NAME.ko.txt and NAME.terms.tsv)")
        arts.append(
            Article(
                name=name,
                split=split,
                en=(folder / f"{name}.en.txt").read_text(encoding="utf-8"),
                ko=ko_path.read_text(encoding="utf-8"),
                terms=load_terms(terms_path),
                source=sources.get(name),
            )
        )
    return tuple(arts)


def main(argv: list[str] | None = None) -> int:
    """Print a one-line summary per article of the given split (default: dev)."""
    args = sys.argv[1:] if argv is None else argv
    split = args[0] if args else "dev"
    for art in load_devset(split):
        counts = {lab: sum(t.label is lab for t in art.terms) for lab in Label}
        words = len(art.en.split())
        print(
            f"{art.name:45} {words:4} words  known {counts[Label.KNOWN]:2}  new {counts[Label.NEW]:2}"
            f"  rule {counts[Label.RULE]:2}"
        )
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
