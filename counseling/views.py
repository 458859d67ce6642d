"""Pages of the LINE counseling service: the guide with live status, a month calendar, the .ics feed."""

import re
from datetime import date, datetime, time, timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe

from kumamoto_portal.currency import as_of
from kumamoto_portal.lib.qr import qr_svg
from kumamoto_portal.lib.siteurl import absolute_url
from kumamoto_portal.serving.canonical import query_used
from kumamoto_portal.serving.operator import review_months

from . import ical, rules
from .caching import cache_until_next_change
from .models import CrisisLine, Service
from .wording import describe_weekly

UPCOMING_COUNT = 8
MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)
FIRST_YEAR, LAST_YEAR = 2000, 2100


def current_service() -> Service:
    """The service the pages describe (Service.objects.current()); 404 when none is registered."""
    service = Service.objects.current()
    if service is None:
        raise Http404("相談窓口が登録されていません")
    return service


def schedule_context(service: Service, now: datetime, months: int) -> dict:
    """The schedule as pages state it now: the status, the last supported day, and the as-of
    sentence when the schedule's sources are past the review period of `months` (also on the home page)."""
    schedule = service.schedule(months)
    sources = {source for session in service.weekly_sessions.all() for source in session.sources.all()}
    return {
        "schedule": schedule,
        "status": schedule.status_at(now),
        "supported_until": schedule.supported_until,
        "as_of_note": as_of(sources or service.sources.all(), timezone.localdate(now), months),
    }


def phone_lines(service: Service) -> dict:
    """The phone lines of the pages by section (rules.help_lines) and the 出典 list: the service's
    sources, then each shown line's (two queries: the lines and their sources)."""
    lines = rules.help_lines(CrisisLine.objects.prefetch_related("sources"))
    shown = [*lines.crisis, *lines.foreign]
    return {
        "crisis_lines": lines.crisis,
        "foreign_lines": lines.foreign,
        "sources": rules.sources_once(service.sources.all(), *(line.sources.all() for line in shown)),
    }


def service_page(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    service = current_service()
    live = schedule_context(service, now, review_months(request))
    schedule, status = live["schedule"], live["status"]
    context = {
        **live,
        **phone_lines(service),
        "service": service,
        "upcoming": schedule.upcoming(now, UPCOMING_COUNT),
        "weekly_text": describe_weekly(schedule.weekly),
        "closures": schedule.closures,
        "qr": mark_safe(qr_svg(service.friend_add_url, f"{service.name} の友だち追加用二次元コード"))
        if service.friend_add_url
        else "",
    }
    return cache_until_next_change(render(request, "counseling/service.html", context), status, now)


def parse_month(value: str) -> date | None:
    """The first day of the month `YYYY-MM`, or None when it is not a month we show."""
    match = MONTH.fullmatch(value)
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        return None
    return date(year, month, 1)


def calendar_page(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    month = today.replace(day=1)
    error = ""
    if "month" in request.GET:
        parsed = parse_month(request.GET["month"])
        if parsed is None:
            error = "月の指定(例: 2026-12)が読み取れなかったため、今月を表示しています。"
        else:
            month = parsed
            query_used(request, month=f"{month:%Y-%m}")
    service = current_service()
    live = schedule_context(service, timezone.now(), review_months(request))
    schedule = live["schedule"]
    previous_month = (month - timedelta(days=1)).replace(day=1)
    next_month = (month + timedelta(days=31)).replace(day=1)
    context = {
        "service": service,
        "supported_until": schedule.supported_until,
        "unsupported_days": rules.month_beyond(schedule, month),
        "as_of_note": live["as_of_note"],
        **phone_lines(service),
        "month": month,
        "weeks": rules.month_weeks(schedule, month.year, month.month),
        "weekly_text": describe_weekly(schedule.weekly),
        "closures": schedule.closures,
        "error": error,
        "today": today,
        "previous_month": previous_month if previous_month.year >= FIRST_YEAR else None,
        "next_month": next_month if next_month.year <= LAST_YEAR else None,
    }
    return render(request, "counseling/calendar.html", context, status=400 if error else 200)


def one_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def sessions_ics(request: HttpRequest) -> HttpResponse:
    """The openings of the coming 12 months as iCalendar; closures are simply left out."""
    now = timezone.now()
    service = current_service()
    until = datetime.combine(one_year_after(timezone.localdate(now)), time.min, tzinfo=rules.TOKYO)
    schedule = service.schedule(review_months(request))
    slots = schedule.sessions_between(now, until)
    page_url = absolute_url(request, reverse("counseling:service"))
    body = ical.sessions_calendar(service, slots, now, page_url, schedule.supported_until)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="counseling-sessions.ics"'
    patch_cache_control(response, public=True, max_age=3600)
    return response
