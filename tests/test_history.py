"""The edit history staff use: first records from the reference load, one record per save
with the final sources and the inline changes, who made it (kept after the account is
gone), revert to an earlier version (recorded as one) and restore of deleted rows."""

import re

import pytest
from django.contrib.auth.models import User

from counseling.models import Service
from kumamoto_portal.admin.history import SAVED_FOR_RESIDENTS
from kumamoto_portal.history import REFERENCE_REASON
from kumamoto_portal.models import Source
from libraries.models import Location
from tests.helpers import form_data, page_text, service_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("editor", password="x-long-test-password")
    client.force_login(user)
    return client


def _change(client, location: Location, **changes):
    url = f"/admin/libraries/location/{location.pk}/change/"
    data = {**form_data(client.get(url).content.decode(), "location_form"), **changes}
    return client.post(url, data, follow=True)


def test_the_reference_load_records_each_rows_first_state_with_its_sources():
    location = Location.objects.get(name="玉名市民図書館")
    (first,) = location.history.all()
    assert first.history_type == "+" and first.history_change_reason == REFERENCE_REASON
    assert [row.source_id for row in first.sources.all()] == list(location.sources.values_list("pk", flat=True))
    assert all(Source.history.filter(code=s.code).exists() for s in Source.objects.all())


def test_a_save_makes_one_record_with_the_final_sources_and_tells_when_residents_see_it(editor):
    location = Location.objects.get(name="玉名市民図書館")
    response = _change(editor, location, opening_hours="9:00〜18:00", sources=["16", "17"])
    assert SAVED_FOR_RESIDENTS in page_text(response)
    latest, _first = location.history.all()
    assert latest.history_type == "~" and latest.history_user_name == "editor"
    assert sorted(row.source_id for row in latest.sources.all()) == [16, 17]
    assert latest.opening_hours == "9:00〜18:00"


def test_revert_restores_the_exact_earlier_values_sources_included_and_is_recorded(editor):
    location = Location.objects.get(name="玉名市民図書館")
    before = {f.attname: getattr(location, f.attname) for f in Location._meta.concrete_fields}
    before_sources = sorted(location.sources.values_list("pk", flat=True))
    _change(editor, location, name="玉名市民図書館(仮)", phone="0968-00-0000", sources=["16"])
    first = location.history.earliest()

    confirm = editor.get(f"/admin/libraries/location/{location.pk}/history/{first.pk}/revert/")
    assert "玉名市民図書館(仮)" in page_text(confirm) and "戻した後" in page_text(confirm)
    response = editor.post(f"/admin/libraries/location/{location.pk}/history/{first.pk}/revert/", follow=True)
    assert "の版に戻しました" in page_text(response)

    location.refresh_from_db()
    assert {f.attname: getattr(location, f.attname) for f in Location._meta.concrete_fields} == before
    assert sorted(location.sources.values_list("pk", flat=True)) == before_sources
    revert = location.history.latest()
    assert revert.history_change_reason.endswith("の版に戻しました") and revert.history_user_name == "editor"
    assert sorted(row.source_id for row in revert.sources.all()) == before_sources


def test_a_deleted_row_can_be_restored(editor):
    location = Location.objects.get(name="玉名市民図書館")
    values = {f.attname: getattr(location, f.attname) for f in Location._meta.concrete_fields}
    sources = sorted(location.sources.values_list("pk", flat=True))
    editor.post(f"/admin/libraries/location/{location.pk}/delete/", {"post": "yes"})
    assert not Location.objects.filter(pk=location.pk).exists()

    html = editor.get("/admin/libraries/location/deleted/").content.decode()
    assert "玉名市民図書館" in html and "editor" in html
    revert_url = re.search(r'href="(/admin/libraries/location/\d+/history/\d+/revert/)"', html)[1]
    assert "削除された「玉名市民図書館」" in page_text(editor.get(revert_url))
    editor.post(revert_url)
    restored = Location.objects.get(pk=location.pk)
    assert {f.attname: getattr(restored, f.attname) for f in Location._meta.concrete_fields} == values
    assert sorted(restored.sources.values_list("pk", flat=True)) == sources
    assert "削除したデータ" in page_text(editor.get("/admin/libraries/location/"))


def test_inline_rows_added_or_removed_show_in_the_parents_history(editor):
    service = Service.objects.get()
    data = service_form(service, extra_sessions=[{"date": "2026-12-02", "start": "10:00", "end": "12:00"}])
    editor.post(f"/admin/counseling/service/{service.pk}/change/", data)
    latest = service.history.latest()
    assert "臨時の受付を追加" in latest.history_change_reason and latest.history_user_name == "editor"
    history = page_text(editor.get(f"/admin/counseling/service/{service.pk}/history/"))
    assert "臨時の受付を追加" in history and "editor" in history


def test_a_deleted_accounts_name_stays_on_its_edits(editor):
    location = Location.objects.get(name="玉名市民図書館")
    _change(editor, location, opening_hours="10:00〜17:00")
    User.objects.get(username="editor").delete()
    assert location.history.latest().history_user_name == "editor"


ENGLISH_UI = re.compile(
    r"\b(Choose a date|Revert|REVERT|Changed by|CHANGED BY|Date/time|History|Comment|entries|None|"
    r"View on site|Change reason|Close|Object|Add |Home|Log out|Welcome|Axes|AXES|Access attempt|Access log|"
    r"historical|Can (add|change|delete|view))"
)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/libraries/location/{pk}/history/",
        "/admin/libraries/location/{pk}/history/{version}/revert/",
        "/admin/libraries/location/{pk}/history/{version}/",
        "/admin/libraries/location/deleted/",
        "/admin/auth/group/{group}/change/",
        "/admin/libraries/location/{pk}/delete/",
        "/admin/axes/accessattempt/",
    ],
)
def test_history_revert_and_admin_index_pages_have_no_english_ui(editor, url):
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    call_command("setup_staff_roles", verbosity=0)
    group = Group.objects.get(name="図書館担当").pk  # the permission names
    location = Location.objects.get(name="玉名市民図書館")
    _change(editor, location, opening_hours="10:00〜17:00")
    response = editor.get(url.format(pk=location.pk, version=location.history.earliest().pk, group=group))
    assert response.status_code == 200
    assert ENGLISH_UI.findall(page_text(response)) == []


def test_the_compiled_japanese_strings_match_their_source():
    import gettext
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "locale" / "ja" / "LC_MESSAGES"
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', (folder / "django.po").read_text(encoding="utf-8"), re.M)
    with (folder / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    assert len(pairs) > 30
    assert [(msgid, compiled.gettext(msgid)) for msgid, _ in pairs] == pairs


@pytest.mark.parametrize(
    "url",
    [
        "/admin/libraries/location/abc/history/",
        "/admin/libraries/location/abc/history/1/",
        "/admin/libraries/location/abc/history/1/revert/",
        "/admin/libraries/location/999999/history/",
        "/admin/libraries/location/1/history/99999/revert/",
    ],
)
def test_history_addresses_with_a_bad_id_answer_404(editor, url):
    assert editor.get(url).status_code == 404
