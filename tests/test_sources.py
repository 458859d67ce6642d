"""Sources residents can follow, and only what the sources say (issue 10).

Every public page: no internal source id ([S37]), no repository path, no staff note.
Municipality, location and counseling pages end with a 「出典」 list whose items link
to the source when its URL is known. Facts the sources do not confirm are shown as
unknown: return boxes (only 託麻 is confirmed), partner libraries' rules, 山鹿市's count.
"""

import html
import re

import pytest

from areas.models import Municipality
from counseling.models import Service
from kumamoto_portal.models import Source
from libraries.models import LibrarySystem, Location
from tests.helpers import answer_cards, page_text, public_urls, service_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]
INTERNAL = re.compile(r"\[S\d|shared/|S\d{2}\]")


def test_no_public_page_shows_an_internal_id_a_repository_path_or_a_staff_note(client):
    notes = [
        note
        for model in (Location, Municipality, Service)
        for note in model.objects.values_list("source_note", flat=True)
    ]
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert not INTERNAL.search(page), (url, INTERNAL.search(page)[0])
        assert "裏付け" not in page, url  # the sources' staff notes
        for note in notes:
            assert note[:40] not in page, url


def sources_list(html: str) -> str:
    match = re.search(r'<section class="sources".*?</section>', html, re.DOTALL)
    assert match, "no 「出典」 list"
    return match[0]


def linked(listing: str) -> set[str]:
    return {html.unescape(href) for href in re.findall(r'href="([^"]+)"', listing)}


def test_each_municipality_page_lists_its_sources_linked_where_a_url_is_known(client):
    for municipality in Municipality.objects.prefetch_related("sources"):
        listing = sources_list(client.get(f"/areas/{municipality.code}/").content.decode())
        assert "<h2" in listing and "出典" in listing
        expected = {s.url for s in municipality.cited_sources() if s.url}
        assert expected and expected <= linked(listing)
        for source in municipality.cited_sources():
            assert source.title in listing


def test_each_location_page_lists_its_sources(client):
    for location in Location.objects.prefetch_related("sources"):
        listing = sources_list(client.get(location.get_absolute_url()).content.decode())
        shown = [s for s in location.sources.all() if s.shown_to_residents]
        assert {s.url for s in shown if s.url} <= linked(listing)
        assert all(s.title in listing for s in shown)
        assert shown  # every location rests on a source residents may see
        # An encyclopedia or a mirror (S18, wikiwand) is never listed.
        assert not any(s.title in listing for s in location.sources.all() if not s.shown_to_residents)


def test_the_counseling_page_lists_its_sources_with_their_dates(client):
    service = Service.objects.get()
    listing = sources_list(client.get("/counseling/").content.decode())
    for source in service.sources.all():
        assert (source.title in listing) == source.shown_to_residents  # S15 (an encyclopedia) never
        assert not source.shown_to_residents or source.date_label in listing
    assert "2023年" in listing  # the article: its year is all that is known


def test_a_source_without_a_url_is_plain_text_and_dates_show_as_precisely_as_known():
    assert Source(title="資料", published_year=2023).date_label == "2023年"
    from datetime import date

    assert Source(title="資料", published_on=date(2024, 10, 15)).date_label == "2024年10月15日"
    assert Source(title="資料").date_label == ""


# What the sources say of each return box (託麻 S38, おおづ S53, 県立 S60, 小川分館 S55); every other is unknown.
SOURCED_RETURN_BOXES = {
    "託麻公民館図書室": "返却ポスト あり",
    "大津町立おおづ図書館": "返却ポスト あり",
    "熊本県立図書館": "返却ポスト あり",
    "宇城市立図書館 小川分館": "返却ポスト 2025年3月1日から、分館の返却ポストは使えません",
}


def test_return_boxes_are_unknown_except_at_takuma(client):
    """Only the return boxes a source describes are stated (託麻, and since issue 21 three more); elsewhere
    the page says once, among its unknowns, that it is not known, and gives the library's phone to ask."""
    assert set(Location.objects.filter(has_return_box__isnull=False).values_list("name", flat=True)) == set(
        SOURCED_RETURN_BOXES
    )
    for location in Location.objects.select_related("system"):
        text = page_text(client.get(location.get_absolute_url()))
        assert "不明" not in text, location.name
        if location.name in SOURCED_RETURN_BOXES:
            assert SOURCED_RETURN_BOXES[location.name] in text, location.name
            assert "返却ポストがあるかどうか" not in text, location.name
            continue
        assert "返却ポスト あり" not in text and "返却ポスト なし" not in text, location.name
        assert text.count("返却ポストがあるかどうか") == 1, location.name
        unknowns = re.search(r"[^。]*返却ポストがあるかどうか[^。]*。[^。]*。", text)[0]  # and whom to ask
        assert f"このサイトでは確認できていません。{location.system.name}にお問い合わせください(" in unknowns
        phone = location.phone or next(
            (other.phone for other in location.system.locations.order_by("display_order", "id") if other.phone), ""
        )
        assert f"(電話 {phone} )" in unknowns if phone else "のウェブサイト" in unknowns, location.name


