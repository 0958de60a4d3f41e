"""The machine-translation backend interface.

A backend turns a batch of English segments into Korean drafts. The pipeline
(``termdesk.pretranslate``) only talks to this interface, so tests can use a
double and translators without a model can use the glossary-only backend.

Contract of ``translate_batch``:

* one output per input, in order; an empty or blank segment gives ``""``;
* a segment longer than ``max_input_tokens`` (as counted by ``count_tokens``) is
  never truncated: the backend raises ``InputError`` and the caller splits it;
* no network, no printing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@runtime_checkable
class Translator(Protocol):
    """What every MT backend provides.

    ``name``
        the backend's registry name (``"argos"``, ``"glossary"``, …).
    ``identity``
        a string that changes whenever the output could change (model, version,
        decoding options) — the translation-memory cache key.
    ``inline``
        ``True`` for a backend that does not translate and wants glossary terms
        rendered inline by the pipeline (the glossary backend); ``False`` otherwise.
    ``max_input_tokens``
        the longest segment, in ``count_tokens`` units, that ``translate_batch``
        accepts; ``None`` when there is no limit.
    """

    name: str
    inline: bool
    max_input_tokens: int | None

    @property
    def identity(self) -> str: ...

    def count_tokens(self, text: str) -> int:
        """The length of ``text`` in the units of ``max_input_tokens``."""
        ...

    def translate_batch(self, segments: Sequence[str], *, beam_size: int | None = None) -> list[str]:
        """Translate ``segments`` (one output each, same order); ``beam_size`` overrides the default."""
        ...


@dataclass(frozen=True)
class DecodingOptions:
    """How a CTranslate2 backend decodes. Beam size and length penalty follow argostranslate 1.11.

    ``max_decoding_length=None`` means ``2 × longest input + 16`` tokens per batch
    (CTranslate2's own default, 256, would cut long Korean outputs silently).
    ``min_decoding_length`` exists for benchmarks (forced output length).
    """

    beam_size: int = 4
    length_penalty: float = 0.2
    max_batch_size: int = 16  # per worker sub-batch; argostranslate uses 32 tokens-batches in one worker
    min_decoding_length: int = 0
    max_decoding_length: int | None = None
    replace_unknowns: bool = True

    def decoding_length(self, longest_input: int) -> int:
        """The ``max_decoding_length`` to pass for a batch whose longest input has this many tokens."""
        if self.max_decoding_length is not None:
            return self.max_decoding_length
        return max(2 * longest_input + 16, self.min_decoding_length)
