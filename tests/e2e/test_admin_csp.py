"""The admin works under the strict Content-Security-Policy (no blocked script or style)."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("live_reference_data")]


def test_staff_sign_in_and_edit_without_csp_violations(page: Page, live_server):
    User.objects.create_superuser("clerk", "clerk@example.jp", "a-long-test-password")
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.goto(live_server.url + "/admin/")
    page.get_by_label("ユーザー名").fill("clerk")
    page.get_by_label("パスワード").fill("a-long-test-password")
    page.get_by_role("button", name="ログイン").click()
    expect(page.get_by_role("heading", name="データの管理")).to_be_visible()
    page.goto(live_server.url + "/admin/counseling/service/1/change/")
    page.goto(live_server.url + "/admin/libraries/librarysystem/1/change/")
    page.goto(live_server.url + "/admin/areas/cooperationproject/1/change/")
    assert violations == []
