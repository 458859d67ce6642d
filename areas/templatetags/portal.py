"""Display filters shared by every app: thin wrappers over tested functions.

Loaded as a template builtin (settings.TEMPLATES), so templates need no {% load %}.
"""

import json
from datetime import date, datetime
from decimal import Decimal

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from areas import phones, wareki

register = template.Library()

UNKNOWN = "不明"


def _as_date(value: date | datetime) -> date:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@register.filter
def wareki_date(value: date | datetime | None) -> str:
    """{{ day|wareki_date }} → 令和5年10月24日 (empty value → 不明)."""
    return wareki.wareki_date(_as_date(value)) if value else UNKNOWN


@register.filter
def wareki_month(value: date | datetime | None) -> str:
    """{{ day|wareki_month }} → 令和5年10月."""
    return wareki.wareki_month(_as_date(value)) if value else UNKNOWN


@register.filter
def seireki(value: date | datetime | None) -> str:
    """{{ day|seireki }} → 2023年10月24日."""
    if not value:
        return UNKNOWN
    day = _as_date(value)
    return f"{day.year}年{day.month}月{day.day}日"


@register.filter
def number(value: int | Decimal | None, decimals: int = 0) -> str:
    """{{ 738865|number }} → 738,865; {{ area|number:2 }} → 390.32; None → 不明."""
    if value is None:
        return UNKNOWN
    return f"{value:,.{int(decimals)}f}"


@register.filter
def signed(value: int | Decimal | None, decimals: int = 0) -> str:
    """A difference with its sign: +64,292 / −1.50 / ±0; None → 不明."""
    if value is None:
        return UNKNOWN
    if value == 0:
        return "±0"
    sign = "+" if value > 0 else "−"
    return f"{sign}{abs(value):,.{int(decimals)}f}"


@register.filter
def phone(value: str) -> str:
    """{{ "0968751312"|phone }} → 0968-75-1312."""
    return phones.format_phone(value) if value else ""


@register.filter
def tel_href(value: str) -> str:
    """{{ number|tel_href }} → tel:+81-968-75-1312 (empty when not a valid number)."""
    return phones.tel_uri(value) if value else ""


@register.filter
def startswith(value: str, prefix: str) -> bool:
    """{% if request.path|startswith:"/areas/" %} — for marking the current menu item."""
    return str(value).startswith(str(prefix))


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(value: dict) -> str:
    """A JSON-LD block, escaped like Django's json_script so that no tag can break out."""
    text = json.dumps(value, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


WEEKDAY_SHORT = "月火水木金土日"


@register.filter
def jp_day(value: date | datetime | None) -> str:
    """{{ day|jp_day }} → 2026年12月1日(火); aware datetimes are read in Japan time."""
    if not value:
        return UNKNOWN
    return f"{seireki(value)}({WEEKDAY_SHORT[_as_date(value).weekday()]})"


@register.filter
def hhmm(value: datetime | None) -> str:
    """{{ instant|hhmm }} → 18:00 in Japan time."""
    if not value:
        return ""
    return f"{timezone.localtime(value):%H:%M}" if timezone.is_aware(value) else f"{value:%H:%M}"
