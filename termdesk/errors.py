"""One exception tree for everything termdesk reports to a user.

Every error a user can cause (bad file, bad argument, missing model) is a
``TermdeskError`` carrying the process exit code. The CLI catches this tree in
exactly one place (``termdesk.cli.TermdeskGroup.invoke``) and prints the message
as one line. Any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

from typing import Self


class TermdeskError(Exception):
    """Base class: a one-line, user-facing message and an exit code."""

    exit_code: int = 2

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


class InputError(TermdeskError):
    """Unreadable or malformed input (file, encoding, format). Exit 2."""

    exit_code = 2
    path: str | None = None
    line: int | None = None
    what: str = ""
    fix: str = ""

    @classmethod
    def at(cls, path: object, line: int | None, what: str, fix: str = "") -> Self:
        """Build the house message ``path:line: what — fix``, keeping the parts as attributes."""
        loc = f"{path}:{line}" if line else f"{path}"
        msg = f"{loc}: {what}"
        if fix:
            msg += f" — {fix}"
        err = cls(msg)
        err.path, err.line, err.what, err.fix = str(path), line, what, fix
        return err


class OutputError(InputError):
    """A write the OS refused (read-only, disk full, a parent that is a file, permission). Exit 2."""

    exit_code = 2


class BusyError(TermdeskError):
    """Another termdesk process holds the lock on a folder (e.g. a glossary merge). Exit 2."""

    exit_code = 2


class UsageError(TermdeskError):
    """Bad combination of arguments or options. Exit 2."""

    exit_code = 2


class ModelError(TermdeskError):
    """An MT model is missing, invalid or cannot be loaded. Exit 2."""

    exit_code = 2


class ValidationFailed(TermdeskError):
    """Problems or findings at or above the failing severity were found. Exit 1."""

    exit_code = 1


class ConflictError(TermdeskError):
    """A write would overwrite a translator's work or create a glossary conflict. Exit 1."""

    exit_code = 1
