"""Running the mine stage: articles are read one at a time (optionally in worker processes), mined and merged
into corpus counts, which :func:`~termdesk.mine.finalise.finalise` turns into the result."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..glossary import Glossary
from ..pairing import english_articles
from ..text import Article, Removed, read_article
from ..textio import STDIN
from .article import ArticleTerms, extract_article
from .corpus import Corpus, shared_zipf
from .finalise import finalise
from .result import MineResult

if TYPE_CHECKING:  # pragma: no cover
    from ..match import Matcher

_MATCHER: list[Matcher] = []  # the glossary matcher of this process (set by mine() or the pool initializer)


def _set_matcher(glossary: Glossary | None) -> None:
    from ..match import Matcher

    _MATCHER.clear()
    if glossary is not None:
        _MATCHER.append(Matcher.from_glossary(glossary, statuses=("approved", "proposed")))


def _mine_file(path: str, encoding: str | None = None, name: str | None = None) -> ArticleTerms:
    """Worker: read, clean and mine one article."""
    return extract_article(
        read_article(path, encoding=encoding, name=name), shared_zipf(), matcher=_MATCHER[0] if _MATCHER else None
    )


def _ordered_parallel(
    files: Sequence[str], jobs: int, encoding: str | None, glossary: Glossary | None
) -> Iterator[ArticleTerms]:
    """Results in file order, with at most ``4 × jobs`` articles in flight (memory stays bounded)."""
    from concurrent.futures import ProcessPoolExecutor

    window = 4 * jobs
    with ProcessPoolExecutor(max_workers=jobs, initializer=_set_matcher, initargs=(glossary,)) as ex:
        pending = []
        it = iter(files)
        for f in it:
            pending.append(ex.submit(_mine_file, f, encoding))
            if len(pending) >= window:
                break
        while pending:
            fut = pending.pop(0)
            result = fut.result()
            nxt = next(it, None)
            if nxt is not None:
                pending.append(ex.submit(_mine_file, nxt, encoding))
            yield result


def mine(
    paths: Sequence[str | Path],
    *,
    glossary: Glossary | None = None,
    jobs: int = 1,
    encoding: str | None = None,
    keep_removed: bool = False,
    progress: Callable[[int, int], None] | None = None,
    stdin_name: str | None = None,
) -> MineResult:
    """Mine the articles in ``paths`` (files or folders). ``jobs > 1`` reads articles in worker processes.

    In folders only the English articles are mined (``termdesk.pairing.english_articles``):
    the Korean side of a pair (``A.ko.txt``, ``ko/A.txt``) and termdesk's outputs are skipped.

    Articles are streamed: each is read, mined and merged into the corpus counts
    before the next (at most ``4 × jobs`` in flight). ``progress(done, total)`` is
    called after each article.

    ``-`` reads an article from standard input (in this process), named ``stdin_name``.

    Raises ``InputError`` when no article is found or one cannot be read (the text reader refuses a PDF,
    an image or an Office file other than .docx, naming the format).
    """
    files = [str(f) for f in english_articles(paths)]
    reads_stdin = files.count(STDIN)
    if reads_stdin > 1:
        raise UsageError("standard input (-) given more than once — give it once")
    if reads_stdin and not stdin_name:
        raise UsageError("reading standard input (-): give --name NAME for the article")
    corpus = Corpus()
    removed: list[tuple[str, Removed]] = []
    _set_matcher(glossary)
    stream = (
        _ordered_parallel(files, jobs, encoding, glossary)
        if jobs > 1 and len(files) > 1 and not reads_stdin
        else (_mine_file(f, encoding, stdin_name if f == STDIN else None) for f in files)
    )
    for done, art in enumerate(stream, start=1):
        corpus.add(art)
        if keep_removed:
            removed.extend((art.path, r) for r in art.removed)
        if progress is not None:
            progress(done, len(files))
    return finalise(corpus, glossary, removed=removed)


def mine_documents(docs: Sequence[Article], *, glossary: Glossary | None = None) -> MineResult:
    """Mine already-read documents (in-process; used by tests and by other stages)."""
    from ..match import Matcher

    corpus = Corpus()
    matcher = Matcher.from_glossary(glossary, statuses=("approved", "proposed")) if glossary is not None else None
    for d in docs:
        corpus.add(extract_article(d, shared_zipf(), matcher=matcher))
    return finalise(corpus, glossary)
