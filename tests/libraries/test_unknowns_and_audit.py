"""Issue 21: unknowns said once with whom to ask, every member gets an answer, and the audit's
statements that went beyond the sources are gone (reference data, real pages)."""

import pytest

from areas.models import Municipality
from libraries.models import LibrarySystem, Location
from tests.helpers import page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def card(page: str, title: str) -> str:
    """The text of one eligibility answer, from its title to the next answer or the form."""
    start = page.index(f" {title} ")
    ends = [
        i
        for i in (page.find("施設の一覧", page.find("施設数", start) + 60), page.find("別の市町村で調べる", start))
        if i > 0
    ]
    return page[start : min(ends)]


def test_no_location_page_says_unknown_more_than_once_and_each_gives_one_way_to_ask(client):
    for location in Location.objects.select_related("system"):
        response = client.get(location.get_absolute_url())
        assert response.status_code == 200
        page = page_text(response)
        assert page.count("不明") <= 1, location.name
        assert page.count("このサイトでは確認できていません") <= 1, location.name
        html = response.content.decode()
        if "このサイトでは確認できていません" in page:
            assert 'href="tel:' in html or f'href="{location.system.website}"' in html, location.name


def test_a_location_with_unknown_hours_sends_the_resident_to_the_librarys_phone(client):
    room = Location.objects.get(name="中央公民館図書室")  # no phone of its own
    response = client.get(room.get_absolute_url())
    page = page_text(response)
    assert "電話番号、開館時間、休館日、返却ポストがあるかどうかは、このサイトでは確認できていません" in page
    assert "熊本市立図書館にお問い合わせください(電話 096-363-4522 )" in page
    assert 'href="tel:+81-96-363-4522"' in response.content.decode()


def test_every_member_gets_a_useful_answer_from_the_eligibility_finder(client):
    codes = list(Municipality.objects.values_list("code", flat=True))
    assert len(codes) == 24
    for code in codes:
        response = client.get("/libraries/eligibility/", {"resident": code})
        assert response.status_code == 200, code
        page = page_text(response)
        assert "まだ登録されていません" not in page.split("最終更新日")[0].split("サイトの運営者")[0], code
        assert "熊本県立図書館 熊本県の図書館です" in page, code
        answer = page.split("別の市町村で調べる")[0]
        assert answer.count("不明") == 0, code
        # Each answer names what is unknown once: never more ask lines than answers.
        assert answer.count("にお問い合わせください") <= answer.count("施設数:") + 1, code


def test_a_town_whose_only_sourced_option_is_the_prefectural_library_gets_that_answer(client):
    page = page_text(client.get("/libraries/eligibility/", {"resident": "433641"}))  # 玉東町
    assert "熊本県立図書館 熊本県の図書館です(構成市町村の図書館ではありません)" in page
    assert "健康保険証" in page and "10冊まで、15日間" in page
    # 熊本市立図書館's partner list is cut off: whether 玉東町 is on it is not known, and the page says so.
    assert "熊本市立図書館と相互利用できる市町村の一覧は、このサイトで読めた案内が途中で切れていました" in page
    assert "096-363-4522" in page


def test_an_unconfirmed_answer_says_so_once_with_the_phone(client):
    page = page_text(client.get("/libraries/eligibility/", {"resident": "431001"}))
    arao = card(page, "荒尾市の図書館")
    assert arao.count("このサイトでは確認できていません") == 1
    # What most partners leave unknown is named once above the answers; the card points to it, with its phone.
    assert "上にまとめたこと(借りた本を返せる場所など)は、このサイトでは確認できていません。" in arao
    answer = page.split("別の市町村で調べる")[0]
    unknown = "登録に必要なもの、貸出の期間と冊数、借りた本を返せる場所、電子図書館を使えるかどうか"
    assert answer.count(unknown) == 1
    assert answer.index(unknown) < answer.index(" 荒尾市の図書館 荒尾市の図書館です")
    assert "(電話 0968-57-7747 )" in arao
    assert "出かける前に図書館にお確かめください" in arao  # its own guide does not list 熊本市 residents (S61)


