#!/usr/bin/env python3
"""Build a tiny but valid en→ko Argos package (``.argosmodel``) offline, in seconds.

    .venv/bin/python scripts/build_test_model.py -o build/test-en_ko.argosmodel
    .venv/bin/python scripts/build_test_model.py -o build/bench.argosmodel --random   # Argos-sized, random

Two kinds of package, both laid out exactly as Argos expects (one top folder with
``metadata.json``, ``model/`` (a CTranslate2 model directory) and ``sentencepiece.model``;
no stanza/minisbd splitter, so nothing ever tries to download one):

``copy`` (default)
    A one-layer CTranslate2 Transformer whose weights are *constructed*, not trained,
    so that it copies its source tokens through exactly, at every compute type and
    beam size. Tests use it to check that text — placeholders, Korean terms —
    survives the real SentencePiece → CTranslate2 → SentencePiece path.

    How it copies (d = V token dims + 1 balance dim + 4K position dims):

    * encoder embedding of token i: ``+A`` on token dim i and ``-A`` on the balance dim;
      decoder embeddings are zero (the decoder only needs to know *where* it is);
    * learned position encodings: for K frequencies ``w_j = π / 2**j`` the dims
      ``cos(w_j p), sin(w_j p)`` and their negatives. Every vector then sums to zero
      and has the same norm, so each LayerNorm is a plain constant rescaling;
      ``Σ_j cos(w_j (t - s))`` is K at ``s = t`` and at most K - 2 elsewhere
      (the lowest set bit of t - s flips one cosine to -1), for |t - s| < 2**K;
    * decoder→encoder attention: query = decoder position, key = encoder position,
      scaled so the softmax puts all its weight on ``s = t``; value = the token dims;
    * self-attention and feed-forward outputs are zero; the output projection is the
      identity over the (shared) vocabulary, so step t emits source token t;
    * the source gets ``</s>`` appended (``add_source_eos``), so after the last token
      the model copies ``</s>`` and stops.

    Each weight row has a single non-zero value (or is zero), so int8 quantization
    is exact.

``random`` (``--random``)
    An Argos-sized Transformer (6+6 layers, d_model 512, 8 heads, FFN 2048, 32k
    shared vocabulary, int8) with random weights, for benchmarks. It translates
    nothing; it costs what a real model costs.

Importable: ``build_test_model(path, ...)`` and ``build_random_model(path, ...)``.
No network, ever.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

#: Korean sentences in the register of the seed articles (Yonhap/MND forms), so the
#: SentencePiece model has real Hangul pieces. Anything else falls back to bytes.
KOREAN_TEXT = (
    "국방부는 31일 한미 국방장관 회담을 조속히 개최하는 방안을 미국 측과 협의하고 있다고 밝혔다.",
    "송영무 국방부 장관은 이날 국회 국방위원회에 출석해 북한의 대륙간탄도미사일(ICBM) 발사에 대해 설명했다.",
    "합동참모본부는 북한이 동해상으로 탄도미사일 1발을 발사했다고 밝혔다.",
    "애슈턴 카터 미국 국방장관이 다음 달 한국을 방문할 예정이라고 정부 소식통이 전했다.",
    "한민구 국방부 장관과 카터 장관은 고고도미사일방어체계(THAAD·사드) 배치 문제를 논의할 것으로 보인다.",
    "양국은 10월 열리는 한미안보협의회의(SCM)에 앞서 첫 회담을 추진하고 있다.",
    "정부는 미국의 확장억제 실행력을 강화하는 방안을 모색하고 있다.",
    "한미 미사일 지침 개정 문제도 회담 의제에 포함될 것으로 알려졌다.",
    "북한은 미국 본토 전역이 사정권 안에 들어왔다고 주장했다.",
    "주한미군은 연합연습을 예정대로 실시할 계획이라고 밝혔다.",
    "국방부 대변인은 정례 브리핑에서 이같이 말했다.",
    "제임스 매티스 미국 국방장관은 한반도 비핵화 의지를 거듭 강조했다.",
    "해군참모총장 출신인 송 장관은 이달 취임했다.",
    "두 장관은 북한의 핵·미사일 위협에 공동으로 대응하기로 했다.",
)

METADATA = {
    "package_version": "1.0",
    "argos_version": "1.11.0",
    "from_code": "en",
    "from_name": "English",
    "to_code": "ko",
    "to_name": "Korean",
    "type": "translate",
    "links": [],
}


# --------------------------------------------------------------------------- pieces


def training_text(extra: Iterable[str] = ()) -> list[str]:
    """Lines of the seed articles plus the Korean sentences above (no network)."""
    lines: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    lines.extend(KOREAN_TEXT)
    lines.extend(extra)
    return [line for line in lines if line]


def train_sentencepiece(lines: Sequence[str], *, vocab_size: int = 600, model_type: str = "unigram") -> bytes:
    """A SentencePiece model (nmt_nfkc, byte fallback) trained on ``lines``, as bytes.

    ``unigram`` is what OpenNMT/Argos models use; ``bpe`` reaches a larger vocabulary on
    this little text (word-sized pieces, so benchmark inputs have realistic lengths).
    """
    import sentencepiece as spm

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buf,
        minloglevel=2,  # quiet (a logstream needs a real stderr file descriptor)
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        model_type=model_type,
        character_coverage=1.0,
        byte_fallback=True,
        normalization_rule_name="nmt_nfkc",
        num_threads=1,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
    )
    return buf.getvalue()


def _vocabulary(sp_model: bytes) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_proto=sp_model)
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


# --------------------------------------------------------------------------- CTranslate2 specs


def _copy_spec(vocab: Sequence[str], *, frequencies: int = 11, max_positions: int = 1100) -> object:
    """The copy Transformer described in the module docstring (float32 weights)."""
    import numpy as np
    from ctranslate2.specs import transformer_spec

    V, K = len(vocab), frequencies
    bal, pos0 = V, V + 1
    d = V + 1 + 4 * K
    a = 1.0  # token magnitude in the encoder

    spec = transformer_spec.TransformerSpec.from_config(1, 1, pre_norm=True)
    spec.config.add_source_eos = True
    enc, dec = spec.encoder, spec.decoder
    enc.scale_embeddings = False
    dec.scale_embeddings = False

    emb = np.zeros((V, d), np.float32)
    emb[np.arange(V), np.arange(V)] = a
    emb[:, bal] = -a
    enc.embeddings[0].weight = emb
    dec.embeddings.weight = np.zeros((V, d), np.float32)

    p = np.arange(max_positions, dtype=np.float64)[:, None]
    w = math.pi / (2.0 ** np.arange(K))[None, :]
    pe = np.zeros((max_positions, d), np.float32)
    pe[:, pos0 : pos0 + K] = np.cos(p * w)
    pe[:, pos0 + K : pos0 + 2 * K] = np.sin(p * w)
    pe[:, pos0 + 2 * K : pos0 + 4 * K] = -pe[:, pos0 : pos0 + 2 * K]
    enc.position_encodings.encodings = pe
    dec.position_encodings.encodings = pe.copy()

    def norm(ln: object) -> None:
        ln.gamma = np.ones(d, np.float32)
        ln.beta = np.zeros(d, np.float32)

    def linear(lin: object, rows: int, cols: int) -> np.ndarray:
        lin.weight = np.zeros((rows, cols), np.float32)
        lin.bias = np.zeros(rows, np.float32)
        return lin.weight

    ffn = 4
    for layer in (enc.layer[0], dec.layer[0]):
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d, d)
        linear(layer.self_attention.linear[1], d, d)
        norm(layer.ffn.layer_norm)
        linear(layer.ffn.linear_0, ffn, d)
        linear(layer.ffn.linear_1, d, ffn)
    norm(enc.layer_norm)
    norm(dec.layer_norm)

    # LayerNorm of a zero-sum vector x is x / sigma with sigma = |x| / sqrt(d).
    sigma_enc = math.sqrt((2 * a * a + 2 * K) / d)
    sigma_dec = math.sqrt((2 * K) / d)
    sharpness = 16.0  # logit gap between s = t and any other s is >= 2 * sharpness
    c = sharpness * sigma_dec * sigma_enc * math.sqrt(d)  # CTranslate2 scales queries by 1/sqrt(d)

    cross = dec.layer[0].attention
    norm(cross.layer_norm)
    q = linear(cross.linear[0], d, d)
    kv = linear(cross.linear[1], 2 * d, d)
    out = linear(cross.linear[2], d, d)
    cos_sin = np.arange(pos0, pos0 + 2 * K)
    q[cos_sin, cos_sin] = c
    kv[cos_sin, cos_sin] = 1.0  # keys: the encoder's position dims
    kv[d + np.arange(V), np.arange(V)] = 1.0  # values: the encoder's token dims (a / sigma_enc each)
    out[np.arange(V), np.arange(V)] = 4.0 * sigma_enc / a  # 4 * one-hot(source token t)

    proj = linear(dec.projection, V, d)
    proj[np.arange(V), np.arange(V)] = 32.0

    spec.register_source_vocabulary(list(vocab))
    spec.register_target_vocabulary(list(vocab))
    return spec


def _random_spec(vocab: Sequence[str], *, layers: int, d_model: int, heads: int, ffn: int, seed: int) -> object:
    """An Argos-sized Transformer with random weights (shared embeddings, like Argos models)."""
    import numpy as np
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)
    V, d = len(vocab), d_model
    spec = transformer_spec.TransformerSpec.from_config(layers, heads, pre_norm=True)

    def rand(*shape: int) -> np.ndarray:
        return rng.standard_normal(shape, dtype=np.float32) * np.float32(1.0 / math.sqrt(shape[-1]))

    def norm(ln: object) -> None:
        ln.gamma = np.ones(d, np.float32)
        ln.beta = np.zeros(d, np.float32)

    def linear(lin: object, rows: int, cols: int) -> None:
        lin.weight = rand(rows, cols)
        lin.bias = np.zeros(rows, np.float32)

    shared = rand(V, d)
    spec.encoder.embeddings[0].weight = shared
    spec.decoder.embeddings.weight = shared
    spec.decoder.projection.weight = shared
    spec.decoder.projection.bias = np.zeros(V, np.float32)

    def block(layer: object, *, cross: bool) -> None:
        # draws in a fixed order (self-attention, cross-attention, FFN): the same seed, the same model
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d, d)
        linear(layer.self_attention.linear[1], d, d)
        if cross:
            norm(layer.attention.layer_norm)
            linear(layer.attention.linear[0], d, d)
            linear(layer.attention.linear[1], 2 * d, d)
            linear(layer.attention.linear[2], d, d)
        norm(layer.ffn.layer_norm)
        linear(layer.ffn.linear_0, ffn, d)
        linear(layer.ffn.linear_1, d, ffn)

    for layer in spec.encoder.layer:
        block(layer, cross=False)
    for layer in spec.decoder.layer:
        block(layer, cross=True)
    norm(spec.encoder.layer_norm)
    norm(spec.decoder.layer_norm)
    spec.register_source_vocabulary(list(vocab))
    spec.register_target_vocabulary(list(vocab))
    return spec


# --------------------------------------------------------------------------- package


def _write_package(
    output: Path, spec: object, sp_model: bytes, *, folder: str, quantization: str, metadata: dict[str, object]
) -> Path:
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="termdesk-model-") as tmp:
        model_dir = Path(tmp) / "model"
        spec.validate()
        spec.optimize(quantization=quantization)
        model_dir.mkdir()
        spec.save(str(model_dir))
        part = output.with_name(f".{output.name}.part")
        with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_STORED) as zf:
            zf.writestr(f"{folder}/", b"")
            zf.writestr(f"{folder}/metadata.json", json.dumps(metadata, indent=2, ensure_ascii=False) + "\n")
            zf.writestr(f"{folder}/sentencepiece.model", sp_model)
            zf.writestr(
                f"{folder}/README.md",
                "termdesk test package: generated weights, not a translation model.\n",
            )
            zf.writestr(f"{folder}/model/", b"")
            for f in sorted(model_dir.iterdir()):
                zf.write(f, f"{folder}/model/{f.name}")
        part.replace(output)
    return output


def build_test_model(
    output: str | Path,
    *,
    quantization: str = "int8",
    folder: str = "translate-en_ko-termdesk_test",
    package_version: str = "1.0",
    vocab_size: int = 600,
    max_positions: int = 1100,
) -> Path:
    """Write the tiny *copy* en→ko package to ``output`` (a zip) and return its path.

    The model copies every SentencePiece piece of its input through, so a
    translation is the NFKC-normalized input. Takes well under a second.
    """
    sp_model = train_sentencepiece(training_text(), vocab_size=vocab_size)
    spec = _copy_spec(_vocabulary(sp_model), max_positions=max_positions)
    meta = dict(METADATA, package_version=package_version)
    return _write_package(Path(output), spec, sp_model, folder=folder, quantization=quantization, metadata=meta)


def build_random_model(
    output: str | Path,
    *,
    layers: int = 6,
    d_model: int = 512,
    heads: int = 8,
    ffn: int = 2048,
    vocab_size: int = 32000,
    quantization: str = "int8",
    seed: int = 0,
    folder: str = "translate-en_ko-termdesk_random",
) -> Path:
    """Write an Argos-sized en→ko package with random weights (for benchmarks).

    The CTranslate2 vocabulary is the SentencePiece vocabulary padded with
    ``<extra_N>`` entries up to ``vocab_size``, so model cost matches a real
    32k-vocabulary Argos model.
    """
    sp_model = train_sentencepiece(training_text(), vocab_size=2000, model_type="bpe")
    vocab = _vocabulary(sp_model)
    vocab += [f"<extra_{i}>" for i in range(vocab_size - len(vocab))]
    spec = _random_spec(vocab, layers=layers, d_model=d_model, heads=heads, ffn=ffn, seed=seed)
    meta = dict(METADATA, package_version="0.0")
    return _write_package(Path(output), spec, sp_model, folder=folder, quantization=quantization, metadata=meta)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", required=True, type=Path, help="the .argosmodel file to write")
    parser.add_argument("--random", action="store_true", help="Argos-sized model with random weights (benchmarks)")
    parser.add_argument(
        "--quantization", default="int8", help="CTranslate2 weight type: int8 (default), int8_float32, float32, …"
    )
    args = parser.parse_args(argv)
    if args.random:
        path = build_random_model(args.output, quantization=args.quantization)
    else:
        path = build_test_model(args.output, quantization=args.quantization)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
