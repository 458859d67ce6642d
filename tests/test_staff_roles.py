"""Staff see and edit only what their role allows."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def librarian(client, cast):
    client.force_login(cast["library-staff"])
    return client


@pytest.mark.parametrize(
    ("name", "allowed", "refused"),
    [
        ("area-staff", "/admin/areas/cooperationproject/", "/admin/libraries/location/"),
        ("library-staff", "/admin/libraries/location/", "/admin/counseling/service/"),
        ("counseling-staff", "/admin/counseling/service/", "/admin/notices/notice/add/"),
        ("notice-staff", "/admin/notices/notice/", "/admin/areas/cooperationproject/"),
        ("tamana-clerk", "/admin/libraries/location/", "/admin/areas/municipality/"),
    ],
)
def test_each_role_of_the_cast_opens_its_own_pages_only(client, cast, name, allowed, refused):
    client.force_login(cast[name])
    assert client.get(allowed).status_code == 200
    assert client.get(refused).status_code == 403


def test_a_librarian_edits_libraries(librarian):
    assert librarian.get("/admin/libraries/location/").status_code == 200
    assert librarian.get("/admin/libraries/librarysystem/1/change/").status_code == 200


def test_a_librarian_cannot_touch_counseling_or_projects(librarian):
    assert librarian.get("/admin/counseling/service/1/change/").status_code == 403
    assert librarian.get("/admin/areas/cooperationproject/").status_code == 403


def test_a_librarian_may_only_view_municipalities(librarian):
    assert librarian.get("/admin/areas/municipality/").status_code == 200
    response = librarian.post("/admin/areas/municipality/1/change/", {"name": "x"})
    assert response.status_code == 403


def test_a_librarian_finds_and_adds_sources_but_cannot_change_them(librarian):
    found = librarian.get(
        "/admin/autocomplete/",
        {"term": "相互利用", "app_label": "libraries", "model_name": "location", "field_name": "sources"},
    )
    assert found.status_code == 200
    assert [row["text"] for row in found.json()["results"]] == [
        "[S16] 近隣市町村相互利用について(熊本市立図書館)",
        "[S62] 図書館相互利用サービスの開始について(平成26年4月1日から)(荒尾市)",
    ]
    assert librarian.get("/admin/kumamoto_portal/source/add/").status_code == 200
    assert librarian.post("/admin/kumamoto_portal/source/16/change/", {"title": "x"}).status_code == 403


def test_roles_can_be_set_up_again_without_losing_manual_additions():
    call_command("setup_staff_roles", verbosity=0)
    group = Group.objects.get(name="相談窓口担当")
    extra = Group.objects.get(name="圏域担当").permissions.exclude(content_type__app_label="counseling").first()
    group.permissions.add(extra)
    call_command("setup_staff_roles", verbosity=0)
    assert group.permissions.filter(pk=extra.pk).exists()
    assert group.permissions.filter(codename="change_weeklysession").exists()