def test_a_partner_location_does_not_claim_returns_anywhere_while_unconfirmed(client):
    for name in ["荒尾市立図書館", "宇城市立図書館 三角分館", "菊池市中央図書館", "菊陽町図書館"]:
        page = page_text(client.get(Location.objects.get(name=name).get_absolute_url()))
        assert "どの施設にも返せます" not in page and "どこでも返せます" not in page, name
        assert "借りた本を返せる場所" in page, name


def test_an_own_library_card_does_not_claim_returns_only_there_unconfirmed(client):
    for code, title in [("434043", "菊陽町の図書館"), ("432041", "荒尾市の図書館"), ("432130", "宇城市の図書館")]:
        page = page_text(client.get("/libraries/eligibility/", {"resident": code}))
        own = card(page, title)
        assert "お住まいの市町村の図書館です" in own
        assert "しか返せません" not in own and "返せます" not in own, code
        assert "借りた本を返せる場所" in own, code


def test_partner_towns_get_kumamotos_rules_as_the_guide_states_them(client):
    guide = page_text(client.get("/libraries/"))
    assert "熊本市立図書館: 貸出期間は2週間" in guide
    for code in ["432041", "432105", "434035", "434418"]:  # 荒尾市, 菊池市, 大津町, 御船町
        page = page_text(client.get("/libraries/eligibility/", {"resident": code}))
        kumamoto = card(page, "熊本市立図書館")
        assert "貸出期間は2週間" in kumamoto, code
        assert "運転免許証、健康保険証、または3か月以内に届いた郵便物" in kumamoto, code
        assert "熊本市立図書館のどの施設にも返せます" in kumamoto, code
        assert "貸出の期間と冊数" not in kumamoto and "借りた本を返せる場所" not in kumamoto, code


def test_the_tamana_rules_are_not_written_as_if_they_held_for_every_agreement(client):
    arao = page_text(client.get("/libraries/eligibility/", {"resident": "432041"}))
    kumamoto = card(arao, "熊本市立図書館")
    assert "荒尾市の図書館には返せません" not in kumamoto  # the article says it of 玉名市 only
    assert "電子図書館は、この相互利用の対象外です" not in kumamoto
    assert "電子図書館を使えるかどうか" in kumamoto
    tamana = page_text(client.get("/libraries/eligibility/", {"resident": "432067"}))
    kumamoto = card(tamana, "熊本市立図書館")
    assert "玉名市の図書館には返せません" in kumamoto
    assert "電子図書館は、この相互利用の対象外です" in kumamoto
    guide = page_text(client.get("/libraries/"))
    assert "ほかの市町村の図書館には返せません" not in guide
    assert "玉名市に住む人が熊本市立図書館で借りた本は、玉名市の図書館には返せません" in guide


def test_kumamoto_locations_do_not_say_other_towns_refuse_their_books(client):
    for location in Location.objects.filter(system__name="熊本市立図書館"):
        page = page_text(client.get(location.get_absolute_url()))
        assert "ほかの市町村の図書館には返せません" not in page, location.name
        assert (
            "熊本市立図書館の21 か所(図書館 5 か所・公民館図書室 15 か所・情報資料室 1 か所)のどこでも返せます" in page
        )
        assert "このサイトに載せているのは、そのうち 9 か所です" in page
        assert "熊本市立図書館のウェブサイト" in page
    page = page_text(client.get("/libraries/return/", {"from": Location.objects.get(name="植木図書館").pk}))
    assert "熊本市立図書館の施設は全部で 21 か所(図書館 5 か所・公民館図書室 15 か所・情報資料室 1 か所)" in page
    assert "このサイトに載せているのはそのうち 9 か所です" in page
    refused = page.split("次の図書館には返せません。")[1].split("返せる施設")[0]
    assert "玉名市立図書館" in refused and "荒尾市" not in refused


