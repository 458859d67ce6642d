"""Members as of a date, totals with unknown figures, and the change each join made."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest

from areas.models import Municipality
from areas.rules import joins, members_as_of, totals


@dataclass
class M:
    code: str
    name: str
    joined_on: date
    population: int | None
    area_km2: Decimal | None


A = M("000001", "甲市", date(2016, 3, 30), 1000, Decimal("10.00"))
B = M("000002", "乙町", date(2016, 3, 30), 200, Decimal("5.50"))
C = M("000003", "丙村", date(2023, 10, 24), 50, Decimal("2.25"))
D = M("000004", "丁市", date(2025, 3, 27), None, Decimal("1.00"))


def test_a_member_counts_from_its_join_date_on():
    assert members_as_of([A, B, C], date(2023, 10, 23)) == [A, B]
    assert members_as_of([A, B, C], date(2023, 10, 24)) == [A, B, C]


def test_nobody_is_a_member_before_the_area_started():
    assert members_as_of([A, B, C], date(2016, 3, 29)) == []


def test_totals_add_population_and_area():
    result = totals([A, B, C])
    assert (result.count, result.population, result.area_km2) == (3, 1250, Decimal("17.75"))
    assert (result.population_unknown, result.area_unknown) == ((), ())


def test_totals_flag_an_unknown_population_instead_of_being_short():
    result = totals([A, D])
    assert result.population is None
    assert result.population_unknown == ("丁市",)
    assert result.area_km2 == Decimal("11.00")


def test_totals_of_nobody_are_zero():
    result = totals([])
    assert (result.count, result.population, result.area_km2) == (0, 0, Decimal("0"))


def test_each_join_has_before_after_and_difference():
    first, second = joins([C, A, B])
    assert first.joined == (A, B)
    assert (first.before.count, first.after.count) == (0, 2)
    assert second.joined == (C,)
    assert (second.before.count, second.after.count, second.count_change) == (2, 3, 1)
    assert (second.before.population, second.after.population, second.population_change) == (1200, 1250, 50)
    assert second.area_change == Decimal("2.25")


def test_a_join_with_an_unknown_figure_has_an_unknown_difference():
    *_, last = joins([A, B, C, D])
    assert last.population_change is None
    assert last.after.population_unknown == ("丁市",)
    assert last.area_change == Decimal("1.00")


# --- with the reference data -----------------------------------------------------


@pytest.mark.django_db
def test_the_area_had_20_members_right_after_tamana_joined_and_24_now(reference_data):
    everyone = list(Municipality.objects.all())
    assert len(members_as_of(everyone, date(2023, 10, 23))) == 19
    assert len(members_as_of(everyone, date(2023, 10, 24))) == 20
    assert len(members_as_of(everyone, date(2025, 3, 26))) == 20
    assert len(members_as_of(everyone, date(2025, 3, 27))) == 24
    assert Municipality.objects.members_as_of(date(2023, 10, 24)).count() == 20


@pytest.mark.django_db
def test_tamana_join_is_computed_from_the_stored_figures(reference_data):
    everyone = list(Municipality.objects.all())
    tamana = Municipality.objects.get(name="玉名市")
    (join,) = [j for j in joins(everyone) if tamana in j.joined]
    before = [m for m in everyone if m.joined_on < tamana.joined_on]
    assert (join.before.count, join.after.count) == (19, 20)
    assert join.before.population == sum(m.population for m in before)
    assert join.population_change == tamana.population == 64292
    assert join.area_change == tamana.area_km2 == Decimal("152.60")


@pytest.mark.django_db
def test_the_four_who_joined_on_2025_03_27(reference_data):
    (join,) = [j for j in joins(Municipality.objects.all()) if j.joined_on == date(2025, 3, 27)]
    assert [m.name for m in join.joined] == ["荒尾市", "南関町", "長洲町", "和水町"]
    assert (join.before.count, join.after.count) == (20, 24)


@pytest.mark.django_db
def test_the_queryset_and_the_function_give_the_same_members_on_every_join_date_and_the_day_before(reference_data):
    everyone = list(Municipality.objects.all())
    days = {m.joined_on for m in everyone} | {m.joined_on - timedelta(days=1) for m in everyone}
    assert len(days) >= 6
    for day in sorted(days):
        from_sql = sorted(m.code for m in Municipality.objects.members_as_of(day))
        from_rows = sorted(m.code for m in members_as_of(everyone, day))
        assert from_sql == from_rows, day
