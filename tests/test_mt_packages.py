"""`termdesk model install|list` and termdesk.mt.packages: checking, installing and listing Argos packages.

Bad packages are tiny files in tests/data, one per failure (members listed by
``zipfile``); the one case that needs a real SentencePiece model (a model folder
CTranslate2 cannot load) is made in tmp_path from the copy model:

=============================== =====================================================
model_not_a_zip.txt             a text file
model_no_metadata.zip           translate-en_ko/{model/config.json,model/model.bin,sentencepiece.model}
model_bad_metadata_json.zip     translate-en_ko/metadata.json is cut off mid-object
model_wrong_pair_ko_en.zip      translate-ko_en/metadata.json says from_code ko, to_code en
model_zip_slip.zip              a member named translate-en_ko/../../evil.txt
model_two_top_folders.zip       translate-en_ko/… and stanza/en.pt
model_files_at_top.zip          metadata.json, model/…, sentencepiece.model with no folder
model_no_sentencepiece.zip      valid metadata, no sentencepiece.model
model_bad_sentencepiece.zip     sentencepiece.model is text
model_symlink.zip               a symbolic-link member pointing at /etc/passwd
model_bad_crc.zip               model/model.bin's stored bytes changed after zipping
=============================== =====================================================
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from termdesk.cli import app
from termdesk.errors import InputError, ModelError
from termdesk.mt.packages import find_package, install_package, list_packages, resolve_packages_dir

DATA = Path(__file__).parent / "data"
NAME = "translate-en_ko-termdesk_test"
HINT = "install one with `termdesk model install FILE.argosmodel`"


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def rezip(src: Path, dst: Path, *, replace: dict[str, bytes] | None = None) -> Path:
    """Copy the zip ``src`` to ``dst``, replacing the data of some members."""
    replace = replace or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, replace.get(info.filename, zin.read(info.filename)))
    return dst


def argos_sees(directory: Path) -> list[str]:
    """Folder names argostranslate's own listing returns for ``directory``."""
    import argostranslate.package

    return sorted(p.package_path.name for p in argostranslate.package.get_installed_packages(path=[directory]))


# --------------------------------------------------------------------------- install + list (CLI)


def test_install_then_list(copy_model_archive: Path, packages_dir: Path) -> None:
    target = packages_dir / NAME
    result = invoke("model", "install", str(copy_model_archive))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"installed {NAME} (en→ko, version 1.0) in {target}\n"
    assert sorted(p.name for p in target.iterdir()) == ["README.md", "metadata.json", "model", "sentencepiece.model"]
    assert argos_sees(packages_dir) == [NAME]

    result = invoke("model", "list")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{NAME} (en→ko, version 1.0): {target}\n"


def test_reinstall_replaces_the_folder(copy_model_archive: Path, packages_dir: Path) -> None:
    assert invoke("model", "install", str(copy_model_archive)).exit_code == 0
    (packages_dir / NAME / "stale-file").write_text("left over\n")
    result = invoke("model", "install", str(copy_model_archive))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"reinstalled {NAME} (en→ko, version 1.0) in {packages_dir / NAME}\n"
    assert not (packages_dir / NAME / "stale-file").exists()
    assert [p.name for p in packages_dir.parent.iterdir() if p.name.startswith(".termdesk-install-")] == []


def test_list_empty(packages_dir: Path) -> None:
    result = invoke("model", "list")
    assert result.exit_code == 0
    assert result.stdout == f"no en→ko model installed in {packages_dir} — {HINT}\n"
    assert not packages_dir.exists()  # listing creates nothing


def test_packages_dir_option(copy_model_archive: Path, tmp_path: Path, packages_dir: Path) -> None:
    other = tmp_path / "elsewhere"
    result = invoke("model", "install", "--packages-dir", str(other), str(copy_model_archive))
    assert result.exit_code == 0, result.output
    assert (other / NAME / "model" / "model.bin").is_file()
    assert not packages_dir.exists()
    assert (
        invoke("model", "list", "--packages-dir", str(other)).stdout == f"{NAME} (en→ko, version 1.0): {other / NAME}\n"
    )


