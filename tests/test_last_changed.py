"""最終更新日 on every public page: the newest edit of what the page shows, in 和暦 and 西暦."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from kumamoto_portal import appconfig
from kumamoto_portal.serving.lastmod import last_changed
from libraries.models import LibrarySystem, Location
from tests.helpers import page_text, public_urls

pytestmark = pytest.mark.django_db
TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.fixture
def loaded_on_day_one():
    with time_machine.travel(datetime(2026, 4, 1, 9, 0, tzinfo=TOKYO), tick=False):
        call_command("load_reference_data", verbosity=0)


@pytest.mark.usefixtures("loaded_on_day_one")
def test_every_public_page_says_how_current_it_is_and_never_the_install_date(client):
    from notices.models import Notice

    notice = Notice.objects.create(title="休館のお知らせ", body="本文", published_at=datetime(2026, 4, 1, tzinfo=TOKYO))
    missing, install_date = [], []
    pages = [url for url in public_urls() if not url.endswith((".xml", ".atom", ".ics", ".csv", ".txt"))]
    for url in [*pages, "/accessibility/", "/styleguide/", "/notices/", f"/notices/{notice.pk}/"]:
        text = page_text(client.get(url))
        if "最終更新日: " not in text:
            missing.append(url)
        if "最終更新日: 令和8年4月1日" in text and not url.startswith("/notices/"):
            install_date.append(url)
    assert missing == []
    assert install_date == []
    # Reference rows carry the date their sources give: 熊本市's crisis-line page of 2024-10-15.
    assert "最終更新日: 令和6年10月15日(2024年10月15日)" in page_text(client.get("/counseling/"))
    # Rows whose sources give no day (the article of 2023 gives only its year): no date, and the page
    # says where the time of its facts is.
    honbu = Location.objects.get(name="熊本市立図書館")  # its sources (S16, S17, S52) give no day
    assert "最終更新日: なし(公開後に変更されていません)。" in page_text(client.get(honbu.get_absolute_url()))


def test_a_reference_row_carries_the_newest_check_date_of_its_sources():
    from kumamoto_portal.models import Source
    from kumamoto_portal.reference import data_date

    sources = [Source(code="A", title="a", published_on=date(2020, 8, 20)), Source(code="B", title="b")]
    Source.objects.bulk_create(sources)
    row = Source.objects.get(code="A")
    assert data_date(row).date() == date(2020, 8, 20)
    row.checked_on = date(2026, 10, 1)
    assert data_date(row).date() == date(2026, 10, 1)  # staff's check is newer than the page
    assert data_date(Source.objects.get(code="B")).year == 2000  # undated: history.UNDATED


@pytest.mark.usefixtures("loaded_on_day_one")
def test_the_date_moves_after_an_edit_on_the_pages_that_show_it(client):
    tamana = Location.objects.get(name="玉名市民図書館")
    with time_machine.travel(datetime(2026, 11, 27, 23, 30, tzinfo=TOKYO), tick=False):
        tamana.opening_hours = "9:00〜19:00"
        tamana.save()
    assert "最終更新日: 令和8年11月27日(2026年11月27日)" in page_text(client.get(f"/libraries/locations/{tamana.pk}/"))
    assert "最終更新日: 令和8年11月27日" in page_text(client.get("/libraries/"))
    other = Location.objects.exclude(system=tamana.system).first()
    assert "最終更新日: 令和8年11月27日" not in page_text(client.get(f"/libraries/locations/{other.pk}/"))
    assert "最終更新日: 令和8年11月27日" not in page_text(client.get("/areas/"))  # shows no library


@pytest.mark.usefixtures("loaded_on_day_one")
def test_a_deletion_counts_as_a_change():
    with time_machine.travel(datetime(2026, 5, 2, 10, 0, tzinfo=TOKYO), tick=False):
        Location.objects.filter(name="玉名市民図書館").delete()
    newest = last_changed(Location.history.all(), LibrarySystem.history.all())
    assert newest.astimezone(TOKYO).date() == date(2026, 5, 2)


def test_last_changed_is_one_query_whatever_the_number_of_histories(django_assert_num_queries):
    call_command("load_reference_data", verbosity=0)
    with django_assert_num_queries(1):
        last_changed(*(Location.history.all() for _ in range(6)))
    assert last_changed() is None


def test_every_page_name_is_a_real_url_name():
    from django.urls import NoReverseMatch, reverse

    for name in appconfig.page_content():
        try:
            reverse(name)
        except NoReverseMatch as error:
            assert "arguments" in str(error), name  # exists, needs arguments


@pytest.mark.usefixtures("loaded_on_day_one")
def test_error_pages_carry_no_date(client):
    assert "最終更新日" not in page_text(client.get("/areas/999999/"))
    assert "最終更新日" not in page_text(client.get("/no-such-page/"))
