"""Issue 19, session 11: lowercase phrases the chunker never formed (the largest class of missed new terms on the
looked-at splits) — an ``-ly`` verb read as an adverb (``apply``), a compound with an ``-ing`` head (``information
sharing``), an ``-ing`` adjective (``lasting peace``), a lowercase prefix on a proper adjective (``inter-Korean``),
a coordination read as a shared head when it is not (``combat readiness and combined defense posture``), the verb
after a subject pronoun; and a known term behind an evaluative modifier. Every rule's example is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.glossary import load_glossary
from termdesk.mine.extract import ing_adjective, ly_adverb, noun_phrases, tokens
from termdesk.mine.quality import GENERIC_RULES, MODIFIER_EXAMPLES, generic_rule, modifier_stripped

GLOSSARY_DIR = Path(__file__).resolve().parent.parent / "glossary"


def _phrases(sentence: str) -> set[str]:
    return {" ".join(words) for words, _, _ in noun_phrases(tokens(sentence))}


@pytest.mark.parametrize(
    ("word", "adverb"),
    [
        ("jointly", True),
        ("friendly", True),
        ("apply", False),  # a verb the lexicon knows only as a verb
        ("supply", False),
        ("family", False),
        ("assembly", False),
    ],
)
def test_ly_adverb(word: str, adverb: bool) -> None:
    assert ly_adverb(word) is adverb


@pytest.mark.parametrize(("word", "adjective"), [("lasting", True), ("ongoing", True), ("sharing", False)])
def test_ing_adjective(word: str, adjective: bool) -> None:
    assert ing_adjective(word) is adjective


NOUN_PHRASE_CASES = [
    # (name, sentence, formed, not formed)
    ("ly-verb before its object", "They agreed to apply maximum pressure on the DPRK.", ["maximum pressure"], []),
    (
        "ing head of a compound",
        "They agreed on information sharing and missile warning data.",
        ["information sharing", "missile warning data"],
        [],
    ),
    (
        "ing head inside a longer compound",
        "They signed a trilateral information sharing agreement.",
        ["information sharing agreement", "trilateral information sharing agreement"],
        ["sharing agreement", "trilateral information"],
    ),
    ("no ing head before to", "The alliance continuing to grow matters.", [], ["alliance continuing"]),
    ("ing adjective", "Both leaders called for lasting peace on the peninsula.", ["lasting peace"], []),
    ("prefixed proper adjective", "They discussed inter-Korean relations.", ["inter-korean relations"], []),
    ("verb after a subject pronoun", "They support inter-Korean relations.", [], ["support inter-korean relations"]),
    (
        "repeated first word is no shared head",
        "It will promote freedom of navigation and freedom of commerce.",
        ["freedom of navigation", "freedom of commerce"],
        [],
    ),
    (
        "a long singular second conjunct is a phrase of its own",
        "It raised combat readiness and combined defense posture.",
        ["combat readiness", "combined defense posture"],
        [],
    ),
    (
        "a plural head is shared",
        "The delegations included senior defense and foreign affairs officials.",
        ["foreign affairs officials"],
        ["senior defense"],
    ),
    (
        "a two-word second conjunct shares its head",
        "It enhances our combined deterrence and response posture.",
        ["response posture"],
        ["combined deterrence"],
    ),
    (
        "shared plural head",
        "They discussed regional security and alliance issues.",
        ["alliance issues"],
        ["regional security"],
    ),
]


@pytest.mark.parametrize(
    ("sentence", "formed", "not_formed"),
    [case[1:] for case in NOUN_PHRASE_CASES],
    ids=[case[0] for case in NOUN_PHRASE_CASES],
)
def test_noun_phrases(sentence: str, formed: list[str], not_formed: list[str]) -> None:
    found = _phrases(sentence)
    assert set(formed) <= found
    assert not set(not_formed) & found


@pytest.mark.parametrize(("phrase", "term"), MODIFIER_EXAMPLES, ids=[p for p, _ in MODIFIER_EXAMPLES])
def test_modifier_rule_keeps_the_known_term(phrase: str, term: str) -> None:
    rule = generic_rule(phrase)
    assert rule is not None and rule.modifier
    found = modifier_stripped(phrase, rule, load_glossary(GLOSSARY_DIR))
    assert found is not None and found[0] == term


@pytest.mark.parametrize("rule", [r for r in GENERIC_RULES if r.modifier], ids=lambda r: r.name)
def test_every_modifier_rule_has_an_example(rule: object) -> None:
    assert any(generic_rule(p) is rule for p, _ in MODIFIER_EXAMPLES)


def test_a_modifier_before_no_known_term_is_still_dropped() -> None:
    rule = generic_rule("shared values")
    assert rule is not None and modifier_stripped("shared values", rule, load_glossary(GLOSSARY_DIR)) is None
