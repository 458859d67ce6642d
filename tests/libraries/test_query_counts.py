"""Library pages and finders run a fixed number of queries, the same at 10x rows."""

import pytest

from libraries.models import Location

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def _pages() -> dict[str, int]:
    ueki = Location.objects.get(name="植木図書館").pk
    # Each HTML page also asks once for its 最終更新日 (kumamoto_portal/serving/lastmod.py), counted below.
    return {
        "/libraries/": 8,  # systems+municipality, locations, kind counts, agreements, members, sources, banner
        "/libraries/locations/": 5,  # systems+municipality, locations, kind counts, urgent banner
        f"/libraries/locations/{ueki}/": 4,  # the location with system and municipality, its sources, banner
        "/libraries/return/": 3,  # all locations with system and municipality (the form), urgent banner
        f"/libraries/return/?from={ueki}": 7,  # locations, lookup, partners, the lender's agreements, counts, banner
        "/libraries/return/?from=abc": 3,  # locations for the form again, urgent banner
        "/libraries/eligibility/": 3,  # members (the form), urgent banner
        "/libraries/eligibility/?resident=432067": 8,  # members, lookup, systems, locations, counts, agreements, banner
        "/libraries/eligibility/?resident=999999": 4,  # members, the form's lookup (found nothing), urgent banner
        "/libraries/facilities.csv": 1,  # locations with system and municipality
    }


@pytest.mark.parametrize("data", ["reference_data", "tenfold"])
def test_query_counts_are_the_same_at_1x_and_10x_locations(request, client, django_assert_num_queries, data):
    request.getfixturevalue(data)
    for url, queries in _pages().items():
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code in (200, 400, 404), url
