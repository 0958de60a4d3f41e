"""Translation-memory cache: SQLite in the user cache directory.

A segment translated before (same backend identity, same protected source) is
not translated again. ``TERMDESK_CACHE_DIR`` overrides the location (tests use
it); ``--no-cache`` bypasses the cache entirely.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path


def default_cache_path() -> Path:
    override = os.environ.get("TERMDESK_CACHE_DIR")
    if override:
        return Path(override) / "tm.sqlite3"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("termdesk")) / "tm.sqlite3"


def _key(backend_id: str, source: str) -> str:
    return hashlib.sha256(f"{backend_id}\x00{source}".encode()).hexdigest()


class TranslationCache:
    """A small key-value store: (backend id, source segment) → translation."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_cache_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(self.path))
        self._db.execute("CREATE TABLE IF NOT EXISTS tm (key TEXT PRIMARY KEY, source TEXT, target TEXT)")

    def get_many(self, backend_id: str, sources: Sequence[str]) -> dict[str, str]:
        """Cached translations for those ``sources`` that have one."""
        out: dict[str, str] = {}
        keys = {_key(backend_id, s): s for s in sources}
        items = list(keys)
        for i in range(0, len(items), 500):
            chunk = items[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for key, target in self._db.execute(f"SELECT key, target FROM tm WHERE key IN ({marks})", chunk):
                out[keys[key]] = target
        return out

    def put_many(self, backend_id: str, pairs: Iterable[tuple[str, str]]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO tm (key, source, target) VALUES (?, ?, ?)",
                [(_key(backend_id, s), s, t) for s, t in pairs],
            )

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
