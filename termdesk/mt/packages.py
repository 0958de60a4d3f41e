"""Installed Argos Translate packages: where they live, which are en→ko, installing one.

Nothing here downloads anything. A package is a zip (``.argosmodel``) holding
exactly one folder with ``metadata.json``, ``model/`` (a CTranslate2 model) and
``sentencepiece.model``.

Why termdesk extracts packages itself instead of calling
``argostranslate.package.install_from_path``:

* ``install_from_path`` validates nothing: it ``extractall``s any zip into the
  packages folder. A zip with two top-level folders, or without ``metadata.json``,
  leaves a folder that makes ``argostranslate.package.get_installed_packages``
  raise for every later call (the packages folder is poisoned);
* it extracts into ``argostranslate.settings.package_data_dir``, which argos reads
  from ``ARGOS_PACKAGES_DIR`` once, when first imported — a later change of the
  variable in the same process is ignored;
* it ends by importing ``argostranslate.translate``, which imports ``stanza``
  unconditionally: with argostranslate installed ``--no-deps`` (no stanza, no
  torch) it raises ``ModuleNotFoundError`` *after* extracting;
* it is not atomic: an interrupted install leaves half a package.

So ``install_package`` checks the archive (zip, safe member paths, one top folder,
``metadata.json`` saying en→ko, model files present), extracts it into a temporary
folder next to the packages folder, loads ``model/`` with CTranslate2 on the CPU,
renames the folder into place (replacing an older copy), and finally reads it
back with argos's own ``argostranslate.package.Package`` — the class
``get_installed_packages`` uses — to confirm argos sees it.

Archives are bounded (a zip bomb is refused before anything is written):
:func:`check_archive_bounds` sums the members' declared sizes against a cap
(2 GB, ``TERMDESK_MAX_MODEL_MB``) and refuses a member compressed beyond
:data:`MAX_COMPRESSION_RATIO`; :func:`check_free_space` compares the total with
the free space; :func:`extract_bounded` stops a member that unpacks to more than
its declared size. ``model download`` reuses the same three checks.

The packages folder is resolved on every call, the way argostranslate resolves
it: ``ARGOS_PACKAGES_DIR``, else ``ARGOS_PACKAGES_DIR`` in
``$XDG_CONFIG_HOME/argos-translate/settings.json``, else
``$XDG_DATA_HOME/argos-translate/packages`` (``~/.local/share/…``).
argostranslate is imported only inside functions (importing it creates folders
under ``$HOME``).
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..errors import InputError, ModelError, OutputError, UsageError
from ..textio import STALE_TMP_SECONDS, human_size, read_text, write_error

if TYPE_CHECKING:  # pragma: no cover
    from ..glossary import Problem

FROM_CODE = "en"
TO_CODE = "ko"
INSTALL_HINT = "install one with `termdesk model install FILE.argosmodel`"
_TMP_PREFIX = ".termdesk-install-"


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class InstalledPackage:
    """One installed Argos package, as argostranslate reads its ``metadata.json``."""

    name: str  # the package folder's name
    path: Path
    from_code: str
    to_code: str
    package_version: str
    argos_version: str = ""
    target_prefix: str = ""

    @property
    def pair(self) -> str:
        return f"{self.from_code}→{self.to_code}"

    @property
    def is_en_ko(self) -> bool:
        return self.from_code == FROM_CODE and self.to_code == TO_CODE

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def sentencepiece_model(self) -> Path:
        return self.path / "sentencepiece.model"


@dataclass(frozen=True)
class PackageListing:
    """What is in a packages folder: en→ko packages (best first), others, and broken folders."""

    directory: Path
    en_ko: tuple[InstalledPackage, ...]
    other: tuple[InstalledPackage, ...]
    problems: tuple[Problem, ...]

    @property
    def best(self) -> InstalledPackage | None:
        """The en→ko package termdesk uses: the highest version (then name)."""
        return self.en_ko[0] if self.en_ko else None


@dataclass(frozen=True)
class InstallResult:
    package: InstalledPackage
    replaced: bool  # an older copy of the same folder was replaced


# --------------------------------------------------------------------------- where packages live


def resolve_packages_dir(packages_dir: str | os.PathLike[str] | None = None) -> Path:
    """The Argos packages folder: ``packages_dir`` if given, else argostranslate's setting.

    Evaluated on every call (argostranslate itself reads the setting once, at import).
    """
    if packages_dir is not None:
        return Path(packages_dir)
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env)
    home = Path(os.environ["SNAP_USER_DATA"]) if "SNAP" in os.environ else Path.home()
    settings_file = Path(os.getenv("XDG_CONFIG_HOME", home / ".config")) / "argos-translate" / "settings.json"
    if settings_file.is_file():
        try:
            settings = json.loads(read_text(settings_file))
        except json.JSONDecodeError as exc:
            raise InputError.at(
                settings_file, exc.lineno, "not valid JSON (argostranslate settings)", "fix or delete the file"
            ) from None
        if isinstance(settings, dict) and settings.get("ARGOS_PACKAGES_DIR") is not None:
            return Path(settings["ARGOS_PACKAGES_DIR"])
    return Path(os.getenv("XDG_DATA_HOME", home / ".local" / "share")) / "argos-translate" / "packages"


def _argos_package_module() -> Any:
    try:
        import argostranslate.package as argos_package
    except ImportError as exc:
        raise ModelError(
            f"argostranslate cannot be imported ({exc}) — install it without its dependencies: "
            "pip install --no-deps argostranslate==1.11.0"
        ) from None
    return argos_package


def _read_package(path: Path) -> InstalledPackage:
    """Read one package folder with argos's own ``Package`` class (raises what argos raises)."""
    pkg = _argos_package_module().Package(path)
    return InstalledPackage(
        name=path.name,
        path=path,
        from_code=str(pkg.from_code),
        to_code=str(pkg.to_code),
        package_version=str(pkg.package_version or ""),
        argos_version=str(pkg.argos_version or ""),
        target_prefix=str(getattr(pkg, "target_prefix", "") or ""),
    )


