"""A small cast of municipalities for the areas tests."""

from datetime import date
from decimal import Decimal

import pytest

from areas.models import CooperationProject, Municipality, Pillar, PolicyField, PolicyGroup
from tests.tenfold import valid_code


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
def small_area(db) -> dict:
    """Three members, two pillars (one with a group), two policy fields and a project: enough for the admin."""
    kumamoto = make_municipality(1, code="431001", name="熊本市", kana="くまもとし", is_central_city=True)
    tamana = make_municipality(2, code="432067", name="玉名市", kana="たまなし", joined_on=date(2023, 10, 24))
    gyokuto = make_municipality(3, code="433641", name="玉東町", kana="ぎょくとうまち", kind="町", district="玉名郡")
    first = Pillar.objects.create(number=1, name="圏域全体の経済成長のけん引", carried_out_by="連携中枢都市")
    third = Pillar.objects.create(number=3, name="圏域全体の生活関連機能サービスの向上", carried_out_by="圏域")
    group = PolicyGroup.objects.create(pillar=third, order=1, name="生活機能の強化に係る政策分野")
    field = PolicyField.objects.create(pillar=third, group=group, number=1, name="地域医療")
    PolicyField.objects.create(pillar=first, number=1, name="産業クラスターの形成")
    project = CooperationProject.objects.create(
        title="図書館の相互利用", slug="library-mutual-use", status="active", summary="試験", policy_field=field
    )
    project.municipalities.set([kumamoto, tamana])
    return {"kumamoto": kumamoto, "tamana": tamana, "gyokuto": gyokuto, "pillar": third, "project": project}
