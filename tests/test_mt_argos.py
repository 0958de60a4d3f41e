"""The argos backend through the real path: SentencePiece → CTranslate2 → SentencePiece.

The model is the tiny *copy* model from scripts/build_test_model.py: whatever goes
in comes out, piece for piece. So every expected output below is the input itself
(already NFKC, single-spaced) — a wrong decode, a truncation, a dropped or
reordered piece fails the test.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from mt_doubles import Double

import termdesk.mt as mt
from termdesk.errors import InputError, ModelError, UsageError
from termdesk.mt.argos import ArgosBackend, choose_device, choose_threads
from termdesk.mt.base import DecodingOptions, Translator
from termdesk.mt.packages import InstalledPackage, install_package

#: Candidate placeholder schemes for the pre-translation pipeline, in context.
PLACEHOLDERS = {
    "zxq": "Defense Minister ZXQ1 met ZXQ12 in Seoul on Monday.",
    "double-bracket": "Defense Minister [[T1]] met [[T12]] in Seoul on Monday.",
    "math-bracket": "Defense Minister ⟦1⟧ met ⟦12⟧ in Seoul on Monday.",
    "xterm": "Defense Minister XTERM1X met XTERM12X in Seoul on Monday.",
    "angle": "Defense Minister <1> met <12> in Seoul on Monday.",
    "bare-t": "Defense Minister T1 met T12 in Seoul on Monday.",
    "korean-particles": "ZXQ1은 ZXQ2와 만났다. ZXQ3's visit (ZXQ4)ZXQ5",
}

TEXTS = {
    "english": "South Korea and the United States are seeking to hold a meeting of their defense ministers at an early date.",
    "korean-terms": "송영무 국방부 장관은 고고도미사일방어체계(THAAD·사드) 배치 문제를 논의했다.",
    "underscore": "file_name snake_case __init__ a_b",
    "unseen-characters": "Ashton Carter 뷁 😀 Ω café → ※ no",
    "numbers-and-quotes": "\"It's 2.5%,\" said the 28,500 U.S. troops' commander — 'SCM' #49.",
}


def test_backend_satisfies_the_protocol(copy_backend: ArgosBackend) -> None:
    assert isinstance(copy_backend, Translator)
    assert copy_backend.name == "argos" and copy_backend.inline is False
    assert copy_backend.device in ("cpu", "cuda")


@pytest.mark.parametrize("beam", [1, 4])
@pytest.mark.parametrize(
    "text", list(PLACEHOLDERS.values()) + list(TEXTS.values()), ids=list(PLACEHOLDERS) + list(TEXTS)
)
def test_copy_through_real_path(copy_backend: ArgosBackend, text: str, beam: int) -> None:
    assert copy_backend.translate_batch([text], beam_size=beam) == [text]


def test_argos_style_decoding_would_damage_underscores(copy_backend: ArgosBackend) -> None:
    """argostranslate decodes with .replace('_', ' '); termdesk uses SentencePiece's decode."""
    text = TEXTS["underscore"]
    pieces = copy_backend.tokenize(text)
    argos_style = copy_backend._sp.decode_pieces(pieces).replace("▁", " ").replace("_", " ")
    assert argos_style != text
    assert copy_backend.detokenize(pieces) == text


def test_input_is_nfkc_normalized_by_sentencepiece(copy_backend: ArgosBackend) -> None:
    text = "ＺＸＱ１  met\u3000ZXQ2 ① ½"
    assert copy_backend.translate_batch([text]) == ["ZXQ1 met ZXQ2 1 1⁄2"]
    assert unicodedata.normalize("NFKC", "ＺＸＱ１") == "ZXQ1"


def test_batch_keeps_order_blanks_and_duplicates(copy_backend: ArgosBackend) -> None:
    batch = ["second", "", "first one", "second", "   ", TEXTS["korean-terms"]]
    assert copy_backend.translate_batch(batch) == ["second", "", "first one", "second", "", TEXTS["korean-terms"]]
    assert copy_backend.translate_batch([]) == []
    assert copy_backend.translate_batch(["", " "]) == ["", ""]


