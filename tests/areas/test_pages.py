"""The public pages of the areas app, with the reference data."""

import re

import pytest
import time_machine

from tests.helpers import assert_shows, page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


@time_machine.travel("2026-11-25 12:00 +0900")
def test_home_counts_members_today_and_since_when(client):
    page = page_text(client.get("/"))
    assert "24 市町村(令和7年3月27日から)" in page  # the last change, not today's date
    assert "平成28年3月30日(2016年3月30日)に 17 市町村で発足" in page
    for pillar in ["圏域全体の経済成長のけん引", "高次の都市機能の集積・強化", "圏域全体の生活関連機能サービスの向上"]:
        assert pillar in page
    html = client.get("/").content.decode()
    assert 'href="/projects/library-mutual-use/"' in html
    assert 'href="/projects/line-counseling/"' in html


@time_machine.travel("2023-11-01 12:00 +0900")
def test_home_counts_20_members_when_the_article_was_written(client):
    assert "20 市町村(令和5年10月24日から)" in page_text(client.get("/"))


def test_member_list_shows_every_member_with_reading_and_dates(client):
    response = client.get("/areas/")
    assert response.status_code == 200
    page = page_text(response)
    assert_shows(
        page,
        "24 の市町村で構成されています",
        "玉名市 たまなし",
        "和水町 なごみまち",
        "町 玉名郡",
        "令和5年10月24日 2023年10月24日",
        "738,865",
        "合計(24 市町村) 1,359,986 3,534.82",
    )


def _row_names(response) -> list[str]:
    return re.findall(r'<th scope="row">\s*<a href="/areas/\d{6}/">([^<]+)</a>', response.content.decode())


def test_member_list_sorts_by_population_and_marks_the_column(client):
    response = client.get("/areas/?sort=population")
    names = _row_names(response)
    assert names[:2] == ["熊本市", "玉名市"]
    assert names[-1] == "玉東町"
    html = response.content.decode()
    assert (
        'aria-sort="descending"><a href="?sort=population#members" aria-current="true">'
        '人口<span class="sort-arrow" aria-hidden="true">▼</span><span class="sort-order">(多い順)</span>'
    ) in html
    assert html.count("aria-sort=") == 1 and html.count("sort-arrow") == 1
    assert "いまの並び: 人口の多い順" in page_text(response)


@pytest.mark.parametrize(
    ("sort", "first", "last"),
    [
        ("code", "熊本市", "山都町"),
        ("kana", "阿蘇市", "山都町"),
        ("area", "山都町", "嘉島町"),
        ("joined", "熊本市", "和水町"),
    ],
)
def test_member_list_sort_orders(client, sort, first, last):
    names = _row_names(client.get(f"/areas/?sort={sort}"))
    assert (names[0], names[-1], len(names)) == (first, last, 24)


@pytest.mark.parametrize("sort", ["nope", "", "population;drop", "-code", "%00"])
def test_an_unknown_sort_key_gives_the_default_order(client, sort):
    response = client.get("/areas/", {"sort": sort})
    assert response.status_code == 200
    assert _row_names(response)[0] == "熊本市"
    assert _row_names(response)[1] == "荒尾市"  # 432041 comes right after 431001


def test_municipality_page_shows_facts_with_sources(client):
    page = page_text(client.get("/areas/432067/"))
    assert "玉名市" in page and "たまなし" in page
    assert_shows(
        page,
        "432067",
        "令和5年10月24日",
        "64,292 人",
        "152.60 km²",
        "令和4年7月1日時点",
        "出典: 総務省統計局",
        "熊本市と玉名市の図書館相互利用",
    )


def test_municipality_page_of_a_town_names_its_district(client):
    page = page_text(client.get("/areas/433691/"))
    assert "和水町" in page and "町(玉名郡)" in page
    assert "参加している連携事業は、まだ登録されていません" in page


