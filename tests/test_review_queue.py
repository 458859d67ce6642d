"""「確認が必要な情報」: sources past the review period, the rows that cite them, 「確認した」, and
what is still unknown per town (kumamoto_portal/review.py, the admin's SourceAdmin.review_view)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kumamoto_portal.models import Source
from kumamoto_portal.review import needs_review
from libraries.models import Location
from tests.helpers import page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]
TODAY = datetime(2026, 12, 1, 12, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
URL = "/admin/kumamoto_portal/source/review/"


def test_a_source_needs_review_when_never_checked_or_checked_longer_ago_than_the_period():
    today = date(2026, 12, 1)
    assert needs_review(Source(), today, 12)
    assert needs_review(Source(checked_on=date(2025, 11, 1)), today, 12)  # 13 months ago
    assert not needs_review(Source(checked_on=date(2026, 1, 1)), today, 12)
    assert not needs_review(Source(checked_on=date(2025, 11, 1)), today, 24)


def sign_in(client, name: str):
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username=f"cast-{name}"))
    return client


@pytest.mark.usefixtures("cast")
def test_a_source_checked_13_months_ago_is_queued_with_its_rows_and_pages_until_checked(client):
    s53 = Source.objects.get(code="S53")  # おおづ図書館's own guide
    s53.checked_on = date(2025, 11, 1)
    s53.save()
    sign_in(client, "admin")
    with time_machine.travel(TODAY, tick=False):
        page = client.get(URL)
    assert page.status_code == 200
    text = page_text(page)
    source_link = f'href="/admin/kumamoto_portal/source/{s53.pk}/change/"'
    assert source_link in page.content.decode() and "大津町立おおづ図書館" in text
    assert "令和7年11月1日(2025年11月1日)" in text
    ozu = Location.objects.get(name__contains="おおづ")
    html = page.content.decode()
    assert f'href="/admin/libraries/location/{ozu.pk}/change/"' in html
    assert f'href="{ozu.get_absolute_url()}"' in html  # the public page that depends on it
    with time_machine.travel(TODAY, tick=False):
        response = client.post(URL, {"source": str(s53.pk)})
    assert response.status_code == 302
    s53.refresh_from_db()
    assert s53.checked_on == date(2026, 12, 1)
    record = s53.history.order_by("-history_id").first()
    assert record.history_change_reason == "確認した(「確認が必要な情報」から)"
    assert record.history_user_name == "cast-admin"
    with time_machine.travel(TODAY, tick=False):
        assert source_link not in client.get(URL).content.decode()


@pytest.mark.usefixtures("cast")
def test_a_towns_clerk_sees_only_the_rows_of_their_town(client):
    sign_in(client, "tamana-clerk")
    with time_machine.travel(TODAY, tick=False):
        page = client.get(URL)
    assert page.status_code == 200
    text = page_text(page)
    assert "玉名市民図書館" in text
    assert "植木図書館" not in text and "おおづ" not in text
    # …and the unknowns of their town only.
    unknowns = text.split("まだ「不明」のままの項目")[1]
    assert "玉名市" in unknowns and "熊本市" not in unknowns


@pytest.mark.usefixtures("cast")
def test_a_clerk_cannot_mark_a_source_only_other_towns_cite(client):
    s53 = Source.objects.get(code="S53")
    sign_in(client, "tamana-clerk")
    with time_machine.travel(TODAY, tick=False):
        assert client.post(URL, {"source": str(s53.pk)}).status_code == 404
        assert client.post(URL, {"source": "abc"}).status_code == 404
    s53.refresh_from_db()
    assert s53.checked_on is None


@pytest.mark.usefixtures("cast")
def test_the_unknowns_are_counted_per_town_and_field(client):
    sign_in(client, "admin")
    with time_machine.travel(TODAY, tick=False):
        text = page_text(client.get(URL))
    unknowns = text.split("まだ「不明」のままの項目")[1]
    empty_hours = Location.objects.filter(system__municipality__name="熊本市", opening_hours="").count()
    assert empty_hours > 0
    assert f"熊本市 施設 開館時間 {empty_hours}" in unknowns


@pytest.mark.usefixtures("cast")
def test_every_role_finds_the_queue_from_the_admin_home(client):
    for name in ("admin", "library-staff", "tamana-clerk"):
        sign_in(client, name)
        assert URL in client.get("/admin/").content.decode(), name
        client.logout()