def version_key(package_version: str) -> tuple[int, Any]:
    """Sort key of a package version: PEP 440 versions by value, above anything unparseable (by text)."""
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(package_version))
    except InvalidVersion:
        return (0, package_version)


def _version_key(pkg: InstalledPackage) -> tuple[Any, ...]:
    return (version_key(pkg.package_version), pkg.name)


def list_packages(*, packages_dir: str | os.PathLike[str] | None = None) -> PackageListing:
    """List the packages folder: every sub-folder is read as argostranslate reads it.

    A folder argostranslate cannot read (no or bad ``metadata.json``) is a problem:
    while it is there ``argostranslate.package.get_installed_packages`` raises.
    A missing packages folder is an empty listing (it is not created).
    """
    from ..glossary import Problem

    directory = resolve_packages_dir(packages_dir)
    en_ko: list[InstalledPackage] = []
    other: list[InstalledPackage] = []
    problems: list[Problem] = []
    if not directory.is_dir():
        return PackageListing(directory, (), (), ())
    for path in sorted(directory.iterdir()):
        if not path.is_dir():
            continue
        fix = "delete this folder (argostranslate cannot list packages while it is there), then reinstall the package"
        meta_path = path / "metadata.json"
        if not meta_path.is_file():
            problems.append(Problem(str(path), None, "no-metadata", "not an Argos package: no metadata.json", fix))
            continue
        try:
            metadata = json.loads(read_text(meta_path))
        except (json.JSONDecodeError, InputError):
            metadata = None
        if not isinstance(metadata, dict):
            problems.append(Problem(str(path), None, "bad-metadata", "metadata.json is not a valid JSON object", fix))
            continue
        pkg = _read_package(path)  # argostranslate's own reading of the folder
        if not pkg.is_en_ko:
            other.append(pkg)
            continue
        missing = [p.name for p in (pkg.model_dir / "model.bin", pkg.sentencepiece_model) if not p.is_file()]
        if missing:
            problems.append(
                Problem(
                    str(path),
                    None,
                    "incomplete-package",
                    f"en→ko package without {' or '.join(missing)}",
                    "reinstall it: `termdesk model install FILE.argosmodel`",
                )
            )
            continue
        en_ko.append(pkg)
    en_ko.sort(key=_version_key, reverse=True)
    return PackageListing(directory, tuple(en_ko), tuple(other), tuple(problems))


