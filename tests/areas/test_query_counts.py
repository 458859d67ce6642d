"""Each public page runs a fixed number of queries, the same at 1x and 10x rows."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

# url → expected queries, each one explained.
# Each HTML page also asks once for its 最終更新日 (kumamoto_portal/serving/lastmod.py) and once for the
# site settings (the footer's operator and the review period: serving/operator.py), counted below.
PAGES = {
    # municipalities, pillars, projects + their sources, service + weekly + their sources, closures, extras,
    # banner, newest notices, the 出典 list (every member's, pillar's, project's and the service's sources)
    "/": 14,
    "/areas/": 5,  # members as of today, their sources (出典), urgent banner
    # municipality+figure sources, sources, projects, systems, locations, published counts, banner, notices
    "/areas/432067/": 10,
    "/areas/history/": 5,  # all municipalities, their sources (出典), urgent banner
    "/policy/": 6,  # pillars, fields with group and project counts, the sources, urgent banner
    "/policy/3/5/": 6,  # the field with pillar+group, its projects, its sources, urgent banner
    "/projects/": 7,  # projects with field+pillar + their sources, the 出典 list, the headline's source, banner
    # the project with field+pillar, its sources, its municipalities, banner, notices
    "/projects/library-mutual-use/": 7,
}


@pytest.mark.parametrize("data", ["reference_data", "tenfold"])
@pytest.mark.parametrize(("url", "queries"), PAGES.items())
def test_query_count_is_the_same_at_1x_and_10x_rows(request, client, django_assert_num_queries, data, url, queries):
    request.getfixturevalue(data)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_tenfold_really_has_ten_times_the_rows(tenfold, client):
    from areas.models import CooperationProject, Municipality

    assert Municipality.objects.count() == 240
    assert CooperationProject.objects.count() == 50
    body = client.get("/areas/").content.decode().split("<tbody>")[1].split("</tbody>")[0]
    assert body.count('<th scope="row">') == 240  # one row per member
