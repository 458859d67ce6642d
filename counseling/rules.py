"""When the counseling service is open: plain functions over its schedule.

Every function takes the instant it is asked about; none reads the clock.
All answers are in Japan time (Asia/Tokyo) whatever the server's zone.

The rules, in order of precedence:
1. A one-off extra session always takes place (staff added it on purpose).
2. A closure (yearly by month/day, e.g. 12/29–1/3 across the new year, or a
   dated range) cancels the weekly sessions of every day it covers.
3. Otherwise the weekly sessions of that weekday take place, up to their last
   supported day (`last_day`: the end of their 有効期間, or the review period after
   their source); after it the site shows no weekly session, and says so.
A session is open from its start up to, but not including, its end.
Sessions that touch or overlap on one day count as one opening.
"""

import calendar
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo

TOKYO = ZoneInfo("Asia/Tokyo")
# How far ahead to look for the next opening before saying there is none.
SEARCH_DAYS = 400


class Weekly(Protocol):
    weekday: int  # 0 = Monday … 6 = Sunday (date.weekday())
    start: time
    end: time
    last_day: date | None  # the last day the sources support it; None: no day at all


@dataclass(frozen=True)
class WeeklySlot:
    """A weekly session as the rules use it, with the last day its sources support."""

    weekday: int
    start: time
    end: time
    last_day: date | None


class Extra(Protocol):
    date: date
    start: time
    end: time


class ClosureRule(Protocol):
    def covers(self, day: date) -> bool: ...


@dataclass(frozen=True, order=True)
class Slot:
    """One opening: aware datetimes in Asia/Tokyo, end excluded."""

    start: datetime
    end: datetime

    def contains(self, instant: datetime) -> bool:
        return self.start <= instant < self.end


@dataclass(frozen=True)
class Status:
    """The answer to "is it open now, and until when / from when?"."""

    is_open: bool
    until: datetime | None = None  # when open: the end of the current opening
    next_opening: Slot | None = None  # when closed: the next opening, if any is scheduled

    @property
    def next_change(self) -> datetime | None:
        """The next instant at which the status changes (None when nothing is scheduled)."""
        if self.is_open:
            return self.until
        return self.next_opening.start if self.next_opening else None


def in_tokyo(instant: datetime) -> datetime:
    """The same instant on Japan's clock. Refuses naive datetimes (their zone is unknown)."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("instant must be timezone-aware")
    return instant.astimezone(TOKYO)


def _merge(slots: Iterable[Slot]) -> list[Slot]:
    merged: list[Slot] = []
    for slot in sorted(slots):
        if merged and slot.start <= merged[-1].end:
            last = merged.pop()
            merged.append(Slot(last.start, max(last.end, slot.end)))
        else:
            merged.append(slot)
    return merged


@dataclass(frozen=True)
class Schedule:
    """A service's weekly sessions, closures and extra sessions, as loaded rows."""

    weekly: Sequence[Weekly]
    closures: Sequence[ClosureRule] = ()
    extras: Sequence[Extra] = ()

    def closure_on(self, day: date) -> ClosureRule | None:
        """The closure that covers `day`, if any."""
        return next((closure for closure in self.closures if closure.covers(day)), None)

    @property
    def supported_until(self) -> date | None:
        """The last day any weekly session is supported (None when none is)."""
        return max((session.last_day for session in self.weekly if session.last_day), default=None)

    def sessions_on(self, day: date) -> list[Slot]:
        """The openings of one Japanese calendar day, merged and in order."""
        slots = [
            Slot(datetime.combine(day, extra.start, TOKYO), datetime.combine(day, extra.end, TOKYO))
            for extra in self.extras
            if extra.date == day
        ]
        if self.closure_on(day) is None:
            slots += [
                Slot(datetime.combine(day, session.start, TOKYO), datetime.combine(day, session.end, TOKYO))
                for session in self.weekly
                if session.weekday == day.weekday() and session.last_day is not None and day <= session.last_day
            ]
        return _merge(slots)

    def _days_from(self, day: date, days: int) -> Iterator[date]:
        for offset in range(days):
            yield day + timedelta(days=offset)

    def sessions_between(self, start: datetime, end: datetime) -> list[Slot]:
        """Every opening that overlaps [start, end), in order."""
        first, last = in_tokyo(start), in_tokyo(end)
        days = (last.date() - first.date()).days + 1
        return [
            slot
            for day in self._days_from(first.date(), days)
            for slot in self.sessions_on(day)
            if slot.end > first and slot.start < last
        ]

    @property
    def last_possible_day(self) -> date | None:
        """The last day any opening can fall on: the last supported weekly day or the last extra session."""
        return max(
            [*(extra.date for extra in self.extras), *([self.supported_until] if self.supported_until else [])],
            default=None,
        )

    def upcoming(self, instant: datetime, count: int) -> list[Slot]:
        """The next `count` openings that have not ended at `instant` (the current one first); the search
        stops at the last day any opening can fall on (none when the sources support none)."""
        now = in_tokyo(instant)
        found: list[Slot] = []
        last = self.last_possible_day
        days = 0 if last is None else min(SEARCH_DAYS, (last - now.date()).days + 1)
        for day in self._days_from(now.date(), max(days, 0)):
            found += [slot for slot in self.sessions_on(day) if slot.end > now]
            if len(found) >= count:
                break
        return found[:count]

    def status_at(self, instant: datetime) -> Status:
        """Open (and until when) or closed (and the next opening) at `instant`."""
        now = in_tokyo(instant)
        for slot in self.upcoming(now, 1):
            if slot.contains(now):
                return Status(is_open=True, until=slot.end)
            return Status(is_open=False, next_opening=slot)
        return Status(is_open=False)