def find_package(*, packages_dir: str | os.PathLike[str] | None = None) -> InstalledPackage | None:
    """The en→ko package termdesk would use, or ``None``."""
    return list_packages(packages_dir=packages_dir).best


# --------------------------------------------------------------------------- checking an archive


@dataclass(frozen=True)
class ArchivePlan:
    """A checked ``.argosmodel``: its one top folder and its metadata."""

    path: Path
    folder: str
    metadata: dict[str, Any]


def _unsafe(name: str) -> bool:
    if name.startswith(("/", "\\")) or "\\" in name or (len(name) > 1 and name[1] == ":"):
        return True
    return any(part in ("..", ".") for part in PurePosixPath(name).parts) or "\x00" in name


#: Environment variable: the largest total unpacked size of a model archive, in MB (default 2048).
MAX_UNPACKED_ENV = "TERMDESK_MAX_MODEL_MB"
DEFAULT_MAX_UNPACKED_MB = 2048
#: No model file compresses better than this; a member above it (and over 1 MB) is a zip bomb.
MAX_COMPRESSION_RATIO = 100
_RATIO_FLOOR = 2**20
_CHUNK = 2**20


def max_unpacked_bytes() -> int:
    """The cap on a model archive's total unpacked size: ``$TERMDESK_MAX_MODEL_MB`` MB, 2 GB by default."""
    raw = os.environ.get(MAX_UNPACKED_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_UNPACKED_MB * 2**20
    try:
        mb = float(raw)
    except ValueError:
        raise UsageError(f"{MAX_UNPACKED_ENV}={raw!r} is not a number — give the limit in MB, e.g. 4096") from None
    if mb <= 0:
        raise UsageError(f"{MAX_UNPACKED_ENV}={raw!r} must be positive — give the limit in MB, e.g. 4096")
    return int(mb * 2**20)


def check_archive_bounds(
    path: str | os.PathLike[str], infos: Sequence[zipfile.ZipInfo], *, max_bytes: int | None = None
) -> int:
    """Refuse an archive whose declared sizes sum above the cap, or a member compressed above
    :data:`MAX_COMPRESSION_RATIO` (a zip bomb); the total unpacked size otherwise."""
    cap = max_unpacked_bytes() if max_bytes is None else max_bytes
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size >= _RATIO_FLOOR and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            raise InputError.at(
                path,
                None,
                f"member {info.filename!r} unpacks to {info.file_size / 2**20:.1f} MB from "
                f"{info.compress_size / 2**20:.2f} MB ({ratio:.0f}:1; "
                f"no model file compresses beyond {MAX_COMPRESSION_RATIO}:1)",
                "this looks like a zip bomb; do not install this file",
            )
    if total > cap:
        raise InputError.at(
            path,
            None,
            f"archive unpacks to {human_size(total)}, over the {human_size(cap)} limit for a model",
            f"check the file; raise the limit with {MAX_UNPACKED_ENV}=MB if the model really is this large",
        )
    return total


def remove_stale_staging(folder: Path, *, older_than: float = STALE_TMP_SECONDS) -> list[Path]:
    """Remove extraction folders (``.termdesk-install-*``) that a killed install left over an hour ago."""
    removed: list[Path] = []
    now = time.time()
    for p in folder.glob(f"{_TMP_PREFIX}*"):
        try:
            if p.is_dir() and not p.is_symlink() and now - p.stat().st_mtime > older_than:
                shutil.rmtree(p)
                removed.append(p)
        except OSError:
            continue
    return removed


def check_free_space(directory: str | os.PathLike[str], needed: int) -> None:
    """Refuse (``OutputError``) when ``directory``'s file system has less than ``needed`` bytes free."""
    try:
        free = shutil.disk_usage(directory).free
    except OSError as exc:
        raise write_error(directory, exc) from None
    if free < needed:
        raise OutputError.at(
            Path(directory),
            None,
            f"not enough free space ({needed / 2**20:.1f} MB needed, {free / 2**20:.1f} MB free)",
            "free some space or set ARGOS_PACKAGES_DIR to another disk",
        )


def extract_bounded(archive: str | os.PathLike[str], zf: zipfile.ZipFile, destination: Path) -> None:
    """Extract every member of ``zf`` (already checked) into ``destination``, stopping as soon as a
    member unpacks to more than its declared size."""
    for info in zf.infolist():
        target = destination / info.filename
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        with zf.open(info) as src, open(target, "wb") as dst:
            while chunk := src.read(_CHUNK):
                written += len(chunk)
                if written > info.file_size:
                    raise InputError.at(
                        archive,
                        None,
                        f"member {info.filename!r} unpacks to more than its declared {info.file_size:,} bytes",
                        "this archive is damaged or hostile; do not install this file",
                    )
                dst.write(chunk)


def check_archive(archive: str | os.PathLike[str]) -> ArchivePlan:
    """Check that ``archive`` is an installable en→ko Argos package (nothing is extracted).

    Raises ``InputError`` for a file that is not a sound package, ``ModelError`` for
    a package of the wrong language pair.
    """
    path = Path(archive)
    if not path.exists():
        raise InputError.at(path, None, "no such file", "check the path")
    if path.is_dir():
        raise InputError.at(path, None, "is a directory", "give the .argosmodel file (a zip), not an unpacked folder")
    if not zipfile.is_zipfile(path):
        raise InputError.at(
            path,
            None,
            "not a zip archive",
            "an Argos package (.argosmodel) is a zip file; check the download is complete",
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            check_archive_bounds(path, infos)
            for info in infos:
                if _unsafe(info.filename):
                    raise InputError.at(
                        path,
                        None,
                        f"unsafe path {info.filename!r} in the archive (it would be written outside the "
                        "package folder)",
                        "do not install this file",
                    )
                if stat.S_ISLNK(info.external_attr >> 16):
                    raise InputError.at(
                        path, None, f"symbolic link {info.filename!r} in the archive", "do not install this file"
                    )
            tops = sorted({PurePosixPath(i.filename).parts[0] for i in infos if PurePosixPath(i.filename).parts})
            files_at_top = [i.filename for i in infos if not i.is_dir() and len(PurePosixPath(i.filename).parts) == 1]
            if len(tops) != 1 or files_at_top:
                shown = ", ".join(tops) if tops else "none"
                raise InputError.at(
                    path,
                    None,
                    f"{len(tops)} top-level entries ({shown}); an Argos package holds exactly one folder",
                    "rebuild the archive with one top folder",
                )
            folder = tops[0]
            names = {i.filename.rstrip("/") for i in infos}
            meta_name = f"{folder}/metadata.json"
            if meta_name not in names:
                raise InputError.at(path, None, f"no {meta_name}", "this is not an Argos package")
            try:
                metadata = json.loads(zf.read(meta_name).decode("utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError):
                raise InputError.at(path, None, f"{meta_name} is not valid JSON", "rebuild the package") from None
    except zipfile.BadZipFile as exc:
        raise InputError.at(path, None, f"damaged zip archive ({exc})", "get a fresh copy of the package") from None
    if not isinstance(metadata, dict):
        raise InputError.at(path, None, f"{meta_name} is not a JSON object", "rebuild the package")
    src, tgt = metadata.get("from_code"), metadata.get("to_code")
    if (src, tgt) != (FROM_CODE, TO_CODE):
        raise ModelError(
            f"{path}: package translates {src or '?'}→{tgt or '?'}, termdesk needs en→ko — install an "
            "English→Korean package"
        )
    for required in (f"{folder}/model/model.bin", f"{folder}/model/config.json", f"{folder}/sentencepiece.model"):
        if required not in names:
            raise InputError.at(
                path, None, f"no {required}", "termdesk needs a CTranslate2 model and a SentencePiece model"
            )
    return ArchivePlan(path, folder, metadata)


def _reason(exc: BaseException, path: Path) -> str:
    """First line of a library error, with the (possibly temporary) path shortened to its name."""
    line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return line.replace(str(path), path.name)


def load_translator(
    model_dir: Path,
    *,
    device: str = "cpu",
    compute_type: str = "default",
    inter_threads: int = 1,
    intra_threads: int = 1,
    shown_as: str | os.PathLike[str] | None = None,
) -> Any:
    """``ctranslate2.Translator`` for ``model_dir``; ``ModelError`` (one line) if it cannot be loaded."""
    import ctranslate2

    from ..errors import UsageError

    try:
        return ctranslate2.Translator(
            str(model_dir),
            device=device,
            compute_type=compute_type,
            inter_threads=inter_threads,
            intra_threads=intra_threads,
        )
    except ValueError as exc:  # CTranslate2 uses ValueError for compute types, RuntimeError for models
        raise UsageError(
            f"compute type {compute_type!r}: {exc} — set ARGOS_COMPUTE_TYPE to auto, or unset it"
        ) from None
    except (RuntimeError, OSError) as exc:
        reason = _reason(exc, model_dir)
        where = shown_as if shown_as is not None else model_dir
        raise ModelError(
            f"{where}: CTranslate2 cannot load the model ({reason}) — the package is damaged or made for "
            "another CTranslate2 version; get a fresh copy and run `termdesk model install FILE` again"
        ) from None


def check_model_dir(model_dir: Path, *, shown_as: str | os.PathLike[str] | None = None) -> None:
    """Load ``model_dir`` with CTranslate2 on the CPU; ``ModelError`` if it cannot be loaded."""
    load_translator(model_dir, shown_as=shown_as)


def check_sentencepiece(sp_path: Path, *, shown_as: str | os.PathLike[str] | None = None) -> None:
    """Load ``sp_path`` with SentencePiece; ``ModelError`` if it cannot be loaded."""
    import sentencepiece as spm

    try:
        spm.SentencePieceProcessor(model_file=str(sp_path))
    except (RuntimeError, OSError) as exc:
        reason = _reason(exc, sp_path)
        where = shown_as if shown_as is not None else sp_path
        raise ModelError(
            f"{where}: SentencePiece cannot load the tokenizer ({reason}) — get a fresh copy of the package "
            "and run `termdesk model install FILE` again"
        ) from None


# --------------------------------------------------------------------------- installing


def install_package(
    archive: str | os.PathLike[str], *, packages_dir: str | os.PathLike[str] | None = None
) -> InstallResult:
    """Check, extract and install an en→ko ``.argosmodel`` into the packages folder.

    Atomic: the package appears complete or not at all; an older copy of the same
    folder is replaced only once the new one has loaded.
    """
    plan = check_archive(archive)
    directory = resolve_packages_dir(packages_dir)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        # Extract next to (not inside) the packages folder: a leftover temporary folder
        # inside it would be read by argostranslate as a broken package.
        remove_stale_staging(directory.parent)
        staging = Path(tempfile.mkdtemp(prefix=_TMP_PREFIX, dir=directory.parent))
    except PermissionError:
        raise InputError.at(
            directory,
            None,
            "cannot write to the packages folder (permission denied)",
            "set ARGOS_PACKAGES_DIR to a folder you can write",
        ) from None
    except OSError as exc:
        raise write_error(directory, exc) from None
    try:
        with zipfile.ZipFile(plan.path) as zf:
            check_free_space(staging, sum(i.file_size for i in zf.infolist()))
            try:
                extract_bounded(plan.path, zf, staging)
            except zipfile.BadZipFile as exc:
                raise InputError.at(
                    plan.path, None, f"damaged zip archive ({exc})", "get a fresh copy of the package"
                ) from None
            except OSError as exc:
                raise write_error(directory, exc) from None
        new = staging / plan.folder
        check_sentencepiece(new / "sentencepiece.model", shown_as=f"{plan.path} ({plan.folder}/sentencepiece.model)")
        check_model_dir(new / "model", shown_as=f"{plan.path} ({plan.folder}/model)")
        target = directory / plan.folder
        replaced = target.exists()
        if replaced:
            old = staging / ".old"
            target.rename(old)
            try:
                new.rename(target)
            except OSError:
                old.rename(target)  # put the working copy back
                raise
        else:
            new.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    package = _read_package(target)  # what argostranslate itself sees
    _clear_argos_language_cache()
    return InstallResult(package, replaced)


def _clear_argos_language_cache() -> None:
    """Do what ``install_from_path`` does last, if argostranslate.translate is loaded (never import it)."""
    import sys

    translate = sys.modules.get("argostranslate.translate")
    if translate is not None:
        translate.get_installed_languages.cache_clear()
