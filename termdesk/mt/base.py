"""The machine-translation backend interface: :class:`Translator`, the only one.

A backend turns a batch of English segments into Korean drafts. The pipeline
(``termdesk.pretranslate``, and ``align``'s MT proposals) only talks to this
interface — no attribute probing — so tests use doubles, translators without a
model use the glossary-only backend, and a new backend (an OpenAI-compatible LLM
server, say) plugs in by implementing it and registering a factory with
``termdesk.mt.register_backend``.

Contract (every backend: ``argos``, ``glossary``, test doubles):

* ``translate_batch(segments)`` returns one output per input, in order; an empty
  or blank segment gives ``""``. It may batch, parallelise or cache internally,
  but the result order is the input order.
* A segment longer than ``max_input_tokens`` (as counted by ``count_tokens``) is
  never truncated: the backend raises ``InputError`` naming the segment, and the
  pipeline avoids this by splitting segments with ``count_tokens`` first.
* ``identity`` changes whenever the output could change (model, version, decoding
  or prompt options, server URL — never a secret such as an API key): the
  translation-memory cache is keyed by it.
* ``inline = True`` means "I do not translate": the pipeline skips the cache and
  renders each glossary term's Korean inline after the English (the glossary
  backend). Every real translator has ``inline = False``.
* Failures are ``termdesk.errors`` exceptions (``ModelError`` for a model or server
  that cannot answer, ``InputError`` for a segment it cannot take), one line each;
  a backend never prints, never exits and never reads ``sys.argv``.
* Offline by default: only a backend the user named explicitly may use the network.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

#: The members :class:`Translator` requires (checked by :func:`require_translator`).
TRANSLATOR_MEMBERS: tuple[str, ...] = (
    "name",
    "identity",
    "inline",
    "max_input_tokens",
    "count_tokens",
    "translate_batch",
    "drafter",
)


@runtime_checkable
class Translator(Protocol):
    """What every MT backend provides (see the module docstring for the contract).

    ``name``
        the backend's registry name (``"argos"``, ``"glossary"``, …), shown to the
        translator and written into the PO header.
    ``identity``
        a string that changes whenever the output could change (model, version,
        decoding options) — the translation-memory cache key. Never a secret.
    ``inline``
        ``True`` for a backend that does not translate and wants glossary terms
        rendered inline by the pipeline (the glossary backend); ``False`` otherwise.
    ``max_input_tokens``
        the longest segment, in ``count_tokens`` units, that ``translate_batch``
        accepts; ``None`` when there is no limit.
    ``drafter(scheme=, cache=, on_segment=)``
        ``None`` for a backend the pipeline drives segment by segment through
        ``translate_batch`` (placeholders protect the terms); for a backend that
        drafts whole segments from a glossary prompt and verifies, retries and falls
        back on its own (the LLM backend), the object that does so
        (``termdesk.mt.llm_pipeline.VerifiedDrafter``'s shape: ``submit`` and ``finish``).
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
        """Translate ``segments`` (one output each, same order); ``beam_size`` overrides the default.

        A backend without beams (the glossary backend, an LLM) accepts and ignores ``beam_size``.
        """
        ...

    def drafter(self, *, scheme: Any, cache: Any, on_segment: Callable[[int], None] | None) -> Any | None:
        """The backend's own segment drafter, or ``None`` when the pipeline drives ``translate_batch``."""
        ...


def require_translator(backend: object) -> Translator:
    """``backend`` itself when it implements :class:`Translator`; ``TypeError`` naming what is missing.

    A programming error (a backend that does not implement the interface), not a
    translator's input error — hence ``TypeError``, not a ``TermdeskError``.
    """
    missing = [m for m in TRANSLATOR_MEMBERS if not hasattr(backend, m)]
    if missing:
        raise TypeError(
            f"{type(backend).__name__} is not an MT backend: missing {', '.join(missing)} "
            "(implement termdesk.mt.base.Translator)"
        )
    return backend  # type: ignore[return-value]


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