def test_a_cut_off_source_list_is_not_presented_as_complete(client):
    kumamoto = page_text(client.get("/libraries/eligibility/", {"resident": "431001"}))
    assert "一覧は、このサイトで読めた案内が途中で切れていました。ここにない図書館も使えるかもしれません。" in kumamoto
    guide = page_text(client.get("/libraries/"))
    cut_off = "このサイトで読めた熊本市立図書館の案内は途中で切れていたため、"
    cut_off += "ここにない市町村の人も使えるかもしれません。"
    assert cut_off in guide
    assert "出典の途中まで" not in kumamoto + guide  # plain words, not the site's jargon


def test_yamaga_keeps_at_least_where_only_some_places_are_known(client):
    page = page_text(client.get("/libraries/eligibility/", {"resident": "431001"}))
    assert "施設数: 少なくとも 1 か所" in card(page, "山鹿市の図書館")
    assert "山鹿市の図書館(少なくとも 1 か所)" in page_text(client.get("/libraries/locations/"))


def test_the_prefectural_library_is_its_own_system_not_a_members(client):
    system = LibrarySystem.objects.get(name="熊本県立図書館")
    assert system.municipality is None and system.operator == "熊本県"
    page = page_text(client.get(Location.objects.get(name="熊本県立図書館").get_absolute_url()))
    assert "熊本県の図書館。構成市町村の図書館ではありません" in page
    assert "火曜日、毎月最終金曜日" in page and "返却ポスト あり" in page
    assert "開館時間は、このサイトでは確認できていません" in page  # hours are not sourced


def test_kikuyo_is_not_offered_to_kumamoto_residents(client):
    kumamoto = page_text(client.get("/libraries/eligibility/", {"resident": "431001"}))
    assert "菊陽町の図書館" not in kumamoto.split("別の市町村で調べる")[0]
    kikuchi = page_text(client.get("/libraries/eligibility/", {"resident": "432105"}))
    assert "在留カード" in card(kikuchi, "菊陽町の図書館")


def test_the_arao_arrangement_is_said_to_be_outside_this_area(client):
    page = page_text(client.get("/libraries/eligibility/", {"resident": "433675"}))  # 南関町
    arao = card(page, "荒尾市の図書館")
    assert "この相互利用は定住自立圏の取り組みです(熊本連携中枢都市圏の事業ではありません)。" in arao
    assert "(平成26年4月1日から)" in arao


def test_new_hours_from_the_addendum_are_shown(client):
    def text(name):
        return page_text(client.get(Location.objects.get(name=name).get_absolute_url()))

    assert "9:30〜19:00(土・日曜日と祝日は9:30〜18:00)" in text("熊本市立図書館")
    uki = text("宇城市立図書館")
    assert "9:00〜21:00(2023年12月時点)" in uki and "年中無休(2023年12月時点)" in uki
    ozu = text("大津町立おおづ図書館")
    assert "毎月第1金曜日" in ozu and "返却ポスト あり" in ozu
    assert "再開したかは確かめられていません" in text("宇城市立図書館 小川分館")
    assert "開館時間 " not in text("とみあい図書館")  # its source is cut off


def test_the_prefectural_library_in_open_data_names_its_operator_and_guesses_no_code(client):
    import csv
    import io

    rows = list(csv.reader(io.StringIO(client.get("/libraries/facilities.csv").content.decode("utf-8"))))
    row = dict(zip(rows[0], next(r for r in rows if r[4] == "熊本県立図書館"), strict=True))
    assert row["都道府県コード又は市区町村コード"] == ""
    assert (row["都道府県名"], row["団体名"], row["市区町村名"]) == ("熊本県", "熊本県", "")
    assert row["住所"] == "熊本県熊本市中央区出水2丁目5番1号"
