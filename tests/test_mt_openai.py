"""The LLM backend (`pretranslate --backend openai`) against an in-process fake server.

Each server behaviour is a table case: the draft's term accuracy, the drafting
methods used, the exit code and the one-line message — and the API key never
appears in any output, file or cache. No network beyond 127.0.0.1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_openai import FakeOpenAI, parse_prompt, refused_url

from termdesk.cli import app

KEY = "sk-termdesk-test-9f8e7d6c5b4a"

ARTICLE = """\
Defense Minister Song Young-moo met U.S. Secretary of Defense James Mattis in Seoul on Friday.

The allies agreed to strengthen extended deterrence against North Korea. The ships sailed into the East Sea.

Officials gave no further details.
"""
#: Korean the glossary and the newsroom rules require in the article (7 term occurrences; "the allies" of
#: Seoul and Washington is 한미 양국).
REQUIRED = ("송영무 국방부 장관", "제임스 매티스 미 국방장관", "서울", "한미 양국", "확장억제", "북한", "동해")


@dataclass(frozen=True)
class Case:
    mode: str
    exit_code: int
    methods: dict[str, int]  # method → segments
    accuracy: str = "100.0%"
    message: str = ""  # regex for the one-line error (exit 2)
    draft_has: tuple[str, ...] = ()
    draft_lacks: tuple[str, ...] = ()
    args: tuple[str, ...] = ()  # extra command-line options


CASES = [
    Case("obedient", 0, {"llm": 4}, draft_has=REQUIRED),
    Case("think", 0, {"llm": 4}, draft_lacks=("<think>", "The user wants")),
    Case("drop_once", 0, {"llm": 1, "llm-retry": 3}, draft_has=REQUIRED),
    Case("drop_always", 0, {"llm": 1, "placeholder": 3}, draft_has=REQUIRED, draft_lacks=("ZXQ",)),
    Case("avoided", 0, {"llm": 2, "placeholder": 2}, draft_has=REQUIRED, draft_lacks=("확장억지", "일본해")),
    Case(
        "wrong_particle",
        0,
        {"llm": 4},
        draft_has=("송영무 국방부 장관을", "확장억제를", "동해를"),
        draft_lacks=("장관를", "확장억제을", "동해을"),
    ),
    Case("spaced", 0, {"llm": 4}, draft_has=REQUIRED, draft_lacks=("송영무국방부장관",)),
    Case("fenced", 0, {"llm": 4}, draft_has=REQUIRED, draft_lacks=("```",)),
    Case("commentary", 0, {"llm": 4}, draft_has=REQUIRED, draft_lacks=("Note", "Translation", '"')),
    Case("echo", 0, {"unverified": 4}, draft_has=("Defense Minister Song Young-moo [송영무 국방부 장관]",)),
    Case("english", 0, {"unverified": 4}, draft_lacks=("The ministers met",)),
    Case("refusal", 0, {"unverified": 4}, draft_lacks=("sorry",)),
    Case("empty", 0, {"unverified": 4}, draft_has=("East Sea [동해]",)),
    Case("truncated", 0, {"unverified": 4}, draft_has=("East Sea [동해]",)),
    Case("server_error_twice", 0, {"llm": 4}, draft_has=REQUIRED),
    Case("rate_limited", 0, {"llm": 4}, draft_has=REQUIRED),
    Case(
        "slow",
        2,
        {},
        message=r"{url}: no answer within 0\.3 s \(after 1 retry\) — raise --timeout",
        args=("--timeout", "0.3"),
    ),
    Case("unauthorized", 2, {}, message=r"{url}: the server refused the API key \(HTTP 401\) — set a valid key"),
    Case("not_found", 2, {}, message=r"{url}: not found \(HTTP 404\) — check the model name \('test-model'\)"),
    Case("garbage", 2, {}, message=r"{url}: the reply is not an OpenAI chat completion — check --base-url"),
]


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the article and a termdesk.toml with one retry and a tiny backoff; the key in the env.

    The timeout is generous (a loaded test machine must not turn a slow answer into a failure);
    the "slow" case sets its own."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TERMDESK_API_KEY", KEY)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.setenv("TERMDESK_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "art.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "termdesk.toml").write_text(
        f'[llm]\nmodel = "test-model"\ntimeout = 20\nretries = 1\nbackoff = 0.005\njobs = 4\nstyle = {str(STYLE)!r}\n',
        encoding="utf-8",
    )
    return tmp_path


#: the frozen 2026-11 glossary (the live one grows; these cases must not move with it)
GLOSSARY = str(Path(__file__).resolve().parent / "data" / "glossary_2026_11")
STYLE = Path(__file__).resolve().parent.parent / "glossary" / "STYLE.md"
LIVE_GLOSSARY = str(STYLE.parent)


def _run(url: str, out: Path, *extra: str) -> object:
    return CliRunner().invoke(
        app,
        [
            "pretranslate",
            "art.txt",
            "--out",
            str(out),
            "--glossary",
            GLOSSARY,
            "--backend",
            "openai",
            "--base-url",
            url,
            *extra,
        ],
    )


def _methods(output: str) -> dict[str, int]:
    return {m: int(n) for m, n in re.findall(r"^  ([a-z-]+): (\d+) segment", output, re.M)}


def _everything_written(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file())


@pytest.mark.parametrize("case", CASES, ids=[c.mode for c in CASES])
def test_server_behaviour(case: Case, desk: Path) -> None:
    with FakeOpenAI(case.mode).running() as fake:
        result = _run(fake.url, desk / "out", *case.args)
    output = result.output  # type: ignore[attr-defined]
    assert result.exit_code == case.exit_code, output  # type: ignore[attr-defined]
    assert KEY not in output
    assert KEY.encode() not in _everything_written(desk)
    if case.exit_code:
        lines = output.strip().splitlines()
        assert len(lines) == 1, output
        assert re.fullmatch("error: " + case.message.format(url=re.escape(fake.url)) + ".*", lines[0]), lines[0]
        assert not (desk / "out").exists()  # nothing half-written
        return
    assert f"term accuracy: {case.accuracy}" in output
    assert _methods(output) == case.methods
    draft = (desk / "out" / "art.ko.txt").read_text(encoding="utf-8")
    for form in case.draft_has:
        assert form in draft
    for form in case.draft_lacks:
        assert form not in draft
    # every request carried the key (in its header only), and only the terms of its own segment
    assert all(r.headers["authorization"] == f"Bearer {KEY}" for r in fake.requests)
    for r in fake.requests:
        sent = parse_prompt(r.body["messages"][-1]["content"])
        assert all(en in sent.text for en, _, _ in sent.terms)


def test_connection_refused(desk: Path) -> None:
    url = refused_url()
    result = _run(url, desk / "out")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert result.output == (  # type: ignore[attr-defined]
        f"error: {url}: cannot connect (after 1 retry) — is the server running? check --base-url\n"
    )
    assert not (desk / "out").exists()


def test_retries_500_then_ok_counts_requests(desk: Path) -> None:
    with FakeOpenAI("server_error_twice").running() as fake:
        result = _run(fake.url, desk / "out", "--retries", "2", "--jobs", "1")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert len(fake.requests) == 6  # 4 segments + the two 500s retried
    assert "requests: 4 completions, 6 HTTP requests" in result.output  # type: ignore[attr-defined]


def test_429_waits_as_retry_after_says(desk: Path) -> None:
    with FakeOpenAI("rate_limited", retry_after_ms=80).running() as fake:
        result = _run(fake.url, desk / "out", "--jobs", "1")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    first, second = fake.requests[0], fake.requests[1]
    assert second.body == first.body
    assert second.at - first.at >= 0.08


def test_prompt_carries_only_matched_terms_with_avoid_and_style(desk: Path) -> None:
    with FakeOpenAI("obedient").running() as fake:
        assert _run(fake.url, desk / "out", "--jobs", "1").exit_code == 0  # type: ignore[attr-defined]
    users = [r.body["messages"][1]["content"] for r in fake.requests]
    systems = [r.body["messages"][0]["content"] for r in fake.requests]
    assert '- "Defense Minister Song Young-moo" → 송영무 국방부 장관' in users[0]
    assert (
        "  parts: Defense Minister → 국방부 장관; Song Young-moo → 송영무 (Korean order: name before title)" in users[0]
    )
    assert "동해" not in users[0]
    assert '- "East Sea" → 동해\n  avoid: 일본해' in users[2]
    assert "Glossary terms" not in users[3]  # no terms, no glossary block
    assert all("Name before title" in s for s in systems)  # the desk style guide
    assert all(r.body["model"] == "test-model" and r.body["temperature"] == 0 for r in fake.requests)


def test_cache_serves_second_run_and_key_changes_with_model_style_temperature(desk: Path) -> None:
    with FakeOpenAI("obedient").running() as fake:
        assert _run(fake.url, desk / "a").exit_code == 0  # type: ignore[attr-defined]
        second = _run(fake.url, desk / "b")
        assert len(fake.requests) == 4
        assert _methods(second.output) == {"cache": 4}  # type: ignore[attr-defined]
        third = _run(fake.url, desk / "c", "--model", "other-model")
        assert _methods(third.output) == {"llm": 4}  # type: ignore[attr-defined]
        (desk / "STYLE.md").write_text("Write 북한, never 북괴.\n", encoding="utf-8")
        toml = (desk / "termdesk.toml").read_text(encoding="utf-8").replace(repr(str(STYLE)), "'STYLE.md'")
        (desk / "termdesk.toml").write_text(toml, encoding="utf-8")
        fourth = _run(fake.url, desk / "d")
        assert _methods(fourth.output) == {"llm": 4}  # type: ignore[attr-defined]
        assert fake.requests[-1].body["messages"][0]["content"].endswith("Write 북한, never 북괴.")
        fifth = _run(fake.url, desk / "e", "--temperature", "0.7")
        assert _methods(fifth.output) == {"llm": 4}  # type: ignore[attr-defined]
        assert fake.requests[-1].body["temperature"] == 0.7
    assert KEY.encode() not in (desk / "cache" / "tm.sqlite3").read_bytes()


def test_unverified_segment_is_fuzzy_with_comment(desk: Path) -> None:
    with FakeOpenAI("echo").running() as fake:
        assert _run(fake.url, desk / "out").exit_code == 0  # type: ignore[attr-defined]
    po = (desk / "out" / "art.po").read_text(encoding="utf-8")
    assert "#. termdesk: llm: the prompt was echoed back" in po
    assert "#. termdesk: English kept with the glossary's Korean inline — translate this segment" in po
    assert po.count("#, fuzzy") == 4
    terms = (desk / "out" / "art.terms.csv").read_text(encoding="utf-8")
    assert ",unverified,no" in terms


def test_jobs_keep_requests_in_flight(desk: Path) -> None:
    with FakeOpenAI("obedient", delay=1.0).running() as fake:
        result = _run(fake.url, desk / "out", "--jobs", "4")
    assert result.exit_code == 0  # type: ignore[attr-defined]
    assert fake.max_in_flight == 4


def test_finished_articles_stay_when_a_later_one_fails(desk: Path) -> None:
    """The second article's requests fail (while the first's are in flight too): the first is written,
    the second writes nothing, exit 2."""
    (desk / "b.txt").write_text("Seoul said nothing more about the drills.\n", encoding="utf-8")
    (desk / "c.txt").write_text("Washington agreed.\n", encoding="utf-8")
    with FakeOpenAI("obedient", delay=0.05, fail_on="said nothing more").running() as fake:
        result = CliRunner().invoke(
            app,
            ["pretranslate", "art.txt", "b.txt", "c.txt", "--out", "out", "--glossary", GLOSSARY, "--backend",
             "openai", "--base-url", fake.url, "--jobs", "8"],
        )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"error: {fake.url}: not found (HTTP 404)")
    written = sorted(p.name for p in (desk / "out").iterdir())
    assert written == ["art.ko.txt", "art.po", "art.terms.csv"]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[llm]\napi_key = "sk-x"\n', "termdesk.toml: [llm] api_key: an API key does not belong in a shared file"),
        ('[llm]\nmodle = "m"\n', "termdesk.toml: [llm] unknown key 'modle' — use one of:"),
        ('[llm]\ntimeout = "fast"\n', "termdesk.toml: [llm] timeout = 'fast' has the wrong type"),
        ("[llm\n", "termdesk.toml:1: not valid TOML"),
    ],
    ids=["key-in-config", "unknown-key", "wrong-type", "not-toml"],
)
def test_bad_config(desk: Path, toml: str, message: str) -> None:
    (desk / "termdesk.toml").write_text(toml, encoding="utf-8")
    result = _run("http://127.0.0.1:9/v1", desk / "out")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    # the file found by the one config search is named by its full path
    assert result.output.startswith(f"error: {desk.resolve()}/{message}")  # type: ignore[attr-defined]


def test_no_model_named(desk: Path) -> None:
    (desk / "termdesk.toml").unlink()
    result = _run("http://127.0.0.1:9/v1", desk / "out")
    assert result.output == (  # type: ignore[attr-defined]
        "error: no model named for the openai backend — give --model NAME (or in termdesk.toml)\n"
    )


def test_openai_url_without_key(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TERMDESK_API_KEY")
    result = CliRunner().invoke(
        app, ["pretranslate", "art.txt", "--out", "out", "--glossary", GLOSSARY, "--backend", "openai"]
    )
    assert result.exit_code == 2
    assert result.output == (
        "error: no API key for https://api.openai.com/v1 — set TERMDESK_API_KEY in your environment "
        "(never on the command line)\n"
    )


def test_auto_never_reaches_a_server_unless_configured(desk: Path) -> None:
    with FakeOpenAI("obedient").running() as fake:
        (desk / "termdesk.toml").write_text(f'[llm]\nmodel = "m"\nbase_url = "{fake.url}"\n', encoding="utf-8")
        plain = CliRunner().invoke(app, ["pretranslate", "art.txt", "--out", "a", "--glossary", GLOSSARY])
        assert plain.exit_code == 0 and "backend: glossary" in plain.output
        assert fake.requests == []
        (desk / "termdesk.toml").write_text(
            f'[llm]\nmodel = "m"\nbase_url = "{fake.url}"\nauto = true\n', encoding="utf-8"
        )
        auto = CliRunner().invoke(app, ["pretranslate", "art.txt", "--out", "b", "--glossary", GLOSSARY])
        assert auto.exit_code == 0 and "backend: openai" in auto.output
        assert len(fake.requests) == 4


def test_glossary_check_ignores_style_guide() -> None:
    result = CliRunner().invoke(app, ["glossary", "check", LIVE_GLOSSARY])
    assert result.exit_code == 0
    assert "STYLE.md" not in result.output
    assert STYLE.is_file()


def test_align_mt_proposals_from_openai(desk: Path) -> None:
    data = Path(__file__).parent / "data"
    with FakeOpenAI("obedient").running() as fake:
        (desk / "termdesk.toml").write_text(f'[llm]\nmodel = "m"\nbase_url = "{fake.url}"\n', encoding="utf-8")
        result = CliRunner().invoke(
            app,
            ["align", str(data / "align_candidates_small.csv"), "--ko-text", str(data / "align_unequal_paragraphs"),
             "--glossary", str(data / "align_glossary"), "-o", "p.csv", "--mt", "openai"],
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert fake.requests, "no request reached the server"
    # the fake's answer for a bare term, proposed as MT (ranked below attested evidence)
    assert re.search(r"기사 문장을 옮긴 내용이다 \(0\.\d+, mt\)", (desk / "p.csv").read_text(encoding="utf-8"))


def test_next_articles_are_in_flight_while_one_is_awaited(desk: Path) -> None:
    names = []
    for k in range(3):
        (desk / f"s{k}.txt").write_text("Seoul agreed.\n\nWashington agreed too.\n", encoding="utf-8")
        names.append(f"s{k}.txt")
    with FakeOpenAI("obedient", delay=1.0).running() as fake:
        result = CliRunner().invoke(
            app,
            ["pretranslate", *names, "--out", "out", "--glossary", GLOSSARY, "--backend", "openai", "--base-url",
             fake.url, "--jobs", "8"],
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert fake.max_in_flight == 6  # two segments per article, three articles at once
    assert sorted(p.name for p in (desk / "out").glob("*.ko.txt")) == ["s0.ko.txt", "s1.ko.txt", "s2.ko.txt"]


def test_llm_settings_come_from_the_one_config_search(tmp_path: Path) -> None:
    """The [llm] table is read from the file termdesk.discovery finds (nearest termdesk.toml), like [po]."""
    from termdesk.discovery import find_config
    from termdesk.mt.llm_config import load_settings

    (tmp_path / "termdesk.toml").write_text('[llm]\nmodel = "outer"\n', encoding="utf-8")
    work = tmp_path / "repo" / "articles" / "2026"
    work.mkdir(parents=True)
    (tmp_path / "repo" / "termdesk.toml").write_text('[llm]\nmodel = "desk"\n', encoding="utf-8")
    found = find_config(None, env={}, cwd=work)
    assert found is not None and found.resolve() == (tmp_path / "repo" / "termdesk.toml").resolve()
    assert load_settings(found).model == "desk"


def test_ctrl_c_stops_at_once_and_writes_nothing(desk: Path) -> None:
    """SIGINT while requests are in flight (the server would answer in a minute): click's
    "Aborted!", exit 1, no output folder — the process does not wait for the answers."""
    import signal
    import subprocess
    import sys
    import time

    with FakeOpenAI("obedient", delay=60).running() as fake:
        proc = subprocess.Popen(
            [sys.executable, "-m", "termdesk", "pretranslate", "art.txt", "--out", "out", "--glossary", GLOSSARY,
             "--backend", "openai", "--base-url", fake.url],
            cwd=desk, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        for _ in range(600):  # until the requests are in flight (at most 30 s)
            if fake.in_flight >= 4:
                break
            time.sleep(0.05)
        assert fake.in_flight >= 4
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)  # far less than the server's minute
    assert proc.returncode == 1, err
    assert err.strip().splitlines()[-1] == "Aborted!"
    assert not (desk / "out").exists()
    assert KEY not in out + err


@pytest.mark.parametrize(
    ("style", "message"),
    [
        ("missing.md", "missing.md: style guide not found — check the style setting"),
        ("cp949.md", "cp949.md:1: file is CP949/EUC-KR"),
    ],
    ids=["style-missing", "style-not-utf8"],
)
def test_bad_style_guide(desk: Path, style: str, message: str) -> None:
    (desk / "cp949.md").write_bytes("북한이라고 쓴다.".encode("cp949"))
    (desk / "termdesk.toml").write_text(f'[llm]\nmodel = "m"\nstyle = "{style}"\n', encoding="utf-8")
    result = _run("http://127.0.0.1:9/v1", desk / "out")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    # the style path is relative to the config file, which the config search names in full
    assert result.output.startswith(f"error: {desk.resolve()}/{message}"), result.output  # type: ignore[attr-defined]
