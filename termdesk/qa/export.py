"""Machine-readable QA output: CSV and JSON (one record per finding, plus a summary in JSON)."""

from __future__ import annotations

import csv
import io
import json

from ..glossary import Severity
from .records import AnalysedDocument, Finding, QAResult

CSV_COLUMNS: tuple[str, ...] = (
    "doc",
    "segment",
    "paragraph",
    "line",
    "rule",
    "severity",
    "message",
    "evidence",
    "source",
    "target",
)


def _segment_of(result: QAResult, finding: Finding) -> tuple[AnalysedDocument | None, object]:
    for d in result.documents:
        if d.document.name == finding.doc:
            for s in d.segments:
                if s.segment.index == finding.segment:
                    return d, s.segment
            return d, None
    return None, None


def _row(result: QAResult, f: Finding) -> dict[str, object]:
    _, seg = _segment_of(result, f)
    return {
        **f.as_dict(),
        "paragraph": getattr(seg, "paragraph", None),
        "line": getattr(seg, "line", None),
        "source": getattr(seg, "source", ""),
        "target": getattr(seg, "target", ""),
    }


def summary(result: QAResult) -> dict[str, object]:
    return {
        "articles": len(result.documents),
        "segments": result.segment_total,
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
        "info": result.count(Severity.INFO),
        "rules": list(result.rules),
        "skipped": list(result.skipped),
    }


def to_json(result: QAResult) -> str:
    data = {
        "summary": summary(result),
        "documents": [
            {
                "name": d.document.name,
                "source": d.document.source_path,
                "target": d.document.target_path,
                "kind": d.document.kind,
                "segments": len(d.segments),
            }
            for d in result.documents
        ],
        "findings": [_row(result, f) for f in result.findings],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_csv(result: QAResult) -> str:
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for f in result.findings:
        row = _row(result, f)
        writer.writerow({k: "" if row.get(k) is None else row.get(k) for k in CSV_COLUMNS})
    return buf.getvalue()
