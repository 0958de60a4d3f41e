"""An in-process fake OpenAI-compatible chat-completions server for tests and benchmarks.

Standard-library ``http.server`` on 127.0.0.1, port 0 (the OS picks a free one),
one thread per request. ``mode`` says how it behaves (see :data:`MODES`); every
request is recorded (body, headers, arrival time) for the tests to inspect.

Its "translation" is deterministic and uses exactly the glossary Korean it was
sent: it reads the term list and the text from the prompt (the headers of
``termdesk.mt.prompt``), writes each required Korean form once per occurrence of
its English in the text, and copies placeholder tokens (``ZXQ1``) when the text
has them. It knows nothing else about Korean.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from termdesk.mt.prompt import RETRY_HEADER, TERMS_HEADER, TEXT_HEADER

#: mode → what the server does.
MODES: dict[str, str] = {
    "obedient": "a Korean sentence holding every glossary form it was sent",
    "think": "obedient, after a <think> block",
    "echo": "sends the prompt back",
    "drop_once": "leaves out the first term unless the prompt names what was missing",
    "drop_always": "always leaves out the first term (placeholders are copied)",
    "avoided": "writes the first avoided form instead of its term",
    "wrong_particle": "obedient, with the wrong particle after every term",
    "spaced": "obedient, with the spaces inside every term removed",
    "fenced": "obedient inside a Markdown fence",
    "commentary": "obedient in quotes, a label before and a note after",
    "english": "answers in English",
    "refusal": "refuses",
    "empty": "empty content",
    "truncated": "half the answer, finish_reason length",
    "server_error_twice": "HTTP 500 twice, then obedient",
    "rate_limited": "HTTP 429 with Retry-After once, then obedient",
    "slow": "obedient after `delay` seconds",
    "unauthorized": "HTTP 401, quoting the key it was sent",
    "not_found": "HTTP 404 (unknown model)",
    "garbage": "HTTP 200 with an HTML page",
}

_TERM = re.compile(r'^- "(.+)" → (.+)$')
_AVOID = re.compile(r"^  avoid: (.+)$")
_TOKEN = re.compile(r"ZXQ\d+")


def _other_particle(word: str) -> tuple[str, str]:
    """(right, wrong) object particle after ``word`` — from termdesk's particle rules."""
    from termdesk.ko.particles import particle_for

    right = particle_for(word, "을")
    return right, ("를" if right == "을" else "을")


@dataclass
class Parsed:
    terms: list[tuple[str, str, list[str]]]  # (en, ko, avoid)
    text: str
    retry: bool


def parse_prompt(user: str) -> Parsed:
    terms: list[tuple[str, str, list[str]]] = []
    lines = user.split("\n")
    text_at = lines.index(TEXT_HEADER) if TEXT_HEADER in lines else len(lines) - 1
    if TERMS_HEADER in lines:
        for line in lines[lines.index(TERMS_HEADER) + 1 : text_at]:
            m = _TERM.match(line)
            if m:
                terms.append((m.group(1), m.group(2), []))
                continue
            a = _AVOID.match(line)
            if a and terms:
                terms[-1][2].extend(a.group(1).split(" | "))
    return Parsed(terms, "\n".join(lines[text_at + 1 :]), RETRY_HEADER in user)


def fake_translation(user: str, mode: str) -> str:
    """Korean-looking text about half as long as the source (as Korean copy runs), holding the forms sent."""
    p = parse_prompt(user)
    body = _fake_body(p, mode)
    while len(body) < 0.45 * len(p.text):
        body += " 이어 관련 내용을 전했다."
    return body


def _fake_body(p: Parsed, mode: str) -> str:
    tokens = _TOKEN.findall(p.text)
    if tokens:
        return " ".join(tokens) + " 관련 보도 내용이다."
    forms: list[str] = []
    for i, (en, ko, avoid) in enumerate(p.terms):
        if i == 0 and (mode == "drop_always" or (mode == "drop_once" and not p.retry)):
            continue
        if mode == "avoided" and avoid:
            ko = avoid[0]
        forms.extend([ko] * max(1, p.text.count(en)))
    if not forms:
        return "기사 문장을 옮긴 내용이다."
    words = []
    for ko in forms:
        right, wrong = _other_particle(ko)
        if mode == "spaced":
            ko = ko.replace(" ", "")
        words.append(ko + (wrong if mode == "wrong_particle" else right))
    return ", ".join(words) + " 다룬 기사 문장이다."


