"""Counseling pages run a fixed number of queries, however many sessions and closures exist."""

from datetime import date, time, timedelta

import pytest

from counseling.models import Closure, ExtraSession, Service

pytestmark = pytest.mark.django_db

# Each HTML page also asks once for its 最終更新日 (kumamoto_portal/lastmod.py), counted below.

PAGES = {
    "/counseling/": 9,  # service, weekly sessions, closures, extras, menus, crisis lines, sources, urgent banner
    "/counseling/calendar/?month=2026-12": 7,  # service, weekly sessions, closures, extras, crisis lines, urgent banner
    "/counseling/sessions.ics": 4,  # service, weekly sessions, closures, extras
}


@pytest.fixture
def tenfold_schedule(reference_data):
    service = Service.objects.get()
    ExtraSession.objects.bulk_create(
        ExtraSession(service=service, date=date(2026, 12, 2) + timedelta(days=7 * n), start=time(10), end=time(12))
        for n in range(20)
    )
    Closure.objects.bulk_create(
        Closure(
            service=service,
            kind="dated",
            reason="臨時",
            start_date=date(2027, 2, 1) + timedelta(days=n),
            end_date=date(2027, 2, 1) + timedelta(days=n),
        )
        for n in range(10)
    )


@pytest.mark.parametrize("data", ["reference_data", "tenfold_schedule"])
@pytest.mark.parametrize(("url", "queries"), PAGES.items())
def test_query_count_is_the_same_with_ten_times_the_schedule_rows(
    request, client, django_assert_num_queries, data, url, queries
):
    request.getfixturevalue(data)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
