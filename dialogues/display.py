"""How a record's state reads at a glance: "planned · expected early next year (Jan–Apr 2026) · overdue"."""

import datetime

from django.conf import settings


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


def when_label(text: str, earliest, latest, as_of: datetime.date | None = None) -> str:
    """'early next year (Jan–Apr 2027)', and with `as_of` ', as of 3 Nov 2026': the date the words were
    relative to, so a reader in another year can place them."""
    window = window_label(earliest, latest)
    label = (
        f"{text} ({window})" if text and window and window not in text else text or window
    )  # "in 2015" needs no "(2015)"
    if label and as_of and text and window not in (text, ""):
        label += f", as of {as_of.day} {as_of:%b %Y}"
    return label


OPEN_DIALOGUE = ("proposed", "planned")  # waiting to start: an expected start is still pending
QUIET_DIALOGUE = (*OPEN_DIALOGUE, "active", "stalled")  # unfinished: long silence is worth a flag
QUIET_AGREEMENT = ("proposed", "negotiating", "agreed")


def dialogue_glance(dialogue, today: datetime.date | None = None) -> str:
    today = today or datetime.date.today()
    parts = [dialogue.get_status_display().lower()]
    if dialogue.status in OPEN_DIALOGUE:
        when = when_label(dialogue.expected_text, dialogue.expected_earliest, dialogue.expected_latest)
        parts.append(f"expected {when}" if when else "date not yet set")
    if is_overdue(dialogue, today):
        parts.append("overdue")
    if is_quiet(dialogue, today):
        parts.append(f"no news since {dialogue.last_heard:%b %Y}")
    return " · ".join(parts)


def agreement_glance(agreement, today: datetime.date | None = None) -> str:
    parts = [agreement.get_status_display().lower()]
    when = when_label(agreement.date_text, agreement.date_earliest, agreement.date_latest)
    if when:
        parts.append(when)
    if is_quiet(agreement, today):
        parts.append(f"no news since {agreement.last_heard:%b %Y}")
    return " · ".join(parts)


def is_overdue(dialogue, today: datetime.date | None = None) -> bool:
    today = today or datetime.date.today()
    return dialogue.status in OPEN_DIALOGUE and bool(dialogue.expected_latest) and (dialogue.expected_latest < today)


def quiet_since(today: datetime.date | None = None) -> datetime.date:
    """Records last heard of before this day are quiet."""
    return (today or datetime.date.today()) - datetime.timedelta(days=settings.QUIET_AFTER_DAYS)


def is_quiet(record, today: datetime.date | None = None) -> bool:
    """Unfinished, and no article has spoken of it for QUIET_AFTER_DAYS days."""
    unfinished = QUIET_DIALOGUE if record._meta.model_name == "dialogue" else QUIET_AGREEMENT
    return record.status in unfinished and bool(record.last_heard) and record.last_heard < quiet_since(today)
