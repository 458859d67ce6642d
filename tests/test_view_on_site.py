"""「サイトで表示」 from every change form of a row that has a public page."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import User

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

WITH_PUBLIC_PAGE = [
    "areas.Municipality",
    "areas.Pillar",
    "areas.PolicyField",
    "areas.CooperationProject",
    "libraries.LibrarySystem",
    "libraries.Location",
    "libraries.MutualUseAgreement",
    "counseling.Service",
    "counseling.CrisisLine",
]


@pytest.mark.parametrize("label", WITH_PUBLIC_PAGE)
def test_the_change_form_links_to_the_public_page_and_it_opens(client, label):
    client.force_login(User.objects.create_superuser("editor", password="x-long-test-password"))
    model = next(m for m in admin.site._registry if m._meta.label == label)
    row = model.objects.order_by("pk").first()
    html = client.get(f"/admin/{model._meta.app_label}/{model._meta.model_name}/{row.pk}/change/").content.decode()
    link = re.search(r'<a href="([^"]+)" class="viewsitelink">サイトで表示</a>', html)[1]
    assert client.get(link)["Location"].endswith(row.get_absolute_url())
    page = client.get(row.get_absolute_url())
    assert page.status_code == 200, row.get_absolute_url()
    fragment = row.get_absolute_url().partition("#")[2]
    assert not fragment or f'id="{fragment}"' in page.content.decode()


def test_every_admin_model_with_a_public_page_is_listed_here():
    with_url = {m._meta.label for m in admin.site._registry if hasattr(m, "get_absolute_url")}
    assert with_url - {"notices.Notice"} == set(WITH_PUBLIC_PAGE)
