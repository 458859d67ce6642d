"""The admin pages this project made (history, revert, deleted rows, the 403 inside the admin)
have no axe violation at 1280 px, where staff use them."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from playwright.sync_api import Page

from libraries.models import Location
from tests.browser import axe_violations, screenshot

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("live_reference_data")]
PASSWORD = "a-long-test-password"


def _sign_in(page: Page, live_server, username: str) -> None:
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("ユーザー名").fill(username)
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()


def test_history_revert_deleted_and_403_pages_have_no_axe_violation(page: Page, live_server, monkeypatch):
    User.objects.create_superuser("chief", "chief@example.jp", PASSWORD)
    location = Location.objects.get(name="玉名市民図書館")
    location.opening_hours = "9:00〜19:00"
    location.save()
    first = location.history.earliest()
    Location.objects.get(name="天水図書館").delete()
    page.set_viewport_size({"width": 1280, "height": 900})
    _sign_in(page, live_server, "chief")
    pages = {
        "admin-history": f"/admin/libraries/location/{location.pk}/history/",
        "admin-revert": f"/admin/libraries/location/{location.pk}/history/{first.pk}/revert/",
        "admin-deleted": "/admin/libraries/location/deleted/",
    }
    found = {}
    for name, url in pages.items():
        page.goto(live_server.url + url)
        screenshot(page, name)
        found[name] = [v["id"] for v in axe_violations(page)]

    monkeypatch.setenv("CLERK_PASSWORD", PASSWORD)
    call_command("create_clerk", "tamana", "432067", verbosity=0)
    page.context.clear_cookies()
    _sign_in(page, live_server, "tamana")
    page.goto(live_server.url + "/admin/counseling/service/1/change/")
    screenshot(page, "admin-403")
    found["admin-403"] = [v["id"] for v in axe_violations(page)]
    assert found == {name: [] for name in found}
