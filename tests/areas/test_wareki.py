"""和暦 formatting, including the 平成/令和 boundary."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from kumamoto_portal.lib.wareki import era_year, validate_convertible, wareki_month
from kumamoto_portal.lib.wareki import wareki_date as format_wareki
from kumamoto_portal.templatetags.portal import wareki_date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2023, 10, 24), "令和5年10月24日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2020, 1, 1), "令和2年1月1日"),
        (date(2016, 3, 30), "平成28年3月30日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(2025, 3, 27), "令和7年3月27日"),
        (date(1912, 7, 29), "明治45年7月29日"),
        (date(1912, 7, 30), "大正元年7月30日"),
        (date(1873, 1, 1), "明治6年1月1日"),
    ],
)
def test_wareki_date(day, expected):
    assert format_wareki(day) == expected


def test_wareki_month():
    assert wareki_month(date(2023, 10, 24)) == "令和5年10月"
    assert wareki_month(date(2019, 5, 31)) == "令和元年5月"


def test_era_year():
    assert era_year(date(2026, 11, 25)) == ("令和", 8)


def test_dates_before_the_gregorian_calendar_are_refused():
    with pytest.raises(ValueError, match="1873年1月1日"):
        format_wareki(date(1872, 12, 31))
    with pytest.raises(ValidationError, match="1873年1月1日"):
        validate_convertible(date(1872, 12, 31))
    validate_convertible(date(1873, 1, 1))
    validate_convertible(None)


def test_filter_uses_the_japanese_date_of_an_aware_instant():
    # 2019-04-30 15:00 UTC is already 2019-05-01 00:00 in Tokyo.
    assert wareki_date(datetime(2019, 4, 30, 15, 0, tzinfo=UTC)) == "令和元年5月1日"


def test_filters_show_unknown_for_an_empty_date():
    assert wareki_date(None) == "不明"


def test_western_dates_times_and_numbers_come_from_djangos_filters_under_ja():
    template = Template(
        '{{ day|date:"Y年n月j日" }} {{ instant|date:"Y年n月j日(D)" }} {{ instant|time:"H:i" }} '
        '{{ people|floatformat:"0g" }} {{ area|floatformat:"2g" }} {{ missing|floatformat:"0g"|default:"不明" }}'
    )
    context = Context(
        {
            "day": date(2023, 10, 24),
            "instant": datetime(2026, 12, 1, 9, 0, tzinfo=UTC),  # 18:00 on Tuesday in Japan
            "people": 738865,
            "area": Decimal("390.32"),
            "missing": None,
        }
    )
    assert template.render(context) == "2023年10月24日 2026年12月1日(火) 18:00 738,865 390.32 不明"
