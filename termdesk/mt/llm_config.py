"""Settings of the LLM backend: command-line options over ``termdesk.toml`` over defaults.

A desk shares one setup in ``termdesk.toml`` (found in the current folder or the
nearest parent that holds one, or named with ``--config`` or ``$TERMDESK_CONFIG``: the one search of
:func:`termdesk.discovery.find_config`, which also serves the ``[po]`` table)::

    [llm]
    base_url = "http://localhost:11434/v1"   # Ollama; vLLM, llama-server, LM Studio alike
    model = "qwen3:14b"
    style = "glossary/STYLE.md"              # relative to the config file
    timeout = 120                            # seconds per request
    jobs = 4                                 # requests in flight
    retries = 4
    temperature = 0
    auto = true                              # let `--backend auto` pick this backend

The API key never goes in the file, on the command line, or anywhere termdesk
writes: it is read from ``TERMDESK_API_KEY`` (else ``OPENAI_API_KEY``) when the
backend is built. A local server that needs no key gets a dummy one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError

OPENAI_URL = "https://api.openai.com/v1"
CONFIG_NAME = "termdesk.toml"
KEY_VARIABLES = ("TERMDESK_API_KEY", "OPENAI_API_KEY")
#: Sent to servers that need no key (the client library insists on one).
NO_KEY = "termdesk-no-key"

_KEYS: dict[str, type | tuple[type, ...]] = {
    "base_url": str,
    "model": str,
    "style": str,
    "timeout": (int, float),
    "jobs": int,
    "retries": int,
    "temperature": (int, float),
    "auto": bool,
    "backoff": (int, float),
}


@dataclass(frozen=True)
class LLMSettings:
    """Everything that shapes a request, except the key (which lives only in the client)."""

    base_url: str = OPENAI_URL
    model: str = ""
    style_path: Path | None = None
    timeout: float = 120.0
    jobs: int = 4
    retries: int = 4
    temperature: float = 0.0
    #: first retry delay in seconds, doubling up to 16× (the client's own default is 0.5 s)
    backoff: float = 0.5
    auto: bool = False
    config_path: Path | None = field(default=None, compare=False)

    def with_options(self, **options: Any) -> LLMSettings:
        """These settings with every option that is not ``None`` replaced."""
        given = {k: v for k, v in options.items() if v is not None}
        if "style_path" in given:
            given["style_path"] = Path(given["style_path"])
        return replace(self, **given)

    def check(self) -> LLMSettings:
        """Raise ``UsageError`` for settings no request can be made with."""
        where = f" (or in {self.config_path})" if self.config_path else f" (or in {CONFIG_NAME})"
        if not self.model:
            raise UsageError(f"no model named for the openai backend — give --model NAME{where}")
        if not self.base_url.startswith(("http://", "https://")):
            raise UsageError(f"base URL {self.base_url!r} is not an http(s) URL — e.g. http://localhost:11434/v1")
        if self.timeout <= 0 or self.jobs < 1 or self.retries < 0 or self.backoff < 0:
            raise UsageError("timeout must be > 0, jobs ≥ 1, retries ≥ 0, backoff ≥ 0")
        return self


def load_settings(path: str | os.PathLike[str] | None = None, *, search: bool = True) -> LLMSettings:
    """Settings from ``path`` (or the ``termdesk.toml`` found from the current folder), else defaults.

    ``InputError`` (file, line, what to do) for a file that is not TOML, an unknown key,
    a value of the wrong type, or an API key written into the file.
    """
    from ..discovery import find_config, settings_table

    config = find_config(path) if (path is not None or search) else None
    if config is None:
        return LLMSettings()
    table = settings_table("llm", config=config)
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key in ("api_key", "key", "token"):
            raise InputError.at(
                config,
                None,
                f"[llm] {key}: an API key does not belong in a shared file",
                "remove it and set TERMDESK_API_KEY in your environment",
            )
        expected = _KEYS.get(key)
        if expected is None:
            raise InputError.at(config, None, f"[llm] unknown key {key!r}", f"use one of: {', '.join(_KEYS)}")
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise InputError.at(config, None, f"[llm] {key} = {value!r} has the wrong type", "see the README")
        values[key] = value
    style = values.pop("style", None)
    settings = LLMSettings(config_path=config).with_options(**values)
    if style is not None:
        settings = replace(settings, style_path=(config.parent / style))
    return settings


def api_key(settings: LLMSettings) -> str:
    """The key from the environment; a dummy for a server that is not OpenAI's. Never logged or stored."""
    for name in KEY_VARIABLES:
        value = os.environ.get(name, "").strip()
        if value:
            return value
    if settings.base_url.rstrip("/") == OPENAI_URL:
        raise UsageError(
            f"no API key for {OPENAI_URL} — set TERMDESK_API_KEY in your environment (never on the command line)"
        )
    return NO_KEY


def style_file(settings: LLMSettings, glossary: str | os.PathLike[str] | None = None) -> Path | None:
    """The style guide to send: the configured file, else ``STYLE.md`` in the glossary folder, else none."""
    if settings.style_path is not None:
        if not settings.style_path.is_file():
            raise InputError.at(settings.style_path, None, "style guide not found", "check the style setting")
        return settings.style_path
    folder = Path(glossary) if glossary is not None else Path("glossary")
    if folder.is_file():
        folder = folder.parent
    local = folder / "STYLE.md"
    return local if local.is_file() else None
