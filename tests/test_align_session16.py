"""Issue 19, session 16: a numbered detachment or flotilla is read as the one Korean word holding its number and
ending in its kind (제100기동공보분견대, 제5전단), so the ``numbered-unit`` cross-check can back it; a designator the
Korean copy keeps in Latin script as the English writes it passes the ``latin`` cross-check (C-130). Every example is
a case."""

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


#: (the term's forms, Korean phrase, whether it is the designator kept in Latin script)
DESIGNATORS = [
    pytest.param(["C-130"], "C-130", True, id="transport-aircraft"),
    pytest.param(["AV-8B"], "AV-8B", True, id="letters-digits-letter"),
    pytest.param(["F/A-18"], "F/A-18", True, id="slash-inside"),
    pytest.param(["M270A1"], "M270A1", True, id="launcher-model"),
    pytest.param(["ISIL"], "ISIL", False, id="acronym-without-a-digit"),
    pytest.param(["F-16"], "F-16 전투기", False, id="hangul-after-it"),
    pytest.param(["C-130"], "C-17", False, id="another-designator"),
    pytest.param(["UH-60"], "uh-60", False, id="case-differs"),
]


@pytest.mark.parametrize(("forms", "ko", "latin"), DESIGNATORS)
def test_designator_kept_in_latin(forms: list[str], ko: str, latin: bool) -> None:
    from termdesk.align.abstain import latin_designator

    assert latin_designator(forms, ko) is latin
