"""With the page cache on, a clerk's edit in the admin reaches a resident's next page load."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import override_settings
from playwright.sync_api import Browser, expect

from areas.models import Municipality

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("live_reference_data")]


@pytest.fixture
def page_cache_on():
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=600):
        yield
    cache.clear()


@pytest.fixture
def two_people(browser: Browser):
    """A resident and a clerk, each in a browser of their own (no shared cookies)."""
    contexts = [browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo") for _ in range(2)]
    yield [context.new_page() for context in contexts]
    for context in contexts:
        context.close()


@pytest.mark.usefixtures("page_cache_on")
def test_an_admin_edit_is_on_the_residents_next_page_load(two_people, live_server):
    User.objects.create_superuser("clerk", "clerk@example.jp", "a-long-test-password")
    tamana = Municipality.objects.get(name="玉名市")
    resident, clerk = two_people

    resident.goto(live_server.url + "/areas/")
    expect(resident.get_by_role("link", name="玉名市", exact=True)).to_be_visible()

    clerk.goto(live_server.url + f"/admin/areas/municipality/{tamana.pk}/change/")
    clerk.get_by_label("ユーザー名").fill("clerk")
    clerk.get_by_label("パスワード").fill("a-long-test-password")
    clerk.get_by_role("button", name="ログイン").click()
    clerk.locator("#id_name").fill("玉名市(確認用)")
    clerk.get_by_role("button", name="保存", exact=True).click()
    expect(clerk.locator(".messagelist")).to_contain_text("変更しました")

    resident.goto(live_server.url + "/areas/")
    expect(resident.get_by_role("link", name="玉名市(確認用)", exact=True)).to_be_visible()
