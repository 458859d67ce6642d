"""The admin as a clerk meets it, in a real browser: change forms fit the window, a town's
clerk works on their town only, and the staff guide's screenshots (docs/images/) are made
here so that docs/staff.md stays true."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.management import call_command
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("live_reference_data")]
DOCS_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
PASSWORD = "a-long-test-password"
TOKYO = ZoneInfo("Asia/Tokyo")


def _sign_in(page: Page, live_server, username: str) -> None:
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("ユーザー名").fill(username)
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()
    expect(page.get_by_role("heading", name="データの管理")).to_be_visible()


def _shot(page: Page, name: str) -> None:
    DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(DOCS_IMAGES / f"{name}.png"), full_page=False)


def _change_forms() -> list[str]:
    urls = []
    for model in admin.site._registry:
        opts = model._meta
        row = model._default_manager.order_by("pk").first()
        urls.append(f"/admin/{opts.app_label}/{opts.model_name}/add/")
        if row is not None:
            urls.append(f"/admin/{opts.app_label}/{opts.model_name}/{row.pk}/change/")
    return urls


def test_no_admin_form_is_wider_than_the_window(page: Page, live_server):
    User.objects.create_superuser("chief", "chief@example.jp", PASSWORD)
    _sign_in(page, live_server, "chief")
    too_wide = []
    for url in _change_forms():
        for width in (1280, 1024):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(live_server.url + url)
            if (scroll := page.evaluate("document.documentElement.scrollWidth")) > width:
                too_wide.append((url, width, scroll))
    assert too_wide == []


def test_a_closure_row_shows_only_the_fields_of_its_kind(page: Page, live_server):
    User.objects.create_superuser("chief", "chief@example.jp", PASSWORD)
    _sign_in(page, live_server, "chief")
    page.goto(live_server.url + "/admin/counseling/service/1/change/")
    yearly, dated = page.locator("#closures-group"), page.locator("#closures-2-group")
    expect(yearly.get_by_role("columnheader", name="開始月")).to_be_visible()
    expect(yearly.get_by_role("columnheader", name="開始日付")).to_have_count(0)
    expect(dated.get_by_role("columnheader", name="開始日付")).to_be_visible()
    expect(dated.get_by_role("columnheader", name="開始月")).to_have_count(0)


def test_a_town_clerk_in_the_browser_and_the_guide_screenshots(page: Page, live_server, monkeypatch):
    """Walks through docs/staff.md and takes its pictures (clock pinned so they stay the same)."""
    monkeypatch.setenv("CLERK_PASSWORD", PASSWORD)
    call_command("create_clerk", "tamana", "432067", verbosity=0)
    User.objects.create_superuser("chief", "chief@example.jp", PASSWORD)
    page.set_viewport_size({"width": 1280, "height": 800})
    for model in apps.get_models():  # the reference load happened "before" the pinned clock
        if hasattr(model, "history_date") and hasattr(model, "instance_type"):
            model.objects.update(history_date=datetime(2026, 4, 1, 9, 0, tzinfo=TOKYO))
    with time_machine.travel(datetime(2026, 11, 27, 10, 0, tzinfo=TOKYO), tick=True):
        page.goto(live_server.url + "/admin/login/")
        _shot(page, "staff-sign-in")
        _sign_in(page, live_server, "tamana")
        _shot(page, "staff-clerk-index")

        page.goto(live_server.url + "/admin/libraries/location/")
        expect(page.get_by_role("link", name="玉名市民図書館")).to_be_visible()
        expect(page.get_by_role("link", name="植木図書館")).to_have_count(0)
        _shot(page, "staff-clerk-locations")

        page.get_by_role("link", name="玉名市民図書館").click()
        page.locator("#id_opening_hours").fill("9:00〜19:00")
        page.locator("#id_phone").fill("０９６８７５１３１５")
        _shot(page, "staff-location-form")
        page.get_by_role("button", name="保存", exact=True).click()
        expect(page.get_by_text("住民には、次にページを開いたときから変更後の内容が表示されます")).to_be_visible()
        _shot(page, "staff-saved")
        expect(page.get_by_role("row", name="玉名市民図書館")).to_contain_text("0968-75-1315")  # stored as usual

        page.goto(live_server.url + "/admin/libraries/location/")
        page.get_by_role("link", name="玉名市民図書館").click()
        page.get_by_role("link", name="変更履歴").click()
        expect(page.get_by_text("→ 9:00〜19:00")).to_be_visible()  # old → new
        _shot(page, "staff-history")
        page.get_by_role("link", name="この版に戻す").first.click()
        _shot(page, "staff-revert")
        page.get_by_role("button", name="この版に戻す").click()
        expect(page.get_by_text("の版に戻しました")).to_be_visible()

        page.goto(live_server.url + "/admin/counseling/service/1/change/")
        expect(page.get_by_role("heading", name="この操作はできません")).to_be_visible()  # not for a town clerk
        expect(page.get_by_role("button", name="ログアウト")).to_be_visible()
        page.get_by_role("button", name="ログアウト").click()

        _sign_in(page, live_server, "chief")
        page.goto(live_server.url + "/admin/counseling/service/1/change/")
        page.locator("#closures-2-group").scroll_into_view_if_needed()
        _shot(page, "staff-counseling-closures")
        page.goto(live_server.url + "/admin/notices/notice/add/")
        _shot(page, "staff-notice-form")
        page.goto(live_server.url + "/admin/areas/municipality/add/")
        _shot(page, "staff-municipality-form")

        page.goto(live_server.url + "/admin/")
        page.get_by_role("link", name="確認が必要な情報").click()
        expect(page.get_by_role("heading", name="確認が必要な出典", exact=False)).to_be_visible()
        _shot(page, "staff-review-queue")
        before = page.get_by_role("button", name="確認した").count()
        page.get_by_role("button", name="確認した").first.click()
        expect(page.get_by_text("に確認したと記録しました")).to_be_visible()
        assert page.get_by_role("button", name="確認した").count() == before - 1

        page.goto(live_server.url + "/admin/kumamoto_portal/sitesettings/add/")
        page.locator("#id_operator_name").fill("熊本連携中枢都市圏ポータル運営事務局")
        page.locator("#id_operator_phone").fill("096-328-2035")
        _shot(page, "staff-site-settings")
        page.get_by_role("button", name="保存", exact=True).click()
        page.goto(live_server.url + "/")
        expect(page.locator(".site-footer")).to_contain_text("サイトの運営者: 熊本連携中枢都市圏ポータル運営事務局")
