"""Staff edit the area in the admin: bad data is refused with a reason, nothing saved."""

import pytest

from areas.models import Municipality

pytestmark = pytest.mark.django_db

GOOD = {
    "code": "433489",
    "name": "美里町",
    "kana": "みさとまち",
    "kind": "町",
    "district": "下益城郡",
    "joined_on": "2016-03-30",
    "population": "9392",
    "population_reference": "令和2年国勢調査",
    "area_km2": "144.00",
}


@pytest.fixture
def good(source) -> dict[str, str]:
    return {**GOOD, "sources": str(source.pk)}


def test_staff_can_add_a_member(staff, good, source):
    response = staff.post("/admin/areas/municipality/add/", good)
    assert response.status_code == 302
    saved = Municipality.objects.get(code="433489")
    assert saved.history.first().history_user.username == "clerk"
    assert list(saved.sources.all()) == [source]


def test_a_member_without_a_source_is_refused_and_nothing_is_saved(staff):
    response = staff.post("/admin/areas/municipality/add/", GOOD)
    assert response.status_code == 200
    assert "出典を1つ以上選んでください" in response.content.decode()
    assert not Municipality.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"code": "433480"}, "(検査数字)が正しくありません"),
        ({"code": "43348"}, "半角数字6桁"),
        ({"population": "-5"}, "0 以上"),
        ({"area_km2": "-1"}, "面積に負の値は入力できません"),
        ({"joined_on": "2999-01-01"}, "未来の日付"),
        ({"district": ""}, "郡を入力してください"),
        ({"kana": "ミサトマチ"}, "ひらがなで入力してください"),
    ],
)
def test_bad_data_is_refused_with_a_reason_and_nothing_is_saved(staff, good, change, message):
    response = staff.post("/admin/areas/municipality/add/", {**good, **change})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Municipality.objects.exists()


@pytest.mark.usefixtures("small_area")
@pytest.mark.parametrize("query", ["玉名", "たまな", "432067"])
def test_staff_find_a_member_by_name_reading_or_code(staff, query):
    response = staff.get("/admin/areas/municipality/", {"q": query})
    assert "玉名市" in response.content.decode()
    assert "熊本市" not in response.content.decode().split("result_list")[1]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/areas/municipality/?kind__exact=村",
        "/admin/areas/pillar/{pillar}/change/",
        "/admin/areas/policyfield/",
        "/admin/areas/cooperationproject/?status__exact=active",
        "/admin/areas/cooperationproject/{project}/change/",
        "/admin/areas/municipality/{tamana}/history/",
    ],
)
def test_admin_pages_open(staff, small_area, url):
    ids = {name: row.pk for name, row in small_area.items()}
    assert staff.get(url.format(**ids)).status_code == 200


@pytest.mark.usefixtures("small_area")
def test_the_admin_speaks_japanese(staff):
    html = staff.get("/admin/").content.decode()
    assert "構成市町村" in html and "連携事業" in html and "熊本連携中枢都市圏ポータル 管理画面" in html
