"""Reply cleaning and term verification of the LLM backend: one table case per thing servers do."""

from __future__ import annotations

from pathlib import Path

import pytest

from termdesk.mt.pool import map_ordered
from termdesk.mt.prompt import Style, TermInstruction, build_messages, cache_text, clean_reply
from termdesk.mt.verify import Requirement, verify_terms

GLOSSARY = Path(__file__).resolve().parent.parent / "glossary"
SOURCE = "Defense Minister Song Young-moo met U.S. Secretary of Defense James Mattis on Friday."
KO = "송영무 국방부 장관은 금요일 제임스 매티스 미 국방장관과 만났다."

REPLIES = [
    # (id, content, finish_reason, expected text, expected problem)
    ("plain", KO, "stop", KO, ""),
    ("fenced", f"```korean\n{KO}\n```", "stop", KO, ""),
    ("fenced-no-language", f"```\n{KO}\n```", "stop", KO, ""),
    ("double-quoted", f'"{KO}"', "stop", KO, ""),
    ("curly-quoted", f"“{KO}”", "stop", KO, ""),
    ("label", f"번역: {KO}", "stop", KO, ""),
    ("english-label", f"Translation: {KO}", "stop", KO, ""),
    ("preamble", f"Here is the Korean translation:\n{KO}", "stop", KO, ""),
    ("note-after", f"{KO}\n\nNote: 'Defense Minister' was rendered as 국방부 장관.", "stop", KO, ""),
    ("korean-note-after", f"{KO}\n참고: 국방부 장관은 공식 직함이다.", "stop", KO, ""),
    ("think-block", f"<think>Let me translate.</think>\n{KO}", "stop", KO, ""),
    ("empty", "", "stop", "", "empty reply"),
    ("whitespace", "  \n ", "stop", "", "empty reply"),
    ("none", None, "stop", "", "empty reply"),
    ("truncated", KO[:10], "length", "", "reply cut off (finish_reason: length)"),
    ("content-filter", "", "content_filter", "", "reply withheld by the server's content filter"),
    ("refusal", "I'm sorry, but I can't help with that.", "stop", "", "the model refused"),
    ("korean-refusal", "죄송합니다. 이 요청은 번역할 수 없습니다.", "stop", "", "the model refused"),
    ("english", "The defense minister met the U.S. secretary on Friday.", "stop", "", "reply not in Korean"),
    ("echoed-source", SOURCE, "stop", "", "the prompt was echoed back"),
    ("echoed-prompt", "Text to translate:\n" + SOURCE, "stop", "", "the prompt was echoed back"),
    ("content-dropped", "송영무 장관.", "stop", "", "reply much shorter than the source (7 vs 85 characters)"),
    (
        "content-added",
        " ".join([KO] * 7),
        "stop",
        "",
        "reply much longer than the source (258 vs 85 characters)",
    ),
]


@pytest.mark.parametrize(
    ("content", "finish", "text", "problem"), [r[1:] for r in REPLIES], ids=[r[0] for r in REPLIES]
)
def test_clean_reply(content: str | None, finish: str, text: str, problem: str) -> None:
    messages = build_messages(SOURCE, (), Style("style"))
    reply = clean_reply(content, source=SOURCE, messages=messages, finish_reason=finish)
    assert (reply.text, reply.problem) == (text, problem)


def test_refusal_field() -> None:
    assert clean_reply(KO, source=SOURCE, refusal="no").problem == "the model refused"


MINISTER = Requirement("Defense Minister Song Young-moo", "송영무 국방부 장관")
EAST_SEA = Requirement("East Sea", "동해", avoid=("일본해",))
MINISTRY = Requirement("Ministry of National Defense", "국방부")