def test_list_marks_the_package_used_and_counts_other_pairs(
    copy_model_archive: Path,
    build_script,
    packages_dir: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    newer = build_script.build_test_model(
        tmp_path / "v2.argosmodel", folder="translate-en_ko-2_0", package_version="2.0"
    )
    assert invoke("model", "install", str(copy_model_archive)).exit_code == 0
    assert invoke("model", "install", str(newer)).exit_code == 0
    es = packages_dir / "translate-en_es"
    es.mkdir()
    (es / "metadata.json").write_text(json.dumps({"from_code": "en", "to_code": "es", "package_version": "1.0"}))
    result = invoke("model", "list")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"translate-en_ko-2_0 (en→ko, version 2.0): {packages_dir / 'translate-en_ko-2_0'} [used]",
        f"{NAME} (en→ko, version 1.0): {packages_dir / NAME}",
        "1 other package(s) (not en→ko) not shown",
    ]
    best = find_package()
    assert best is not None and best.package_version == "2.0"


@pytest.mark.parametrize(
    ("metadata", "problem"),
    [
        (None, "not an Argos package: no metadata.json"),
        ('{"from_code": "en",', "metadata.json is not a valid JSON object"),
        ("[1, 2]", "metadata.json is not a valid JSON object"),
    ],
    ids=["no-metadata", "cut-off-json", "json-list"],
)
def test_list_reports_a_folder_that_poisons_argos(
    metadata: str | None, problem: str, copy_model_archive: Path, packages_dir: Path
) -> None:
    assert invoke("model", "install", str(copy_model_archive)).exit_code == 0
    junk = packages_dir / "junk"
    junk.mkdir()
    if metadata is not None:
        (junk / "metadata.json").write_text(metadata)
    with pytest.raises(
        (FileNotFoundError, json.JSONDecodeError, AttributeError)
    ):  # argostranslate's listing fails outright
        argos_sees(packages_dir)
    result = invoke("model", "list")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{NAME} (en→ko, version 1.0): {packages_dir / NAME}",
        f"{junk}: {problem} — delete this folder "
        "(argostranslate cannot list packages while it is there), then reinstall the package",
    ]
    assert result.stderr == f"error: 1 broken package folder(s) in {packages_dir}\n"
    assert find_package() is not None  # a broken neighbour does not hide the good package


def test_list_reports_an_incomplete_package(copy_model_archive: Path, packages_dir: Path) -> None:
    install_package(copy_model_archive)
    (packages_dir / NAME / "model" / "model.bin").unlink()
    result = invoke("model", "list")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"no en→ko model installed in {packages_dir} — {HINT}",
        f"{packages_dir / NAME}: en→ko package without model.bin — reinstall it: `termdesk model install FILE.argosmodel`",
    ]


# --------------------------------------------------------------------------- bad packages


