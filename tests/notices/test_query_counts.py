"""The notice pages run a fixed number of queries, the same at 1x and 10x notices."""

from datetime import timedelta

import pytest
import time_machine

from notices.models import Notice

from .conftest import NOW, make_notice

pytestmark = pytest.mark.django_db

# Each HTML page also asks once for its 最終更新日 (kumamoto_portal/serving/lastmod.py), counted below.

PAGES = {
    # + the site settings (the footer's operator) on every page
    "/notices/": 5,  # the count (paginator), the page of notices, the urgent banner
    "/notices/?page=2": 5,
    "/notices/{pk}/": 5,  # the notice with its project, its municipalities, the urgent banner
    "/notices/feed.atom": 1,  # the 20 newest
}


@pytest.mark.parametrize("count", [25, 250])
def test_query_counts_are_the_same_at_1x_and_10x_notices(client, django_assert_num_queries, count):
    with time_machine.travel(NOW, tick=False):
        for n in range(count):
            make_notice(f"お知らせ{n}", published_at=NOW - timedelta(minutes=n + 1), is_urgent=n % 10 == 0)
        pk = Notice.objects.first().pk
        for url, queries in PAGES.items():
            with django_assert_num_queries(queries):
                assert client.get(url.format(pk=pk)).status_code == 200, url
