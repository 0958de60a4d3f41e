"""The ``glossary`` backend: no machine translation.

The draft is the English segment with each glossary term's Korean inline, e.g.
``Defense Minister Song Young-moo [송영무 국방부 장관]`` — for translators
without an installed model. The pipeline sees ``inline = True`` and renders the
terms itself; ``translate_batch`` returns its input unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


class GlossaryBackend:
    """Identity 'translation' with terms rendered inline by the pipeline."""

    name = "glossary"
    inline = True
    max_input_tokens: int | None = None

    @property
    def identity(self) -> str:
        return "glossary"

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def drafter(self, *, scheme: Any, cache: Any, on_segment: Callable[[int], None] | None) -> None:
        """None: the pipeline drives this backend through ``translate_batch`` (see ``Translator.drafter``)."""
        return None

    def translate_batch(self, segments: Sequence[str], *, beam_size: int | None = None) -> list[str]:
        return list(segments)