def covers_yearly(day: date, start_month: int, start_day: int, end_month: int, end_day: int) -> bool:
    """Whether a yearly range of month/day (both ends included) covers `day`.

    A range whose end comes before its start in the calendar crosses the new
    year: 12/29–1/3 covers 12/29, 12/31, 1/1 and 1/3 of every year.
    """
    key = (day.month, day.day)
    start, end = (start_month, start_day), (end_month, end_day)
    if start <= end:
        return start <= key <= end
    return key >= start or key <= end


def overlaps(a_start: time, a_end: time, b_start: time, b_end: time) -> bool:
    """Whether two sessions on the same day overlap (touching end-to-start is not an overlap)."""
    return a_start < b_end and b_start < a_end


class TimedRow(Protocol):
    start: time
    end: time


T = TypeVar("T", bound=TimedRow)


def first_overlap(session: T, others: Iterable[T], day_of: Callable[[T], object]) -> T | None:
    """The first of `others` on the same day as `session` (as `day_of` tells: a weekday or a date)
    whose hours overlap it, or None. Weekly sessions, extra sessions and the admin's forms all ask this."""
    return next(
        (
            other
            for other in others
            if day_of(other) == day_of(session) and overlaps(session.start, session.end, other.start, other.end)
        ),
        None,
    )


@dataclass(frozen=True)
class CalendarDay:
    day: date
    in_month: bool
    slots: list[Slot]
    closure: ClosureRule | None


def month_weeks(schedule: Schedule, year: int, month: int) -> list[list[CalendarDay]]:
    """A month grid (weeks from Sunday to Saturday) with each day's openings and closure."""
    weeks = calendar.Calendar(firstweekday=6).monthdatescalendar(year, month)
    return [
        [
            CalendarDay(
                day=day,
                in_month=day.month == month,
                slots=schedule.sessions_on(day),
                closure=schedule.closure_on(day),
            )
            for day in week
        ]
        for week in weeks
    ]


def month_beyond(schedule: Schedule, month: date) -> bool:
    """Whether some day of `month` lies after the last day the weekly sessions are supported
    (the calendar then says those days are not shown)."""
    last = date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])
    return schedule.supported_until is None or last > schedule.supported_until


class PhoneLine(Protocol):
    crisis: bool  # shown under 「いますぐ話を聞いてほしいときは」 and beside the calendar
    foreign_languages: bool  # shown under 「外国語で相談できる電話窓口」


L = TypeVar("L", bound=PhoneLine)


@dataclass(frozen=True)
class HelpLines:
    """The phone lines of the pages, by section, each in the order given (the lines' 表示順)."""

    crisis: list  # lines for when LINE is closed (24-hour and other lines)
    foreign: list  # lines where a source says one may consult in a foreign language


def help_lines(lines: Iterable[L]) -> HelpLines:
    """Split the phone lines into the pages' two sections. A line with both flags (よりそいホットライン)
    is in both sections; a line with neither is in none (staff keep it without showing it)."""
    lines = list(lines)
    return HelpLines(
        crisis=[line for line in lines if line.crisis],
        foreign=[line for line in lines if line.foreign_languages],
    )


S = TypeVar("S")


def sources_once(*groups: Iterable[S]) -> list[S]:
    """The sources of every group, each once (by primary key), in the order they first appear:
    the page's 出典 list for the service and each phone line it shows."""
    seen: dict[object, S] = {}
    for group in groups:
        for source in group:
            seen.setdefault(getattr(source, "pk", source), source)
    return list(seen.values())
