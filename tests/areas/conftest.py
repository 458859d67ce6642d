"""A small cast of municipalities for the areas tests, and a 10x generator."""

from datetime import date
from decimal import Decimal

import pytest

from areas.models import CooperationProject, Municipality
from areas.rules import check_digit


def valid_code(first_five: int) -> str:
    prefix = f"{first_five:05d}"
    return f"{prefix}{check_digit(prefix)}"


def make_municipality(n: int, **fields) -> Municipality:
    defaults = {
        "code": valid_code(90000 + n),
        "name": f"試験市{n}",
        "kana": "しけんし",
        "kind": "市",
        "joined_on": date(2020, 1, 1),
        "population": 1000 + n,
        "area_km2": Decimal("10.50"),
    }
    return Municipality.objects.create(**{**defaults, **fields})


@pytest.fixture
def tenfold(reference_data):
    """Ten times the reference municipalities and projects, on top of the fixtures."""
    members = [make_municipality(n) for n in range(Municipality.objects.count() * 9)]
    for n in range(CooperationProject.objects.count() * 9):
        project = CooperationProject.objects.create(
            title=f"試験事業{n}", slug=f"test-project-{n}", status="active", summary="試験"
        )
        project.municipalities.set(members[n : n + 3])
