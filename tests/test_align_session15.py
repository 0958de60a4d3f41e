"""Issue 19, session 15: a sound-alike is no transcription unless Korean could write the English that way, and a
word of a list joined by a middle dot is a whole word for a one-word term (heldout85's first run offered 옮겨 for
Iraq and 분쟁 for Afghanistan from 이라크·아프가니스탄). Every rule's example is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.align.bitext import read_pair
from termdesk.align.candidates import Candidate
from termdesk.align.propose import Proposer
from termdesk.glossary import load_glossary
from termdesk.ko.phrases import phrases
from termdesk.ko.romanize import TRANSCRIPTION_EXAMPLES, transcription_like, translit_similarity

GLOSSARY = load_glossary(Path(__file__).resolve().parent.parent / "glossary")


@pytest.mark.parametrize(
    ("en", "ko", "like"), TRANSCRIPTION_EXAMPLES, ids=[f"{e}-{k}" for e, k, _ in TRANSCRIPTION_EXAMPLES]
)
def test_transcription_like(en: str, ko: str, like: bool) -> None:
    assert transcription_like(en, ko) is like


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        pytest.param("Iraq", "옮겨", id="a-final-no-transcription-has"),
        pytest.param("Korea", "결의", id="a-vowel-the-spelling-has-not"),
        pytest.param("Geneva", "국가안보", id="three-consonants-by-chance"),
    ],
)
def test_chance_skeleton_is_no_transcription(en: str, ko: str) -> None:
    assert translit_similarity(en, ko) <= 0.5


def test_word_of_a_middle_dot_list_is_marked_listed() -> None:
    spans = phrases("미국이 이라크·아프가니스탄 전쟁에 더해")
    assert all(s.part and s.listed for s in spans["이라크"])
    assert all(s.part and s.listed for s in spans["아프가니스탄"])
    assert not any(s.listed for s in phrases("핵미사일 위협이 커졌다")["미사일"])


def _proposer(tmp_path: Path, en: str, ko: str) -> Proposer:
    (tmp_path / "a.en.txt").write_text(en, encoding="utf-8")
    (tmp_path / "a.ko.txt").write_text(ko, encoding="utf-8")
    return Proposer(GLOSSARY, [read_pair(tmp_path / "a.en.txt", tmp_path / "a.ko.txt")])


@pytest.mark.parametrize(
    ("term", "best", "never"),
    [
        pytest.param("Iraq", "이라크", ("옮겨", "여력"), id="one-word-term-takes-the-listed-word"),
        pytest.param("Afghanistan", "아프가니스탄", ("분쟁",), id="second-word-of-the-list"),
    ],
)
def test_listed_word_for_a_one_word_term(tmp_path: Path, term: str, best: str, never: tuple[str, ...]) -> None:
    p = _proposer(
        tmp_path,
        "War Questions\n\nQuestions turned to whether the military could afford another conflict on top of the wars in"
        " Iraq and Afghanistan.\n",
        "전쟁 질문\n\n질문은 미국이 이라크·아프가니스탄 전쟁에 더해 또 다른 분쟁을 감당할 여력이 있는지로 옮겨 갔다.\n",
    )
    result = p.propose_all([Candidate(canonical=term)])[0]
    assert result.proposals and result.proposals[0].ko == best, [(q.ko, q.score) for q in result.proposals]
    assert not [q for q in result.proposals if q.ko in never and q.score >= 0.5]


def test_compound_the_dot_renders_is_not_cut(tmp_path: Path) -> None:
    """인도·태평양 renders Indo-Pacific whole: its pieces are no proposal for the hyphenated term."""
    p = _proposer(
        tmp_path,
        "Strategy\n\nThe allies share a vision of a free and open Indo-Pacific.\n",
        "전략\n\n양국은 자유롭고 열린 인도·태평양이라는 비전을 공유한다.\n",
    )
    result = p.propose_all([Candidate(canonical="Indo-Pacific")])[0]
    assert all(q.ko not in ("인도", "태평양") or q.score < 0.5 for q in result.proposals)


@pytest.mark.parametrize(
    ("sentence", "never"),
    [
        pytest.param("그는 H중대 소속 병사였다.", "H중대 소속", id="belonging-to-after-the-unit"),
        pytest.param("그는 전환 담당 부단장 겸 참모장이다.", "전환 담당 부단장 겸", id="concurrently-between-posts"),
        pytest.param(
            "얼마 남지 않은 용산기지 이전사업을 마무리했다.", "않은 용산기지 이전사업", id="negating-auxiliary"
        ),
        pytest.param("행사를 열고 주한 미 육군 재무회계처를 소개했다.", "열고 주한 미 육군", id="native-verb-and-go"),
    ],
)
def test_no_phrase_ends_or_starts_with_a_function_word(sentence: str, never: str) -> None:
    """heldout87 and heldout88's first runs offered H중대 소속, 전환 담당 부단장 겸, 않은 용산기지 이전사업 and 열고 주한 미
    육군: 소속 and 겸 are stop words (never part of a term), 않은 and 열고 verb forms (never inside one)."""
    assert never not in phrases(sentence)


def test_prisoner_of_war_is_a_known_word_no_particle_is_cut_from(tmp_path: Path) -> None:
    """전쟁포로 is no 전쟁포 + the particle 로: 포로 (prisoner) is in the core lexicon now (heldout82's first run offered
    미국 국방부 전쟁포 for the Defense POW/MIA Accounting Agency)."""
    p = _proposer(
        tmp_path,
        "Remains Flown Home\n\nThe plane carried experts from the Defense POW/MIA Accounting Agency.\n",
        "유해 송환\n\n이 수송기에는 미국 국방부 전쟁포로 및 실종자 확인국(DPAA)의 기술 전문가들이 동승했다.\n",
    )
    result = p.propose_all([Candidate(canonical="Defense POW/MIA Accounting Agency")])[0]
    assert not [q for q in result.proposals if q.ko.endswith("전쟁포")], [q.ko for q in result.proposals]
