"""How a record's state reads at a glance: "planned · expected early next year (Jan–Apr 2026) · overdue"."""

import datetime


def window_label(earliest: datetime.date | None, latest: datetime.date | None) -> str:
    """'Jan–Apr 2026', 'Nov 2024', '2024', '3 Mar 2026', 'Dec 2025–Feb 2026'; '' without a window."""
    if not earliest or not latest:
        return ""
    if earliest == latest:
        return f"{earliest.day} {earliest:%b %Y}"
    whole_years = earliest.month == 1 and earliest.day == 1 and latest.month == 12 and latest.day == 31
    if whole_years:
        return str(earliest.year) if earliest.year == latest.year else f"{earliest.year}–{latest.year}"
    if earliest.year == latest.year:
        if earliest.month == latest.month:
            return f"{earliest:%b %Y}"
        return f"{earliest:%b}–{latest:%b %Y}"
    return f"{earliest:%b %Y}–{latest:%b %Y}"


def when_label(text: str, earliest, latest) -> str:
    window = window_label(earliest, latest)
    if text and window and window not in text:  # "in 2015" needs no "(2015)"
        return f"{text} ({window})"
    return text or window


def dialogue_glance(dialogue, today: datetime.date | None = None) -> str:
    today = today or datetime.date.today()
    parts = [dialogue.get_status_display().lower()]
    when = when_label(dialogue.expected_text, dialogue.expected_earliest, dialogue.expected_latest)
    parts.append(f"expected {when}" if when else "date not yet set")
    if is_overdue(dialogue, today):
        parts.append("overdue")
    return " · ".join(parts)


def agreement_glance(agreement) -> str:
    parts = [agreement.get_status_display().lower()]
    when = when_label(agreement.date_text, agreement.date_earliest, agreement.date_latest)
    if when:
        parts.append(when)
    return " · ".join(parts)


def is_overdue(dialogue, today: datetime.date | None = None) -> bool:
    today = today or datetime.date.today()
    return (
        dialogue.status in ("proposed", "planned")
        and bool(dialogue.expected_latest)
        and (dialogue.expected_latest < today)
    )
