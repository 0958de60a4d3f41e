"""The ``argos`` backend: an installed Argos en→ko package, run with CTranslate2 directly.

termdesk segments text itself, so this backend does not use
``argostranslate.translate`` (which needs stanza/spaCy/minisbd sentence splitters
and translates one paragraph per CTranslate2 call). It loads the package's
``model/`` with ``ctranslate2.Translator`` and its ``sentencepiece.model``, and
sends whole batches of segments.

Differences from argostranslate on purpose:

* decoding with ``SentencePieceProcessor.decode`` — argostranslate's
  ``.replace("_", " ")`` turns every underscore of the output into a space;
* no silent truncation: ``max_input_length`` is passed explicitly and a longer
  segment raises ``InputError`` (the pipeline splits segments with
  ``count_tokens``/``max_input_tokens`` first); ``max_decoding_length`` grows with
  the input instead of CTranslate2's fixed 256;
* threads: ``inter_threads`` workers with one intra-op thread each, and a batch is
  cut into one sub-batch per worker. On a 2-core VM, OpenMP intra-op threading
  (argostranslate's ``intra_threads=0``) made single-sentence calls up to 2×
  slower and tiny-model calls far slower still; sub-batches in parallel were the
  fastest batched setting (see benchmarks/pretranslate_bench.py).

Device: ``ARGOS_DEVICE_TYPE=cuda`` (or ``device="cuda"``) uses the GPU when
CTranslate2 sees one, the CPU otherwise. ``ARGOS_COMPUTE_TYPE`` is honoured
(default ``auto``), as are ``ARGOS_INTER_THREADS``/``ARGOS_INTRA_THREADS``.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from ..errors import InputError, ModelError, UsageError
from .base import DecodingOptions
from .packages import InstalledPackage, check_sentencepiece, find_package, load_translator, resolve_packages_dir

#: CTranslate2's own default max_input_length; OpenNMT-trained Argos models never saw longer inputs.
DEFAULT_MAX_INPUT_TOKENS = 1024
DEVICES = ("cpu", "cuda", "auto")


def choose_device(requested: str | None = None) -> str:
    """``cuda`` when asked for (argument or ``ARGOS_DEVICE_TYPE``) and a GPU is visible, else ``cpu``."""
    value = (requested or os.environ.get("ARGOS_DEVICE_TYPE") or "cpu").strip().lower()
    if value not in DEVICES:
        raise UsageError(f"ARGOS_DEVICE_TYPE={value!r}: unknown device — use cpu or cuda")
    if value == "cpu":
        return "cpu"
    import ctranslate2

    return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"


def _env_int(name: str) -> int | None:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return None
    try:
        value = int(raw)
    except ValueError:
        raise UsageError(f"{name}={raw!r}: not a whole number — set it to e.g. 1, or unset it") from None
    if value < 0:
        raise UsageError(f"{name}={raw!r}: must be 0 or more")
    return value


def choose_threads(threads: int | None, *, device: str) -> tuple[int, int]:
    """``(inter_threads, intra_threads)``: parallel sub-batches, one OpenMP thread each.

    ``threads`` (``--jobs``) sets the number of workers; default ``min(4, cores)``.
    ``ARGOS_INTER_THREADS``/``ARGOS_INTRA_THREADS`` override when set.
    """
    if device == "cuda":
        inter, intra = 1, 1
    else:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        inter, intra = (threads if threads else min(4, cores)), 1
    env_inter, env_intra = _env_int("ARGOS_INTER_THREADS"), _env_int("ARGOS_INTRA_THREADS")
    if threads is None and env_inter:
        inter = env_inter
    if env_intra is not None:
        intra = env_intra
    return max(1, inter), intra


class ArgosBackend:
    """Translate with an installed Argos en→ko package (CTranslate2 + SentencePiece)."""

    name = "argos"
    inline = False

    def __init__(
        self,
        package: InstalledPackage,
        *,
        device: str | None = None,
        threads: int | None = None,
        compute_type: str | None = None,
        decoding: DecodingOptions | None = None,
        max_input_tokens: int = DEFAULT_MAX_INPUT_TOKENS,
    ) -> None:
        import sentencepiece as spm

        self.package = package
        self.decoding = decoding or DecodingOptions()
        self.max_input_tokens: int | None = max_input_tokens
        self.device = choose_device(device)
        self.inter_threads, self.intra_threads = choose_threads(threads, device=self.device)
        self.compute_type = compute_type or os.environ.get("ARGOS_COMPUTE_TYPE") or "auto"
        fix = "reinstall the package: `termdesk model install FILE.argosmodel` again"
        model_dir, sp_path = package.model_dir, package.sentencepiece_model
        for needed in (model_dir / "model.bin", model_dir / "config.json", sp_path):
            if not needed.is_file():
                raise ModelError(f"{needed}: missing from the installed package — {fix}")
        try:
            config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            config = None
        if not isinstance(config, dict):
            raise ModelError(f"{model_dir / 'config.json'}: not a valid JSON object — {fix}")
        self._specials = int(bool(config.get("add_source_bos"))) + int(bool(config.get("add_source_eos")))
        check_sentencepiece(sp_path)
        self._sp = spm.SentencePieceProcessor(model_file=str(sp_path))
        self._translator = load_translator(
            model_dir,
            device=self.device,
            compute_type=self.compute_type,
            inter_threads=self.inter_threads,
            intra_threads=self.intra_threads,
        )

    # ------------------------------------------------------------------ construction helpers

    @classmethod
    def from_installed(
        cls,
        *,
        packages_dir: str | os.PathLike[str] | None = None,
        beam_size: int | None = None,
        threads: int | None = None,
        device: str | None = None,
        **options: Any,
    ) -> ArgosBackend:
        """Load the best installed en→ko package; ``ModelError`` if there is none."""
        package = find_package(packages_dir=packages_dir)
        if package is None:
            where = resolve_packages_dir(packages_dir)
            raise ModelError(
                f"{where}: no en→ko model installed — install one with `termdesk model install FILE.argosmodel`"
            )
        decoding = options.pop("decoding", None) or DecodingOptions()
        if beam_size is not None:
            decoding = replace(decoding, beam_size=beam_size)
        return cls(package, device=device, threads=threads, decoding=decoding, **options)

    # ------------------------------------------------------------------ Translator interface

    @property
    def identity(self) -> str:
        """Cache key: package, version, model size and decoding options."""
        size = (self.package.model_dir / "model.bin").stat().st_size
        d = self.decoding
        return (
            f"argos:{self.package.name}:{self.package.package_version}:{size}"
            f":beam{d.beam_size}:lp{d.length_penalty}:min{d.min_decoding_length}:max{d.max_decoding_length}"
        )

    def describe(self) -> str:
        """One line for humans: package, version, device, threads."""
        return (
            f"argos {self.package.name} {self.package.package_version} "
            f"({self.device}, {self.compute_type}, {self.inter_threads}×{self.intra_threads} threads)"
        )

    def tokenize(self, text: str) -> list[str]:
        """SentencePiece pieces of ``text`` (what the model sees, without special tokens)."""
        return list(self._sp.encode(text, out_type=str))

    def detokenize(self, pieces: Sequence[str]) -> str:
        return str(self._sp.decode(list(pieces)))

    def count_tokens(self, text: str) -> int:
        """Source tokens the model sees for ``text``, special tokens included."""
        if not text.strip():
            return 0
        return len(self._sp.encode(text)) + self._specials

    def drafter(self, *, scheme: Any, cache: Any, on_segment: Callable[[int], None] | None) -> None:
        """None: the pipeline drives this backend through ``translate_batch`` (see ``Translator.drafter``)."""
        return None

    def translate_batch(self, segments: Sequence[str], *, beam_size: int | None = None) -> list[str]:
        """Translate ``segments`` in one batched CTranslate2 call (duplicates translated once)."""
        texts = list(segments)
        order: dict[str, list[str]] = {}
        for i, text in enumerate(texts):
            if not text.strip() or text in order:
                continue
            pieces = self.tokenize(text)
            n = len(pieces) + self._specials
            if self.max_input_tokens is not None and n > self.max_input_tokens:
                raise InputError(
                    f"segment {i + 1}: {n} tokens, over the model's limit of {self.max_input_tokens} "
                    "— split it into shorter segments (see count_tokens/max_input_tokens)"
                )
            order[text] = pieces
        if not order:
            return ["" for _ in texts]
        translated = dict(zip(order, self.translate_pieces(list(order.values()), beam_size=beam_size), strict=False))
        return [translated.get(text, "") for text in texts]

    def translate_pieces(self, batch: Sequence[Sequence[str]], *, beam_size: int | None = None) -> list[str]:
        """Translate already tokenized segments (no length check); used by ``translate_batch``."""
        d = self.decoding
        beam = beam_size if beam_size is not None else d.beam_size
        prefix = self.package.target_prefix
        longest = max(len(p) for p in batch) + self._specials
        workers = self.inter_threads if self.device == "cpu" else 1
        results = self._translator.translate_batch(
            [list(p) for p in batch],
            target_prefix=[[prefix]] * len(batch) if prefix else None,
            beam_size=beam,
            num_hypotheses=1,
            length_penalty=d.length_penalty,
            max_batch_size=max(1, min(d.max_batch_size, math.ceil(len(batch) / workers))),
            batch_type="examples",
            max_input_length=self.max_input_tokens or 0,
            max_decoding_length=d.decoding_length(longest),
            min_decoding_length=d.min_decoding_length,
            replace_unknowns=d.replace_unknowns,
        )
        out = []
        for result in results:
            pieces = list(result.hypotheses[0])
            if prefix and pieces and pieces[0] == prefix:
                pieces = pieces[1:]
            out.append(self.detokenize(pieces))
        return out


def argos_available(*, packages_dir: str | os.PathLike[str] | None = None) -> bool:
    """True when an en→ko package is installed (and argostranslate can read it)."""
    try:
        return find_package(packages_dir=packages_dir) is not None
    except ModelError:
        return False


__all__ = ["DEFAULT_MAX_INPUT_TOKENS", "ArgosBackend", "argos_available", "choose_device", "choose_threads"]
