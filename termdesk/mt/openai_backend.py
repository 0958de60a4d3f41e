"""The ``openai`` backend: any server that speaks the OpenAI chat-completions protocol.

OpenAI's API, or a local server (Ollama, llama.cpp's ``llama-server``, vLLM, LM
Studio) named with ``--base-url``. Requests go through the official ``openai``
client (installed with ``pip install 'termdesk[llm]'``, imported only here):
per-request timeout, retries with exponential backoff, ``Retry-After`` honoured on
429, 5xx and connection errors retried.

The pre-translation pipeline drives it segment by segment with glossary prompts
and verifies every reply (``termdesk.mt.llm_pipeline``); ``translate_batch`` is
the plain :class:`~termdesk.mt.base.Translator` method (no glossary) that the
placeholder path and ``align`` use.

The API key lives only inside the client object: not in ``identity`` (the cache
key), not in any message termdesk shows — an error text from a server that
quotes it back is scrubbed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import ModelError, UsageError
from .llm_config import LLMSettings, api_key
from .prompt import PROMPT_VERSION, Message, Style, build_messages, clean_reply


@dataclass(frozen=True)
class Completion:
    """One chat-completion answer, as far as termdesk reads it."""

    content: str | None
    finish_reason: str | None = "stop"
    refusal: str | None = None


class Usage:
    """Counts for the run summary (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests = 0  # HTTP requests sent, retries included
        self.calls = 0  # chat completions asked for
        self.prompt_tokens = 0
        self.completion_tokens = 0

    def add(self, **counts: int) -> None:
        with self._lock:
            for name, n in counts.items():
                setattr(self, name, getattr(self, name) + n)

    def as_dict(self) -> dict[str, int]:
        return {
            "requests": self.requests,
            "calls": self.calls,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
        }


def display_url(url: str) -> str:
    """The URL as termdesk shows it: no user:password, no query string."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def _make_client(settings: LLMSettings, key: str, usage: Usage) -> Any:
    try:
        import openai
        from openai._constants import INITIAL_RETRY_DELAY
    except ImportError:
        raise UsageError(
            "the openai backend needs the openai client — pip install 'termdesk[llm]' (or make install)"
        ) from None

    backoff = settings.backoff

    class Client(openai.OpenAI):
        """The official client, counting requests, with a configurable first retry delay."""

        def _prepare_request(self, request: Any) -> None:
            usage.add(requests=1)
            super()._prepare_request(request)

        def _calculate_retry_timeout(self, remaining_retries: int, options: Any, response_headers: Any = None) -> float:
            delay = float(super()._calculate_retry_timeout(remaining_retries, options, response_headers))
            server = self._parse_retry_after_header(response_headers)
            if server is not None and 0 < server <= 120:
                return delay  # the server said how long to wait
            return delay * backoff / INITIAL_RETRY_DELAY

    return Client(api_key=key, base_url=settings.base_url, timeout=settings.timeout, max_retries=settings.retries)


class OpenAIBackend:
    """A chat-completions server as a termdesk MT backend."""

    name = "openai"
    inline = False
    max_input_tokens: int | None = None

    def __init__(self, settings: LLMSettings, *, style: Style | None = None) -> None:
        self.settings = settings.check()
        self.style = style or Style("")
        self.usage = Usage()
        self.url = display_url(settings.base_url)
        key = api_key(settings)
        self._secrets = tuple(s for s in (key,) if len(s) >= 4)
        self._client = _make_client(settings, key, self.usage)

    # ------------------------------------------------------------------ Translator

    @property
    def identity(self) -> str:
        """Changes with anything that changes the output: server, model, prompt version, style, temperature."""
        s = self.settings
        return (
            f"openai|{s.base_url.rstrip('/')}|{s.model}|{PROMPT_VERSION}|style:{self.style.sha[:16]}"
            f"|temperature:{s.temperature:g}"
        )

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def drafter(self, *, scheme: Any, cache: Any, on_segment: Callable[[int], None] | None) -> Any:
        """Segments drafted from glossary prompts, each verified, retried, or placeholder-protected, else marked."""
        from .llm_pipeline import VerifiedDrafter

        return VerifiedDrafter(self, scheme=scheme, cache=cache, on_segment=on_segment)

    def translate_batch(
        self,
        segments: Sequence[str],
        *,
        beam_size: int | None = None,
        on_done: Callable[[int], None] | None = None,
    ) -> list[str]:
        """Plain translation (no glossary), ``jobs`` requests in flight; an unusable reply gives ``""``.

        Segments with placeholder tokens (``ZXQ1``) get the rule to copy them.
        """
        from .pool import map_ordered

        def one(source: str) -> str:
            if not source.strip():
                return ""
            messages = build_messages(source, (), self.style, placeholders="ZXQ" in source)
            reply = clean_reply(**self.complete_kwargs(messages, source))
            return reply.text

        return map_ordered(one, list(segments), jobs=self.settings.jobs, on_done=on_done)

    # ------------------------------------------------------------------ requests

    def complete_kwargs(self, messages: list[Message], source: str) -> dict[str, Any]:
        """``clean_reply`` arguments for the answer to ``messages``."""
        c = self.complete(messages)
        return {
            "content": c.content,
            "source": source,
            "messages": messages,
            "finish_reason": c.finish_reason,
            "refusal": c.refusal,
        }

    def complete(self, messages: list[Message], *, max_tokens: int | None = None) -> Completion:
        """One chat completion; server trouble after the retries raises ``ModelError`` naming the URL."""
        import openai

        kwargs: dict[str, Any] = {
            "model": self.settings.model,
            "messages": messages,
            "temperature": self.settings.temperature,
        }
        if max_tokens:
            kwargs["max_tokens"] = max_tokens
        self.usage.add(calls=1)
        try:
            response = self._client.chat.completions.create(**kwargs)
        except openai.APIError as exc:
            raise self._error(exc) from None
        try:
            choice = response.choices[0]
            message = choice.message
            content = message.content
            if content is not None and not isinstance(content, str):
                raise TypeError("content")
        except (AttributeError, IndexError, TypeError, KeyError):
            raise ModelError(
                f"{self.url}: the reply is not an OpenAI chat completion — check --base-url "
                "(an OpenAI-compatible endpoint usually ends in /v1)"
            ) from None
        usage = getattr(response, "usage", None)
        if usage is not None:
            self.usage.add(
                prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
                completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
            )
        return Completion(content, getattr(choice, "finish_reason", None), getattr(message, "refusal", None))

    def _scrub(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text

    def _error(self, exc: Exception) -> ModelError:
        import openai

        s = self.settings
        url = self.url
        tries = f"after {s.retries} retr{'y' if s.retries == 1 else 'ies'}"
        if isinstance(exc, openai.APITimeoutError):
            msg = f"{url}: no answer within {s.timeout:g} s ({tries}) — raise --timeout, lower --jobs, check the server"
        elif isinstance(exc, openai.APIConnectionError):
            msg = f"{url}: cannot connect ({tries}) — is the server running? check --base-url"
        elif isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            msg = (
                f"{url}: the server refused the API key (HTTP {exc.status_code}) — set a valid key in TERMDESK_API_KEY"
            )
        elif isinstance(exc, openai.NotFoundError):
            msg = (
                f"{url}: not found (HTTP 404) — check the model name ({s.model!r}) and that --base-url is the "
                "OpenAI-compatible endpoint (it usually ends in /v1)"
            )
        elif isinstance(exc, openai.RateLimitError):
            msg = f"{url}: still rate-limited (HTTP 429) {tries} — lower --jobs or raise --retries"
        elif isinstance(exc, openai.APIStatusError):
            code = exc.status_code
            detail = _short(getattr(exc, "message", "") or "")
            if code >= 500:
                msg = f"{url}: server error (HTTP {code}) {tries} — check the server's log"
            else:
                msg = f"{url}: request rejected (HTTP {code}{': ' + detail if detail else ''}) — check --model"
        else:
            msg = (
                f"{url}: the reply is not an OpenAI chat completion ({type(exc).__name__}) — check --base-url "
                "(an OpenAI-compatible endpoint usually ends in /v1)"
            )
        return ModelError(self._scrub(msg))

    def close(self) -> None:
        self._client.close()


def _short(text: str, limit: int = 120) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def build_openai_backend(settings: LLMSettings, *, style: Style | None = None) -> OpenAIBackend:
    """The backend for ``settings`` (``UsageError`` for missing model, bad URL, no key for OpenAI's API)."""
    return OpenAIBackend(settings, style=style)


def open_backend(
    *,
    config: str | None = None,
    glossary: str | None = None,
    only_if_auto: bool = False,
    **options: Any,
) -> OpenAIBackend | None:
    """The backend for ``termdesk.toml`` (or ``config``) overridden by ``options`` (``None`` = not given).

    ``only_if_auto``: return ``None`` unless the config file says ``auto = true`` (``--backend auto``
    never reaches a server otherwise). The style guide is the configured file, else ``STYLE.md`` in the
    glossary folder.
    """
    from .llm_config import load_settings, style_file
    from .prompt import load_style

    settings = load_settings(config)
    if only_if_auto and not settings.auto:
        return None
    settings = settings.with_options(**options)
    return OpenAIBackend(settings, style=load_style(style_file(settings, glossary)))
