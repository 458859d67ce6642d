"""Library pages and finders run a fixed number of queries, the same at 10x locations."""

import pytest

from libraries.models import KindCount, Location

pytestmark = pytest.mark.django_db


def _pages() -> dict[str, int]:
    ueki = Location.objects.get(name="植木図書館").pk
    return {
        "/libraries/": 5,  # systems+municipality, locations, kind counts, agreements, members
        "/libraries/locations/": 3,  # systems+municipality, locations, kind counts
        f"/libraries/locations/{ueki}/": 1,  # the location with system and municipality
        "/libraries/return/": 1,  # all locations with system and municipality (the form)
        f"/libraries/return/?from={ueki}": 3,  # locations, partner systems, lending system's kind counts
        "/libraries/return/?from=abc": 1,  # locations for the form again
        "/libraries/eligibility/": 1,  # members (the form)
        "/libraries/eligibility/?resident=432067": 5,  # members, systems, locations, kind counts, agreements
        "/libraries/eligibility/?resident=999999": 1,  # members
        "/libraries/facilities.csv": 1,  # locations with system and municipality
    }


@pytest.fixture
def tenfold_locations(reference_data):
    """Nine more copies of every location (10x), spread over the same systems."""
    originals = list(Location.objects.all())
    Location.objects.bulk_create(
        Location(system_id=loc.system_id, name=f"{loc.name}{n}", kind=loc.kind, ward=loc.ward, display_order=200 + n)
        for n in range(9)
        for loc in originals
    )
    assert Location.objects.count() == 10 * len(originals)
    KindCount.objects.get_or_create(system_id=2, kind="community_room", defaults={"count": 3})


@pytest.mark.usefixtures("reference_data")
def test_query_counts_at_fixture_size(client, django_assert_num_queries):
    for url, queries in _pages().items():
        with django_assert_num_queries(queries):
            client.get(url)


@pytest.mark.usefixtures("tenfold_locations")
def test_query_counts_at_ten_times_the_locations(client, django_assert_num_queries):
    for url, queries in _pages().items():
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code in (200, 400, 404), url
