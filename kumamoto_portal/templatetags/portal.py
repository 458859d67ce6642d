"""Display filters shared by every app: thin wrappers over tested functions.

Only what Django lacks: 和暦, signed differences, phones, JSON-LD. Western dates,
times and numbers use Django's own `date:"Y年n月j日"`, `time:"H:i"` and
`floatformat:"0g"` under the ja locale; `wareki_with_western` writes both eras at once.

Loaded as a template builtin (settings.TEMPLATES), so templates need no {% load %}.
"""

import json
from datetime import date, datetime
from decimal import Decimal

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from kumamoto_portal.lib import phones, text, wareki

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
def wareki_with_western(value: date | datetime | None) -> str:
    """{{ day|wareki_with_western }} → 令和5年10月24日(2023年10月24日) (empty value → 不明)."""
    if not value:
        return UNKNOWN
    day = _as_date(value)
    return f"{wareki.wareki_date(day)}({day.year}年{day.month}月{day.day}日)"


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


@register.filter
def plain_text_html(value: str) -> str:
    """Staff-typed plain text as paragraphs, with only safe https:// addresses as links (lib/text.py)."""
    return text.plain_text_html(value)


@register.filter
def for_residents(sources) -> list:
    """{% for source in sources|for_residents %}: the sources residents see (no encyclopedia or mirror)."""
    return [source for source in sources or [] if source.shown_to_residents]


@register.filter
def admin_label(row) -> str:
    """{{ row|admin_label }} → 「施設: 玉名市民図書館」, linked to its admin form when it has one."""
    opts = row._meta
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk])
    except NoReverseMatch:  # edited inside another form (menus, sessions)
        return format_html("{}: {}", opts.verbose_name, row)
    return format_html('{}: <a href="{}">{}</a>', opts.verbose_name, url, row)
