"""The sessions as an iCalendar feed (RFC 5545, via the icalendar library).

One VEVENT per opening, no RRULE/EXDATE (calendar apps misread those across
time zones), times in Asia/Tokyo with a VTIMEZONE, UIDs stable across fetches.
"""

from collections.abc import Iterable
from datetime import date, datetime

from icalendar import Calendar, Event

from kumamoto_portal.lib.fields import one_line

from .models import Service
from .rules import Slot

UID_DOMAIN = "kumamoto-renkei-portal"


def slot_uid(service: Service, slot: Slot) -> str:
    """Stable for the same service and start time, whenever the feed is built."""
    return f"counseling-{service.pk}-{slot.start:%Y%m%dT%H%M}@{UID_DOMAIN}"


def sessions_calendar(
    service: Service, slots: Iterable[Slot], generated_at: datetime, page_url: str, supported_until: date | None
) -> bytes:
    """The feed, up to the last day the sources support (said in its description). Names are put
    on one line first: a line break saved before the model refused them must not break the file."""
    name, channel = one_line(service.name), one_line(service.channel)
    cal = Calendar()
    cal.add("prodid", "-//熊本連携中枢都市圏ポータル//相談の受付時間//JA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{name} 受付時間")
    cal.add("x-wr-timezone", "Asia/Tokyo")
    if supported_until:
        cal.add(
            "x-wr-caldesc",
            f"{supported_until.year}年{supported_until.month}月{supported_until.day}日までの受付日です。"
            f"その後の受付日は、出典で確かめられていないため入れていません。くわしくは {page_url}",
        )
    for slot in slots:
        event = Event()
        event.add("uid", slot_uid(service, slot))
        event.add("dtstamp", generated_at)
        event.add("dtstart", slot.start)
        event.add("dtend", slot.end)
        event.add("summary", f"{name}({channel}相談の受付時間)")
        event.add("description", f"この時間に{channel}で相談できます。くわしくは {page_url}")
        event.add("url", page_url)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
