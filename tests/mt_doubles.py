"""The MT test double every test builds on: the whole ``mt.base.Translator`` interface.

Subclasses override what their test is about (``translate_batch``, ``name``, ``inline`` …).
"""

from __future__ import annotations

from collections.abc import Sequence


class Double:
    """Copies its input; a backend the pipeline drives through ``translate_batch`` (no drafter)."""

    name = "double"
    identity = "double-1"
    inline = False
    max_input_tokens: int | None = None

    def drafter(self, **_: object) -> None:
        return None

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def translate_batch(self, segments: Sequence[str], *, beam_size: int | None = None) -> list[str]:
        return list(segments)