BAD = [
    (
        "model_not_a_zip.txt",
        "{p}: not a zip archive — an Argos package (.argosmodel) is a zip file; check the download is complete",
    ),
    ("model_no_metadata.zip", "{p}: no translate-en_ko/metadata.json — this is not an Argos package"),
    ("model_bad_metadata_json.zip", "{p}: translate-en_ko/metadata.json is not valid JSON — rebuild the package"),
    (
        "model_wrong_pair_ko_en.zip",
        "{p}: package translates ko→en, termdesk needs en→ko — install an English→Korean package",
    ),
    (
        "model_zip_slip.zip",
        "{p}: unsafe path 'translate-en_ko/../../evil.txt' in the archive (it would be written outside the package folder) — do not install this file",
    ),
    (
        "model_two_top_folders.zip",
        "{p}: 2 top-level entries (stanza, translate-en_ko); an Argos package holds exactly one folder — rebuild the archive with one top folder",
    ),
    (
        "model_files_at_top.zip",
        "{p}: 3 top-level entries (metadata.json, model, sentencepiece.model); an Argos package holds exactly one folder — rebuild the archive with one top folder",
    ),
    (
        "model_no_sentencepiece.zip",
        "{p}: no translate-en_ko/sentencepiece.model — termdesk needs a CTranslate2 model and a SentencePiece model",
    ),
    (
        "model_bad_sentencepiece.zip",
        "{p} (translate-en_ko/sentencepiece.model): SentencePiece cannot load the tokenizer (INTERNAL: could not parse ModelProto from sentencepiece.model) — get a fresh copy of the package and run `termdesk model install FILE` again",
    ),
    ("model_symlink.zip", "{p}: symbolic link 'translate-en_ko/link' in the archive — do not install this file"),
    (
        "model_bad_crc.zip",
        "{p}: damaged zip archive (Bad CRC-32 for file 'translate-en_ko/model/model.bin') — get a fresh copy of the package",
    ),
]


@pytest.mark.parametrize(
    ("name", "message"), BAD, ids=[n.removeprefix("model_").split(".")[0].replace("_", "-") for n, _ in BAD]
)
def test_bad_package_is_refused_with_one_line(name: str, message: str, packages_dir: Path) -> None:
    path = DATA / name
    result = invoke("model", "install", str(path))
    assert result.exit_code == 2, result.output
    assert result.stderr == "error: " + message.format(p=path) + "\n"
    assert result.stdout == ""
    # nothing installed, nothing left behind, argos's own listing still works
    assert not packages_dir.exists() or list(packages_dir.iterdir()) == []
    assert [p.name for p in packages_dir.parent.iterdir() if p.name.startswith(".termdesk-install-")] == []
    assert not (packages_dir.parent / "evil.txt").exists()


def test_model_ctranslate2_cannot_load(copy_model_archive: Path, packages_dir: Path, tmp_path: Path) -> None:
    bad = rezip(
        copy_model_archive,
        tmp_path / "truncated-model.argosmodel",
        replace={f"{NAME}/model/model.bin": b"\x06\x00\x00\x00garbage"},
    )
    result = invoke("model", "install", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {bad} ({NAME}/model): CTranslate2 cannot load the model (")
    assert result.stderr.endswith(
        ") — the package is damaged or made for another CTranslate2 version; get a fresh copy and run `termdesk model install FILE` again\n"
    )
    assert len(result.stderr.splitlines()) == 1
    assert not packages_dir.exists() or list(packages_dir.iterdir()) == []


def test_failed_reinstall_keeps_the_working_copy(copy_model_archive: Path, packages_dir: Path, tmp_path: Path) -> None:
    assert invoke("model", "install", str(copy_model_archive)).exit_code == 0
    bad = rezip(copy_model_archive, tmp_path / "bad.argosmodel", replace={f"{NAME}/model/model.bin": b"garbage"})
    assert invoke("model", "install", str(bad)).exit_code == 2
    assert (packages_dir / NAME / "model" / "model.bin").read_bytes()[:8] != b"garbage"
    assert find_package() is not None


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.argosmodel", "{p}: no such file — check the path"),
        (lambda tmp: tmp, "{p}: is a directory — give the .argosmodel file (a zip), not an unpacked folder"),
    ],
    ids=["missing-file", "directory"],
)
def test_install_path_errors(make, message: str, tmp_path: Path, packages_dir: Path) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    with pytest.raises(InputError) as err:
        install_package(path)
    assert str(err.value) == message.format(p=path)


def test_wrong_pair_is_a_model_error() -> None:
    with pytest.raises(ModelError):
        install_package(DATA / "model_wrong_pair_ko_en.zip")


# --------------------------------------------------------------------------- where packages live


