"""`termdesk model download en ko`: fetch the newest en→ko Argos package from a package index.

The index is argostranslate's (a JSON list of package records with ``from_code``,
``to_code``, ``package_version`` and ``links``; the public one by default, any URL
with ``--index``). The package is downloaded into a temporary file (progress
through a callback), checked — the size the server announced, a zip, the checks
``termdesk model install`` makes — and installed (or, with ``to=FILE``, moved to
FILE). Nothing half-downloaded is ever left behind; errors name the URL and what to
do. This module and ``pretranslate --backend openai`` are the only parts of
termdesk that use the network, and only when asked.
"""

from __future__ import annotations

import http.client
import json
import os
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, ModelError, TermdeskError, UsageError

#: argostranslate's own default (``argostranslate.settings.package_index`` + ``index.json``).
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
CHUNK = 1 << 16


@dataclass(frozen=True)
class IndexedPackage:
    """One record of the package index."""

    from_code: str
    to_code: str
    package_version: str
    links: tuple[str, ...]
    code: str = ""

    @property
    def label(self) -> str:
        return f"{self.code or 'package'} {self.from_code}→{self.to_code} {self.package_version}"


@dataclass(frozen=True)
class DownloadResult:
    package: IndexedPackage
    url: str
    size: int
    path: Path | None  # the file written with ``to``; None when installed
    installed: Any = None  # termdesk.mt.packages.InstallResult when installed


def _open(url: str, timeout: float) -> Any:
    if not url.startswith(("http://", "https://", "file:")):
        raise UsageError(f"{url}: not an http(s) URL — give e.g. --index https://…/index.json")
    try:
        return urllib.request.urlopen(url, timeout=timeout)
    except urllib.error.HTTPError as exc:
        hint = "check --index" if url.endswith(".json") else "the index points to a file that is not there"
        raise ModelError(f"{url}: HTTP {exc.code} {exc.reason} — {hint}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ModelError(
            f"{url}: cannot connect ({reason}) — check the network, or download the .argosmodel file elsewhere "
            "and run `termdesk model install FILE`"
        ) from None


def read_index(url: str = DEFAULT_INDEX, *, timeout: float = 30.0) -> list[IndexedPackage]:
    """The package records of the index at ``url``."""
    with _open(url, timeout) as response:
        try:
            data = json.loads(response.read().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, http.client.IncompleteRead, OSError):
            raise ModelError(f"{url}: not an Argos package index (expected a JSON list) — check --index") from None
    if not isinstance(data, list):
        raise ModelError(f"{url}: not an Argos package index (expected a JSON list) — check --index")
    out = []
    for item in data:
        if not isinstance(item, dict) or item.get("type", "translate") != "translate":
            continue
        links = item.get("links") or []
        if not isinstance(links, list) or not all(isinstance(x, str) for x in links):
            continue
        out.append(
            IndexedPackage(
                str(item.get("from_code", "")),
                str(item.get("to_code", "")),
                str(item.get("package_version", "")),
                tuple(links),
                str(item.get("code", "")),
            )
        )
    return out


def newest(packages: list[IndexedPackage], from_code: str, to_code: str) -> IndexedPackage | None:
    """The highest ``package_version`` for the pair that has a download link."""
    from .packages import version_key

    pair = [p for p in packages if (p.from_code, p.to_code) == (from_code, to_code) and p.links]
    return max(pair, key=lambda p: version_key(p.package_version)) if pair else None


def _fetch(url: str, dest: Path, *, timeout: float, on_progress: Callable[[int, int | None], None] | None) -> int:
    """Download ``url`` into ``dest``; the byte count. ``ModelError`` for a short download."""
    with _open(url, timeout) as response:
        length = response.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None
        done = 0
        try:
            with dest.open("wb") as fh:
                while True:
                    block = response.read(CHUNK)
                    if not block:
                        break
                    fh.write(block)
                    done += len(block)
                    if on_progress:
                        on_progress(done, total)
        except http.client.IncompleteRead as exc:
            done += len(exc.partial)
            total = total or done + (exc.expected or 0)
        except (TimeoutError, OSError) as exc:
            raise ModelError(f"{url}: download interrupted ({exc}) — try again") from None
    if total is not None and done != total:
        raise ModelError(f"{url}: download incomplete ({done} of {total} bytes) — try again")
    if done == 0:
        raise ModelError(f"{url}: empty download — the index points to an empty file")
    return done


def download_model(
    from_code: str = "en",
    to_code: str = "ko",
    *,
    index: str = DEFAULT_INDEX,
    to: str | os.PathLike[str] | None = None,
    packages_dir: str | os.PathLike[str] | None = None,
    timeout: float = 60.0,
    on_progress: Callable[[int, int | None], None] | None = None,
) -> DownloadResult:
    """Download the newest ``from_code``→``to_code`` package from ``index``, check it, install it
    (or write it to ``to``). Raises ``ModelError``/``InputError`` naming the URL; nothing is left behind."""
    from .packages import FROM_CODE, TO_CODE, check_archive, install_package

    if (from_code, to_code) != (FROM_CODE, TO_CODE):
        raise UsageError(f"termdesk translates {FROM_CODE}→{TO_CODE}: run `termdesk model download en ko`")
    package = newest(read_index(index, timeout=timeout), from_code, to_code)
    if package is None:
        raise ModelError(f"{index}: no {from_code}→{to_code} package in the index — check --index")
    url = package.links[0]
    target = Path(to) if to is not None else None
    if target is not None and target.is_dir():
        raise InputError.at(target, None, "is a folder", "give a file name, e.g. --to en_ko.argosmodel")
    folder = target.parent if target is not None else Path(tempfile.gettempdir())
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".termdesk-download-", suffix=".argosmodel", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        size = _fetch(url, tmp, timeout=timeout, on_progress=on_progress)
        try:
            check_archive(tmp)
            installed = None if target is not None else install_package(tmp, packages_dir=packages_dir)
        except TermdeskError as exc:
            message = exc.message.replace(str(tmp), url)
            raise type(exc)(message, exit_code=exc.exit_code) from None
        if target is not None:
            os.replace(tmp, target)
            return DownloadResult(package, url, size, target)
        return DownloadResult(package, url, size, None, installed)
    finally:
        tmp.unlink(missing_ok=True)
