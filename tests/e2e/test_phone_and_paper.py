"""Tables on a phone and pages on paper, as a resident and a clerk meet them (issue 11).

Phone: at 375 px no number, code or date in a table breaks across lines, row
headers keep their word, the members page stays short, a table box is a keyboard
stop only while it scrolls. Paper: the printed page count, its text, and the QR
code of the page's canonical URL, read back from the PDF.
Screenshots and PDFs are kept in test-artifacts/.
"""

import subprocess
from datetime import date
from pathlib import Path

import pytest
import zxingcpp
from django.utils import timezone
from PIL import Image
from playwright.sync_api import Page, expect

from counseling.models import WeeklySession
from kumamoto_portal.lib.wareki import wareki_date
from tests.browser import ARTIFACTS, pdf_page_numbers, pdf_text, print_pdf, screenshot
from tests.helpers import page_kinds

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("live_reference_data")]

SITE = "https://portal.example.jp"
TABLE_PAGES = ["/areas/", "/areas/?sort=joined", "/areas/history/", "/counseling/calendar/", "/styleguide/"]

# Every run of digits (with its separators and sign) inside a table cell, and each
# row header's text, must sit on one line: a Range over it has one line of boxes.
BROKEN_WORDS_JS = """
() => {
  const lines = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
  };
  const broken = [];
  for (const cell of document.querySelectorAll("main table th, main table td")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[+\\-]?\\d[\\d,.:]*/g)) {
        if (lines(node, m.index, m.index + m[0].length) > 1) broken.push(m[0]);
      }
      const inRowHeader = node.parentElement.closest('th[scope="row"]');
      const word = node.data.trim();
      if (inRowHeader && word && !/\\s/.test(word) && lines(node, 0, node.data.length) > 1) broken.push(word);
    }
  }
  return broken;
}
"""


def _height(page: Page, url: str, width: int) -> int:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(url)
    return page.evaluate("document.documentElement.scrollHeight")


def test_no_number_or_row_header_breaks_across_lines_at_375px(page: Page, live_server):
    page.set_viewport_size({"width": 375, "height": 800})
    broken = {}
    for path in page_kinds() + TABLE_PAGES:
        page.goto(live_server.url + path)
        if found := page.evaluate(BROKEN_WORDS_JS):
            broken[path] = found
    assert broken == {}


def test_each_table_page_at_375px_is_at_most_2_5_times_as_tall_as_at_1280px(page: Page, live_server):
    ratios = {}
    for path in TABLE_PAGES:
        narrow = _height(page, live_server.url + path, 375)
        screenshot(page, "phone" + path.replace("/", "_").replace("?", "_").replace("=", "_") + "-375")
        wide = _height(page, live_server.url + path, 1280)
        ratios[path] = (narrow, wide, round(narrow / wide, 2))
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "phone-heights.txt").write_text(
        "".join(f"{path}\t375px {n}\t1280px {w}\tratio {r}\n" for path, (n, w, r) in ratios.items()), encoding="utf-8"
    )
    assert {path: r for path, (_, _, r) in ratios.items() if r > 2.5} == {}


def test_members_table_keeps_the_name_in_view_while_it_scrolls(page: Page, live_server):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + "/areas/")
    box = page.locator(".table-wrap")
    name = page.get_by_role("rowheader", name="熊本市")
    left = name.bounding_box()["x"]
    box.evaluate("el => el.scrollLeft = el.scrollWidth")
    assert box.evaluate("el => el.scrollLeft") > 100  # the table really scrolls
    assert abs(name.bounding_box()["x"] - left) < 1  # and the name column stays put
    expect(page.get_by_role("cell", name="令和7年3月27日 2025年3月27日").first).to_be_in_viewport()


