"""Library pages and finders run a fixed number of queries, the same at 10x rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from libraries.models import Location

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code in (200, 400, 404), url
    return len(queries)


def _pages() -> dict[str, int]:
    """Each page's own queries, beyond those of the site's layout (the urgent banner and whatever else
    every page shows: counted once on /accessibility/, a page with no data of its own)."""
    ueki = Location.objects.get(name="植木図書館").pk
    # Each library page also asks once for its 最終更新日 (kumamoto_portal/serving/lastmod.py), counted below.
    # Issue 21 (facts with their dates): a page that states facts as current reads the review period from
    # the site settings the layout reads anyway (serving/operator.py: not counted again) and prefetches
    # the sources those facts rest on, one query per kind of row, whatever
    # the number of rows; the 出典 lists are built from the same prefetched sources.
    return {
        # + agreements' sources (who may borrow)
        "/libraries/": 8,  # systems+municipality, locations, kind counts, agreements, members, sources, 最終更新日
        # + systems' sources, locations' sources (return boxes, 出典)
        "/libraries/locations/": 6,  # systems+municipality, locations, kind counts, 最終更新日
        # + its system's sources (loan rules, return places in the 出典 list); its own
        # sources were already read by the 出典 list, now prefetched for the as-of sentence too
        f"/libraries/locations/{ueki}/": 6,  # the location, its system's places and counts, sources, 最終更新日
        "/libraries/return/": 2,  # all locations with system and municipality (the form), 最終更新日
        # + the places' sources (return boxes), the rule's sources (system and agreements)
        f"/libraries/return/?from={ueki}": 7,  # locations, lookup, who refuses its returns, counts, 最終更新日
        "/libraries/return/?from=abc": 2,  # locations for the form again, 最終更新日
        "/libraries/eligibility/": 2,  # members (the form), 最終更新日
        # + agreements' sources (who may borrow), systems' sources (出典)
        "/libraries/eligibility/?resident=432067": 9,  # members, lookup, agreements, systems, places, counts, date
        "/libraries/eligibility/?resident=999999": 3,  # members, the form's lookup (found nothing), 最終更新日
    }


@pytest.mark.parametrize("data", ["reference_data", "tenfold"])
def test_query_counts_are_the_same_at_1x_and_10x_locations(request, client, data):
    request.getfixturevalue(data)
    layout = _count(client, "/accessibility/")
    counted = {url: _count(client, url) - layout for url in _pages()}
    assert counted == _pages()
    assert _count(client, "/libraries/facilities.csv") == 1  # locations with system and municipality
