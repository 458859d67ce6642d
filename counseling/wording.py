"""The counseling schedule in Japanese words, for the pages and the admin's choices."""

from collections.abc import Iterable
from datetime import time

from .rules import Weekly

WEEKDAY_NAMES = ["月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日"]


def describe_weekly(weekly: Iterable[Weekly]) -> list[str]:
    """The weekly pattern in words, days with the same hours together.

    [Tue 18–22, Sun 18–22] → ["毎週 火曜日・日曜日 18:00〜22:00"].
    """
    by_hours: dict[tuple[time, time], list[int]] = {}
    for session in sorted(weekly, key=lambda s: (s.weekday, s.start)):
        by_hours.setdefault((session.start, session.end), []).append(session.weekday)
    return [
        f"毎週 {'・'.join(WEEKDAY_NAMES[d] for d in days)} {start:%H:%M}〜{end:%H:%M}"
        for (start, end), days in sorted(by_hours.items(), key=lambda item: (min(item[1]), item[0]))
    ]
