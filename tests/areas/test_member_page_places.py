"""The member page counts a town's library places as the library pages do (issue 21 audit):
熊本市 lists 9 of its 21 places and says so; 山鹿市 knows only some, so 「少なくとも」."""

import re

import pytest

from tests.helpers import assert_shows, page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

KUMAMOTO, YAMAGA = "431001", "432083"


def libraries_part(client, code: str) -> str:
    """The visible text of the page's 図書館 section (up to the 出典 list)."""
    text = page_text(client.get(f"/areas/{code}/"))
    return text[text.index(" 図書館 ") : text.index(" 出典 ")]


def test_kumamoto_says_the_site_lists_9_of_its_21_places_by_kind(client):
    part = libraries_part(client, KUMAMOTO)
    assert_shows(
        part,
        "熊本市立図書館(21 か所)",
        "全部で 21 か所(図書館 5 か所、公民館図書室 15 か所、情報資料室 1 か所)のうち、"
        "このサイトに載っているのは次の 9 か所です。",
        "ほかの施設は 熊本市立図書館のウェブサイト でご確認ください。",
    )
    assert "少なくとも" not in part  # every place is counted by a source


def test_kumamoto_links_to_the_librarys_own_website_and_the_list_by_kind(client):
    html = client.get(f"/areas/{KUMAMOTO}/").content.decode()
    assert '<a href="https://www.library.city.kumamoto.jp/">熊本市立図書館のウェブサイト</a>' in html
    assert re.search(r'<a href="/libraries/locations/#system-\d+">熊本市立図書館の施設を種類ごとに見る</a>', html)
    listed = re.search(r'<ul class="locations">(.*?)</ul>', html, re.S)[1]
    assert listed.count("<li>") == 9


def test_yamaga_says_at_least_where_only_some_places_are_known(client):
    part = libraries_part(client, YAMAGA)
    assert "山鹿市の図書館(少なくとも 1 か所)" in part
    assert "出典で確かめられた次の 1 か所だけです。ほかにも施設があるかもしれません。" in part
    assert "山鹿市の図書館にお問い合わせください" in part  # no website known: the library, not a made-up link


def test_a_town_whose_places_are_all_listed_gets_the_plain_count(client):
    part = libraries_part(client, "432041")  # 荒尾市: every place known and listed
    assert "少なくとも" not in part and "のうち、このサイトに載っている" not in part
    assert "荒尾市の図書館(1 か所)" in part


def queries_for(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("code", [KUMAMOTO, YAMAGA, "432067"])
def test_the_counts_cost_the_same_queries_at_10x_rows(request, client, code):
    """The published counts come with the systems in one query (the pin is in test_query_counts.py)."""
    url = f"/areas/{code}/"
    client.get(url)  # the first request of a test may warm caches; count the second
    at_1x = queries_for(client, url)
    request.getfixturevalue("tenfold")  # ten times the locations, and counts for 玉名市 too
    at_10x = queries_for(client, url)
    assert at_10x == at_1x
