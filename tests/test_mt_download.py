"""`termdesk model download en ko` against a local HTTP server (fake index, the tiny test package)."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from termdesk.cli import app


class Files:
    """path → (status, body, announced length or None)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, int | None]] = {}


@pytest.fixture
def server(copy_model_archive: Path) -> Iterator[tuple[str, Files]]:
    files = Files()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            status, body, length = files.routes.get(self.path, (404, b"not found", None))
            self.send_response(status)
            self.send_header("Content-Length", str(length if length is not None else len(body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)
            if length is not None and length != len(body):
                self.close_connection = True

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    package = copy_model_archive.read_bytes()
    files.routes["/pkg.argosmodel"] = (200, package, None)
    files.routes["/short.argosmodel"] = (200, package[: len(package) // 2], len(package))
    files.routes["/page.argosmodel"] = (200, b"<html>moved</html>", None)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield base, files
    finally:
        httpd.shutdown()
        httpd.server_close()


def _index(base: str, link: str) -> bytes:
    records = [
        {"code": "translate-en_ko", "from_code": "en", "to_code": "ko", "package_version": "0.9",
         "links": [f"{base}/old.argosmodel"]},
        {"code": "translate-en_ko", "from_code": "en", "to_code": "ko", "package_version": "1.10",
         "links": [f"{base}{link}"]},
        {"code": "translate-ko_en", "from_code": "ko", "to_code": "en", "package_version": "9.0",
         "links": [f"{base}/ko_en.argosmodel"]},
        {"type": "sbd", "from_code": "en", "to_code": "ko", "package_version": "99", "links": [f"{base}/sbd"]},
    ]  # fmt: skip
    return json.dumps(records).encode()


def _download(base: str, *extra: str) -> Any:
    return CliRunner().invoke(app, ["model", "download", "en", "ko", "--index", f"{base}/index.json", *extra])


def test_installs_newest_en_ko(server: tuple[str, Files], packages_dir: Path) -> None:
    base, files = server
    files.routes["/index.json"] = (200, _index(base, "/pkg.argosmodel"), None)
    result = _download(base)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("downloaded translate-en_ko en→ko 1.10 (")
    assert "installed translate-en_ko-termdesk_test in" in result.output
    listing = CliRunner().invoke(app, ["model", "list"])
    assert "translate-en_ko-termdesk_test (en→ko, version 1.0)" in listing.output
    assert not list(packages_dir.parent.glob(".termdesk-*"))


def test_to_file_downloads_only(server: tuple[str, Files], packages_dir: Path, tmp_path: Path) -> None:
    base, files = server
    files.routes["/index.json"] = (200, _index(base, "/pkg.argosmodel"), None)
    target = tmp_path / "dl" / "en_ko.argosmodel"
    result = _download(base, "--to", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == files.routes["/pkg.argosmodel"][1]
    assert not packages_dir.exists()
    assert [p.name for p in target.parent.iterdir()] == ["en_ko.argosmodel"]


@pytest.mark.parametrize(
    ("link", "index_status", "message"),
    [
        ("/pkg.argosmodel", 404, "error: {base}/index.json: HTTP 404 Not Found — check --index"),
        ("/missing.argosmodel", 200, "error: {base}/missing.argosmodel: HTTP 404 Not Found — the index points to"),
        ("/short.argosmodel", 200, "error: {base}/short.argosmodel: download incomplete ("),
        ("/page.argosmodel", 200, "error: {base}/page.argosmodel: not a zip archive — an Argos package"),
    ],
    ids=["index-404", "package-404", "truncated", "not-zip"],
)
def test_download_errors(
    server: tuple[str, Files], packages_dir: Path, tmp_path: Path, link: str, index_status: int, message: str
) -> None:
    base, files = server
    files.routes["/index.json"] = (index_status, _index(base, link), None)
    target = tmp_path / "dl" / "x.argosmodel"
    for extra in ((), ("--to", str(target))):
        result = _download(base, *extra)
        assert result.exit_code == 2
        assert result.output.startswith(message.format(base=base)), result.output
        assert len(result.output.strip().splitlines()) == 1
    assert not packages_dir.exists()
    assert not target.exists() and not list(target.parent.glob("*"))


def test_no_network(tmp_path: Path) -> None:
    from fake_openai import refused_url

    base = refused_url().removesuffix("/v1")
    result = _download(base)
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {base}/index.json: cannot connect (")
    assert "run `termdesk model install FILE`" in result.output


def test_no_en_ko_in_index(server: tuple[str, Files]) -> None:
    base, files = server
    files.routes["/index.json"] = (200, b"[]", None)
    assert _download(base).output == f"error: {base}/index.json: no en→ko package in the index — check --index\n"
    files.routes["/index.json"] = (200, b"<html>", None)
    assert _download(base).output.startswith(f"error: {base}/index.json: not an Argos package index")


def test_other_pair_refused() -> None:
    result = CliRunner().invoke(app, ["model", "download", "en", "ja", "--index", "http://127.0.0.1:9/i.json"])
    assert result.exit_code == 2
    assert result.output == "error: termdesk translates en→ko: run `termdesk model download en ko`\n"


def test_progress_reports_bytes_to_the_total(server: tuple[str, Files], packages_dir: Path, tmp_path: Path) -> None:
    from termdesk.mt.download import download_model

    base, files = server
    files.routes["/index.json"] = (200, _index(base, "/pkg.argosmodel"), None)
    seen: list[tuple[int, int | None]] = []
    result = download_model(
        index=f"{base}/index.json", to=tmp_path / "m.argosmodel", on_progress=lambda d, t: seen.append((d, t))
    )
    size = len(files.routes["/pkg.argosmodel"][1])
    assert result.size == size and seen[-1] == (size, size)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
