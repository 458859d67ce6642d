"""is-open-now and next-opening at the instants that matter (no database, no clock)."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from counseling.models import Closure, ExtraSession
from counseling.rules import Schedule, WeeklySlot, covers_yearly, month_beyond, overlaps

TOKYO = ZoneInfo("Asia/Tokyo")
UTC = ZoneInfo("UTC")

SUPPORTED_UNTIL = date(2030, 12, 31)  # the sources support these sessions until then
WEEKLY = [
    WeeklySlot(weekday=1, start=time(18), end=time(22), last_day=SUPPORTED_UNTIL),
    WeeklySlot(weekday=6, start=time(18), end=time(22), last_day=SUPPORTED_UNTIL),
]
NEW_YEAR = Closure(kind="yearly", reason="年末年始", start_month=12, start_day=29, end_month=1, end_day=3)
SCHEDULE = Schedule(weekly=WEEKLY, closures=[NEW_YEAR])


def jst(*args: int) -> datetime:
    return datetime(*args, tzinfo=TOKYO)


# 2026-12-01 is a Tuesday; 2026-11-30 a Monday; 2026-12-27 a Sunday.


def test_tuesday_one_second_before_six_is_closed_and_opens_at_six():
    status = SCHEDULE.status_at(jst(2026, 12, 1, 17, 59, 59))
    assert not status.is_open
    assert status.next_opening.start == jst(2026, 12, 1, 18, 0)
    assert status.next_change == jst(2026, 12, 1, 18, 0)


def test_tuesday_at_six_sharp_is_open_until_ten():
    status = SCHEDULE.status_at(jst(2026, 12, 1, 18, 0, 0))
    assert status.is_open
    assert status.until == jst(2026, 12, 1, 22, 0)
    assert status.next_change == jst(2026, 12, 1, 22, 0)


def test_one_second_before_ten_is_still_open():
    assert SCHEDULE.status_at(jst(2026, 12, 1, 21, 59, 59)).is_open


def test_ten_sharp_is_closed_and_the_next_opening_is_sunday():
    status = SCHEDULE.status_at(jst(2026, 12, 1, 22, 0, 0))
    assert not status.is_open
    assert status.next_opening.start == jst(2026, 12, 6, 18, 0)


def test_monday_points_to_next_tuesday_six():
    status = SCHEDULE.status_at(jst(2026, 11, 30, 12, 0))
    assert not status.is_open
    assert status.next_opening.start == jst(2026, 12, 1, 18, 0)


def test_sunday_27_december_is_open():
    assert SCHEDULE.status_at(jst(2026, 12, 27, 19, 0)).is_open


def test_tuesday_29_december_is_closed_for_the_new_year():
    status = SCHEDULE.status_at(jst(2026, 12, 29, 19, 0))
    assert not status.is_open
    assert SCHEDULE.sessions_on(date(2026, 12, 29)) == []


def test_sunday_3_january_is_closed():
    assert not SCHEDULE.status_at(jst(2027, 1, 3, 19, 0)).is_open
    assert SCHEDULE.sessions_on(date(2027, 1, 3)) == []


def test_after_the_last_session_of_the_year_the_next_is_5_january():
    status = SCHEDULE.status_at(jst(2026, 12, 27, 22, 0))
    assert not status.is_open
    assert status.next_opening.start == jst(2027, 1, 5, 18, 0)


def test_the_answer_is_in_japan_time_whatever_the_instants_zone():
    # 09:30 UTC on Tuesday 1 December is 18:30 in Tokyo.
    status = SCHEDULE.status_at(datetime(2026, 12, 1, 9, 30, tzinfo=UTC))
    assert status.is_open
    assert status.until == jst(2026, 12, 1, 22, 0)
    # 13:00 UTC on Tuesday is 22:00 in Tokyo: closed.
    assert not SCHEDULE.status_at(datetime(2026, 12, 1, 13, 0, tzinfo=UTC)).is_open


def test_a_naive_instant_is_refused():
    with pytest.raises(ValueError):
        SCHEDULE.status_at(datetime(2026, 12, 1, 18, 30))  # noqa: DTZ001


def test_an_extra_session_overrides_the_weekly_pattern():
    extra = ExtraSession(date=date(2026, 12, 2), start=time(10), end=time(12))  # a Wednesday
    schedule = Schedule(weekly=WEEKLY, closures=[NEW_YEAR], extras=[extra])
    assert schedule.status_at(jst(2026, 12, 2, 11, 0)).is_open
    assert schedule.status_at(jst(2026, 12, 1, 22, 0)).next_opening.start == jst(2026, 12, 2, 10, 0)


def test_an_extra_session_takes_place_even_on_a_closure_day():
    extra = ExtraSession(date=date(2026, 12, 31), start=time(18), end=time(22))
    schedule = Schedule(weekly=WEEKLY, closures=[NEW_YEAR], extras=[extra])
    assert schedule.status_at(jst(2026, 12, 31, 20, 0)).is_open


def test_a_dated_closure_cancels_the_weekly_session():
    golden_week = Closure(kind="dated", reason="臨時休止", start_date=date(2027, 5, 2), end_date=date(2027, 5, 4))
    schedule = Schedule(weekly=WEEKLY, closures=[NEW_YEAR, golden_week])
    assert not schedule.status_at(jst(2027, 5, 2, 19, 0)).is_open  # a Sunday
    assert schedule.status_at(jst(2027, 5, 2, 19, 0)).next_opening.start == jst(2027, 5, 9, 18, 0)
    assert schedule.closure_on(date(2027, 5, 4)) is golden_week
    assert schedule.closure_on(date(2027, 5, 5)) is None


def test_an_extra_session_next_to_a_weekly_one_extends_the_opening():
    extra = ExtraSession(date=date(2026, 12, 1), start=time(22), end=time(23))
    schedule = Schedule(weekly=WEEKLY, extras=[extra])
    assert schedule.status_at(jst(2026, 12, 1, 21, 0)).until == jst(2026, 12, 1, 23, 0)
    assert schedule.status_at(jst(2026, 12, 1, 22, 30)).is_open


def test_without_any_session_there_is_no_next_opening():
    status = Schedule(weekly=[]).status_at(jst(2026, 12, 1, 12, 0))
    assert not status.is_open
    assert status.next_opening is None
    assert status.next_change is None


@pytest.mark.parametrize("year", [2019, 2020, 2024, 2026, 2030, 2099])
def test_the_new_year_closure_spans_the_turn_of_any_year(year):
    for day in [date(year, 12, 29), date(year, 12, 31), date(year + 1, 1, 1), date(year + 1, 1, 3)]:
        assert NEW_YEAR.covers(day), day
    for day in [date(year, 12, 28), date(year + 1, 1, 4), date(year, 6, 15)]:
        assert not NEW_YEAR.covers(day), day


def test_a_yearly_range_within_one_year():
    assert covers_yearly(date(2027, 8, 14), 8, 13, 8, 16)
    assert not covers_yearly(date(2027, 8, 17), 8, 13, 8, 16)


def test_sessions_between_lists_every_opening_in_a_range():
    slots = SCHEDULE.sessions_between(jst(2026, 12, 20), jst(2027, 1, 12))
    starts = [slot.start for slot in slots]
    assert starts == [
        jst(2026, 12, 20, 18),
        jst(2026, 12, 22, 18),
        jst(2026, 12, 27, 18),
        jst(2027, 1, 5, 18),
        jst(2027, 1, 10, 18),
    ]


def test_sessions_between_includes_a_session_under_way_at_the_start():
    slots = SCHEDULE.sessions_between(jst(2026, 12, 1, 20, 0), jst(2026, 12, 2, 0, 0))
    assert [s.start for s in slots] == [jst(2026, 12, 1, 18, 0)]


def test_upcoming_gives_the_next_eight_from_now():
    slots = SCHEDULE.upcoming(jst(2026, 12, 20, 19, 0), 8)
    assert len(slots) == 8
    assert slots[0].start == jst(2026, 12, 20, 18, 0)  # the current one comes first
    assert jst(2026, 12, 29, 18, 0) not in [s.start for s in slots]


def test_touching_sessions_do_not_overlap():
    assert not overlaps(time(18), time(20), time(20), time(22))
    assert overlaps(time(18), time(21), time(20), time(22))


# --- The period the sources support ----------------------------------------------------------


def test_weekly_sessions_stop_after_their_last_supported_day():
    schedule = Schedule(weekly=[WeeklySlot(1, time(18), time(22), last_day=date(2026, 12, 8))])
    assert [slot.start.date() for slot in schedule.upcoming(jst(2026, 12, 1, 12), 8)] == [
        date(2026, 12, 1),
        date(2026, 12, 8),
    ]
    after = schedule.status_at(jst(2026, 12, 8, 22, 0))
    assert not after.is_open and after.next_opening is None
    assert schedule.supported_until == date(2026, 12, 8)
    assert schedule.sessions_between(jst(2026, 12, 9), jst(2036, 12, 9)) == []


def test_a_session_no_source_dates_is_never_shown():
    schedule = Schedule(weekly=[WeeklySlot(1, time(18), time(22), last_day=None)])
    assert schedule.upcoming(jst(2026, 12, 1, 12), 8) == []
    assert schedule.supported_until is None


def test_an_extra_session_after_the_supported_period_still_takes_place():
    extra = ExtraSession(date=date(2027, 3, 6), start=time(13), end=time(17))
    schedule = Schedule(weekly=[WeeklySlot(1, time(18), time(22), last_day=date(2026, 12, 8))], extras=[extra])
    assert schedule.status_at(jst(2026, 12, 9)).next_opening.start == jst(2027, 3, 6, 13)


def test_the_calendar_says_when_a_month_runs_past_the_supported_period():
    schedule = Schedule(weekly=[WeeklySlot(1, time(18), time(22), last_day=date(2026, 12, 8))])
    assert month_beyond(schedule, date(2026, 12, 1))
    assert not month_beyond(schedule, date(2026, 11, 1))
    assert month_beyond(Schedule(weekly=[]), date(2026, 11, 1))


def test_the_search_for_the_next_opening_stops_where_the_sources_stop():
    ended = Schedule(weekly=[WeeklySlot(1, time(18), time(22), last_day=date(2024, 12, 31))], closures=[NEW_YEAR])
    assert ended.last_possible_day == date(2024, 12, 31)
    assert ended.upcoming(jst(2026, 12, 1, 12), 8) == []  # no 400-day search for nothing
    extra = ExtraSession(date=date(2027, 3, 6), start=time(13), end=time(17))
    with_extra = Schedule(weekly=ended.weekly, extras=[extra])
    assert with_extra.last_possible_day == date(2027, 3, 6)
    assert [slot.start for slot in with_extra.upcoming(jst(2026, 12, 1, 12), 8)] == [jst(2027, 3, 6, 13)]
    assert Schedule(weekly=[]).last_possible_day is None