def test_long_output_is_not_cut_at_ctranslate2_default(copy_backend: ArgosBackend) -> None:
    text = " ".join(f"w{i}" for i in range(150))  # ≈ 450 pieces: beyond CTranslate2's default 256
    assert copy_backend.count_tokens(text) > 256
    assert copy_backend.translate_batch([text], beam_size=1) == [text]


def test_token_limit_exact_fit_and_one_over(copy_package: InstalledPackage) -> None:
    backend = ArgosBackend(copy_package, max_input_tokens=12, threads=1)
    words = "ZXQ1 met ZXQ2 in Seoul on Monday and again"
    fits = next(words[:i] for i in range(len(words), 0, -1) if backend.count_tokens(words[:i]) == 12)
    over = next(words[:i] for i in range(1, len(words) + 1) if backend.count_tokens(words[:i]) == 13)
    assert backend.translate_batch([fits], beam_size=1) == [fits]  # the full limit, nothing truncated
    with pytest.raises(InputError) as err:
        backend.translate_batch(["short", over])
    assert str(err.value) == (
        "segment 2: 13 tokens, over the model's limit of 12 — split it into shorter segments (see count_tokens/max_input_tokens)"
    )


def test_count_tokens_includes_the_source_eos(copy_backend: ArgosBackend) -> None:
    # the copy model's config says add_source_eos: the model sees one more token than the pieces
    assert copy_backend.count_tokens("ZXQ1") == len(copy_backend.tokenize("ZXQ1")) + 1
    assert copy_backend.count_tokens("  ") == 0


@pytest.mark.parametrize("compute_type", ["int8", "int8_float32", "float32"])
def test_copy_at_every_cpu_compute_type(copy_package: InstalledPackage, compute_type: str) -> None:
    backend = ArgosBackend(copy_package, device="cpu", compute_type=compute_type, threads=1)
    batch = [PLACEHOLDERS["zxq"], TEXTS["korean-terms"]]
    assert backend.translate_batch(batch, beam_size=2) == batch


def test_identity_changes_with_beam_and_version(copy_package: InstalledPackage) -> None:
    a = ArgosBackend(copy_package, threads=1)
    b = ArgosBackend(copy_package, threads=1, decoding=DecodingOptions(beam_size=1))
    assert a.identity != b.identity
    assert a.identity.startswith("argos:translate-en_ko-termdesk_test:1.0:")


def test_corrupt_model_directory_at_load(copy_package: InstalledPackage, tmp_path: Path) -> None:
    broken = tmp_path / copy_package.name
    shutil.copytree(copy_package.path, broken)
    (broken / "model" / "model.bin").write_bytes(b"\x06\x00\x00\x00damaged")
    pkg = InstalledPackage(copy_package.name, broken, "en", "ko", "1.0")
    with pytest.raises(ModelError) as err:
        ArgosBackend(pkg, device="cpu")
    message = str(err.value)
    assert message.startswith(f"{broken / 'model'}: CTranslate2 cannot load the model (")
    assert message.endswith("get a fresh copy and run `termdesk model install FILE` again")
    assert "\n" not in message


def test_missing_model_file_at_load(copy_package: InstalledPackage, tmp_path: Path) -> None:
    broken = tmp_path / copy_package.name
    shutil.copytree(copy_package.path, broken)
    (broken / "sentencepiece.model").unlink()
    pkg = InstalledPackage(copy_package.name, broken, "en", "ko", "1.0")
    with pytest.raises(ModelError) as err:
        ArgosBackend(pkg)
    assert str(err.value) == (
        f"{broken / 'sentencepiece.model'}: missing from the installed package — "
        "reinstall the package: `termdesk model install FILE.argosmodel` again"
    )


