"""A timeline of dialogues and agreements, laid out on the server for an inline SVG."""

import datetime
from dataclasses import dataclass

from .models import Dialogue

WIDTH, MARGIN, ROW = 900, 10, 36  # drawing units: total width, side margin, row height (a label line, then the bar)


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
    window: bool  # the date lies somewhere in this span (not: it lasts this long)

    @property
    def label_anchor(self) -> tuple[float, str]:
        """Where the label starts (or, right of the middle, ends), so it stays inside the drawing."""
        return (self.x, "start") if self.x < WIDTH / 2 else (round(self.x + self.width, 1), "end")


@dataclass
class Timeline:
    bars: list[Bar]
    ticks: list[tuple[float, str]]
    today_x: float | None
    height: int
    width: int = WIDTH


def timeline(records, today: datetime.date) -> Timeline:
    dated = []
    for r in records:
        is_dialogue = isinstance(r, Dialogue)
        start, end = (r.expected_earliest, r.expected_latest) if is_dialogue else (r.date_earliest, r.date_latest)
        when = r.expected_when if is_dialogue else r.date_when
        if start and end:
            dated.append((start, end, r, "dialogue" if is_dialogue else "agreement", when))
    if not dated:
        return Timeline([], [], None, ROW)
    first = min(start for start, *_ in dated).replace(month=1, day=1)
    last = max(max(end for _, end, *_ in dated), today).replace(month=12, day=31)
    span = (last - first).days or 1
    scale = (WIDTH - 2 * MARGIN) / span

    def x(day: datetime.date) -> float:
        return round(MARGIN + (day - first).days * scale, 1)

    bars = []
    for n, (start, end, record, kind, when) in enumerate(sorted(dated, key=lambda d: (d[0], d[2].name))):
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
                f"{record.get_status_display().lower()} · {when}",
                start != end,
            )
        )
    ticks = [(x(datetime.date(year, 1, 1)), str(year)) for year in range(first.year, last.year + 1)]
    return Timeline(
        bars,
        ticks,
        x(today) if first <= today <= last else None,
        24 + len(bars) * ROW,
    )
