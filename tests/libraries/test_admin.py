"""Staff edit libraries in the admin: locations inline, validated phones and postal codes."""

import pytest

from kumamoto_portal.models import Source
from libraries.models import LibrarySystem, Location

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_libraries", "source")]


def location_form(**changes) -> dict[str, str]:
    system = LibrarySystem.objects.get(name="玉名市立図書館")
    fields = {
        "system": str(system.pk),
        "name": "新しい分館",
        "kana": "あたらしいぶんかん",
        "kind": "library",
        "postal_code": "865-0051",
        "address": "玉名市繁根木88-1",
        "phone": "0968-75-1315",
        "has_return_box": "unknown",
        "display_order": "50",
        "sources": str(Source.objects.get(code="T01").pk),
    }
    return {**fields, **changes}


def test_staff_can_add_a_location(staff):
    response = staff.post("/admin/libraries/location/add/", location_form())
    assert response.status_code == 302
    assert Location.objects.filter(name="新しい分館").exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"phone": "75-1315"}, "日本の電話番号として正しくありません"),
        ({"phone": "電話"}, "電話番号として読み取れません"),
        ({"postal_code": "8650051"}, "郵便番号は「123-4567」の形"),
        ({"name": "天水図書館"}, "既に存在します"),
    ],
)
def test_bad_location_data_is_refused_with_a_reason(staff, change, message):
    before = Location.objects.count()
    response = staff.post("/admin/libraries/location/add/", location_form(**change))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Location.objects.count() == before


def test_an_agreement_for_the_residents_own_system_is_refused(staff):
    system = LibrarySystem.objects.get(name="玉名市立図書館")
    data = {"home_municipality": str(system.municipality_id), "system": str(system.pk)}
    response = staff.post("/admin/libraries/mutualuseagreement/add/", data)
    assert "自分の市町村の図書館は" in response.content.decode()


@pytest.mark.parametrize("query", ["植木", "てんすい"])
def test_staff_find_locations_by_name_and_reading(staff, query):
    response = staff.get("/admin/libraries/location/", {"q": query})
    assert response.status_code == 200
    assert response.content.decode().count('class="field-name"') == 1


def test_system_page_shows_its_locations_inline(staff):
    system = LibrarySystem.objects.get(name="熊本市立図書館")
    html = staff.get(f"/admin/libraries/librarysystem/{system.pk}/change/").content.decode()
    assert "植木図書館" in html and "河内公民館図書室" in html


@pytest.mark.parametrize(
    "url", ["/admin/libraries/location/?kind__exact=community_room", "/admin/libraries/mutualuseagreement/"]
)
def test_admin_lists_open(staff, url):
    assert staff.get(url).status_code == 200
