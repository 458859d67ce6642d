"""「サイトの運営者」: one admin record, shown in every footer and in the accessibility statement."""

import pytest

from kumamoto_portal.models import ContentVersion, SiteSettings
from kumamoto_portal.serving import pagecache
from tests.helpers import form_data, page_text

pytestmark = pytest.mark.django_db

PAGES = ["/", "/areas/", "/libraries/", "/counseling/", "/notices/", "/accessibility/"]


@pytest.mark.usefixtures("reference_data")
def test_until_staff_fill_it_every_footer_says_the_operator_is_not_set(client):
    for url in PAGES:
        assert "サイトの運営者は、まだ登録されていません。" in page_text(client.get(url)), url
    # …and the accessibility contact stays as its source (S04) gives it.
    assert "096-328-2035" in page_text(client.get("/accessibility/"))
    assert not SiteSettings.objects.exists()  # reading never creates the row


@pytest.mark.usefixtures("reference_data")
def test_the_footer_and_the_accessibility_statement_name_the_operator_from_the_admin(staff, client):
    page = staff.get("/admin/kumamoto_portal/sitesettings/add/")
    data = form_data(page.content.decode(), "sitesettings_form")
    data.update(
        operator_name="熊本連携中枢都市圏ポータル運営事務局",
        operator_department="試験課",
        operator_phone="０９６－１１１－２２２２",
        operator_email="portal@example.jp",
        review_months="12",
    )
    response = staff.post("/admin/kumamoto_portal/sitesettings/add/", data)
    assert response.status_code == 302, page_text(response)
    staff.logout()
    for url in PAGES:
        text = page_text(client.get(url))
        assert "サイトの運営者: 熊本連携中枢都市圏ポータル運営事務局 試験課 電話 096-111-2222" in text, url
    assert 'href="tel:+81-96-111-2222"' in client.get("/").content.decode()
    assert "096-328-2035" not in page_text(client.get("/accessibility/"))


def test_bad_settings_are_refused_with_a_message_and_nothing_saved(staff):
    page = staff.get("/admin/kumamoto_portal/sitesettings/add/")
    data = form_data(page.content.decode(), "sitesettings_form")
    data.update(operator_name="事務局", operator_phone="12345", review_months="0")
    response = staff.post("/admin/kumamoto_portal/sitesettings/add/", data)
    assert response.status_code == 200
    text = page_text(response)
    assert "電話番号" in text and "1 以上" in text.replace("1以上", "1 以上")
    assert not SiteSettings.objects.exists()


def test_only_one_settings_row_and_it_cannot_be_deleted(staff):
    SiteSettings(operator_name="事務局").save()
    SiteSettings(operator_name="別の事務局").save()
    assert SiteSettings.objects.count() == 1 and SiteSettings.current().operator_name == "別の事務局"
    assert staff.get("/admin/kumamoto_portal/sitesettings/add/").status_code == 403
    assert staff.get("/admin/kumamoto_portal/sitesettings/1/delete/").status_code == 403


def test_an_operator_edit_refreshes_every_cached_page():
    assert pagecache.is_content_model(SiteSettings)
    assert not pagecache.is_content_model(ContentVersion)
    before = ContentVersion.objects.filter(pk=1).values_list("number", flat=True).first() or 0
    SiteSettings(operator_name="事務局").save()
    assert ContentVersion.objects.get(pk=1).number > before


def test_the_review_period_defaults_to_twelve_months():
    assert SiteSettings.current().review_months == 12
