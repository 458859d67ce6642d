"""Staff edit the schedule: bad sessions, closures and links are refused with a reason (in the
model and in the admin form), nothing saved; good ones are accepted."""

from datetime import date, time

import pytest
from django.core.exceptions import ValidationError

from counseling.models import Closure, ExtraSession, Service, WeeklySession
from counseling.wording import describe_weekly
from tests.helpers import service_form

pytestmark = pytest.mark.django_db


def messages(instance) -> str:
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    return " ".join(error.value.messages)


def test_a_session_that_ends_before_it_starts_is_refused(service):
    session = WeeklySession(service=service, weekday=2, start=time(22), end=time(18))
    assert "終了時刻(18:00)は開始時刻(22:00)より後に" in messages(session)


def test_a_session_that_ends_when_it_starts_is_refused(service):
    assert "より後に" in messages(WeeklySession(service=service, weekday=2, start=time(18), end=time(18)))


def test_an_overlapping_session_of_the_same_service_is_refused(service):
    session = WeeklySession(service=service, weekday=1, start=time(21), end=time(23))
    assert "重なっています" in messages(session)


def test_a_touching_session_is_accepted(service):
    WeeklySession(service=service, weekday=1, start=time(22), end=time(23)).full_clean()


def test_overlapping_extra_sessions_on_one_day_are_refused(service):
    ExtraSession.objects.create(service=service, date=date(2026, 12, 2), start=time(10), end=time(12))
    assert "重なっています" in messages(
        ExtraSession(service=service, date=date(2026, 12, 2), start=time(11), end=time(13))
    )


def test_a_dated_closure_whose_end_precedes_its_start_is_refused(service):
    closure = Closure(service=service, kind="dated", reason="x", start_date=date(2027, 5, 5), end_date=date(2027, 5, 3))
    assert "終了日付が開始日付より前" in messages(closure)


def test_a_yearly_closure_across_the_new_year_is_accepted(service):
    Closure(
        service=service, kind="yearly", reason="年末年始", start_month=12, start_day=29, end_month=1, end_day=3
    ).full_clean()


def test_a_yearly_closure_needs_every_part_and_a_real_day(service):
    assert "すべて入力" in messages(Closure(service=service, kind="yearly", reason="x", start_month=12))
    impossible = Closure(
        service=service, kind="yearly", reason="x", start_month=2, start_day=30, end_month=3, end_day=1
    )
    assert "2月30日という日付はありません" in messages(impossible)


def test_a_friend_url_must_be_https(service):
    service.friend_add_url = "http://line.me/R/ti/p/@x"
    assert "https://" in messages(service)


def test_the_weekly_pattern_is_data_staff_can_change(service):
    WeeklySession.objects.create(service=service, weekday=3, start=time(18), end=time(22))
    assert describe_weekly(WeeklySession.objects.all()) == ["毎週 火曜日・木曜日・日曜日 18:00〜22:00"]


def test_admin_refuses_two_new_overlapping_sessions_added_together(staff, service):
    WeeklySession.objects.all().delete()
    rows = [
        {"weekday": "3", "start": "18:00", "end": "21:00"},
        {"weekday": "3", "start": "20:00", "end": "22:00"},
    ]
    response = staff.post(
        f"/admin/counseling/service/{service.pk}/change/", service_form(service, weekly_sessions=rows)
    )
    assert response.status_code == 200
    assert "同じ日の受付時間が重なっています" in response.content.decode()
    assert not WeeklySession.objects.exists()


def test_admin_refuses_a_session_ending_before_it_starts(staff, service):
    WeeklySession.objects.all().delete()
    rows = [{"weekday": "3", "start": "22:00", "end": "18:00"}]
    response = staff.post(
        f"/admin/counseling/service/{service.pk}/change/", service_form(service, weekly_sessions=rows)
    )
    assert "より後にしてください" in response.content.decode()
    assert not WeeklySession.objects.exists()


def test_admin_saves_a_good_extra_session(staff, service):
    WeeklySession.objects.all().delete()
    rows = [{"date": "2026-12-31", "start": "18:00", "end": "22:00", "note": "臨時"}]
    response = staff.post(f"/admin/counseling/service/{service.pk}/change/", service_form(service, extra_sessions=rows))
    assert response.status_code == 302
    assert ExtraSession.objects.get().date == date(2026, 12, 31)


@pytest.mark.parametrize("url", ["/admin/counseling/service/{pk}/change/", "/admin/counseling/crisisline/"])
def test_admin_pages_open(staff, url, service):
    assert staff.get(url.format(pk=service.pk)).status_code == 200


def test_every_reference_row_passes_validation(reference_data):
    from counseling.models import CrisisLine, Menu

    for row in [*Service.objects.all(), *Menu.objects.all(), *Closure.objects.all(), *CrisisLine.objects.all()]:
        row.full_clean()
        assert row.sources.exists(), f"{row} has no source"
    for row in WeeklySession.objects.all():
        row.full_clean()
