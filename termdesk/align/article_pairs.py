"""English articles paired with their Korean versions for alignment (``A.txt`` with ``A.ko.txt``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from .candidates import Candidate, context_article

if TYPE_CHECKING:  # pragma: no cover
    from .bitext import Bitext


def pair_articles(
    candidates: Sequence[Candidate],
    *,
    ko_text: Sequence[str | Path],
    en_text: Sequence[str | Path] = (),
    search: Sequence[Path] = (),
    encoding: str | None = None,
) -> tuple[list[Bitext], list[str]]:
    """English articles paired with their Korean versions, read into sentences (not aligned), and notices.

    English articles are those given with ``en_text``, else those named in the
    candidates' contexts, looked for in the Korean files' folders and ``search``.
    Files pair as :mod:`termdesk.pairing` says (``A.txt``/``A.en.txt`` with ``A.ko.txt``,
    ``en/A.txt`` with ``ko/A.txt``). An article given with ``en_text`` that has
    no Korean version is an error; one only named in a context is noted and skipped.
    """
    from ..pairing import PAIR_SUFFIXES, article_name, english_articles, english_candidates, korean_files
    from .bitext import read_pair

    ko_files = korean_files(ko_text)
    notices: list[str] = []
    explicit = bool(en_text)
    if explicit:
        en_files = english_articles(en_text)
    else:
        names: list[str] = []
        for c in candidates:
            for ctx in c.contexts:
                name = context_article(ctx)
                if name and name not in names:
                    names.append(name)
        dirs: list[Path] = []
        for f in ko_files.values():
            if f.parent not in dirs:
                dirs.append(f.parent)
        dirs.extend(d for d in search if d not in dirs)
        en_files = []
        for name in names:
            looked = [*(english_candidates(ko_files[name]) if name in ko_files else ())]
            looked += [d / f"{name}{tag}{ext}" for d in dirs for ext in PAIR_SUFFIXES for tag in ("", ".en")]
            found = next((c for c in looked if c.is_file()), None)
            if found is None:
                if name in ko_files:
                    notices.append(
                        f"{name}: the English article named in the candidates was not found next to "
                        f"{ko_files[name]} — give it with --en-text"
                    )
                continue
            en_files.append(found)
    bitexts = []
    for f in en_files:
        ko = ko_files.get(article_name(f))
        if ko is None:
            if explicit:
                where = ", ".join(str(p) for p in ko_text)
                raise InputError.at(
                    f,
                    None,
                    f"no Korean version found ({article_name(f)}.ko{f.suffix} in {where})",
                    "add it to --ko-text, or leave the article out of --en-text",
                )
            notices.append(f"{f.name}: no Korean version ({article_name(f)}.ko{f.suffix}); its sentences are not used")
            continue
        bitexts.append(read_pair(f, ko, encoding=encoding))
    if ko_text and not bitexts:
        raise InputError.at(
            ", ".join(str(p) for p in ko_text),
            None,
            "no Korean file matches an English article",
            "name the Korean version of A.txt A.ko.txt, and give the English articles with --en-text",
        )
    return bitexts, notices
