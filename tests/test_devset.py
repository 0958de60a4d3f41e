"""The official-copy development set (tests/data/devset/) is well-formed.

Checked per split: every ``NAME.en.txt`` has its ``NAME.ko.txt`` and ``NAME.terms.tsv``;
``SOURCES.tsv`` lists every article once and nothing else; each ``known`` row names a real
glossary entry; each row's Korean occurs in the article's Korean translation; each row's
English occurs in the English text.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from termdesk.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent


def _devset_module() -> ModuleType:
    from _scripts import load_script

    return load_script("devset", ROOT / "scripts" / "devset.py")


devset = _devset_module()
EXPECTED_SIZES = {
    "dev": 16,
    "heldout": 8,
    "heldout2": 10,
    "heldout3": 10,
    "heldout4": 7,
    "heldout5": 7,
    "heldout6": 7,
    "heldout7": 7,
    "heldout8": 7,
    "heldout9": 7,
    "heldout10": 6,
    "heldout11": 6,
    "heldout12": 6,
    "heldout13": 6,
    "heldout14": 6,
    "heldout15": 6,
    "heldout16": 6,
    "heldout17": 5,
    "heldout18": 5,
    "heldout19": 4,
    "heldout20": 5,
    "heldout21": 4,
    "heldout22": 4,
    "heldout23": 5,
    "heldout24": 5,
    "heldout25": 5,
    "heldout26": 5,
    "heldout27": 5,
    "heldout28": 4,
    "heldout29": 4,
    "heldout30": 5,
    "heldout31": 5,
    "heldout32": 5,
    "heldout33": 5,
    "heldout34": 5,
    "heldout35": 5,
    "heldout36": 4,
    "heldout37": 5,
    "heldout38": 5,
    "heldout39": 5,
    "heldout40": 5,
    "heldout41": 5,
    "heldout42": 4,
    "heldout43": 5,
    "heldout44": 5,
    "heldout45": 5,
    "heldout46": 5,
    "heldout47": 5,
    "heldout48": 5,
    "heldout49": 5,
    "heldout50": 5,
    "heldout51": 5,
    "heldout52": 5,
    "heldout53": 5,
    "heldout54": 4,
    "heldout55": 5,
    "heldout56": 5,
    "heldout57": 5,
    "heldout58": 5,
    "heldout59": 4,
    "heldout60": 5,
    "heldout61": 5,
    "heldout62": 4,
    "heldout63": 4,
    "heldout64": 3,
    "heldout65": 4,
    "heldout66": 4,
    "heldout67": 4,
    "heldout68": 4,
    "heldout69": 4,
    "heldout70": 4,
    "heldout71": 4,
    "heldout72": 4,
    "heldout73": 4,
    "heldout74": 5,
    "heldout75": 4,
    "heldout76": 5,
    "heldout77": 5,
    "heldout78": 5,
    "heldout79": 5,
    "heldout80": 5,
    "heldout81": 5,
    "heldout82": 5,
    "heldout83": 5,
    "heldout84": 5,
    "heldout85": 5,
    "heldout86": 4,
    "heldout87": 4,
    "heldout88": 4,
    "heldout89": 5,
    "heldout90": 4,
    "heldout91": 4,
    "heldout92": 4,
    "heldout93": 4,
    "heldout94": 5,
    "heldout95": 5,
    "heldout96": 5,
    "heldout97": 5,
    "heldout98": 4,
    "heldout99": 5,
    "heldout100": 5,
    "heldout101": 5,
    "heldout102": 5,
    "heldout103": 5,
    "heldout104": 5,
    "heldout105": 5,
    "heldout106": 5,
    "heldout107": 5,
    "heldout108": 5,
    "heldout109": 5,
    "heldout110": 5,
    "heldout111": 5,
    "heldout112": 5,
    "heldout113": 5,
    "heldout114": 5,
    "heldout115": 5,
    "heldout116": 5,
    "heldout117": 5,
    "heldout118": 5,
    "heldout119": 5,
    "heldout120": 5,
    "heldout121": 5,
    "heldout122": 5,
    "heldout123": 5,
    "heldout124": 5,
    "heldout125": 5,
    "heldout126": 5,
    "heldout127": 5,
    "heldout128": 5,
    "heldout129": 5,
    "heldout130": 5,
    "heldout131": 5,
    "heldout132": 4,
    "heldout133": 5,
    "heldout134": 5,
    "heldout135": 5,
    "heldout136": 5,
    "heldout137": 4,
    "heldout138": 5,
    "heldout139": 5,
    "heldout140": 4,
    "heldout141": 4,
    "heldout142": 4,
    "heldout143": 4,
    "heldout144": 5,
    "heldout146": 4,
    "heldout147": 5,
    "heldout148": 4,
    "heldout149": 5,
    "heldout150": 4,
    "heldout151": 5,
    "heldout152": 4,
    "heldout153": 5,
    "heldout154": 4,
    "heldout155": 4,
    "heldout156": 5,
    "heldout157": 4,
    "heldout158": 3,
    "heldout159": 4,
    "heldout160": 3,
    "heldout161": 4,
}


@pytest.mark.parametrize("split", list(EXPECTED_SIZES), ids=list(EXPECTED_SIZES))
def test_devset_split_is_well_formed(split: str) -> None:
    root: Path = devset.DEVSET_DIR
    folder = root / split
    names = devset.article_names(split)
    assert len(names) == EXPECTED_SIZES[split]
    for p in folder.iterdir():
        stem = p.name.split(".", 1)[0]
        assert stem in names, f"{p}: no {stem}.en.txt beside it"
        assert p.name.endswith((".en.txt", ".ko.txt", ".terms.tsv")), f"{p}: unexpected file"

    articles = devset.load_devset(split)  # raises DevsetError on a missing ko/terms file or a bad row
    sources = devset.load_sources()  # raises on a name listed twice
    listed = {n for n, s in sources.items() if s.split == split}
    assert listed == set(names), f"SOURCES.tsv lists {sorted(listed ^ set(names))} wrongly for {split}"

    glossary_en = {e.en for e in load_glossary(ROOT / "glossary").entries}
    problems: list[str] = []
    for art in articles:
        assert art.source is not None and art.source.url.startswith("http")
        assert art.ko.strip() and art.terms
        for t in art.terms:
            where = f"{split}/{art.name}.terms.tsv:{t.line}"
            if t.label is devset.Label.KNOWN and t.note not in glossary_en:
                problems.append(f"{where}: known row names {t.note!r}, not a glossary entry")
            if t.ko not in art.ko:
                problems.append(f"{where}: {t.ko!r} does not occur in the Korean translation")
            if t.en.lower() not in art.en.lower():
                problems.append(f"{where}: {t.en!r} does not occur in the English")
    assert not problems, "\n".join(problems)


def test_devset_sources_cover_every_split_exactly() -> None:
    sources = devset.load_sources()
    names = {n for split in devset.SPLITS for n in devset.article_names(split)}
    assert set(sources) == names
    assert {s.split for s in sources.values()} == set(devset.SPLITS)
