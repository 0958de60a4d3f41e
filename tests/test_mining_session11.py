"""Issue 19, session 11: lowercase phrases the chunker never formed (the largest class of missed new terms on the
looked-at splits) — an ``-ly`` verb read as an adverb (``apply``), a compound with an ``-ing`` head (``information
sharing``), an ``-ing`` adjective (``lasting peace``), a lowercase prefix on a proper adjective (``inter-Korean``),
a coordination read as a shared head when it is not (``combat readiness and combined defense posture``), the verb
after a subject pronoun; and a known term behind an evaluative modifier. Every rule's example is a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.glossary import load_glossary
from termdesk.ko.phrases import phrases
from termdesk.ko.stems import stopword_with_particle
from termdesk.mine import mine
from termdesk.mine.article import topic_index
from termdesk.mine.extract import coordinated_phrases, ing_adjective, ly_adverb, merge_key, noun_phrases, tokens
from termdesk.mine.quality import GENERIC_RULES, MODIFIER_EXAMPLES, coordination, generic_rule, modifier_stripped

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


COORDINATION_CASES = [
    # (name, sentence, the coordinated phrases found)
    ("shared head", "They condemned the DPRK's nuclear and missile programs.", ["nuclear and missile programs"]),
    (
        "two compounds",
        "They trained for humanitarian assistance and disaster relief.",
        ["humanitarian assistance and disaster relief"],
    ),
    (
        "of before the pair",
        "It protects freedom of navigation and overflight.",
        ["freedom of navigation and overflight"],
    ),
    (
        "a listed adjective and an Oxford comma",
        "They called for the complete, verifiable, and irreversible denuclearization of North Korea.",
        ["complete verifiable and irreversible denuclearization"],
    ),
    (
        "a list without an Oxford comma",
        "They shared tactics, techniques and procedures.",
        ["tactics techniques and procedures"],
    ),
    (
        "a general adjective does not open it",
        "They held new command and control exercises.",
        ["command and control exercises"],
    ),
    ("a verb after the conjunction", "Security and stability remain important.", ["security and stability"]),
    ("no verb in front", "They undermine peace and security.", ["peace and security"]),
    ("a clause after a comma", "It counters missile threats, and promotes peace.", []),
    ("a verb ends the conjunct", "The alliance grew and prospered.", []),
    ("cut from an of-phrase", "It shows weapons of mass destruction and ballistic missile programs.", []),
    ("cut from a name", "It thanked the ROK people and alliance forces.", []),
    ("after a participle", "It focused on emerging technologies and supply chains.", []),
    (
        "a chain: the later pair keeps its two-word conjunct",
        "It focused on critical technologies and international peace and security.",
        ["critical technologies and international peace", "international peace and security"],
    ),
    ("a chain with a one-word conjunct", "They discussed peace and security and stability.", []),
]


@pytest.mark.parametrize(
    ("sentence", "found"), [case[1:] for case in COORDINATION_CASES], ids=[case[0] for case in COORDINATION_CASES]
)
def test_coordinated_phrases(sentence: str, found: list[str]) -> None:
    assert [" ".join(w for w in words if w) for words, _, _ in coordinated_phrases(tokens(sentence))] == found


def test_a_coordination_is_held_back_and_keeps_its_conjuncts(tmp_path: Path) -> None:
    text = (
        "Allies Review Readiness\n\n"
        "The allies reviewed humanitarian assistance and disaster relief. Disaster relief drills followed, "
        "and disaster relief teams met in two cities.\n"
    )
    (tmp_path / "a.en.txt").write_text(text, encoding="utf-8")
    result = mine([str(tmp_path / "a.en.txt")])
    status = {c.canonical: c.status for c in result.candidates}
    assert coordination("humanitarian assistance and disaster relief")
    assert status.get("humanitarian assistance and disaster relief") == "held-back"
    assert "disaster relief" in {merge_key(f) for c in result.candidates for f in c.forms}


TOPIC_INDEX_CASES = [
    # (name, paragraphs, positions in the index)
    (
        "a briefing's topic index",
        [
            "Daily Press Briefing",
            "NORTH KOREA",
            "North Korean Requests for Non-Aggression Pact",
            "Channels of Communication With North Korea",
            "U.S. Food Aid to North Korea, Monitoring and Verification",
            "MR. BOUCHER: Good afternoon.",
        ],
        {2, 3, 4},
    ),
    (
        "a list after a colon is the body's",
        [
            "The meetings included:",
            "Commander, ROK Fleet, Vice Adm. Choi Sung-hyeok",
            "U.S. Ambassador to ROK, Philip Goldberg",
            "Commander, U.S. Forces Korea, Gen. Paul LaCamera",
        ],
        set(),
    ),
    (
        "two title-case lines are no index",
        ["Readout of Secretary Austin's Meeting", "Korean Defense Minister Shin Won-sik", "The two met today."],
        set(),
    ),
]


@pytest.mark.parametrize(
    ("texts", "listed"), [case[1:] for case in TOPIC_INDEX_CASES], ids=[case[0] for case in TOPIC_INDEX_CASES]
)
def test_topic_index(texts: list[str], listed: set[int]) -> None:
    assert topic_index(texts) == listed


#: Mined texts: a topic index (text, candidates kept, candidates gone).
A_TOPIC_INDEX = [
    pytest.param(
        "Daily Press Briefing\n\n"
        "North Korean Requests for Non-Aggression Pact\n\n"
        "Channels of Communication With North Korea\n\n"
        "International Atomic Energy Agency Board Statement\n\n"
        "MR. BOUCHER: We spoke with the International Atomic Energy Agency today.\n",
        ["International Atomic Energy Agency"],
        ["Channels of Communication With North Korea", "North Korean Requests"],
        id="a topic index names nothing by its capitals",
    ),
]


def _mined(tmp_path: Path, text: str) -> set[str]:
    (tmp_path / "a.en.txt").write_text(text, encoding="utf-8")
    return {c.canonical for c in mine([str(tmp_path / "a.en.txt")]).candidates}


#: Mined texts: words of names and salutations (text, candidates kept, candidates gone).
WORDS_OF_NAMES = [
    pytest.param(
        "Remains Identified\n\nThe Defense POW/Missing Personnel Office (DPMO) said today that the remains "
        "were identified. DPMO thanked the families.\n",
        ["Defense POW/Missing Personnel Office"],
        ["POW"],
        id="an acronym slashed to a word of a name",
    ),
    pytest.param(
        "Agency Update\n\nThe Defense POW/MIA Accounting Agency said today that it met the families. Officials "
        "of the Defense POW/MIA Accounting Agency spoke.\n",
        ["Defense POW/MIA Accounting Agency"],
        ["POW", "MIA"],
        id="an acronym seen only inside names",
    ),
    pytest.param(
        "Update on THAAD\n\nThe THAAD battery is ready. Officials said THAAD protects the alliance.\n",
        ["THAAD"],
        [],
        id="an acronym also seen alone",
    ),
    pytest.param(
        "Posture Statement\n\nChairman Reed, Ranking Member Wicker and Distinguished Members of the Committee, "
        "thank you for the opportunity to testify.\n",
        [],
        ["Distinguished Members of the Committee", "Members of the Committee"],
        id="a salutation to a committee",
    ),
]


#: Mined texts: holders and posts (text, candidates kept, candidates gone).
HOLDERS_AND_POSTS = [
    pytest.param(
        "Charges Announced\n\nAssistant Attorney General John C. Demers of the Justice Department announced "
        "the charges.\n",
        ["Assistant Attorney General", "John C. Demers"],
        ["Assistant Attorney General John C. Demers of the Justice Department"],
        id="a holder's body after the name",
    ),
    pytest.param(
        "Charges Announced\n\nSpecial Agent in Charge Robert J. Holley of the FBI announced the charges.\n",
        ["Special Agent in Charge", "Robert J. Holley"],
        ["Special Agent", "Charge Robert J. Holley of the FBI"],
        id="a post in Charge",
    ),
    pytest.param(
        "Leaders Meet\n\nThe Commander in Chief spoke to the troops.\n",
        ["Commander in Chief"],
        [],
        id="a post in Chief",
    ),
    pytest.param(
        "Leaders Meet\n\nThey operationalized the 2016 General Security of Military Information Agreement.\n",
        ["General Security of Military Information Agreement"],
        ["Security"],
        id="a one-word name before of is no holder",
    ),
]


@pytest.mark.parametrize(
    ("word", "stop"),
    [("등이", True), ("등을", True), ("외에", True), ("그는", True), ("등장", False), ("그룹", False), ("이란", False)],
)
def test_a_stop_word_with_a_particle(word: str, stop: bool) -> None:
    assert stopword_with_particle(word) is stop


def test_no_korean_phrase_runs_into_a_stop_word_with_a_particle() -> None:
    assert "공군참모총장 등이" not in phrases("이영수 공군참모총장 등이 참석했다")
    assert "공군참모총장" in phrases("이영수 공군참모총장 등이 참석했다")


#: Mined texts: what an official says is no title (text, candidates kept, candidates gone).
WHAT_AN_OFFICIAL_SAYS = [
    pytest.param(
        "Posture Hearing\n\nTestimony of Admiral John Aquilino before the committee was read.\n",
        ["John Aquilino"],
        ["Testimony of Admiral"],
        id="testimony of a rank",
    ),
    pytest.param(
        "Anniversary\n\nStatement by Ambassador Philip Goldberg on the anniversary was read.\n",
        ["Philip Goldberg"],
        ["Statement by Ambassador"],
        id="statement by a title",
    ),
    pytest.param(
        "Alliance\n\nThe two navies signed a Letter of Intent on submarine cooperation.\n",
        ["Letter of Intent"],
        ["Intent"],
        id="no title after it: the name is whole",
    ),
]


@pytest.mark.parametrize(
    ("text", "kept", "gone"), [*A_TOPIC_INDEX, *WORDS_OF_NAMES, *HOLDERS_AND_POSTS, *WHAT_AN_OFFICIAL_SAYS]
)
def test_mined_candidates(tmp_path: Path, text: str, kept: list[str], gone: list[str]) -> None:
    found = _mined(tmp_path, text)
    assert set(kept) <= found
    assert not set(gone) & found