def test_packages_dir_follows_env_even_after_argos_was_imported(
    copy_model_archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argostranslate.settings

    first, second = tmp_path / "first", tmp_path / "second"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(first))
    assert install_package(copy_model_archive).package.path == first / NAME
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(second))
    assert install_package(copy_model_archive).package.path == second / NAME
    assert [p.path for p in list_packages().en_ko] == [second / NAME]
    # argostranslate itself still uses whatever the variable said when it was first imported:
    assert argostranslate.settings.package_data_dir not in (first, second)


def _argos_view(env: dict[str, str]) -> Path:
    code = "import argostranslate.settings as s; print(s.package_data_dir)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    return Path(out.strip())


@pytest.mark.parametrize("case", ["env-var", "settings-json", "xdg-default"])
def test_packages_dir_agrees_with_argostranslate(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    if case == "env-var":
        monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "from-env"))
    elif case == "settings-json":
        settings = tmp_path / "config" / "argos-translate" / "settings.json"
        settings.parent.mkdir(parents=True)
        settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "from-settings")}))
    expected = {
        "env-var": tmp_path / "from-env",
        "settings-json": tmp_path / "from-settings",
        "xdg-default": tmp_path / "data" / "argos-translate" / "packages",
    }[case]
    assert resolve_packages_dir() == expected
    assert _argos_view(dict(os.environ)) == expected


def test_bad_settings_json_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    settings = tmp_path / "argos-translate" / "settings.json"
    settings.parent.mkdir()
    settings.write_text('{\n"ARGOS_PACKAGES_DIR": \n')
    with pytest.raises(InputError) as err:
        resolve_packages_dir()
    assert str(err.value) == f"{settings}:3: not valid JSON (argostranslate settings) — fix or delete the file"


# --------------------------------------------------------------------------- builder and import hygiene


def test_builder_writes_the_argos_layout(copy_model_archive: Path) -> None:
    with zipfile.ZipFile(copy_model_archive) as zf:
        names = sorted(zf.namelist())
        meta = json.loads(zf.read(f"{NAME}/metadata.json"))
    assert {n.split("/")[0] for n in names} == {NAME}
    assert {
        f"{NAME}/metadata.json",
        f"{NAME}/sentencepiece.model",
        f"{NAME}/model/model.bin",
        f"{NAME}/model/config.json",
    } <= set(names)
    assert not any("stanza" in n or "minisbd" in n for n in names)  # nothing for argos to download a splitter for
    assert (meta["from_code"], meta["to_code"], meta["package_version"]) == ("en", "ko", "1.0")


def test_builder_command_line(build_script, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "cli.argosmodel"
    assert build_script.main(["-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {out} (")
    assert zipfile.is_zipfile(out)


def test_importing_mt_and_model_help_load_nothing_heavy(tmp_path: Path) -> None:
    code = (
        "import os, sys; from click.testing import CliRunner; from termdesk.cli import app; "
        "import termdesk.mt, termdesk.mt.base, termdesk.mt.packages, termdesk.mt.argos, termdesk.cli.model_cmd; "
        "r = CliRunner().invoke(app, ['model', '--help']); assert r.exit_code == 0, r.output; "
        "heavy = [m for m in ('ctranslate2', 'sentencepiece', 'argostranslate', 'numpy') if m in sys.modules]; "
        "assert not heavy, heavy; assert os.listdir(os.environ['HOME']) == [], os.listdir(os.environ['HOME'])"
    )
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ARGOS_"))} | {"HOME": str(home)}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)


def test_failed_install_leaves_no_staging_folder(tmp_path: Path) -> None:
    """The staging folder lives beside the packages folder (never inside it) and is removed."""
    target = tmp_path / "pk"
    with pytest.raises(InputError):
        install_package(DATA / "model_bad_crc.zip", packages_dir=target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pk"]
    assert list(target.iterdir()) == []
