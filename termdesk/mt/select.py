"""Choosing the MT backend for a run: the installed model when there is one, else the glossary.

``select_backend(None)`` returns the installed Argos en→ko package when one is
installed and the glossary-only backend otherwise, together with a one-line
notice saying so (the CLI prints it on stderr; the library never prints).
Naming a backend (``"argos"``) that cannot be built is an error, not a fallback:
a translator who asked for MT must not silently get a draft without it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from . import backend_names, get_backend, register_backend

if TYPE_CHECKING:  # pragma: no cover
    from .base import Translator

GLOSSARY_NOTICE = (
    "no en→ko MT model installed: using the glossary backend (English with the glossary's Korean inline) "
    "— get a model with `termdesk model download en ko` (offline: `termdesk model install FILE.argosmodel`)"
)


def _glossary_factory(**_: Any) -> Translator:
    from .glossary_backend import GlossaryBackend

    return GlossaryBackend()


def _ensure_registered() -> None:
    if "glossary" not in backend_names():
        register_backend("glossary", _glossary_factory, priority=90)


def select_backend(
    name: str | None = None,
    *,
    packages_dir: str | os.PathLike[str] | None = None,
    beam_size: int | None = None,
    threads: int | None = None,
    device: str | None = None,
) -> tuple[Translator, str | None]:
    """The backend to use and a notice for the translator (``None`` when there is nothing to say).

    ``name=None`` picks the best available backend; the notice is set when that is
    the glossary-only fallback. A named backend is built as asked or raises
    (``UsageError`` for an unknown name, ``ModelError`` for a missing or damaged model).
    """
    _ensure_registered()
    backend = get_backend(name, packages_dir=packages_dir, beam_size=beam_size, threads=threads, device=device)
    notice = GLOSSARY_NOTICE if name is None and backend.name == "glossary" else None
    return backend, notice


__all__ = ["GLOSSARY_NOTICE", "select_backend"]
