"""A tiny headless-Chromium driver for tests: the DevTools protocol over --remote-debugging-pipe.

Standard library only (no websocket client, no selenium, no network): Chromium
reads protocol messages from fd 3 and writes to fd 4, each a JSON object ended
by a NUL byte. Enough to load a file:// page, click, evaluate and screenshot.

``ensure_korean_font()`` installs Debian's ``fonts-noto-cjk`` when no font covering Korean
is installed, the same way. ``ensure_chromium()`` installs Debian's ``chromium`` package when
/usr/bin/chromium is missing (CI runs as root with Debian's registry reachable),
running ``apt-get update`` first if the plain install fails.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def find_chromium() -> str | None:
    for c in CHROMIUM_CANDIDATES:
        if os.access(c, os.X_OK):
            return c
    return shutil.which("chromium")


def ensure_chromium() -> tuple[str | None, str]:
    """The Chromium binary, installing Debian's package if needed; (None, why) if impossible."""
    found = find_chromium()
    if found:
        return found, ""
    if shutil.which("apt-get") is None:
        return None, "apt-get not available: install Debian's chromium package by hand"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    log = []
    for cmd in (
        ["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
        ["apt-get", "update"],
        ["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
    ):
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
        log.append(f"$ {' '.join(cmd)} → {proc.returncode}: {proc.stderr.strip()[-300:]}")
        if cmd[1] == "install" and proc.returncode == 0 and find_chromium():
            return find_chromium(), ""
    return None, "could not install chromium with apt-get:\n" + "\n".join(log)


def korean_font_families() -> list[str]:
    """Installed font families that cover Korean (``fc-list :lang=ko``), or [] when none or no fc-list."""
    if shutil.which("fc-list") is None:
        return []
    proc = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True, timeout=60)
    return sorted({name.strip() for line in proc.stdout.splitlines() for name in line.split(",") if name.strip()})


def ensure_korean_font() -> tuple[list[str], str]:
    """Font families covering Korean, installing Debian's ``fonts-noto-cjk`` if there are none.

    Returns (families, why): ``why`` says what failed when no family could be had; it starts with
    ``no package mirror`` when apt-get could not reach one (the only case a test may skip for).
    """
    found = korean_font_families()
    if found:
        return found, ""
    if shutil.which("apt-get") is None:
        return [], "no package mirror: apt-get not available to install fonts-noto-cjk"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    log = []
    for cmd in (
        ["apt-get", "install", "-y", "--no-install-recommends", "fonts-noto-cjk"],
        ["apt-get", "update"],
        ["apt-get", "install", "-y", "--no-install-recommends", "fonts-noto-cjk"],
    ):
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
        log.append(f"$ {' '.join(cmd)} → {proc.returncode}: {proc.stderr.strip()[-300:]}")
        if cmd[1] == "install" and proc.returncode == 0:
            found = korean_font_families()
            if found:
                return found, ""
    unreachable = any(w in "\n".join(log) for w in ("Could not resolve", "Temporary failure", "Unable to locate"))
    return [], (
        "no package mirror reachable" if unreachable else "could not install fonts-noto-cjk"
    ) + ":\n" + "\n".join(log)


class CDPError(RuntimeError):
    pass


class Chromium:
    """One headless browser, driven over a pipe. Use as a context manager."""

    def __init__(self, binary: str, profile_dir: Path, *, timeout: float = 20.0) -> None:
        self.timeout = timeout
        cmd_r, self._cmd_w = os.pipe()  # we write commands, Chromium reads fd 3
        self._res_r, res_w = os.pipe()  # Chromium writes fd 4, we read
        # Move the child's ends above 4 first, so the dup2 onto 3 and 4 cannot clobber them.
        cmd_r, res_w = (self._high(fd) for fd in (cmd_r, res_w))

        def child_fds() -> None:
            os.dup2(cmd_r, 3)
            os.dup2(res_w, 4)

        args = [
            binary,
            "--headless",
            "--remote-debugging-pipe",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-features=Translate,MediaRouter,OptimizationHints",
            "--mute-audio",
            "--hide-scrollbars",
            "--window-size=1280,900",
            f"--user-data-dir={profile_dir}",
            "about:blank",
        ]
        self.proc = subprocess.Popen(
            args,
            preexec_fn=child_fds,
            pass_fds=(3, 4),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        os.close(cmd_r)
        os.close(res_w)
        self._buf = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self.session: str | None = None

    @staticmethod
    def _high(fd: int) -> int:
        high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(fd)
        return high

    # -- protocol -------------------------------------------------------------
    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise CDPError("timed out waiting for Chromium")
            ready, _, _ = select.select([self._res_r], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._res_r, 1 << 16)
            if not chunk:
                err = self.proc.stderr.read().decode(errors="replace")[-2000:] if self.proc.stderr else ""
                raise CDPError(f"Chromium closed the pipe: {err}")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, params: dict[str, Any] | None = None, *, session: bool = True) -> dict[str, Any]:
        self._next_id += 1
        msg: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self._cmd_w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise CDPError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self._events.append(reply)

    def wait_event(self, method: str) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while True:
            for i, ev in enumerate(self._events):
                if ev.get("method") == method:
                    return self._events.pop(i)
            ev = self._read_message(deadline)
            if "method" in ev:
                self._events.append(ev)

    # -- high level -------------------------------------------------------------
    def open(self, url: str) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)[
            "sessionId"
        ]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise CDPError(f"JS error: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        """A real mouse click at the centre of the first element matching ``selector``."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return null;"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        if box is None:
            raise CDPError(f"no element matches {selector}")
        x, y = box
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def platform_fonts(self, selector: str) -> list[dict[str, Any]]:
        """The fonts Chromium used to draw the text of the first element matching ``selector``
        (``CSS.getPlatformFontsForNode``: familyName, glyphCount, …)."""
        self.send("DOM.enable")
        self.send("CSS.enable")
        root = self.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        node = self.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        if not node:
            raise CDPError(f"no element matches {selector}")
        return list(self.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"])

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        try:
            if self.proc.poll() is None:
                with contextlib.suppress(CDPError, OSError):
                    self.send("Browser.close", session=False)
                try:
                    self.proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(timeout=5)
        finally:
            for fd in (self._cmd_w, self._res_r):
                with contextlib.suppress(OSError):
                    os.close(fd)
            if self.proc.stderr:
                self.proc.stderr.close()

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