VERIFY = [
    # (id, target, requirements, ok, normalised text or None, problems)
    ("present", "송영무 국방부 장관은 말했다.", (MINISTER,), True, "송영무 국방부 장관은 말했다.", []),
    ("particle-fixed", "송영무 국방부 장관는 말했다.", (MINISTER,), True, "송영무 국방부 장관은 말했다.", []),
    ("spacing-normalised", "송영무 국방부장관은 말했다.", (MINISTER,), True, "송영무 국방부 장관은 말했다.", []),
    (
        "missing",
        "송 장관은 말했다.",
        (MINISTER,),
        False,
        None,
        ['missing "Defense Minister Song Young-moo" → 송영무 국방부 장관'],
    ),
    (
        "avoided",
        "함정들이 일본해로 향했다.",
        (EAST_SEA,),
        False,
        None,
        ['missing "East Sea" → 동해', 'avoided rendering 일본해 used for "East Sea" (write 동해)'],
    ),
    (
        "avoided-beside-required",
        "동해, 일본해",
        (EAST_SEA,),
        False,
        None,
        ['avoided rendering 일본해 used for "East Sea" (write 동해)'],
    ),
    (
        "count",
        "동해에서 훈련했다.",
        (Requirement("East Sea", "동해", 2),),
        False,
        None,
        ['missing "East Sea" → 동해 (2 times)'],
    ),
    (
        "inside-longer-does-not-count",
        "송영무 국방부 장관이 말했다.",
        (MINISTER, MINISTRY),
        False,
        None,
        ['missing "Ministry of National Defense" → 국방부'],
    ),
    (
        "straddling-words",
        "남북 한국 관계",
        (Requirement("North Korea", "북한"),),
        False,
        None,
        ['missing "North Korea" → 북한'],
    ),
    ("inside-a-compound", "한미동맹은 굳건하다.", (Requirement("alliance", "동맹"),), True, "한미동맹은 굳건하다.", []),
    ("both", "국방부는 송영무 국방부 장관이 말했다고 밝혔다.", (MINISTER, MINISTRY), True, None, []),
]


@pytest.mark.parametrize(
    ("target", "reqs", "ok", "text", "problems"), [v[1:] for v in VERIFY], ids=[v[0] for v in VERIFY]
)
def test_verify_terms(
    target: str, reqs: tuple[Requirement, ...], ok: bool, text: str | None, problems: list[str]
) -> None:
    check = verify_terms(target, reqs)
    assert check.ok is ok
    assert check.problems() == problems
    if text is not None:
        assert check.text == text


def test_cache_key_names_the_terms_sent() -> None:
    a = cache_text(SOURCE, (TermInstruction("Seoul", "서울"),))
    b = cache_text(SOURCE, (TermInstruction("Seoul", "서울", avoid=("서울시",)),))
    assert a != b and a != cache_text(SOURCE, ())


def test_map_ordered_keeps_order_and_raises_first_error() -> None:
    import time

    assert map_ordered(lambda x: (time.sleep(0.01 * (5 - x)), x)[1], list(range(5)), jobs=5) == list(range(5))

    def boom(x: int) -> int:
        if x == 3:
            raise ValueError("three")
        return x

    with pytest.raises(ValueError, match="three"):
        map_ordered(boom, list(range(6)), jobs=3)


def test_map_ordered_interrupt_returns_without_waiting_for_requests_in_flight() -> None:
    import threading

    release = threading.Event()
    finished: list[int] = []

    def slow(x: int) -> int:
        if x:  # every item but the first waits until released (a request in flight)
            release.wait(10)
        finished.append(x)
        return x

    def interrupt(_: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        map_ordered(slow, [0, 1, 2, 3], jobs=4, on_done=interrupt)
    assert finished == [0]  # returned while the others were still in flight
    release.set()


def test_default_backend_never_imports_the_client(tmp_path: Path) -> None:
    """Network only when asked: a glossary-backend run does not even import the openai client."""
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("Seoul and Washington agreed.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from termdesk.cli import main\n"
        "try:\n"
        f"    main(['pretranslate', {str(tmp_path / 'a.txt')!r}, '--out', {str(tmp_path / 'out')!r}, '--glossary', "
        f"{str(GLOSSARY)!r}, '--no-cache'])\n"
        "except SystemExit as e:\n"
        "    assert e.code == 0, e.code\n"
        "assert 'openai' not in sys.modules and 'httpx2' not in sys.modules, 'client imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "a.ko.txt").exists()
