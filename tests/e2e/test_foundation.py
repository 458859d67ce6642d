"""The base layout in a real browser: accessibility, keyboard, styles, print."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser import assert_accessible, pdf_text, print_pdf

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    ("path", "name"),
    [("/", "home"), ("/accessibility/", "accessibility"), ("/no-such-page", "404")],
)
def test_page_has_no_axe_violation_at_both_widths(page: Page, live_server, path, name):
    assert_accessible(page, live_server.url + path, name)


def test_stylesheet_is_applied(page: Page, live_server):
    page.goto(live_server.url + "/")
    header_bg = page.eval_on_selector(".site-header", "e => getComputedStyle(e).backgroundColor")
    assert header_bg == "rgb(11, 61, 110)"


def test_first_tab_reaches_a_visible_skip_link_that_moves_to_main(page: Page, live_server):
    page.goto(live_server.url + "/accessibility/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0  # on screen when focused
    outline = skip.evaluate("e => getComputedStyle(e).outlineWidth")
    assert outline == "3px"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_page_fits_a_320px_screen_without_sideways_scrolling(page: Page, live_server):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_server.url + "/accessibility/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_text_zoomed_to_200_percent_still_fits(page: Page, live_server):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/accessibility/")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


def test_print_hides_navigation_and_shows_link_addresses(page: Page, live_server):
    page.goto(live_server.url + "/accessibility/")
    text = pdf_text(print_pdf(page, "accessibility-print"))
    assert "ウェブアクセシビリティ方針" in text
    assert "ホーム" not in text  # main navigation and breadcrumbs are not printed
    assert "お知らせするサイトです" not in text  # nor the footer
    assert "このページのURL" in text
    page.emulate_media(media="print")
    assert page.locator(".site-nav").is_hidden()
    assert page.locator(".breadcrumbs").is_hidden()


@pytest.mark.usefixtures("live_reference_data")
def test_styleguide_has_no_axe_violation_at_both_widths(page: Page, live_server):
    from datetime import date

    from counseling.models import WeeklySession

    # The status boxes are drawn from the next real session: staff confirmed the sessions (有効期間).
    WeeklySession.objects.update(valid_until=date(2027, 12, 31))
    # Every component at once, including the error state of a field and both status boxes.
    assert_accessible(page, live_server.url + "/styleguide/", "styleguide")
    expect(page.locator(".status")).to_have_count(2)


def test_the_breadcrumb_separator_is_not_read_aloud(page: Page, live_server):
    page.goto(live_server.url + "/accessibility/")
    crumbs = page.locator("nav.breadcrumbs")
    separator = crumbs.locator("li + li").first.evaluate("e => getComputedStyle(e, '::before').content")
    assert "›" in separator  # still drawn
    snapshot = crumbs.aria_snapshot()
    assert "ホーム" in snapshot and "›" not in snapshot
