"""The import report's per-section shape (see the README's "Import report")."""

from .article import SectionFindings


def _when(evidence) -> dict | None:
    return evidence.value.as_report() if evidence else None


def _value(evidence):
    return evidence.value if evidence else None


def section_report(findings: SectionFindings, source: str, published) -> dict:
    return {
        "source": source,
        "section": findings.index,
        "title": findings.title,
        "published": published.isoformat() if published else None,
        "relevant": findings.relevant,
        "skipped_reason": findings.skipped_reason,
        "dialogues": [
            {
                "name": d.name,
                "parties": d.parties,
                "status": _value(d.status),
                "expected": _when(d.when),
                "venue": _value(d.venue),
                "format": _value(d.format),
                "topics": _value(d.topics) or [],
            }
            for d in findings.dialogues
        ],
        "agreements": [
            {"name": a.name, "kind": a.kind, "status": _value(a.status), "parties": a.parties, "date": _when(a.when)}
            for a in findings.agreements
        ],
        "participants": [p.as_report() for p in findings.people]
        + [{"name": name, "kind": "organization"} for name in findings.organisations],
        "statements": [
            {
                "speaker": s.speaker.name,
                "text": s.quote.text,
                "dialogue": s.dialogue.name if s.dialogue else None,
                "agreement": s.agreement.name if s.agreement else None,
                "span": [s.quote.start, s.quote.end],
                "confidence": s.confidence,
            }
            for s in findings.statements
        ],
    }
