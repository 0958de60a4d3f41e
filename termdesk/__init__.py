"""termdesk — English→Korean glossary and translation assist for defense and security news.

The public API is importable from here; each name is loaded on first use, so
``import termdesk`` (and ``termdesk --help``) imports nothing heavy and has no side
effects::

    import termdesk
    glossary = termdesk.load_glossary("glossary")
    matches = termdesk.Matcher.from_glossary(glossary).find("Defense Minister Song Young-moo said.")
    result = termdesk.pretranslate(["seeds"], out_dir="build/demo", glossary=glossary)
    report = termdesk.check_translation(...)

See the README's architecture section for the modules behind each name.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

#: public name -> module that defines it
_API: dict[str, str] = {
    "TermdeskError": "termdesk.errors",
    "InputError": "termdesk.errors",
    "Entry": "termdesk.glossary",
    "Glossary": "termdesk.glossary",
    "Problem": "termdesk.glossary",
    "Severity": "termdesk.glossary",
    "load_glossary": "termdesk.glossary",
    "validate": "termdesk.glossary",
    "Match": "termdesk.match",
    "Matcher": "termdesk.match",
    "render_article": "termdesk.newsroom",
    "attach": "termdesk.ko",
    "repair_particles": "termdesk.ko",
    "read_article": "termdesk.text",
    "segment": "termdesk.text",
    "mine": "termdesk.mine",
    "align_candidates": "termdesk.align",
    "pretranslate": "termdesk.pretranslate",
    "select_backend": "termdesk.mt.select",
    "check_translation": "termdesk.qa",
    "Finding": "termdesk.qa",
    "export_glossary": "termdesk.formats",
}

__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'termdesk' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])