# --------------------------------------------------------------------------- device and threads


def test_device_cuda_falls_back_to_cpu_without_gpu(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctranslate2

    monkeypatch.setenv("ARGOS_DEVICE_TYPE", "cuda")
    assert choose_device() == ("cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu")
    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 0)
    assert choose_device() == "cpu"
    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 1)
    assert choose_device() == "cuda"
    assert choose_device("cpu") == "cpu"


def test_unknown_device_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_DEVICE_TYPE", "tpu")
    with pytest.raises(UsageError) as err:
        choose_device()
    assert str(err.value) == "ARGOS_DEVICE_TYPE='tpu': unknown device — use cpu or cuda"


@pytest.mark.parametrize(
    ("threads", "env", "expected"),
    [
        (None, {}, "default"),
        (3, {}, (3, 1)),
        (None, {"ARGOS_INTER_THREADS": "2", "ARGOS_INTRA_THREADS": "3"}, (2, 3)),
        (1, {"ARGOS_INTER_THREADS": "4"}, (1, 1)),
    ],
    ids=["default-min-4-cores", "jobs", "argos-env", "jobs-beats-env"],
)
def test_threads(threads: int | None, env: dict[str, str], expected, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import os

    monkeypatch.delenv("ARGOS_INTER_THREADS", raising=False)
    monkeypatch.delenv("ARGOS_INTRA_THREADS", raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    if expected == "default":
        expected = (min(4, len(os.sched_getaffinity(0))), 1)
    assert choose_threads(threads, device="cpu") == expected
    if not env:
        assert choose_threads(threads, device="cuda") == (1, 1)


# --------------------------------------------------------------------------- get_backend and the registry


def test_get_backend_picks_installed_argos(copy_model_archive: Path, packages_dir: Path) -> None:
    install_package(copy_model_archive)
    backend = mt.get_backend(None, beam_size=2, threads=1)
    assert isinstance(backend, ArgosBackend)
    assert backend.decoding.beam_size == 2
    assert backend.translate_batch(["ZXQ1 met ZXQ2."]) == ["ZXQ1 met ZXQ2."]


def test_get_backend_without_model(packages_dir: Path) -> None:
    with pytest.raises(ModelError) as err:
        mt.get_backend(None)
    assert str(err.value) == (
        f"{packages_dir}: no en→ko model installed and no other MT backend available "
        "— install one with `termdesk model install FILE.argosmodel`"
    )
    with pytest.raises(ModelError) as err:
        mt.get_backend("argos")
    assert (
        str(err.value)
        == f"{packages_dir}: no en→ko model installed — install one with `termdesk model install FILE.argosmodel`"
    )


def test_unknown_backend_name() -> None:
    with pytest.raises(UsageError) as err:
        mt.get_backend("deepl")
    assert str(err.value).startswith("unknown MT backend 'deepl' — use one of: argos")


class Upper(Double):
    """Test double: a registered backend that upper-cases."""

    name = "upper"
    identity = "upper-1"

    def translate_batch(self, segments, *, beam_size=None):  # type: ignore[no-untyped-def]
        return [s.upper() for s in segments]


def test_registration_hook_and_fallback_order(copy_model_archive: Path, packages_dir: Path) -> None:
    mt.register_backend("upper", lambda **options: Upper(), priority=90)
    try:
        assert mt.backend_names()[:1] == ["argos"] and "upper" in mt.backend_names()
        assert isinstance(mt.get_backend(None), Upper)  # no model installed: the fallback
        assert isinstance(mt.get_backend(None), Translator)
        install_package(copy_model_archive)
        assert isinstance(mt.get_backend(None), ArgosBackend)  # model installed: argos first
        assert mt.get_backend("upper").translate_batch(["abc"]) == ["ABC"]
    finally:
        mt.unregister_backend("upper")
    assert "upper" not in mt.backend_names()