def test_a_partner_other_than_tamana_is_not_given_a_return_rule_as_fact(client):
    """The article's 熊本市 ↔ 玉名市 return rule is stated for 玉名市 only. A partner no source confirms
    returns for (荒尾市 and most others) gets no return rule, only the unknowns with its phone; one whose
    own guide confirms returns (おおづ) gets that, but never 「熊本市の図書館には返せません」."""
    kumamoto = Municipality.objects.get(name="熊本市")
    cards = answer_cards(page_text(client.get("/libraries/eligibility/?resident=431001")), kumamoto)
    assert {"熊本市立図書館", "玉名市立図書館", "荒尾市の図書館", "大津町の図書館"} <= set(cards)
    assert "熊本市の図書館には返せません" in cards["玉名市立図書館"]
    assert "玉名市立図書館のどの施設にも返せます" in cards["玉名市立図書館"]
    arao = cards["荒尾市の図書館"]
    assert "返せません" not in arao and "に返します" not in arao and "返せます" not in arao
    assert "借りた本を返せる場所" in arao
    assert "このサイトでは確認できていません。荒尾市の図書館にお問い合わせください(電話 0968-57-7747 )" in arao
    partners = LibrarySystem.objects.exclude(municipality=kumamoto).filter(name__in=cards)
    for system in partners.exclude(name="玉名市立図書館"):
        card = cards[system.name]
        assert "熊本市の図書館には返せません" not in card, system.name
        if not system.returns_confirmed:
            assert "返せません" not in card and "に返します" not in card and "返せます" not in card, system.name
            assert card.count("このサイトでは確認できていません") == 1, system.name
            assert "借りた本を返せる場所" in card, system.name
    assert partners.filter(returns_confirmed=False).count() >= 8  # the rule above is not tested on nothing


def test_the_return_finder_for_a_partner_library_says_to_ask(client):
    """Borrowed at a partner library whose returns no source confirms: the answer says to ask that library
    (by phone), claims no place to return to and names no library that refuses the item."""
    locations = Location.objects.filter(system__returns_confirmed=False).select_related("system")
    assert locations.filter(system__municipality__name="荒尾市").exists()
    for location in locations:
        response = client.get(f"/libraries/return/?from={location.pk}")
        text = page_text(response)
        answer = text.split("別の施設で調べる")[0]
        assert f"{location.system.name}で借りた本を返せる場所は、このサイトでは確認できていません" in answer
        assert f"{location.system.name}にお問い合わせください(" in answer, location.name
        assert 'href="tel:' in response.content.decode() or "のウェブサイト" in answer, location.name
        assert "次の図書館には返せません" not in answer, location.name
        assert "どこでも返せます" not in answer and "どの施設にも返せます" not in answer, location.name
    arao = Location.objects.get(name="荒尾市立図書館")
    text = page_text(client.get(f"/libraries/return/?from={arao.pk}"))
    asked = "荒尾市の図書館にお問い合わせください(電話 0968-57-7747 )"
    assert f"荒尾市の図書館で借りた本を返せる場所は、このサイトでは確認できていません。{asked}" in text


def test_yamaga_shows_its_known_location_as_a_lower_bound(client):
    text = page_text(client.get("/libraries/locations/"))
    assert "山鹿市の図書館(少なくとも 1 か所)" in text
    assert "熊本市立図書館(21 か所)" in text


def test_the_tamana_e_library_cites_the_case_report_not_the_article(client):
    from libraries.models import LibrarySystem

    tamana = LibrarySystem.objects.get(name="玉名市立図書館")
    assert tamana.sources.filter(code="S51").exists()


def test_the_counseling_hours_say_as_of_when_they_are_known(client):
    text = page_text(client.get("/counseling/"))
    assert "令和5年(2023年)の案内による情報です。" in text


def test_the_articles_headline_figure_stays_with_its_date_and_source(client):
    text = page_text(client.get("/projects/"))
    assert "圏域全体では 69 の連携事業に取り組んでいました(2023年、玉名市が加わり20市町村になった時点" in text
    assert "出典: 玉名市「広域での新たな行政サービスを行います(広報たまな)」" in text
    assert "出典で確かめられた 5 件を紹介しています(圏域のすべての事業ではありません)" in text


def test_the_accessibility_contact_names_its_office_and_the_date_of_its_source(client):
    text = page_text(client.get("/accessibility/"))
    assert "政策企画課" in text and "2022年3月28日更新の版" in text


def test_the_newest_source_is_the_one_with_the_latest_date():
    from datetime import date

    from kumamoto_portal.currency import newest

    sources = [
        Source(title="a", published_year=2023),
        Source(title="b", published_on=date(2024, 6, 25)),
        Source(title="c"),
    ]
    assert newest(sources).date_label == "2024年6月25日"
    assert newest([Source(title="c")]).date_label == ""


def test_an_inline_row_without_a_source_is_refused(staff):
    from counseling.models import WeeklySession

    service = Service.objects.get()
    response = staff.get(f"/admin/counseling/service/{service.pk}/change/")
    assert response.status_code == 200
    before = WeeklySession.objects.count()
    data = service_form(service, weekly_sessions=[{"weekday": "3", "start": "10:00", "end": "12:00", "sources": None}])
    answer = staff.post(f"/admin/counseling/service/{service.pk}/change/", data)
    assert answer.status_code == 200
    assert "出典を1つ以上選んでください" in answer.content.decode()
    assert WeeklySession.objects.count() == before
