"""File reading and writing shared by every stage.

* ``read_text`` decodes UTF-8 (with or without BOM), refuses binary files and
  names the likely encoding (CP949/EUC-KR from Korean Excel) with the fix.
* ``atomic_write`` writes to a temporary file in the target directory and
  renames it over the target, so no file is ever left half-written.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import InputError

UTF8_BOM = b"\xef\xbb\xbf"


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


#: How to fix a CP949 file, unless the caller knows better (the glossary suggests ``glossary fmt``).
CP949_FIX = "read it with --encoding cp949, or save it as UTF-8"


def decode_bytes(
    data: bytes, path: str | os.PathLike[str], *, encoding: str | None = None, cp949_fix: str = CP949_FIX
) -> str:
    """Decode ``data`` read from ``path``; raise ``InputError`` with file:line on failure."""
    if encoding and encoding.lower().replace("_", "-") not in ("utf-8", "utf8", "utf-8-sig"):
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError.at(path, None, f"unknown encoding {encoding!r}", "use e.g. utf-8 or cp949") from None
        except UnicodeDecodeError as exc:
            raise InputError.at(
                path, _line_of(data, exc.start), f"not valid {encoding}", "check the --encoding value"
            ) from None
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    if b"\x00" in data:
        nul = data.index(b"\x00")
        raise InputError.at(
            path, _line_of(data, nul), "binary data (NUL byte)", "this is not a text file; give a UTF-8 text file"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        try:
            data.decode("cp949")
        except UnicodeDecodeError:
            raise InputError.at(path, line, "not UTF-8 text (and not CP949 either)", "save the file as UTF-8") from None
        raise InputError.at(
            path,
            line,
            "file is CP949/EUC-KR (Korean Excel), not UTF-8",
            cp949_fix,
        ) from None


def read_bytes(path: str | os.PathLike[str], *, expected: str = "a file") -> bytes:
    """A file's bytes; ``InputError`` (one line) for a missing file, a folder or no permission."""
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError.at(p, None, "no such file", "check the path") from None
    except IsADirectoryError:
        raise InputError.at(p, None, "is a directory", f"give {expected}") from None
    except PermissionError:
        raise InputError.at(p, None, "permission denied", "check the file's permissions") from None


def read_text(path: str | os.PathLike[str], *, encoding: str | None = None) -> str:
    """Read a text file as ``str`` (BOM removed, newlines untouched)."""
    p = Path(path)
    data = read_bytes(p)
    return decode_bytes(data, p, encoding=encoding)


def atomic_write(path: str | os.PathLike[str], data: str | bytes, *, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` atomically (temp file in the same directory, then rename).

    Text is written with LF newlines exactly as given (no platform translation).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return target
