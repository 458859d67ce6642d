"""Library pages and finders in a real browser: axe, forms without JavaScript, print."""

import pytest
from playwright.sync_api import Page, expect

from libraries.models import Location
from tests.browser import assert_accessible, pdf_text, print_pdf

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("live_reference_data")]


def _id(name: str) -> int:
    return Location.objects.get(name=name).pk


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/libraries/", "libraries-guide"),
        ("/libraries/locations/", "libraries-locations"),
        ("/libraries/return/", "libraries-return-form"),
        ("/libraries/eligibility/", "libraries-eligibility-form"),
        ("/libraries/eligibility/?resident=432067", "libraries-eligibility-tamana"),
        ("/libraries/eligibility/?resident=abc", "libraries-eligibility-error"),
        ("/libraries/return/?from=abc", "libraries-return-error"),
        ("/areas/431001/", "area-kumamoto-libraries"),
    ],
)
def test_library_page_has_no_axe_violation(page: Page, live_server, path, name):
    assert_accessible(page, live_server.url + path, name)


def test_location_and_return_result_have_no_axe_violation(page: Page, live_server):
    assert_accessible(page, f"{live_server.url}/libraries/locations/{_id('託麻公民館図書室')}/", "library-location")
    assert_accessible(page, f"{live_server.url}/libraries/return/?from={_id('植木図書館')}", "libraries-return-ueki")


def test_return_finder_works_with_javascript_off(browser, live_server):
    context = browser.new_context(java_script_enabled=False, locale="ja-JP")
    page = context.new_page()
    page.goto(live_server.url + "/libraries/")
    page.get_by_label("本を借りた施設").select_option(label="玉名市民図書館")
    page.get_by_role("button", name="返す場所を表示").click()
    expect(page).to_have_url(f"{live_server.url}/libraries/return/?from={_id('玉名市民図書館')}")
    expect(page.get_by_role("heading", level=1)).to_have_text("玉名市民図書館で借りた本を返す場所")
    expect(page.locator(".notice-warn")).to_contain_text("熊本市立図書館のすべての施設")
    context.close()


def test_eligibility_finder_by_keyboard_only(page: Page, live_server):
    page.goto(live_server.url + "/libraries/eligibility/")
    page.get_by_label("お住まいの市町村").focus()
    page.get_by_label("お住まいの市町村").select_option("432067")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="使える図書館を表示")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("玉名市に住んでいる人が使える図書館")
    expect(page.get_by_text("住所を確認できる証明書(運転免許証など)")).to_be_visible()


def test_return_answer_prints_without_the_form(page: Page, live_server):
    page.goto(f"{live_server.url}/libraries/return/?from={_id('植木図書館')}")
    text = pdf_text(print_pdf(page, "libraries-return-print"))
    assert "植木図書館で借りた本を返す場所" in text
    assert "096-363-4522" in text
    assert "返す場所を表示" not in text  # the form is not printed
