"""Each public page runs a fixed number of queries, the same at 1x and 10x rows."""

import pytest

pytestmark = pytest.mark.django_db

# url → expected queries, each one explained.
PAGES = {
    "/": 7,  # municipalities, pillars, projects in progress, service + its weekly sessions, closures, extras
    "/areas/": 1,  # members as of today
    "/areas/432067/": 4,  # the municipality, its projects with field+pillar, library systems, their locations
    "/areas/history/": 1,  # all municipalities
    "/policy/": 2,  # pillars, fields with group and project counts
    "/policy/3/5/": 2,  # the field with pillar+group, its projects
    "/projects/": 1,  # projects with field+pillar
    "/projects/library-mutual-use/": 2,  # the project with field+pillar, its municipalities
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
    assert CooperationProject.objects.count() == 20
    assert client.get("/areas/").content.decode().count('<th scope="row">') == 240  # one row per member
