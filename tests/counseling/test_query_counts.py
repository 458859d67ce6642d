"""Counseling pages run a fixed number of queries, however many sessions and closures exist."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

# Each HTML page also asks once for its 最終更新日 (kumamoto_portal/serving/lastmod.py), counted below.

PAGES = {
    # service, weekly sessions and their sources, closures, extras, menus, phone lines, their sources (for the
    # 出典 list; +1 with the lines for foreign residents, issue 21 part 6), sources, urgent banner, site settings
    # (the review period and the footer's operator, read once: serving/operator.py)
    "/counseling/": 12,
    "/counseling/calendar/?month=2026-12": 11,  # …the same, without menus
    "/counseling/sessions.ics": 6,  # service, weekly sessions and their sources, closures, extras, site settings
}


@pytest.mark.parametrize("data", ["reference_data", "tenfold"])
@pytest.mark.parametrize(("url", "queries"), PAGES.items())
def test_query_count_is_the_same_with_ten_times_the_schedule_rows(
    request, client, django_assert_num_queries, data, url, queries
):
    request.getfixturevalue(data)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
