"""Unknowns that help, over every public page: 「不明」 at most once per page (each page is one
facility, one answer or one list), and never a column of them."""

import pytest

from kumamoto_portal.site.pages import public_urls
from tests.helpers import page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def test_no_public_page_says_unknown_more_than_once(client):
    pages = [url for url in public_urls() if not url.endswith((".xml", ".atom", ".ics", ".csv", ".txt"))]
    assert any("resident=" in url for url in pages) and any("from=" in url for url in pages)  # the answers too
    many = {url: n for url in pages if (n := page_text(client.get(url)).count("不明")) > 1}
    assert many == {}


def test_the_counseling_page_no_longer_claims_what_its_source_does_not_say(client):
    text = page_text(client.get("/counseling/"))
    assert "開始時刻ちょうどから" not in text and "終了時刻ちょうどに終わります" not in text
    assert "心理の専門資格を持つ相談員" not in text
    assert "心理系の資格を持つ専門家などの相談員" in text
