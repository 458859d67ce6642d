"""Clerks per municipality: a 玉名市 clerk works on 玉名市's libraries and notices only."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import timezone

from areas.clerks import town_ids
from areas.models import Clerk, Municipality
from libraries.models import LibrarySystem, Location, MutualUseAgreement
from notices.models import Notice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]
TAMANA, KUMAMOTO = "432067", "431001"
PASSWORD = "tamana-Clerk-pass-2026"


@pytest.fixture
def clerk(client, cast):
    """Signed in as 玉名市's clerk of the cast (tests/conftest.py CAST)."""
    client.force_login(cast["tamana-clerk"])
    return client


def _sign_in(client, username, password):
    response = client.post("/admin/login/?next=/admin/", {"username": username, "password": password})
    assert response.status_code == 302 and response["Location"] == "/admin/"


def _ids(model, code):
    return list(model.objects.filter(**{_town(model) + "__code": code}).values_list("pk", flat=True))


def _town(model):
    return {LibrarySystem: "municipality", Location: "system__municipality"}.get(model, "system__municipality")


def test_create_clerk_makes_a_staff_account_in_the_clerk_role(client, monkeypatch, django_user_model):
    monkeypatch.setenv("CLERK_PASSWORD", PASSWORD)
    call_command("create_clerk", "tamana", TAMANA, stdout=io.StringIO())
    _sign_in(client, "tamana", PASSWORD)
    user = django_user_model.objects.get(username="tamana")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["市町村担当"]
    assert town_ids(user) == {Municipality.objects.get(code=TAMANA).pk}


def test_create_clerk_prints_a_password_once_when_none_is_given(monkeypatch, capsys, client):
    monkeypatch.delenv("CLERK_PASSWORD", raising=False)
    call_command("create_clerk", "kikuchi", "432105", "432113")
    out = capsys.readouterr().out
    password = out.split("初期パスワード(この一度だけ表示します): ")[1].strip()
    _sign_in(client, "kikuchi", password)
    assert sorted(Clerk.objects.get(user__username="kikuchi").municipalities.values_list("name", flat=True)) == [
        "宇土市",
        "菊池市",
    ]


def test_create_clerk_refuses_an_unknown_code():
    with pytest.raises(CommandError, match="999999"):
        call_command("create_clerk", "nobody", "999999")


def test_the_roles_are_made_by_the_data_migration():
    """What `migrate` runs (kumamoto_portal/migrations/0003_staff_roles.py) makes every role,
    so a deploy that only migrates has them."""
    from importlib import import_module
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    Group.objects.all().delete()
    migration = import_module("kumamoto_portal.migrations.0003_staff_roles")
    migration.create_roles(apps, SimpleNamespace(connection=connection))  # it only reads the connection
    names = set(Group.objects.values_list("name", flat=True))
    assert {"圏域担当", "図書館担当", "相談窓口担当", "お知らせ担当", "市町村担当"} <= names
    assert Group.objects.get(name="図書館担当").permissions.filter(name="施設を変更できる").exists()
    clerk_role = Group.objects.get(name="市町村担当").permissions
    assert clerk_role.filter(codename="change_location").exists()
    assert not clerk_role.filter(content_type__app_label__in=["areas", "counseling"]).exists()


def test_clerk_lists_only_their_towns_libraries(clerk):
    html = clerk.get("/admin/libraries/librarysystem/").content.decode()
    assert "玉名市立図書館" in html and "熊本市立図書館" not in html
    locations = clerk.get("/admin/libraries/location/").content.decode()
    assert "玉名市民図書館" in locations and "植木図書館" not in locations


def test_clerk_changes_their_own_library(clerk):
    location = Location.objects.get(name="玉名市民図書館")
    assert clerk.get(f"/admin/libraries/location/{location.pk}/change/").status_code == 200


@pytest.mark.parametrize("model", [LibrarySystem, Location, MutualUseAgreement])
@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_another_towns_rows_answer_403(clerk, model, view):
    pk = _ids(model, KUMAMOTO)[0]
    response = clerk.get(f"/admin/libraries/{model._meta.model_name}/{pk}/{view}/")
    assert response.status_code in (403, 404)
    if response.status_code == 403:
        html = response.content.decode()
        assert "この操作はできません" in html and "ログアウト" in html  # an admin page, not the public one