def test_a_table_box_is_a_named_keyboard_stop_only_while_it_scrolls(page: Page, live_server):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/areas/")
    wrap = page.locator(".table-wrap")
    assert wrap.get_attribute("tabindex") is None and wrap.get_attribute("role") is None
    page.set_viewport_size({"width": 375, "height": 800})  # the script follows the resize
    expect(wrap).to_have_attribute("tabindex", "0")
    expect(page.get_by_role("region", name="構成市町村の一覧")).to_be_visible()

    page.goto(live_server.url + "/counseling/calendar/")  # fits at 375 px: no stop
    assert page.locator(".table-wrap").get_attribute("tabindex") is None

    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_server.url + "/areas/history/")
    region = page.get_by_role("region", name="玉名市の加入による圏域の変化")
    expect(region).to_have_attribute("tabindex", "0")
    region.focus()
    page.keyboard.press("ArrowRight")
    expect(region).to_be_focused()
    # The keyboard scrolls it (smoothly, so wait for it; a timeout fails the test).
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle(), timeout=5000)


def test_sorting_shows_the_order_and_comes_back_to_the_table(page: Page, live_server):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + "/areas/")
    expect(page.get_by_role("columnheader", name="団体コード (小さい順)")).to_have_attribute("aria-sort", "ascending")
    page.get_by_role("link", name="加入日 (古い順)", exact=True).click()
    expect(page).to_have_url(live_server.url + "/areas/?sort=joined#members")
    header = page.get_by_role("columnheader", name="加入日")
    expect(header).to_have_attribute("aria-sort", "ascending")
    expect(header).to_contain_text("▲")
    assert header.evaluate("el => getComputedStyle(el.querySelector('a')).fontWeight") == "700"
    expect(page.locator("#members caption")).to_be_in_viewport()  # back at the table, not the page top
    expect(page.get_by_text("いまの並び: 加入日の古い順")).to_be_visible()
    page.get_by_role("link", name="人口 (多い順)", exact=True).click()
    expect(page.get_by_role("columnheader", name="人口")).to_contain_text("▼")
    expect(page.locator("th.sorted")).to_have_count(1)


# --- Paper -------------------------------------------------------------------------------


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def _qr_texts(pdf: Path) -> list[str]:
    """Decode every QR code on the PDF's pages, rendered at 150 dpi as a printer would."""
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(prefix)], check=True)
    texts = []
    for png in sorted(prefix.parent.glob(prefix.name + "-*.png")):
        texts += [result.text for result in zxingcpp.read_barcodes(Image.open(png))]
    return texts


def _print(page: Page, live_server, path: str, name: str) -> tuple[Path, str]:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + path)
    pdf = print_pdf(page, name)
    return pdf, pdf_text(pdf)


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = SITE


def _as_of() -> str:
    return wareki_date(timezone.localdate()) + "現在"


@pytest.mark.usefixtures("site_url")
def test_members_print_on_two_a4_pages_with_the_date_and_a_qr_code_of_the_page(page: Page, live_server):
    pdf, text = _print(page, live_server, "/areas/?sort=kana", "paper-areas")
    assert _pages(pdf) <= 2
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[1].startswith(_as_of())  # right under the site name, at the top
    facts = ("熊本市 くまもとし 738,865", "和水町 なごみまち", "合計(24 市町村) 1,359,986 3,534.82", "令和7年3月27日")
    for fact in facts:
        assert fact in text
    for chrome in ("本文へ移動", "図書館の相互利用", "ウェブアクセシビリティ方針", "431001", "連携中枢都市\n"):
        assert chrome not in text  # no navigation, footer, codes or badges on paper
    assert f"{SITE}/areas/?sort=kana" in text
    assert _qr_texts(pdf) == [f"{SITE}/areas/?sort=kana"]


@pytest.mark.usefixtures("site_url")
def test_printed_qr_code_is_at_least_20mm(page: Page, live_server):
    page.goto(live_server.url + "/libraries/")
    page.emulate_media(media="print")
    width_px = page.locator(".print-url svg").bounding_box()["width"]
    assert width_px * 25.4 / 96 >= 20
    page.emulate_media(media="screen")
    expect(page.locator(".print-url")).to_be_hidden()  # paper only


