"""Fixtures shared by the whole test suite. Add yours below, each with a docstring.

Isolation (automatic, for every test)
    ``_isolated_home`` points ``HOME``, ``XDG_DATA_HOME``, ``XDG_CONFIG_HOME``,
    ``XDG_CACHE_HOME`` and ``ARGOS_PACKAGES_DIR`` into a session temporary folder
    before any test runs. argostranslate creates folders under ``$HOME`` when it is
    first imported and reads ``ARGOS_PACKAGES_DIR`` only then, so this must hold
    from the start of the session; tests never touch the real home. The session
    packages folder is empty: ``get_backend(None)`` finds no model unless a test
    installs one. ``TERMDESK_GLOSSARY`` and ``TERMDESK_CONFIG`` are unset and
    ``SOURCE_DATE_EPOCH`` is set (PO header dates reproducible). Tests may still
    ``monkeypatch.setenv`` any of these.

MT models (built once per session, offline, in well under a second)
    ``build_script``        the ``scripts/build_test_model.py`` module.
    ``copy_model_archive``  path of the tiny en→ko *copy* ``.argosmodel``: its
                            CTranslate2 model outputs its input pieces unchanged.
    ``packages_dir``        a fresh, empty Argos packages folder for one test,
                            also set as ``ARGOS_PACKAGES_DIR``.
    ``copy_package``        the copy model installed (session-wide, read-only:
                            copy it before damaging it), an ``InstalledPackage``.
    ``copy_backend``        an ``ArgosBackend`` on ``copy_package`` (session-wide).

Headless Chromium (the HTML pages: QA report, glossary page, proposals review page)
    ``chromium``            path of the Chromium binary (Debian's package installed when
                            missing, as CI does; the test fails, never skips, without it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # pragma: no cover
    from termdesk.mt.argos import ArgosBackend
    from termdesk.mt.packages import InstalledPackage

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """HOME, XDG_* and ARGOS_PACKAGES_DIR in a temporary folder for the whole session."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(home))
        mp.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
        mp.setenv("XDG_CONFIG_HOME", str(home / ".config"))
        mp.setenv("XDG_CACHE_HOME", str(home / ".cache"))
        mp.setenv("ARGOS_PACKAGES_DIR", str(home / "argos-packages"))
        mp.delenv("SNAP", raising=False)
        # The glossary and settings are found from the working directory (the repository root),
        # never from the developer's environment; PO header dates are reproducible.
        mp.delenv("TERMDESK_GLOSSARY", raising=False)
        mp.delenv("TERMDESK_CONFIG", raising=False)
        mp.setenv("SOURCE_DATE_EPOCH", "1764806400")
        yield home


@pytest.fixture(autouse=True)
def _mt_registry_restored() -> Iterator[None]:
    """Each test leaves the MT backend registry as it found it (``select_backend`` registers the
    glossary backend on first use, which would otherwise leak into later tests)."""
    import termdesk.mt as mt

    registry = getattr(mt, "_REGISTRY", None)
    saved = dict(registry) if registry is not None else {}
    yield
    if registry is not None:
        registry.clear()
        registry.update(saved)


@pytest.fixture(scope="session")
def build_script() -> ModuleType:
    """``scripts/build_test_model.py`` imported as a module (``build_test_model``, ``build_random_model``)."""
    from _scripts import load_script

    return load_script("build_test_model", ROOT / "scripts" / "build_test_model.py")


@pytest.fixture(scope="session")
def copy_model_archive(build_script: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny en→ko copy package (``translate-en_ko-termdesk_test``, version 1.0, int8)."""
    path: Path = build_script.build_test_model(tmp_path_factory.mktemp("models") / "copy-en_ko.argosmodel")
    return path


@pytest.fixture
def packages_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh (not yet created) Argos packages folder, set as ``ARGOS_PACKAGES_DIR``."""
    path = tmp_path / "argos-packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(path))
    return path


@pytest.fixture(scope="session")
def copy_package(copy_model_archive: Path, tmp_path_factory: pytest.TempPathFactory) -> InstalledPackage:
    """The copy model installed in a session packages folder (do not modify it)."""
    from termdesk.mt.packages import install_package

    return install_package(copy_model_archive, packages_dir=tmp_path_factory.mktemp("installed")).package


@pytest.fixture(scope="session")
def copy_backend(copy_package: InstalledPackage) -> ArgosBackend:
    """``ArgosBackend`` on the copy model, CPU unless ARGOS_DEVICE_TYPE=cuda and a GPU is present."""
    from termdesk.mt.argos import ArgosBackend

    return ArgosBackend(copy_package)


@pytest.fixture(scope="session")
def chromium() -> str:
    """The headless Chromium binary that drives the HTML pages in tests (``tests/qa_chromium.py``)."""
    from qa_chromium import ensure_chromium

    binary, why = ensure_chromium()
    if binary is None:
        pytest.fail(f"headless Chromium is needed to test the HTML pages and could not be installed: {why}")
    return binary
