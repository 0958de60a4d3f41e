"""The package's public API: every name resolves, and importing termdesk stays light."""

from __future__ import annotations

import subprocess
import sys

import pytest

import termdesk


@pytest.mark.parametrize("name", termdesk.__all__)
def test_public_name_resolves(name: str) -> None:
    assert getattr(termdesk, name) is not None


def test_unknown_name_is_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        termdesk.nope  # noqa: B018


def test_import_is_light_and_has_no_side_effects(tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = (
        "import sys, termdesk; "
        "print([m for m in ('pandas', 'ctranslate2', 'argostranslate', 'polib', 'click') if m in sys.modules])"
    )
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert out.strip() == "[]"
    assert list(tmp_path.iterdir()) == []  # nothing created in $HOME


def test_public_api_end_to_end(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    data = Path(__file__).parent / "data" / "pt"
    glossary = termdesk.load_glossary(data / "glossary.csv")
    (m,) = termdesk.Matcher.from_glossary(glossary).find("Defense Minister Song Young-moo said.")
    assert m.ko == "송영무 국방부 장관"
    assert termdesk.attach(m.ko, "는") == "송영무 국방부 장관은"