@pytest.mark.usefixtures("site_url")
@pytest.mark.parametrize("month", ["", "?month=2026-08"])  # this month, and a month of six weeks
def test_calendar_prints_on_one_a4_page_as_a_box_for_the_newsletter(page: Page, live_server, month):
    WeeklySession.objects.update(valid_until=date(2027, 12, 31))  # staff confirmed the sessions
    pdf, _ = _print(page, live_server, "/counseling/calendar/" + month, "paper-calendar" + month[7:])
    # The month and its box fill page 1, ready to paste; the lines for foreign residents and the 出典 may follow.
    text = pdf_text(pdf, page=1)
    assert pdf_page_numbers(pdf)[0] == f"1 / {_pages(pdf)}"
    for fact in (
        "18:00〜",  # the sessions in the month
        "毎週 火曜日・日曜日 18:00〜22:00",  # the hours
        "12月29日〜1月3日",  # the closure
        "相談のはじめ方",
        "友だちに追加",  # how to start
        "096-353-4343",
        "0120-279-338",  # phone lines for when LINE is closed
        "玉名市 総合福祉課",
        "0968-75-1121",  # the contact office
        _as_of(),
    ):
        assert fact in text, fact
    assert "前の月" not in text and "次の月" not in text
    assert _qr_texts(pdf) == [f"{SITE}/counseling/calendar/{month}"]


def _form_texts(page: Page) -> list[str]:
    """The buttons of the finder forms on the page (there must be some); their labels
    (e.g. お住まいの市町村) also occur in the results' prose."""
    texts = [t.strip() for t in page.locator("form.finder button").all_inner_texts()]
    assert texts
    return texts


@pytest.mark.usefixtures("site_url")
def test_library_guide_prints_the_rules_without_the_forms(page: Page, live_server):
    page.goto(live_server.url + "/libraries/")
    form_texts = _form_texts(page)
    pdf, text = _print(page, live_server, "/libraries/", "paper-libraries")
    for fact in ("だれが使えるか", "御船町に住んでいる人", "運転免許証", "返すとき", "熊本県立図書館"):
        assert fact in text, fact
    assert [t for t in form_texts if t in text] == []
    assert _qr_texts(pdf) == [f"{SITE}/libraries/"]


@pytest.mark.usefixtures("site_url")
@pytest.mark.parametrize(
    ("path", "facts"),
    [
        ("/libraries/return/?from=2", ("植木図書館で借りた本を返す場所", "21 か所")),
        ("/libraries/eligibility/?resident=431001", ("熊本市に住んでいる人が使える図書館", "玉名市立図書館")),
    ],
)
def test_finder_results_print_without_the_forms(page: Page, live_server, path, facts):
    page.goto(live_server.url + path)
    form_texts = _form_texts(page) + page.locator("form.finder h2").all_inner_texts()
    pdf, text = _print(page, live_server, path, "paper" + path.replace("/", "_").replace("?", "_").replace("=", "_"))
    for fact in facts:
        assert fact in text
    assert [t for t in form_texts if t in text] == []
    assert _qr_texts(pdf) == [SITE + path]


@pytest.mark.parametrize("width", [320, 375])
def test_the_menu_is_one_row_on_a_phone_and_the_page_never_scrolls_sideways(page: Page, live_server, width):
    page.set_viewport_size({"width": width, "height": 800})
    for path in ("/", "/libraries/", "/counseling/"):
        page.goto(live_server.url + path)
        menu = page.locator(".site-nav ul")
        tops = {round(box["y"]) for box in (link.bounding_box() for link in menu.locator("a").all())}
        assert len(tops) == 1, (path, tops)  # one row
        header = page.locator(".site-header").bounding_box()["height"]
        assert header <= 0.2 * 800, (path, header)  # site name and menu: at most a fifth of the first screen
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        # Every item can still be reached: scrolled into view when it gets the keyboard focus.
        last = menu.locator("a").last
        last.focus()
        box = last.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, path