@dataclass
class Seen:
    body: dict[str, Any]
    headers: dict[str, str]
    at: float


@dataclass
class FakeOpenAI:
    """The server. ``url`` is the base URL to give termdesk (``…/v1``)."""

    mode: str = "obedient"
    delay: float = 0.0  # seconds before every answer (latency), and the wait of mode "slow"
    retry_after_ms: int = 30
    fail_on: str = ""  # answer HTTP 404 to any request whose prompt contains this text
    requests: list[Seen] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None
    in_flight: int = 0
    max_in_flight: int = 0

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def answer(self, body: dict[str, Any], n: int) -> tuple[int, dict[str, str], bytes]:
        mode = self.mode
        if self.fail_on and any(self.fail_on in m.get("content", "") for m in body.get("messages", [])):
            return 404, {}, _json({"error": {"message": "no such model"}})
        if mode == "server_error_twice" and n <= 2:
            return 500, {}, _json({"error": {"message": "internal error", "type": "server_error"}})
        if mode == "rate_limited" and n == 1:
            headers = {"Retry-After": "1", "retry-after-ms": str(self.retry_after_ms)}
            return 429, headers, _json({"error": {"message": "rate limited", "type": "rate_limit"}})
        if mode == "unauthorized":
            key = self.requests[-1].headers.get("authorization", "").removeprefix("Bearer ")
            return 401, {}, _json({"error": {"message": f"Incorrect API key provided: {key}", "type": "auth"}})
        if mode == "not_found":
            return 404, {}, _json({"error": {"message": f"model '{body.get('model')}' not found"}})
        if mode == "garbage":
            return 200, {"Content-Type": "text/html"}, b"<html><body>It works!</body></html>"
        messages = body.get("messages", [])
        user = next((m["content"] for m in reversed(messages) if m.get("role") == "user"), "")
        finish = "stop"
        content: str = fake_translation(user, mode)
        if mode == "echo":
            content = "\n\n".join(m["content"] for m in messages)
        elif mode == "think":
            content = "<think>The user wants Korean. Keep the glossary.</think>\n" + content
        elif mode == "fenced":
            content = f"```korean\n{content}\n```"
        elif mode == "commentary":
            content = f'Translation: "{content}"\n\nNote: I kept the glossary terms as given.'
        elif mode == "english":
            content = "The ministers met and talked about the alliance and the missile tests."
        elif mode == "refusal":
            content = "I'm sorry, but I can't help with that request."
        elif mode == "empty":
            content = ""
        elif mode == "truncated":
            content, finish = content[: len(content) // 2], "length"
        reply = {
            "id": f"chatcmpl-{n}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", ""),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish}],
            "usage": {
                "prompt_tokens": sum(len(m["content"].split()) for m in messages),
                "completion_tokens": len(content.split()),
                "total_tokens": 0,
            },
        }
        return 200, {}, _json(reply)

    @contextmanager
    def running(self) -> Iterator[FakeOpenAI]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                with fake._lock:
                    fake.requests.append(
                        Seen(json.loads(raw or b"{}"), {k.lower(): v for k, v in self.headers.items()}, time.time())
                    )
                    n = len(fake.requests)
                    fake.in_flight += 1
                    fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
                try:
                    wait = fake.delay if fake.mode != "slow" else max(fake.delay, 2.0)
                    if wait:
                        time.sleep(wait)
                    status, headers, payload = fake.answer(json.loads(raw or b"{}"), n)
                finally:
                    with fake._lock:
                        fake.in_flight -= 1
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", headers.pop("Content-Type", "application/json"))
                    self.send_header("Content-Length", str(len(payload)))
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 128  # the default listen backlog (5) would stall many parallel connections

        server = Server(("127.0.0.1", 0), Handler)
        self._server = server
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            server.shutdown()
            server.server_close()


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def refused_url() -> str:
    """A base URL on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"
