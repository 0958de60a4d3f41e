"""Word ``.docx`` articles: the body's paragraphs as text (python-docx underneath).

What a translator sees as the article, and nothing else:

* the body's paragraphs in order, including those in tables and content controls;
* tracked changes as if accepted: inserted text (``w:ins``) kept, deleted text
  (``w:del``/``w:delText``) and text moved away (``w:moveFrom``) dropped;
* headers, footers, footnotes and comments left out (they are separate parts of
  the package; a comment's anchor in the body has no text);
* a text box's content once (Word stores it twice: ``mc:Choice`` and ``mc:Fallback``).

Also :func:`sniff_binary`: the name of a binary document format recognised by its
first bytes (PDF, images, legacy ``.doc``, ``.xlsx``, ``.pptx``, ``.odt``), so a
wrong file is refused with a message that names it and says what to do.
"""

from __future__ import annotations

import io
import os
import zipfile

from .errors import InputError

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P, _T, _TAB, _BR, _CR = (f"{{{_W}}}{n}" for n in ("p", "t", "tab", "br", "cr"))
#: Subtrees whose text is not part of the accepted document.
_SKIP = frozenset({f"{{{_W}}}del", f"{{{_W}}}moveFrom", f"{{{_MC}}}Fallback", f"{{{_W}}}pPr", f"{{{_W}}}rPr"})

#: The fix offered for every refused binary file.
SAVE_AS = "save it as .txt or .docx (or paste the text into a .txt file)"

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Word 97-2003 .doc (or another legacy Office file)"),
    (b"{\\rtf", "RTF document"),
)


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, KeyError):
        return "ZIP archive"
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "Excel workbook (.xlsx)"
    if any(n.startswith("ppt/") for n in names):
        return "PowerPoint presentation (.pptx)"
    if mimetype == "application/vnd.oasis.opendocument.text":
        return "OpenDocument text (.odt)"
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        return "OpenDocument file"
    if "[Content_Types].xml" in names:
        return "Office Open XML file"
    return "ZIP archive"


def sniff_binary(data: bytes) -> str | None:
    """``'docx'`` for a Word document, the name of another binary format (``PDF document``), or None."""
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def _text_of(el: object, out: list[str]) -> None:
    for child in el:  # type: ignore[attr-defined]
        tag = child.tag
        if tag in _SKIP or tag == _P:  # a nested paragraph (text box) is read as its own paragraph
            continue
        if tag == _T:
            out.append(child.text or "")
        elif tag in (_TAB, _BR, _CR):
            out.append(" ")
        else:
            _text_of(child, out)


def _paragraphs(el: object, out: list[str]) -> None:
    for child in el:  # type: ignore[attr-defined]
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == _P:
            parts: list[str] = []
            _text_of(child, parts)
            text = " ".join("".join(parts).split())
            if text:
                out.append(text)
        _paragraphs(child, out)


def docx_paragraphs(data: bytes, path: str | os.PathLike[str]) -> list[str]:
    """The non-empty body paragraphs of a .docx (tracked insertions accepted, deletions dropped)."""
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a core dependency
        raise InputError.at(path, None, "reading .docx needs python-docx", "pip install python-docx==1.2.0") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types for a damaged package
        raise InputError.at(
            path, None, f"damaged Word file ({type(exc).__name__})", f"open it in Word and {SAVE_AS}"
        ) from None
    out: list[str] = []
    _paragraphs(document.element.body, out)
    return out
