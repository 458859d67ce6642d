"""Library pages and finders with the reference data."""

import csv
import io
import json
import re

import pytest

from libraries.models import LibrarySystem, Location
from libraries.opendata import FACILITY_COLUMNS
from tests.helpers import assert_shows, page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]

# Addresses and phones exactly as the newsletter article prints them (S37).
ARTICLE_LOCATIONS = {
    "熊本市立図書館": ("中央区大江6-1-74", "096-363-4522"),
    "植木図書館": ("北区植木町岩野238-1", "096-272-6915"),
    "城南図書館": ("南区城南町舞原451-9", "0964-27-5945"),
    "とみあい図書館": ("南区富合町清藤400", "096-357-4580"),
    "くまもと森都心プラザ図書館": ("西区春日1-14-1", "096-355-7401"),
    "熊本市男女共同参画センターはあもにい 情報資料室": ("中央区黒髪3-3-10", "096-345-2550"),
}


def location_id(name: str) -> int:
    return Location.objects.get(name=name).pk


def test_guide_explains_registration_lending_returning_and_the_contact(client):
    page = page_text(client.get("/libraries/"))
    assert "熊本市立図書館 (熊本市の図書館): 荒尾市、玉名市" in page  # who may use the Kumamoto system
    assert_shows(
        page,
        "運転免許証",
        "貸し出した図書館のきまり",
        "貸出期間は2週間",
        "借りた本を返せる場所は図書館ごとに違います",
        "返却ポスト",
        "電子図書館は対象外です",
        "たまな圏域電子図書館",
        "玉名市 コミュニティ推進課 電話 0968-75-1312",
    )
    html = client.get("/libraries/").content.decode()
    assert 'action="/libraries/eligibility/"' in html and 'action="/libraries/return/"' in html
    assert 'method="get"' in html


def test_location_list_shows_article_addresses_and_phone_links(client):
    html = client.get("/libraries/locations/").content.decode()
    for name, (address, phone) in ARTICLE_LOCATIONS.items():
        assert name in html
        assert f"熊本市{address}" in html
        assert f'<a href="tel:+81-{phone[1:]}">{phone}</a>' in html


def test_location_list_counts_21_kumamoto_places_and_points_to_their_list(client):
    page = page_text(client.get("/libraries/locations/"))
    assert_shows(
        page,
        "熊本市立図書館(21 か所)",
        "公民館図書室(15 か所)",
        "そのうち 3 か所",
        "ほかの 12 か所は 熊本市立図書館のウェブサイト でご確認ください",
        "玉名市立図書館(4 か所)",
    )


def test_location_page_has_every_known_fact_and_json_ld(client):
    response = client.get(f"/libraries/locations/{location_id('託麻公民館図書室')}/")
    page = page_text(response)
    assert_shows(
        page,
        "〒861-8038",
        "熊本市東区長嶺東7丁目11-15 託麻まちづくりセンター・公民館内",
        "9:30〜17:00",
        "第3木曜日",
        "返却ポスト あり",
    )
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode()).group(1)
    )
    assert data["@type"] == "Library"
    assert data["telephone"] == "+81-96-380-8118"
    assert data["address"]["postalCode"] == "861-8038"


def test_a_location_without_known_address_says_so_once_and_whom_to_call(client):
    response = client.get(f"/libraries/locations/{location_id('岱明図書館')}/")
    page = page_text(response)
    assert "住所、電話番号、休館日、返却ポストがあるかどうかは、このサイトでは確認できていません" in page
    assert "玉名市立図書館にお問い合わせください(電話 0968-75-1315 )" in page
    assert 'href="tel:+81-968-75-1315"' in response.content.decode()
    assert "不明" not in page


@pytest.mark.parametrize("url", ["/libraries/locations/999999/", "/libraries/locations/0/", "/libraries/locations/x/"])
def test_unknown_location_gives_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("borrowed_at", [*ARTICLE_LOCATIONS, "託麻公民館図書室", "河内公民館図書室"])
def test_borrowed_anywhere_in_kumamoto_returns_to_all_kumamoto_locations_not_tamana(client, borrowed_at):
    response = client.get("/libraries/return/", {"from": location_id(borrowed_at)})
    assert response.status_code == 200
    page = page_text(response)
    kumamoto = Location.objects.filter(system__name="熊本市立図書館")
    section = page[page.index("返せる施設 ") :]
    for location in kumamoto:
        assert location.name in section
    assert "熊本市立図書館の施設(21 か所)なら、どこでも返せます" in page
    assert "玉名市立図書館のすべての施設" in page
    assert "玉名市民図書館" not in section.split("別の施設で調べる")[0]


@pytest.mark.parametrize("borrowed_at", ["玉名市民図書館", "岱明図書館", "天水図書館", "横島図書館"])
def test_borrowed_in_tamana_returns_to_tamana_only(client, borrowed_at):
    page = page_text(client.get("/libraries/return/", {"from": location_id(borrowed_at)}))
    section = page[page.index("返せる施設 ") :].split("別の施設で調べる")[0]
    for name in ["玉名市民図書館", "岱明図書館", "天水図書館", "横島図書館"]:
        assert name in section
    assert "植木図書館" not in section
    assert "熊本市立図書館のすべての施設" in page
    assert "玉名市立図書館の施設(4 か所)" in page


