"""A timeline of dialogues and agreements, laid out on the server for an inline SVG."""

import datetime
from dataclasses import dataclass

from .models import Dialogue

WIDTH, LABEL, ROW = 900, 300, 22  # drawing units: total width, label column, row height


@dataclass
class Bar:
    label: str
    url: str
    status: str
    kind: str  # dialogue | agreement
    x: float
    width: float
    y: int
    when: str


@dataclass
class Timeline:
    bars: list[Bar]
    ticks: list[tuple[float, str]]
    today_x: float | None
    height: int
    width: int = WIDTH
    label_width: int = LABEL
    undated: int = 0


def timeline(records, today: datetime.date) -> Timeline:
    dated = []
    for r in records:
        is_dialogue = isinstance(r, Dialogue)
        start, end = (r.expected_earliest, r.expected_latest) if is_dialogue else (r.date_earliest, r.date_latest)
        if start and end:
            dated.append((start, end, r, "dialogue" if is_dialogue else "agreement"))
    if not dated:
        return Timeline([], [], None, ROW, undated=len(records))
    first = min(start for start, *_ in dated).replace(month=1, day=1)
    last = max(max(end for _, end, *_ in dated), today).replace(month=12, day=31)
    span = (last - first).days or 1
    scale = (WIDTH - LABEL - 10) / span

    def x(day: datetime.date) -> float:
        return round(LABEL + (day - first).days * scale, 1)

    bars = []
    for n, (start, end, record, kind) in enumerate(sorted(dated, key=lambda d: (d[0], d[2].name))):
        left = x(start)
        bars.append(
            Bar(
                record.name,
                record.get_absolute_url(),
                record.status,
                kind,
                left,
                max(round(x(end) - left, 1), 4),
                20 + n * ROW,
                record.glance,
            )
        )
    ticks = [(x(datetime.date(year, 1, 1)), str(year)) for year in range(first.year, last.year + 1)]
    return Timeline(
        bars,
        ticks,
        x(today) if first <= today <= last else None,
        30 + len(bars) * ROW,
        undated=len(records) - len(dated),
    )
