"""termdesk.align.propose on the article pairs in tests/data/align_pairs (written for these tests).

Quality bar: for candidates that occur in both versions, the right Korean first
for ≥ 80% and among the first three for ≥ 95% — with the glossary entries of
the evaluated terms hidden (the proposer must find them in the text), and with
the full glossary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from mt_doubles import Double

from termdesk.align import Candidate, Proposer, read_candidates
from termdesk.align.bitext import Bead, Bitext, align_sentences, korean_sentences, numbers_of, read_pair
from termdesk.align.propose import acronym_of, acronyms_of
from termdesk.glossary import Glossary, load_glossary

DATA = Path(__file__).parent / "data"
PAIRS = DATA / "align_pairs"
ROOT = Path(__file__).resolve().parent.parent


def _gold() -> dict[str, list[str]]:
    gold = {}
    for line in (PAIRS / "gold.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            en, ko = line.split("\t")
            gold[en] = ko.split("|")
    return gold


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(DATA / "glossary_2026_11")


@pytest.fixture(scope="module")
def pairs() -> list[Bitext]:
    return [
        read_pair(f, f.with_name(f.stem + ".ko.txt")) for f in sorted(PAIRS.glob("*.txt")) if not f.stem.endswith(".ko")
    ]


@pytest.fixture(scope="module")
def candidates() -> list[Candidate]:
    return read_candidates(PAIRS / "candidates.csv")


def _rates(results: Sequence[object], gold: dict[str, list[str]]) -> tuple[float, float, list[str]]:
    top1 = top3 = n = 0
    misses = []
    for r in results:
        c = r.candidate  # type: ignore[attr-defined]
        if c.canonical not in gold:
            continue
        n += 1
        kos = [p.ko for p in r.proposals]  # type: ignore[attr-defined]
        top1 += bool(kos) and kos[0] in gold[c.canonical]
        top3 += any(k in gold[c.canonical] for k in kos[:3])
        if not kos or kos[0] not in gold[c.canonical]:
            misses.append(f"{c.canonical} → {kos}")
    return top1 / n, top3 / n, misses


@pytest.mark.parametrize("hidden", [True, False], ids=["glossary-hidden", "full-glossary"])
def test_quality_on_article_pairs(
    glossary: Glossary, pairs: list[Bitext], candidates: list[Candidate], hidden: bool
) -> None:
    gold = _gold()
    hide = {c.entry_id for c in candidates if c.canonical in gold and c.entry_id} if hidden else set()
    cands = [replace(c, entry_id="", status="new") for c in candidates] if hidden else candidates
    results = Proposer(glossary, pairs, hidden=hide).propose_all(cands)
    top1, top3, misses = _rates(results, gold)
    assert len([c for c in candidates if c.canonical in gold]) >= 80
    assert top1 >= 0.80, misses
    assert top3 >= 0.95, misses


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ryu Jae-seung", "류제승"),
        ("Roh Jae-cheon", "노재천"),
        ("Jeong Eun-bo", "정은보"),
        ("Kim You-geun", "김유근"),
        ("Kang Eun-ho", "강은호"),
        ("Thomas Vandal", "토머스 밴달"),
        ("Kurt Campbell", "커트 캠벨"),
        ("Prabowo Subianto", "프라보워 수비안토"),
        ("James DeHart", "제임스 드하트"),
    ],
    ids=["ryu", "roh", "jeong", "kim", "kang", "vandal", "campbell", "prabowo", "dehart"],
)
def test_people_not_in_glossary(
    glossary: Glossary, pairs: list[Bitext], candidates: list[Candidate], name: str, expected: str
) -> None:
    cand = next(c for c in candidates if c.canonical == name)
    result = Proposer(glossary, pairs).propose(cand)
    assert result.best is not None and result.best.ko == expected, result.proposals
    assert result.best.source == "parallel"


def test_korean_name_needs_a_compatible_spelling(glossary: Glossary, pairs: list[Bitext]) -> None:
    """Ryu Jae-seung stands right before 국방부 국방정책실장; no other 3-syllable word there reads as his name."""
    result = Proposer(glossary, pairs).propose(Candidate("Ryu Jae-seung", type="person"))
    assert "romanisation ryu-je-seung ~ Ryu Jae-seung" in result.best.evidence  # type: ignore[union-attr]
    assert all(p.ko != "유정민" for p in result.proposals)  # the reporter's name in the same lead


@pytest.mark.parametrize(
    ("candidate", "how", "ko"),
    [
        (Candidate("Song Young-moo", type="person"), "exact", "송영무"),
        (Candidate("Defense Secretary", type="title"), "variant", "미 국방장관"),
        (Candidate("B-1B Bombers", type="weapon"), "variant", "B-1B 전략폭격기"),
        (Candidate("Defense Minister Song Young-moo", type="person"), "composed", "송영무 국방부 장관"),
        (Candidate("EDSCG", type="acronym"), "acronym", "확장억제전략협의체"),
        (Candidate("Korea-U.S. Integrated Defense Dialogue", type="meeting"), "acronym", "한미통합국방협의체"),
        (Candidate("Ryu Jae-seung", type="person"), "", None),
    ],
    ids=["exact", "variant", "variant-case", "composed", "acronym", "reverse-acronym", "not-covered"],
)
def test_glossary_resolution(candidate: Candidate, how: str, ko: str | None) -> None:
    p = Proposer(load_glossary(DATA / "align_glossary"))
    result = p.propose(candidate)
    assert result.covered == how
    if ko is not None:
        assert [x.ko for x in result.proposals] == [ko]  # the glossary's rendering and nothing else
        assert result.best.score == 1.0  # type: ignore[union-attr]


def test_acronym_resolution_adds_the_variant() -> None:
    result = Proposer(load_glossary(DATA / "align_glossary")).propose(Candidate("EDSCG", type="acronym"))
    assert result.row.en == "Extended Deterrence Strategy and Consultation Group"
    assert result.row.en_variants == ("EDSCG",)
    assert "merge with --update" in result.best.evidence  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("form", "acronym"),
    [
        ("Extended Deterrence Strategy and Consultation Group", "EDSCG"),
        ("Terminal High Altitude Area Defense", "THAAD"),
        ("Korea-U.S. Integrated Defense Dialogue", "KIDD"),
        ("Korea-U.S. Integrated Defense Dialogue", "KUSIDD"),
    ],
    ids=["edscg", "thaad", "hyphen-first-part", "hyphen-each-part"],
)
def test_acronyms_of(form: str, acronym: str) -> None:
    assert acronym in acronyms_of(form)


def test_acronym_of_one_word_is_empty() -> None:
    assert acronym_of("missile") == "" and acronyms_of("missile") == frozenset()


class DoubleMT(Double):
    """An MT backend double: fixed Korean per English segment."""

    identity = "double"

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        self.calls: list[list[str]] = []

    def translate_batch(self, segments: Sequence[str], *, beam_size: int | None = None) -> list[str]:
        self.calls.append(list(segments))
        return [self.table.get(s, "") for s in segments]


def test_mt_proposal_is_marked_and_scored_below_attested(glossary: Glossary, pairs: list[Bitext]) -> None:
    mt = DoubleMT({"rollout ceremony": "롤아웃 행사"})
    result = Proposer(glossary, pairs, translator=mt).propose(Candidate("rollout ceremony", type="concept"))
    sources = [p.source for p in result.proposals]
    assert sources[-1] == "mt" and sources[0] == "parallel"
    mt_p = result.proposals[-1]
    assert mt_p.ko == "롤아웃 행사" and "machine translation (double)" in mt_p.evidence
    assert all(mt_p.score < p.score for p in result.proposals if p.source != "mt")
    assert mt.calls and mt.calls[0][0] == "rollout ceremony"


def test_mt_alone_without_parallel_text(glossary: Glossary) -> None:
    mt = DoubleMT({"rollout ceremony": "출고식"})
    result = Proposer(glossary, [], translator=mt).propose(
        Candidate("rollout ceremony", type="concept", contexts=("kf21:5: attended the [rollout ceremony] at KAI",))
    )
    assert [(p.ko, p.source) for p in result.proposals] == [("출고식", "mt")]
    assert result.best.score <= 0.3  # type: ignore[union-attr]
    assert result.row.source == "machine translation (double)"


def test_mt_agreeing_with_parallel_text_is_noted(glossary: Glossary, pairs: list[Bitext]) -> None:
    mt = DoubleMT({"Jagang Province": "자강도"})
    result = Proposer(glossary, pairs, translator=mt).propose(Candidate("Jagang Province", type="place"))
    assert result.best.ko == "자강도" and result.best.source == "parallel"  # type: ignore[union-attr]
    assert "agrees with machine translation" in result.best.evidence  # type: ignore[union-attr]
    assert all(p.source != "mt" for p in result.proposals)


def test_glossary_backend_means_no_mt(glossary: Glossary) -> None:
    class Inline(DoubleMT):
        inline = True

    result = Proposer(glossary, [], translator=Inline({"rollout ceremony": "x"})).propose(Candidate("rollout ceremony"))
    assert result.proposals == ()


# --------------------------------------------------------------------------- sentence alignment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('미국은 반대했다. 중국은 "우려한다"고 말했다.', ["미국은 반대했다.", '중국은 "우려한다"고 말했다.']),
        (
            "U.S. 당국자는 B-1B가 1.5시간 비행했다고 밝혔다. 다음 문장.",
            ["U.S. 당국자는 B-1B가 1.5시간 비행했다고 밝혔다.", "다음 문장."],
        ),
        ("질문인가? 그렇다!", ["질문인가?", "그렇다!"]),
    ],
    ids=["quote", "latin-and-decimals", "question"],
)
def test_korean_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in korean_sentences(text)] == expected


def test_korean_numbers_read() -> None:
    assert {"3700", "1000", "17500"} <= numbers_of("약 3천700㎞를, 1천㎞, 1만7천500여 명", korean=True)


def test_align_sentences_skips_and_merges() -> None:
    en = [
        "The allies agreed on THAAD on July 8.",
        "It is expected by 2017.",
        "China and Russia have strongly protested against the decision for months, saying the radar could be used to spy on their territory.",
        "Seoul said 48 interceptors come.",
    ]
    ko = ["한미는 8일 THAAD 배치에 합의했으며 2017년까지 운용한다.", "서울은 요격미사일 48발이 온다고 밝혔다."]
    anchors_en = [frozenset({"n:8", "l:THAAD"}), frozenset({"n:2017"}), frozenset(), frozenset({"n:48"})]
    anchors_ko = [frozenset({"n:8", "l:THAAD", "n:2017"}), frozenset({"n:48"})]
    beads = align_sentences(en, ko, en_anchors=anchors_en, ko_anchors=anchors_ko)
    assert beads[0].en == (0, 1) and beads[0].ko == (0,)  # two English sentences, one Korean (2-1)
    assert [i for b in beads for i in b.en] == [0, 1, 2, 3] and [j for b in beads for j in b.ko] == [0, 1]
    assert next(b for b in beads if 3 in b.en).ko == (1,)


def test_align_sentences_leaves_out_what_has_no_counterpart() -> None:
    en = ["Seoul said 48 interceptors come on July 8.", "The allies agreed on THAAD.", "It is expected by 2017."]
    ko = ["서울은 8일 요격미사일 48발이 온다고 밝혔다.", "한국군은 별도로 훈련을 했다.", "2017년까지 배치될 예정이다."]
    anchors_en = [frozenset({"n:48", "n:8"}), frozenset({"l:THAAD"}), frozenset({"n:2017"})]
    anchors_ko = [frozenset({"n:48", "n:8"}), frozenset(), frozenset({"n:2017"})]
    beads = align_sentences(en, ko, en_anchors=anchors_en, ko_anchors=anchors_ko)
    links = {(i, j) for b in beads for i in b.en for j in b.ko}
    assert (0, 0) in links and (2, 2) in links and (0, 2) not in links


def test_unequal_paragraphs_align(glossary: Glossary) -> None:
    """5 English paragraphs, 3 Korean: the aligner pairs sentences, not paragraphs."""
    d = DATA / "align_unequal_paragraphs"
    b = read_pair(d / "drill.txt", d / "drill.ko.txt")
    assert (b.en_paragraphs, b.ko_paragraphs) == (5, 3)
    aligned = Proposer(glossary, [b]).bitexts[0]
    assert [(x.en, x.ko) for x in aligned.beads] == [((i,), (i,)) for i in range(5)]
    assert aligned.ko_for(3).__len__() == 1 and "앤더슨" in aligned.ko[aligned.ko_for(3)[0]]


def test_given_beads_are_kept(glossary: Glossary) -> None:
    b = Bitext(
        "x", "x.txt", "x.ko.txt", ("Song Young-moo spoke.",), ("송영무 장관이 말했다.",), 1, 1, (Bead((0,), (0,), 0.0),)
    )
    p = Proposer(glossary, [b], align=False)
    assert p.bitexts[0].beads == b.beads


def test_parallel_returns_ranked_frozen_proposals(glossary: Glossary, pairs: list[Bitext]) -> None:
    import dataclasses

    from termdesk.align import Proposal

    ranked, n = Proposer(glossary, pairs).parallel(Candidate("Ryu Jae-seung", type="person"))
    assert n >= 1 and ranked
    assert all(isinstance(p, Proposal) and p.source == "parallel" for p in ranked)
    assert [p.score for p in ranked] == sorted((p.score for p in ranked), reverse=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        ranked[0].score = 1.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("reach", "weight"),
    [("ALIGNED", 1.0), ("ARTICLE", 0.6), ("NEIGHBOUR", 0.4)],
    ids=["aligned sentence", "elsewhere in the article", "next to the aligned sentence"],
)
def test_reach_weights(reach: str, weight: float) -> None:
    from termdesk.align.scoring import Reach

    assert Reach[reach].weight == weight


@pytest.mark.parametrize(
    ("candidate", "covered"),
    [
        pytest.param(Candidate("indicators of compromise", variants=("IOCs",)), "", id="own-expansion-another-body"),
        pytest.param(Candidate("IOC"), "variant", id="the-acronym-alone-is-the-entry"),
    ],
)
def test_an_acronym_with_another_expansion_is_not_the_glossary_entry(candidate: Candidate, covered: str) -> None:
    glossary = load_glossary(Path(__file__).resolve().parent.parent / "glossary")
    assert Proposer(glossary).propose(candidate).covered == covered
