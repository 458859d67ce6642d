"""Every public page fits a 320 px phone and text zoomed to 200 %, without sideways scrolling."""

import pytest
from playwright.sync_api import Page

from tests.helpers import page_kinds

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("live_reference_data")]


def test_every_page_fits_320px_and_200_percent_text(page: Page, live_server):
    too_wide = []
    for path in page_kinds():
        page.set_viewport_size({"width": 320, "height": 800})
        page.goto(live_server.url + path)
        if page.evaluate("document.documentElement.scrollWidth") > 320:
            too_wide.append((path, "320px"))
        page.set_viewport_size({"width": 1280, "height": 800})
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        if page.evaluate("document.documentElement.scrollWidth") > 1280:
            too_wide.append((path, "200%"))
    assert too_wide == []


def test_focus_is_visible_on_every_link_of_the_menu(page: Page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")  # skip link
    for _ in range(3):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
        )
        assert focused[0] == "A"
        assert focused[1] == "solid" and focused[2] == "3px"
        assert "255, 212, 59" in focused[3]  # the yellow focus ring


def test_every_page_prints_on_a4_without_chrome(page: Page, live_server):
    from django.utils import timezone

    from kumamoto_portal.lib.wareki import wareki_date
    from tests.browser import pdf_page_numbers, pdf_text, print_pdf

    as_of = wareki_date(timezone.localdate()) + "現在"
    problems = []
    for path in page_kinds():
        page.goto(live_server.url + path)
        heading = page.locator("h1").first.inner_text().split("\n")[0]
        name = "print" + path.replace("/", "_").replace("?", "_").replace("=", "_")
        pdf = print_pdf(page, name)
        text, first_page, numbers = pdf_text(pdf), pdf_text(pdf, page=1), pdf_page_numbers(pdf)
        if "このページのURL" not in first_page:
            problems.append((path, "page URL and QR code not on page 1"))
        if "(/" in text:
            problems.append((path, "a path of this site printed after a link"))
        if not numbers or numbers[0] != f"1 / {len(numbers)}":
            problems.append((path, f"page numbers missing: {numbers}"))
        if heading.replace(" ", "") not in text.replace(" ", "").replace("\n", ""):
            problems.append((path, "heading missing"))
        if "お知らせするサイトです" in text or "このページのURL" not in text:
            problems.append((path, "footer printed or page URL missing"))
        if as_of not in text.split("\n")[1]:  # right under the site name
            problems.append((path, "「令和○年○月○日現在」 missing at the top"))
        if "次の受付は" in text or "いま相談できます" in text:
            problems.append((path, "live counseling status printed"))
    assert problems == []
