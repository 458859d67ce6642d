"""The one list of public URLs (kumamoto_portal/site/pages.py, manage.py public_urls)."""

import io

import pytest
from django.core.management import call_command
from django.urls import resolve

from kumamoto_portal.site.pages import one_of_each, public_urls

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def test_the_list_holds_every_member_location_file_and_finder_answer():
    urls = public_urls()
    assert len(urls) == len(set(urls))
    assert {
        "/",
        "/areas/432067/",
        "/libraries/facilities.csv",
        "/counseling/sessions.ics",
        "/notices/feed.atom",
    } <= set(urls)
    assert {"/robots.txt", "/sitemap.xml", "/libraries/eligibility/?resident=433691"} <= set(urls)
    assert sum(url.startswith("/libraries/eligibility/?resident=") for url in urls) == 24
    assert "/libraries/eligibility/?resident=433691" not in public_urls(finders=False)


def test_one_of_each_keeps_the_first_url_of_each_page_kind():
    kinds = one_of_each(public_urls())
    names = [(resolve(url.partition("?")[0]).view_name, "?" in url) for url in kinds]
    assert len(names) == len(set(names))
    assert "/areas/431001/" in kinds and "/areas/432067/" not in kinds
    assert "/libraries/return/" in kinds and "/libraries/return/?from=1" in kinds


@pytest.mark.parametrize("args", [[], ["--one-of-each"]])
def test_the_command_prints_the_same_lists(args):
    out = io.StringIO()
    call_command("public_urls", *args, stdout=out)
    expected = one_of_each(public_urls()) if args else public_urls()
    assert out.getvalue().split() == expected
