"""和暦 (Japanese era) formatting of dates.

Era boundaries are the first day of each era in the Gregorian calendar:
平成 ends on 2019-04-30 and 令和 begins on 2019-05-01. The first year of an
era is written 元年 (令和元年), as official documents do.

Japan adopted the Gregorian calendar on 1873-01-01 (明治6年1月1日); earlier
dates belong to the lunisolar calendar and cannot be converted day for day,
so they are refused.
"""

from datetime import date

from django.core.exceptions import ValidationError

GREGORIAN_ADOPTED = date(1873, 1, 1)

# (first day of the era in the Gregorian calendar, era name, Gregorian year of its 元年), newest first.
# 明治 began in 1868, but dates are converted only from GREGORIAN_ADOPTED on.
ERAS: list[tuple[date, str, int]] = [
    (date(2019, 5, 1), "令和", 2019),
    (date(1989, 1, 8), "平成", 1989),
    (date(1926, 12, 25), "昭和", 1926),
    (date(1912, 7, 30), "大正", 1912),
    (GREGORIAN_ADOPTED, "明治", 1868),
]


def era_year(day: date) -> tuple[str, int]:
    """Return (era name, year of the era) for a date: (令和, 8) for 2026-11-25, (明治, 6) for 1873-01-01.

    Raises ValueError for dates before 1873-01-01, when Japan used a lunisolar calendar.
    """
    for start, name, first_year in ERAS:
        if day >= start:
            return name, day.year - first_year + 1
    raise ValueError(
        f"{day.isoformat()} は和暦に変換できません(日本のグレゴリオ暦は1873年1月1日(明治6年1月1日)からです)"
    )


def validate_convertible(day: date | None) -> None:
    """Model validator: refuse a date that the pages could not show in 和暦 (before 1873-01-01)."""
    if day is not None and day < GREGORIAN_ADOPTED:
        raise ValidationError(
            "1873年1月1日(明治6年1月1日)より前の日付は登録できません(和暦に換算できません)。",
            code="before_gregorian",
        )


def _year_label(day: date) -> str:
    name, year = era_year(day)
    return f"{name}{'元' if year == 1 else year}年"


def wareki_date(day: date) -> str:
    """令和5年10月24日 for date(2023, 10, 24); 令和元年5月1日 for date(2019, 5, 1)."""
    return f"{_year_label(day)}{day.month}月{day.day}日"


def wareki_month(day: date) -> str:
    """令和5年10月 for any day of October 2023."""
    return f"{_year_label(day)}{day.month}月"


def wareki_year_with_western(year: int) -> str:
    """令和5年(2023年) for 2023 (the era of the year's last day)."""
    return f"{_year_label(date(year, 12, 31))}({year}年)"


def wareki_date_with_western(day: date) -> str:
    """令和5年10月24日(2023年10月24日)."""
    return f"{wareki_date(day)}({day.year}年{day.month}月{day.day}日)"
