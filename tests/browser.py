"""Helpers any browser test can call: axe-core check, screenshot, A4 PDF.

Files go to test-artifacts/ (git-ignored) so a person can look at them;
axe results are also appended to test-artifacts/axe-summary.txt.
"""

import re
import subprocess
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
WIDTHS = (375, 1280)
# WCAG 2.x level A and AA rules (JIS X 8341-3:2016 AA corresponds to WCAG 2.0 AA).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
_axe = Axe()


def _artifact(name: str, suffix: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}{suffix}"


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page PNG of what the browser shows now."""
    path = _artifact(name, ".png")
    page.screenshot(path=str(path), full_page=True)
    return path


def print_pdf(page: Page, name: str) -> Path:
    """Render the current page as the printer would (A4, print CSS) to a PDF."""
    path = _artifact(name, ".pdf")
    page.emulate_media(media="print")
    page.pdf(path=str(path), format="A4", prefer_css_page_size=True)
    page.emulate_media(media="screen")
    return path


PAGE_NUMBER = re.compile(r"^\d+ / \d+$")


def pdf_text(path: Path, page: int | None = None) -> str:
    """The text of a PDF (poppler's pdftotext), or of one of its pages, without the page numbers in the
    margin, for assertions on print output (page numbers: `pdf_page_numbers`)."""
    only = ["-f", str(page), "-l", str(page)] if page else []
    raw = subprocess.run(
        ["pdftotext", "-raw", *only, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return "\n".join(line for line in raw.split("\n") if not PAGE_NUMBER.match(line.strip()))


def pdf_page_numbers(path: Path) -> list[str]:
    """The page numbers printed in the margin of each page (「1 / 3」), in order."""
    raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [line.strip() for line in raw.split("\n") if PAGE_NUMBER.match(line.strip())]


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core (WCAG 2.x A/AA rules) on the page as it is now."""
    return _axe.run(page, options=AXE_OPTIONS).response["violations"]


def assert_accessible(page: Page, url: str, name: str) -> None:
    """Load `url` at 375 px and 1280 px; axe must find no violation at either.

    Also saves a screenshot per width, and fails if the browser blocked anything
    under the Content-Security-Policy. Fails with axe's own report.
    """
    blocked: list[str] = []
    page.on("console", lambda msg: blocked.append(msg.text) if "Content Security Policy" in msg.text else None)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        response = page.goto(url)
        assert response is not None
        violations = axe_violations(page)
        screenshot(page, f"{name}-{width}")
        with _artifact("axe-summary", ".txt").open("a", encoding="utf-8") as log:
            log.write(f"{name}\t{width}px\t{response.status}\t{len(violations)} violations\n")
        report = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']]}" for v in violations
        )
        assert violations == [], f"axe at {width}px on {url}:\n{report}"
        assert blocked == [], f"CSP blocked something on {url}: {blocked}"
