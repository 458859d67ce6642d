"""Areas pages in a real browser: axe at 375 px and 1280 px, sorting by keyboard, print."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser import assert_accessible, pdf_text, print_pdf

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("live_reference_data")]

PAGES = [
    ("/", "home-with-data"),
    ("/areas/", "areas"),
    ("/areas/?sort=population", "areas-by-population"),
    ("/areas/432067/", "area-tamana"),
    ("/areas/history/", "areas-history"),
    ("/policy/", "policy"),
    ("/policy/3/6/", "policy-field"),
    ("/projects/", "projects"),
    ("/projects/library-mutual-use/", "project"),
]


@pytest.mark.parametrize(("path", "name"), PAGES)
def test_areas_page_has_no_axe_violation(page: Page, live_server, path, name):
    assert_accessible(page, live_server.url + path, name)


def test_members_table_sorts_with_the_keyboard(page: Page, live_server):
    page.goto(live_server.url + "/areas/")
    page.get_by_role("link", name="人口 (多い順)", exact=True).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/areas/?sort=population#members")
    first = page.locator("tbody tr").first.get_by_role("rowheader")
    expect(first).to_contain_text("熊本市")
    expect(page.locator("tbody tr").nth(1).get_by_role("rowheader")).to_contain_text("玉名市")


def test_members_table_scrolls_inside_itself_on_a_phone(page: Page, live_server):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_server.url + "/areas/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_history_prints_the_tamana_table(page: Page, live_server):
    page.goto(live_server.url + "/areas/history/")
    text = pdf_text(print_pdf(page, "areas-history-print"))
    assert "玉名市の加入による圏域の変化" in text
    assert "+64,292" in text
    assert "+152.60" in text


def test_members_page_prints_on_a4_with_the_totals(page: Page, live_server):
    page.goto(live_server.url + "/areas/")
    text = pdf_text(print_pdf(page, "areas-print"))
    assert "合計(24 市町村)" in text
    assert "1,359,986" in text
