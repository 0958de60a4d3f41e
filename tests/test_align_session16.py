"""Issue 19, session 16: a numbered detachment or flotilla is read as the one Korean word holding its number and
ending in its kind (제100기동공보분견대, 제5전단), so the ``numbered-unit`` cross-check can back it. Every example is a
case."""

from __future__ import annotations

import pytest

from termdesk.align.abstain import numbered_unit

#: (term, Korean phrase, whether it is the numbered unit's word)
UNITS = [
    pytest.param("100th Mobile Public Affairs Detachment", "제100기동공보분견대", True, id="detachment-as-분견대"),
    pytest.param("3rd Special Forces Detachment", "제3특전파견대", True, id="detachment-as-파견대"),
    pytest.param("ROK Navy Flotilla 5", "제5전단", True, id="flotilla-number-after-the-head"),
    pytest.param("100th Mobile Public Affairs Detachment", "제100기동공보", False, id="no-kind-at-its-end"),
    pytest.param("109th Mobile Public Affairs Detachment", "제100기동공보분견대", False, id="another-number"),
    pytest.param("7th Air Force Public Affairs", "미7공군", False, id="force-is-no-unit-kind"),
]


@pytest.mark.parametrize(("term", "ko", "unit"), UNITS)
def test_numbered_detachment_and_flotilla(term: str, ko: str, unit: bool) -> None:
    assert numbered_unit(term, ko) is unit
