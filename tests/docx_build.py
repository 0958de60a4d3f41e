"""Build the tests' .docx fixtures with python-docx (no binary files in the repository).

``tracked`` adds a paragraph with a tracked insertion and a tracked deletion, written as
WordprocessingML (python-docx has no API for revisions).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _tracked_paragraph(before: str, inserted: str, deleted: str, after: str) -> object:
    from docx.oxml import parse_xml

    return parse_xml(
        f'<w:p xmlns:w="{W}">'
        f'<w:r><w:t xml:space="preserve">{before}</w:t></w:r>'
        f'<w:ins w:id="1" w:author="Editor" w:date="2026-12-01T00:00:00Z">'
        f'<w:r><w:t xml:space="preserve">{inserted}</w:t></w:r></w:ins>'
        f'<w:del w:id="2" w:author="Editor" w:date="2026-12-01T00:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{deleted}</w:delText></w:r></w:del>'
        f'<w:r><w:t xml:space="preserve">{after}</w:t></w:r>'
        "</w:p>"
    )


def make_docx(
    path: Path,
    paragraphs: Sequence[str],
    *,
    header: str = "",
    footer: str = "",
    comment: str = "",
    table: Sequence[str] = (),
    tracked: tuple[str, str, str, str] | None = None,
) -> Path:
    """A Word file with these body paragraphs (and, optionally, the parts that must be left out)."""
    import docx

    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    for i, text in enumerate(paragraphs):
        para = document.add_paragraph(text)
        if comment and i == 0:
            document.add_comment(para.runs, text=comment, author="Desk", initials="D")
    if table:
        t = document.add_table(rows=1, cols=len(table))
        for cell, text in zip(t.rows[0].cells, table, strict=True):
            cell.text = text
    if tracked is not None:
        document.element.body.insert(len(document.element.body) - 1, _tracked_paragraph(*tracked))
    document.save(str(path))
    return path