def test_return_finder_groups_by_ward(client):
    page = page_text(client.get("/libraries/return/", {"from": location_id("植木図書館")}))
    assert page.index("中央区 熊本市立図書館") < page.index("北区 植木図書館") < page.index("東区 託麻公民館図書室")


def test_return_finder_without_a_choice_shows_the_form(client):
    response = client.get("/libraries/return/")
    assert response.status_code == 200
    assert '<select id="return-from" name="from" required>' in response.content.decode()


@pytest.mark.parametrize(("value", "status"), [("abc", 400), ("", 400), ("-1", 400), ("1" * 30, 400), ("999999", 404)])
def test_return_finder_refuses_bad_input_with_the_form_and_a_message(client, value, status):
    response = client.get("/libraries/return/", {"from": value})
    assert response.status_code == status
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert "施設" in page_text(response) and ("選んでください" in html)
    assert "<title>エラー:" in html


def test_a_tamana_resident_sees_kumamoto_with_the_id_requirement(client):
    page = page_text(client.get("/libraries/eligibility/", {"resident": "432067"}))
    assert "玉名市に住んでいる人が使える図書館" in page
    assert "玉名市立図書館 お住まいの市町村の図書館です" in page
    kumamoto = page[page.index("熊本市立図書館 熊本市の図書館です") :]
    assert "施設数: 21 か所" in kumamoto
    assert "住所を確認できる証明書(運転免許証など)" in kumamoto
    assert "貸出期間は2週間" in kumamoto  # the lender's rules


def test_a_kumamoto_resident_sees_tamana_and_the_other_partners(client):
    page = page_text(client.get("/libraries/eligibility/", {"resident": "431001"}))
    assert "玉名市立図書館 玉名市の図書館です" in page
    assert "山鹿市の図書館" in page
    assert "このサイトでは確認できていません" in page  # what to bring is not sourced for partners


def test_a_resident_without_registered_libraries_is_told_so(client):
    page = page_text(client.get("/libraries/eligibility/", {"resident": "433641"}))
    assert "まだ登録されていません" in page


@pytest.mark.parametrize(("value", "status"), [("x", 400), ("", 400), ("43206", 400), ("999999", 404), ("131016", 404)])
def test_eligibility_refuses_bad_input_with_the_form_and_a_message(client, value, status):
    response = client.get("/libraries/eligibility/", {"resident": value})
    assert response.status_code == status
    assert 'aria-invalid="true"' in response.content.decode()
    assert '<select id="resident"' in response.content.decode()


def test_facilities_csv_has_the_24_standard_columns_and_one_row_per_location(client):
    response = client.get("/libraries/facilities.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows[0] == FACILITY_COLUMNS
    assert len(rows[0]) == 24
    assert len(rows) - 1 == Location.objects.count()
    assert all(len(row) == 24 for row in rows)
    by_name = {row[4]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    main = by_name["熊本市立図書館"]
    assert main["都道府県コード又は市区町村コード"] == "431001"
    assert main["住所"] == "熊本県熊本市中央区大江6-1-74"
    assert main["電話番号"] == "096-363-4522"
    assert main["名称_カナ"] == "クマモトシリツトショカン"
    assert main["緯度"] == "" and main["経度"] == ""  # unknown, never guessed
    assert by_name["玉名市民図書館"]["方書"] == "文化センター2階"


def test_municipality_page_lists_its_libraries(client):
    page = page_text(client.get("/areas/432067/"))
    assert "玉名市立図書館" in page and "天水図書館" in page
    assert "0968-75-1315" in page


def test_every_reference_row_passes_validation():
    from libraries.models import KindCount, MutualUseAgreement

    for row in [*LibrarySystem.objects.all(), *Location.objects.all(), *MutualUseAgreement.objects.all()]:
        row.full_clean()
        assert row.sources.exists(), f"{row} has no source"
    assert KindCount.objects.get(system__name="熊本市立図書館", kind="community_room").count == 15


@pytest.mark.parametrize(
    ("url", "field"),
    [("/libraries/eligibility/?resident=abc", "resident"), ("/libraries/return/?from=abc", "return-from")],
)
def test_a_finder_error_is_said_once_linked_to_its_required_field(client, url, field):
    html = client.get(url).content.decode()
    notice = html.split('class="notice notice-error"')[1].split("</div>")[0]
    assert f'href="#{field}"' in notice
    message = notice.split(">", 2)[2].split(" <a")[0]
    assert html.count(message) == 1
    assert f'id="{field}" name=' in html and 'required aria-invalid="true" aria-describedby="finder-error"' in html


def test_a_finder_result_has_no_heading_over_nothing(client):
    html = client.get("/libraries/eligibility/?resident=432067").content.decode()
    assert 'form-title">別の市町村で調べる</h2>' in html
    assert html.count("別の市町村で調べる") == 1
