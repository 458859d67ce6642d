"""Model validation: what staff cannot save, and that the reference data passes it."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from areas.models import CooperationProject, Municipality, Pillar, PolicyField, PolicyGroup

pytestmark = pytest.mark.django_db


def tamana(**changes) -> Municipality:
    fields = {
        "code": "432067",
        "name": "玉名市",
        "kana": "たまなし",
        "kind": "市",
        "joined_on": date(2023, 10, 24),
        "population": 64292,
    }
    return Municipality(**{**fields, **changes})


def errors_of(instance) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    return error.value.message_dict


def test_a_correct_municipality_is_accepted():
    tamana().full_clean()


def test_a_wrong_check_digit_is_refused():
    assert "検査数字" in errors_of(tamana(code="432068"))["code"][0]


def test_a_negative_population_is_refused():
    assert "population" in errors_of(tamana(population=-1))


def test_a_negative_area_is_refused():
    assert "面積に負の値" in errors_of(tamana(area_km2=-1))["area_km2"][0]


@time_machine.travel(date(2026, 11, 25))
def test_a_join_date_in_the_future_is_refused():
    assert "未来の日付" in errors_of(tamana(joined_on=date(2026, 11, 26)))["__all__"][0]
    tamana(joined_on=date(2026, 11, 25)).full_clean()


def test_reading_must_be_hiragana():
    assert "ひらがな" in errors_of(tamana(kana="タマナシ"))["kana"][0]


def test_a_town_needs_its_district_and_a_city_has_none():
    assert "郡" in errors_of(tamana(kind="町", name="玉東町"))["district"][0]
    assert "郡" in errors_of(tamana(district="玉名郡"))["district"][0]


def test_the_database_refuses_a_city_with_a_district():
    with pytest.raises(IntegrityError), transaction.atomic():
        tamana(district="玉名郡").save()


def test_the_database_refuses_a_second_central_city(small_area):
    with pytest.raises(IntegrityError), transaction.atomic():
        Municipality.objects.filter(name="玉名市").update(is_central_city=True)


def test_a_policy_field_number_is_unique_within_its_pillar(small_area):
    pillar = Pillar.objects.get(number=3)
    assert "__all__" in errors_of(PolicyField(pillar=pillar, number=1, name="重複"))


def test_a_policy_field_group_must_belong_to_its_pillar(small_area):
    group = PolicyGroup.objects.get(order=1)
    assert "group" in errors_of(PolicyField(pillar=Pillar.objects.get(number=1), group=group, number=9, name="x"))


def test_a_project_phone_must_be_a_japanese_number():
    project = CooperationProject(title="x", slug="x", summary="x", contact_phone="75-1312")
    assert "電話番号" in errors_of(project)["contact_phone"][0]


def test_a_project_page_must_be_a_path_in_this_site():
    project = CooperationProject(title="x", slug="x", summary="x", page_path="https://example.com/")
    assert "page_path" in errors_of(project)


def test_every_reference_row_passes_validation(reference_data):
    rows = [
        *Municipality.objects.all(),
        *Pillar.objects.all(),
        *PolicyGroup.objects.all(),
        *PolicyField.objects.all(),
        *CooperationProject.objects.all(),
    ]
    for row in rows:
        row.full_clean()
        assert row.sources.exists(), f"{row} has no source"


def test_reference_data_matches_the_article(reference_data):
    assert Pillar.objects.count() == 3
    assert [PolicyField.objects.filter(pillar__number=n).count() for n in (1, 2, 3)] == [3, 3, 21]
    groups = {g.name: sorted(g.fields.values_list("number", flat=True)) for g in PolicyGroup.objects.all()}
    assert groups == {
        "生活機能の強化に係る政策分野": list(range(1, 14)),
        "結び付きネットワークの強化に係る政策分野": list(range(14, 20)),
        "圏域マネジメント能力の強化に係る政策分野": [20, 21],
    }
    assert PolicyField.objects.get(pillar__number=3, number=15).name == "ICTを活用した広域的な情報発信"
    assert Municipality.objects.get(is_central_city=True).name == "熊本市"


def test_the_two_projects_in_progress_have_no_invented_policy_field(reference_data):
    projects = CooperationProject.objects.in_progress()
    assert projects.count() == 2
    assert all(p.policy_field is None for p in projects)