def test_clerk_cannot_post_a_change_to_another_towns_row(clerk):
    location = Location.objects.filter(system__municipality__code=KUMAMOTO).first()
    response = clerk.post(f"/admin/libraries/location/{location.pk}/change/", {"name": "書き換え"})
    assert response.status_code == 403
    location.refresh_from_db()
    assert location.name != "書き換え"


def test_clerk_choice_lists_offer_only_their_town(clerk):
    html = clerk.get("/admin/libraries/librarysystem/add/").content.decode()
    select = html.split('name="municipality"')[1].split("</select>")[0]
    assert "玉名市" in select and "熊本市" not in select
    location_form = clerk.get("/admin/libraries/location/add/").content.decode()
    systems = location_form.split('name="system"')[1].split("</select>")[0]
    assert "玉名市立図書館" in systems and "熊本市立図書館" not in systems
    notice_form = clerk.get("/admin/notices/notice/add/").content.decode()
    towns = notice_form.split('name="municipalities"')[1].split("</select>")[0]
    assert "玉名市" in towns and "熊本市" not in towns


def test_clerk_cannot_move_a_row_to_another_town(clerk):
    system = LibrarySystem.objects.get(municipality__code=TAMANA)
    kumamoto = Municipality.objects.get(code=KUMAMOTO)
    response = clerk.post(
        f"/admin/libraries/librarysystem/{system.pk}/change/", {"name": system.name, "municipality": kumamoto.pk}
    )
    assert response.status_code == 200  # the form is shown again with the error
    assert "正しく選択してください" in response.content.decode()
    system.refresh_from_db()
    assert system.municipality.code == TAMANA


@pytest.mark.parametrize(
    "url",
    [
        "/admin/areas/municipality/",
        "/admin/areas/policyfield/",
        "/admin/areas/cooperationproject/",
        "/admin/counseling/service/",
        "/admin/counseling/crisisline/",
    ],
)
def test_clerk_cannot_reach_area_wide_admin_pages(clerk, url):
    assert clerk.get(url).status_code == 403


def test_clerk_sees_only_notices_of_their_town_and_must_link_one(clerk):
    now = timezone.now()
    tamana = Notice.objects.create(title="玉名のお知らせ", body="本文", published_at=now, office="玉名市")
    tamana.municipalities.add(Municipality.objects.get(code=TAMANA))
    kumamoto = Notice.objects.create(title="熊本のお知らせ", body="本文", published_at=now, office="熊本市")
    kumamoto.municipalities.add(Municipality.objects.get(code=KUMAMOTO))
    html = clerk.get("/admin/notices/notice/").content.decode()
    assert "玉名のお知らせ" in html and "熊本のお知らせ" not in html
    assert clerk.get(f"/admin/notices/notice/{kumamoto.pk}/change/").status_code == 403
    day = (now + timedelta(days=1)).astimezone(timezone.get_current_timezone())
    response = clerk.post(
        "/admin/notices/notice/add/",
        {
            "title": "町なし",
            "body": "本文",
            "published_at_0": day.strftime("%Y-%m-%d"),
            "published_at_1": "09:00",
            "office": "玉名市",
        },
    )
    assert response.status_code == 200 and not Notice.objects.filter(title="町なし").exists()
    assert "このフィールドは必須です" in response.content.decode()


def test_a_clerk_saving_a_shared_notice_keeps_the_other_towns_links(clerk):
    from tests.helpers import form_data

    notice = Notice.objects.create(title="共同のお知らせ", body="本文", published_at=timezone.now(), office="玉名市")
    notice.municipalities.add(*Municipality.objects.filter(code__in=[TAMANA, KUMAMOTO]))
    url = f"/admin/notices/notice/{notice.pk}/change/"
    data = {**form_data(clerk.get(url).content.decode(), "notice_form"), "title": "共同のお知らせ(更新)"}
    assert clerk.post(url, data).status_code == 302
    notice.refresh_from_db()
    assert notice.title == "共同のお知らせ(更新)"
    assert sorted(notice.municipalities.values_list("code", flat=True)) == [KUMAMOTO, TAMANA]


def test_running_the_roles_migration_leaves_the_app_registry_as_it_was():
    """The migration marks apps as having models while it makes permissions; it must put back what was
    there, or later post_migrate handlers (after any flush) would skip every app and make no permissions."""
    from importlib import import_module
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    before = {config.label: config.models_module for config in apps.get_app_configs()}
    import_module("kumamoto_portal.migrations.0003_staff_roles").create_roles(
        apps, SimpleNamespace(connection=connection)
    )
    assert {config.label: config.models_module for config in apps.get_app_configs()} == before
