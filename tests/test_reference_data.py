"""`load_reference_data`: idempotent, and never overwrites what staff edited."""

from io import StringIO

import pytest
from django.core.management import call_command

from areas.models import CooperationProject, Municipality

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


def test_a_deleted_reference_row_comes_back():
    load()
    Municipality.objects.filter(code="433691").delete()
    load()
    assert Municipality.objects.filter(code="433691").exists()


def test_dry_run_saves_nothing():
    output = load("--dry-run")
    assert "登録予定" in output
    assert not Municipality.objects.exists()


def test_new_rows_get_ids_after_the_loaded_ones():
    load()
    created = CooperationProject.objects.create(title="新事業", slug="new", summary="x")
    assert created.pk > 2  # the sequence moved past the fixture ids (PostgreSQL)
