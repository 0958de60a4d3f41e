"""File reading and writing shared by every stage.

* ``read_text`` decodes UTF-8 (with or without BOM), refuses binary files and
  names the likely encoding (CP949/EUC-KR from Korean Excel) with the fix.
* ``read_bytes`` is the one reader: every ``OSError`` becomes a one-line
  ``InputError`` and files over the input limit (``TERMDESK_MAX_INPUT_MB``) are refused;
  ``-`` is standard input.
* ``read_document_text`` is what every command reads an article with: ``-`` is
  standard input, a Word ``.docx`` gives its body paragraphs (``termdesk.docx``),
  other binary formats (PDF, images, ``.doc``, ``.xlsx``, ``.pptx``, ``.odt``) are
  refused with a message naming the format and what to do.
* ``atomic_write`` (and ``atomic_write_all`` for several files, all or none) writes to a
  temporary file ``.NAME.termdesk-XXXX.tmp`` in the target directory and renames it over
  the target, so no file is ever left half-written; every ``OSError`` becomes a one-line
  ``OutputError`` and stale temporary files of a killed run are removed.
* ``refuse_input_overwrite`` refuses an output that is one of the inputs; ``folder_lock``
  serialises writers of one folder (glossary merges).
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from .errors import BusyError, InputError, OutputError, UsageError

UTF8_BOM = b"\xef\xbb\xbf"

# --------------------------------------------------------------------------- spreadsheet formulas

#: A cell a spreadsheet would run as a formula (``= + - @``, tab, CR), possibly already neutralised.
_FORMULA = re.compile("'*[=+\\-@\t\r]")
_NEUTRALISED = re.compile("'+[=+\\-@\t\r]")


def neutralise(value: str) -> str:
    """``=SUM(A1)`` → ``'=SUM(A1)`` (and ``'=x`` → ``''=x``, so that reading it back can undo it).

    For every CSV a translator is told to open in a spreadsheet (proposals, terms CSV, Excel export)."""
    return "'" + value if _FORMULA.match(value) else value


def unneutralise(value: str) -> str:
    """Undo :func:`neutralise` when reading such a file back."""
    return value[1:] if _NEUTRALISED.match(value) else value


def starts_formula(value: str) -> bool:
    """True when a spreadsheet could take ``value`` for a formula (for warnings on exact exports)."""
    return bool(value) and value[0] in "=+-@\t\r"


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


#: Environment variable holding the input size limit in MB (default :data:`DEFAULT_MAX_INPUT_MB`).
MAX_INPUT_ENV = "TERMDESK_MAX_INPUT_MB"
DEFAULT_MAX_INPUT_MB = 100


def max_input_bytes() -> int:
    """The largest input file termdesk reads: ``$TERMDESK_MAX_INPUT_MB`` MB, 100 MB by default."""
    raw = os.environ.get(MAX_INPUT_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_INPUT_MB * 2**20
    try:
        mb = float(raw)
    except ValueError:
        raise UsageError(f"{MAX_INPUT_ENV}={raw!r} is not a number — give the limit in MB, e.g. 200") from None
    if mb <= 0:
        raise UsageError(f"{MAX_INPUT_ENV}={raw!r} must be positive — give the limit in MB, e.g. 200")
    return int(mb * 2**20)


def human_size(n: int) -> str:
    """``2,960 bytes`` below a megabyte, ``1.5 MB`` above."""
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n:,} bytes"


def read_error(path: str | os.PathLike[str], exc: OSError, *, expected: str = "a file") -> InputError:
    """The one mapping of a refused read (``OSError``) to a one-line ``InputError``."""
    p = Path(path)
    if isinstance(exc, FileNotFoundError):
        return InputError.at(p, None, "no such file", "check the path")
    if isinstance(exc, IsADirectoryError):
        return InputError.at(p, None, "is a directory", f"give {expected}")
    if isinstance(exc, PermissionError):
        return InputError.at(p, None, "permission denied", "check the file's permissions")
    if exc.errno == errno.ELOOP:
        return InputError.at(p, None, "symbolic link loop", "point the link at a real file")
    if isinstance(exc, NotADirectoryError):
        return InputError.at(p, None, "a parent of this path is a file", "check the path")
    reason = exc.strerror or type(exc).__name__
    return InputError.at(p, None, f"cannot read ({reason})", "check the file and try again")


#: The path that means standard input.
STDIN = "-"


def _read_stdin(cap: int) -> bytes:
    import sys

    data = sys.stdin.buffer.read(cap + 1)
    if len(data) > cap:
        raise InputError.at(
            "<stdin>",
            None,
            f"over the {human_size(cap)} input limit",
            f"split it, or raise the limit with {MAX_INPUT_ENV}=MB",
        )
    return data


def read_bytes(path: str | os.PathLike[str], *, expected: str = "a file", limit: int | None = None) -> bytes:
    """A file's bytes; every refused read (missing, folder, permission, symlink loop …) is a one-line
    ``InputError``, and so is a file over the input size limit (:func:`max_input_bytes`).
    ``-`` (:data:`STDIN`) reads standard input."""
    p = Path(path)
    cap = max_input_bytes() if limit is None else limit
    if str(path) == STDIN:
        return _read_stdin(cap)
    try:
        with open(p, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > cap:
                raise InputError.at(
                    p,
                    None,
                    f"file is {human_size(size)}, over the {human_size(cap)} input limit",
                    f"split it, or raise the limit with {MAX_INPUT_ENV}=MB",
                )
            data = fh.read(cap + 1)
    except OSError as exc:
        raise read_error(p, exc, expected=expected) from None
    if len(data) > cap:  # grew while reading, or a device/pipe without a size
        raise InputError.at(
            p,
            None,
            f"file is over the {human_size(cap)} input limit",
            f"split it, or raise the limit with {MAX_INPUT_ENV}=MB",
        )
    return data


def read_text(path: str | os.PathLike[str], *, encoding: str | None = None) -> str:
    """Read a text file as ``str`` (BOM removed, newlines untouched)."""
    p = Path(path)
    data = read_bytes(p)
    return decode_bytes(data, p, encoding=encoding)


def _refuse_binary(data: bytes, path: str | os.PathLike[str], fix: str) -> None:
    """``InputError`` naming the format of a binary document (PDF, image, Office file); else nothing."""
    from .docx import sniff_binary

    kind = sniff_binary(data if data.startswith(b"PK") else data[:16])
    if kind == "docx":
        kind = "Word document (.docx)"
    if kind is not None:
        raise InputError.at(path, None, f"binary {kind}, not text", fix)


def read_document_text(path: str | os.PathLike[str], *, encoding: str | None = None) -> str:
    """An article's text: a text file decoded as :func:`read_text` does, a .docx's paragraphs
    separated by blank lines, or standard input for ``-``. Other binary formats are refused."""
    from .docx import SAVE_AS, docx_paragraphs, sniff_binary

    data = read_bytes(path)
    if data.startswith(b"PK\x03\x04") and sniff_binary(data) == "docx":
        return "\n\n".join(docx_paragraphs(data, path))
    _refuse_binary(data, path, SAVE_AS)
    return decode_bytes(data, "<stdin>" if str(path) == STDIN else path, encoding=encoding)


#: Temporary files are named ``.NAME.termdesk-XXXX.tmp`` next to their target.
TMP_MARK = ".termdesk-"
TMP_SUFFIX = ".tmp"
#: Temporary files older than this (seconds) are left over from a killed run and removed at the next write.
STALE_TMP_SECONDS = 3600

_WRITE_FIXES = {
    errno.EROFS: "the file system is read-only; write somewhere else",
    errno.ENOSPC: "the disk is full; free some space or write somewhere else",
    errno.EDQUOT: "the disk quota is used up; free some space or write somewhere else",
    errno.EACCES: "check the folder's permissions, or write somewhere else",
    errno.EPERM: "check the folder's permissions, or write somewhere else",
    errno.ENOTDIR: "a parent of this path is a file; choose another path",
    errno.EEXIST: "a parent of this path is a file; choose another path",
    errno.EISDIR: "this is a folder; give a file name",
    errno.ENAMETOOLONG: "use a shorter file name",
}


def write_error(path: str | os.PathLike[str], exc: OSError) -> OutputError:
    """The one mapping of a refused write (``OSError``) to ``error: PATH: <strerror> — <what to do>``."""
    reason = exc.strerror or os.strerror(exc.errno or 0) or type(exc).__name__
    fix = _WRITE_FIXES.get(exc.errno or 0, "check the path and try again")
    return OutputError.at(Path(path), None, reason, fix)


def is_temp_name(name: str) -> bool:
    """True for a termdesk temporary file name (``.NAME.termdesk-XXXX.tmp``)."""
    return name.startswith(".") and TMP_MARK in name and name.endswith(TMP_SUFFIX)


def remove_stale_temps(folder: str | os.PathLike[str], *, older_than: float = STALE_TMP_SECONDS) -> list[Path]:
    """Remove termdesk temporary files in ``folder`` older than ``older_than`` seconds (a killed run's)."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not is_temp_name(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime > older_than:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _write_temp(target: Path, payload: bytes) -> str:
    """Write ``payload`` to a new temporary file next to ``target``; its name, or ``OutputError``."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if isinstance(exc, FileExistsError):  # a parent is a file
            exc = NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(target))
        raise write_error(target, exc) from None
    if target.is_dir():
        raise write_error(target, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))
    remove_stale_temps(target.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}{TMP_MARK}", suffix=TMP_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise write_error(target, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.chmod(tmp, mode)
    except BaseException as exc:
        _unlink(tmp)
        if isinstance(exc, OSError):
            raise write_error(target, exc) from None
        raise
    return tmp


def _unlink(tmp: str) -> None:
    with suppress(OSError):
        os.unlink(tmp)


def atomic_write(path: str | os.PathLike[str], data: str | bytes, *, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` atomically (temp file ``.NAME.termdesk-XXXX.tmp`` in the same folder, then rename).

    Text is written with LF newlines exactly as given (no platform translation). A write the
    OS refuses (read-only, disk full, a parent that is a file, permission) raises ``OutputError``
    (``PATH: <strerror> — <what to do>``) and leaves no temporary file; stale temporary files
    of a killed run (older than an hour) in the same folder are removed.
    """
    return atomic_write_all({Path(path): data}, encoding=encoding)[0]


def atomic_write_all(
    files: Mapping[Path, str | bytes] | Sequence[tuple[Path, str | bytes]], *, encoding: str = "utf-8"
) -> list[Path]:
    """Write several files all or none: every temp file first, then the renames; on failure the temps go."""
    items = list(files.items()) if isinstance(files, Mapping) else list(files)
    temps: list[tuple[str, Path]] = []
    try:
        for path, data in items:
            target = Path(path)
            payload = data.encode(encoding) if isinstance(data, str) else data
            temps.append((_write_temp(target, payload), target))
        for tmp, target in temps:
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise write_error(target, exc) from None
    except BaseException:
        for tmp, _ in temps:
            _unlink(tmp)
        raise
    return [t for _, t in temps]


def refuse_input_overwrite(
    output: str | os.PathLike[str],
    inputs: Iterable[str | os.PathLike[str]],
    *,
    option: str = "-o",
    what: str = "one of the inputs",
    fix: str = "write the output to a new file",
) -> None:
    """Refuse (``UsageError``) an output path that is one of ``inputs`` (resolved, through symlinks).

    Callers expand folders to the files they read. ``--force`` never overrides this (it only overrides "output exists").
    """
    out = Path(output)
    try:
        target = out.resolve()
    except (OSError, RuntimeError):
        return
    for src in inputs:
        p = Path(src)
        try:
            resolved = p.resolve()
        except (OSError, RuntimeError):
            continue
        if resolved == target:
            raise UsageError(f"{option} {out} is {what} — {fix}")


@contextmanager
def folder_lock(
    folder: str | os.PathLike[str], *, wait: float = 0, what: str = "another termdesk command"
) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (``flock`` on the folder itself) for the ``with`` block.

    If another process holds it, wait up to ``wait`` seconds, then raise ``BusyError``.
    """
    import fcntl

    path = Path(folder)
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        raise read_error(path, exc, expected="a folder") from None
    try:
        deadline = time.monotonic() + max(wait, 0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    waited = f" (waited {wait:g} s)" if wait > 0 else ""
                    raise BusyError(
                        f"{path}: {what} is writing to this folder{waited}"
                        " — wait for it to finish, or pass --wait SECONDS"
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
