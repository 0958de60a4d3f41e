"""Offline machine translation behind one small interface (``termdesk.mt.base.Translator``).

Backends are registered by name with a factory and an availability check;
``get_backend`` builds one. Importing this package imports no heavy library
(CTranslate2, SentencePiece and argostranslate are imported by the functions that
use them).

Registered here: ``argos`` — an installed Argos en→ko package run with CTranslate2
(``termdesk.mt.argos``). Other backends (the glossary-only backend of the
pre-translation pipeline, test doubles) register themselves with
``register_backend``::

    from termdesk.mt import register_backend
    register_backend("glossary", lambda **options: GlossaryBackend(), priority=90)

``get_backend(None)`` returns the available backend with the lowest priority
number (argos is 10), so a glossary backend registered at 90 is the fallback
when no model is installed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ModelError, UsageError

if TYPE_CHECKING:  # pragma: no cover
    from .base import Translator

#: factory(*, packages_dir, beam_size, threads, device, **options) -> Translator
BackendFactory = Callable[..., "Translator"]
#: available(*, packages_dir) -> bool
Availability = Callable[..., bool]


@dataclass(frozen=True)
class BackendSpec:
    """One registered backend."""

    name: str
    factory: BackendFactory
    available: Availability
    priority: int


_REGISTRY: dict[str, BackendSpec] = {}


def _always(**_: Any) -> bool:
    return True


def register_backend(
    name: str, factory: BackendFactory, *, available: Availability | None = None, priority: int = 100
) -> None:
    """Register (or replace) the backend ``name``.

    ``factory`` is called with keyword options ``packages_dir``, ``beam_size``,
    ``threads``, ``device`` (and any extra options given to ``get_backend``) and must
    accept and ignore those it does not use. ``available(packages_dir=…)`` says
    whether ``get_backend(None)`` may pick it; default: always.
    """
    _REGISTRY[name] = BackendSpec(name, factory, available or _always, priority)


def unregister_backend(name: str) -> None:
    """Remove a registered backend (tests use this to clean up their doubles)."""
    _REGISTRY.pop(name, None)


def backend_names() -> list[str]:
    """Registered backend names, in the order ``get_backend(None)`` tries them."""
    return [spec.name for spec in sorted(_REGISTRY.values(), key=lambda s: (s.priority, s.name))]


def get_backend(
    name: str | None = None,
    *,
    packages_dir: str | os.PathLike[str] | None = None,
    beam_size: int | None = None,
    threads: int | None = None,
    device: str | None = None,
    **options: Any,
) -> Translator:
    """Build the backend ``name``, or with ``None`` the first available one.

    ``UsageError`` for an unknown name; ``ModelError`` when the chosen backend
    cannot be built (e.g. ``argos`` with no en→ko package installed, or a damaged
    model) or when nothing is available.
    """
    kwargs: dict[str, Any] = dict(
        packages_dir=packages_dir, beam_size=beam_size, threads=threads, device=device, **options
    )
    if name is not None:
        spec = _REGISTRY.get(name)
        if spec is None:
            raise UsageError(f"unknown MT backend {name!r} — use one of: {', '.join(backend_names())}")
        return spec.factory(**kwargs)
    for candidate in backend_names():
        spec = _REGISTRY[candidate]
        if spec.available(packages_dir=packages_dir):
            return spec.factory(**kwargs)
    from .packages import resolve_packages_dir

    raise ModelError(
        f"{resolve_packages_dir(packages_dir)}: no en→ko model installed and no other MT backend available "
        "— install one with `termdesk model install FILE.argosmodel`"
    )


def _argos_factory(**kwargs: Any) -> Translator:
    from .argos import ArgosBackend

    return ArgosBackend.from_installed(**kwargs)


def _argos_available(**kwargs: Any) -> bool:
    from .argos import argos_available

    return argos_available(**kwargs)


register_backend("argos", _argos_factory, available=_argos_available, priority=10)


def _openai_factory(**kwargs: Any) -> Translator:
    from .openai_backend import open_backend

    backend = open_backend(jobs=kwargs.get("threads"))
    assert backend is not None
    return backend


def _never(**_: Any) -> bool:
    return False


# An OpenAI-compatible LLM server (settings from termdesk.toml): built only when named, never picked by
# ``get_backend(None)`` — termdesk reaches a server only when asked.
register_backend("openai", _openai_factory, available=_never, priority=50)

__all__ = [
    "BackendSpec",
    "backend_names",
    "get_backend",
    "register_backend",
    "unregister_backend",
]
