"""`load_reference_data`: idempotent, and never overwrites what staff edited.
`export_reference_data`: writes the fixtures back, every row with its source."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from areas.models import CooperationProject, Municipality
from counseling.models import Closure, Menu, Service, WeeklySession

pytestmark = pytest.mark.django_db


def load(*args: str) -> str:
    out = StringIO()
    call_command("load_reference_data", *args, stdout=out)
    return out.getvalue()


def test_first_load_creates_every_row():
    output = load()
    assert "areas.Municipality: 24 件を登録" in output
    assert Municipality.objects.count() == 24


def test_loading_again_changes_nothing():
    load()
    output = load()
    assert "新規 0 件" in output
    assert Municipality.objects.count() == 24


def test_a_staff_edit_survives_a_reload():
    load()
    Municipality.objects.filter(code="432067").update(population=70000)
    CooperationProject.objects.filter(slug="line-counseling").update(summary="職員が書き直した概要")
    load()
    assert Municipality.objects.get(code="432067").population == 70000
    assert CooperationProject.objects.get(slug="line-counseling").summary == "職員が書き直した概要"


def test_a_row_staff_deleted_stays_deleted():
    load()
    Municipality.objects.get(code="433691").delete()  # as the admin's delete does
    output = load()
    assert not Municipality.objects.filter(code="433691").exists()
    assert "職員が削除したため登録しない 1 件" in output


def test_rows_deleted_with_their_parent_stay_deleted():
    load()
    service = Service.objects.get()
    children = service.menus.count() + service.weekly_sessions.count() + service.closures.count()
    service.delete()  # its menus, sessions and closures go with it
    output = load()
    assert not Service.objects.exists()
    assert not Menu.objects.exists() and not WeeklySession.objects.exists() and not Closure.objects.exists()
    assert f"職員が削除したため登録しない {1 + children} 件" in output


def test_include_deleted_brings_deleted_rows_back():
    load()
    Municipality.objects.get(code="433691").delete()
    load("--include-deleted")
    assert Municipality.objects.filter(code="433691").exists()


def test_dry_run_saves_nothing():
    output = load("--dry-run")
    assert "登録予定" in output
    assert not Municipality.objects.exists()


def test_new_rows_get_ids_after_the_loaded_ones():
    load()
    created = CooperationProject.objects.create(title="新事業", slug="new", summary="x")
    assert created.pk > 2  # the sequence moved past the fixture ids (PostgreSQL)


FIXTURES = sorted((Path(settings.BASE_DIR) / "fixtures").glob("*.json"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_fixture_row_names_its_source(path):
    rows = json.loads(path.read_text(encoding="utf-8"))
    content = [row for row in rows if row["model"] != "kumamoto_portal.source"]
    assert [(row["model"], row["pk"]) for row in content if not row["fields"].get("sources")] == []
    assert "[S" not in json.dumps([row["fields"].get("title", "") for row in rows], ensure_ascii=False)


def export(tmp_path) -> str:
    out = StringIO()
    call_command("export_reference_data", output_dir=tmp_path, stdout=out)
    return out.getvalue()


def test_export_after_load_gives_back_the_fixtures_unchanged(tmp_path):
    load()
    export(tmp_path)
    for path in FIXTURES:
        assert (tmp_path / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), path.name


def test_export_carries_a_staff_correction(tmp_path):
    load()
    Municipality.objects.filter(code="432067").update(website="https://www.city.tamana.lg.jp/example/")
    export(tmp_path)
    rows = json.loads((tmp_path / "areas.json").read_text(encoding="utf-8"))
    tamana = next(row for row in rows if row["fields"].get("code") == "432067")
    assert tamana["fields"]["website"] == "https://www.city.tamana.lg.jp/example/"


def test_export_refuses_a_row_without_source_and_writes_nothing(tmp_path):
    load()
    CooperationProject.objects.get(slug="library-mutual-use").sources.clear()
    with pytest.raises(CommandError, match="出典が空の行があります"):
        export(tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def newer_fixtures(tmp_path, monkeypatch):
    """A copy of fixtures/ to edit as a newer release of the reference data would."""
    from kumamoto_portal import reference

    for path in Path(settings.BASE_DIR, "fixtures").glob("*.json"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(reference, "FIXTURE_DIR", tmp_path)

    def edit(name: str, model: str, pk, **fields) -> None:
        rows = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        row = next(r for r in rows if r["model"] == model and r["pk"] == pk)
        row["fields"].update(fields)
        (tmp_path / name).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")

    return edit


def test_a_newer_fixture_reaches_rows_staff_never_edited(newer_fixtures):
    from kumamoto_portal.history import REFRESH_REASON

    load()
    newer_fixtures("areas.json", "areas.municipality", 3, website="https://www.city.tamana.lg.jp/new/")
    output = load()
    tamana = Municipality.objects.get(code="432067")
    assert tamana.website == "https://www.city.tamana.lg.jp/new/"
    assert "職員が編集していない 1 件を新しい基準データに更新" in output
    assert tamana.history.first().history_change_reason == REFRESH_REASON
    assert tamana.history.first().history_type == "~"
    assert "新規 0 件" in load()  # and once is enough


def test_a_newer_fixture_never_overwrites_a_staff_edit(newer_fixtures):
    load()
    tamana = Municipality.objects.get(code="432067")
    tamana.website = "https://staff.example.jp/"
    tamana.save()  # as the admin saves: with an edit-history record
    Municipality.objects.filter(code="433641").update(website="https://quiet.example.jp/")  # no record at all
    newer_fixtures("areas.json", "areas.municipality", 3, website="https://fixture.example.jp/")
    newer_fixtures("areas.json", "areas.municipality", 11, website="https://fixture.example.jp/")
    output = load()
    assert Municipality.objects.get(code="432067").website == "https://staff.example.jp/"
    assert Municipality.objects.get(code="433641").website == "https://quiet.example.jp/"
    assert "更新" not in output.replace("新しい基準データ", "")


def test_a_newer_fixture_changes_the_sources_of_an_unedited_row(newer_fixtures):
    load()
    newer_fixtures("areas.json", "areas.municipality", 3, sources=[5])
    load()
    assert list(Municipality.objects.get(code="432067").sources.values_list("code", flat=True)) == ["S05"]


def test_a_dry_run_counts_the_unedited_rows_it_would_update_and_changes_nothing(newer_fixtures):
    load()
    newer_fixtures("areas.json", "areas.municipality", 3, website="https://www.city.tamana.lg.jp/new/")
    output = load("--dry-run")
    assert "職員が編集していない 1 件を新しい基準データに更新予定" in output
    assert Municipality.objects.get(code="432067").website != "https://www.city.tamana.lg.jp/new/"
