"""和暦 (Japanese era) formatting of dates.

Era boundaries are the first day of each era in the Gregorian calendar:
平成 ends on 2019-04-30 and 令和 begins on 2019-05-01. The first year of an
era is written 元年 (令和元年), as official documents do.
"""

from datetime import date

# (first day, era name), newest first.
ERAS: list[tuple[date, str]] = [
    (date(2019, 5, 1), "令和"),
    (date(1989, 1, 8), "平成"),
    (date(1926, 12, 25), "昭和"),
    (date(1912, 7, 30), "大正"),
    (date(1873, 1, 1), "明治"),  # Gregorian calendar adopted in Japan
]


def era_year(day: date) -> tuple[str, int]:
    """Return (era name, year of the era) for a date.

    Raises ValueError for dates before 1873, when Japan used a lunisolar calendar.
    """
    for start, name in ERAS:
        if day >= start:
            return name, day.year - start.year + 1
    raise ValueError(f"{day.isoformat()} は和暦に変換できません(1873年より前)")


def _year_label(day: date) -> str:
    name, year = era_year(day)
    return f"{name}{'元' if year == 1 else year}年"


def wareki_date(day: date) -> str:
    """令和5年10月24日 for date(2023, 10, 24); 令和元年5月1日 for date(2019, 5, 1)."""
    return f"{_year_label(day)}{day.month}月{day.day}日"


def wareki_month(day: date) -> str:
    """令和5年10月 for any day of October 2023."""
    return f"{_year_label(day)}{day.month}月"