def test_area_marked_as_provisional_says_so(client):
    assert "境界の一部が未定のため参考値" in page_text(client.get("/areas/432148/"))


@pytest.mark.parametrize("code", ["999999", "432068", "abc", "4320670", "43206"])
def test_unknown_or_malformed_code_gives_404(client, code):
    response = client.get(f"/areas/{code}/")
    assert response.status_code == 404
    assert "ページが見つかりません" in response.content.decode()


def test_history_shows_each_join_with_the_change(client):
    page = page_text(client.get("/areas/history/"))
    assert "令和5年10月24日 : 玉名市 (19 → 20 市町村)" in page
    assert "令和7年3月27日 : 荒尾市、南関町、長洲町、和水町 (20 → 24 市町村)" in page
    tamana = page[page.index("玉名市の加入による圏域の変化") :]
    assert "市町村数 19 20 +1" in tamana
    assert "人口(人) 1,211,169 1,275,461 +64,292" in tamana
    assert "面積(km²) 3,137.71 3,290.31 +152.60" in tamana


def test_history_shows_the_founding(client):
    page = page_text(client.get("/areas/history/"))
    assert "平成28年3月30日(2016年3月30日) 圏域の発足" in page
    assert "発足時の構成市町村(17)" in page
    assert "平成28年3月30日 : " in page and " (17 市町村で発足)" in page
    founding = page[page.index("発足時の圏域") :]
    assert founding.startswith("発足時の圏域 項目 発足時 市町村数 17 人口(人) ")
    assert "0 → 17" not in page and "加入前 0" not in page


def test_policy_page_lists_pillars_groups_and_all_fields(client):
    response = client.get("/policy/")
    page = page_text(response)
    assert "生活機能の強化に係る政策分野" in page
    assert "21. 機関等の共同設置" in page
    assert "6次産業化及び農商工連携の推進" in page
    assert response.content.decode().count('href="/policy/3/') == 21


def test_policy_field_page(client):
    page = page_text(client.get("/policy/3/14/"))
    assert "持続可能な地域公共交通網の形成" in page
    assert "結び付きネットワークの強化に係る政策分野" in page
    assert "バスや鉄道など、続けられる地域の公共交通をつくる分野です。" in page  # explains the field
    assert "どの連携事業がこの項目にあたるかは、出典で確かめられていないため" in page
    assert "まだありません" not in page


@pytest.mark.parametrize(
    "url", ["/policy/3/22/", "/policy/4/1/", "/policy/1/4/", "/policy/0/0/", "/policy/99999999999/1/"]
)
def test_unknown_policy_field_gives_404(client, url):
    assert client.get(url).status_code == 404


def test_project_page(client):
    page = page_text(client.get("/projects/library-mutual-use/"))
    assert_shows(
        page,
        "実施中",
        "政策分野 出典で確かめられていないため、載せていません",
        "開始日 出典で確かめられていません",
        "玉名市 コミュニティ推進課",
    )
    html = client.get("/projects/library-mutual-use/").content.decode()
    assert 'href="tel:+81-968-75-1312"' in html


def test_unknown_project_gives_404(client):
    assert client.get("/projects/no-such-project/").status_code == 404


def test_project_list(client):
    page = page_text(client.get("/projects/"))
    assert "出典で確かめられた 5 件を紹介しています(圏域のすべての事業ではありません)" in page


def test_an_unknown_population_shows_as_unknown_and_flags_the_total(client):
    from areas.models import Municipality

    Municipality.objects.filter(code="433691").update(population=None)
    page = page_text(client.get("/areas/"))
    assert "和水町 なごみまち 433691 町 玉名郡 不明" in page
    assert "合計(24 市町村) 不明 (和水町の値が不明)" in page
    history = page_text(client.get("/areas/history/"))
    assert "人口(人) 1,275,461 不明 (和水町の値が不明) 不明" in history
    assert "人口 不明" in page_text(client.get("/areas/433691/"))
