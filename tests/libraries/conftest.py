"""A small library network for the libraries tests: 熊本市 and 玉名市, a few locations, one agreement."""

from datetime import date

import pytest

from areas.models import Municipality
from libraries.models import KindCount, LibrarySystem, Location, MutualUseAgreement


@pytest.fixture
def small_libraries(db) -> dict:
    kumamoto = Municipality.objects.create(
        code="431001", name="熊本市", kana="くまもとし", kind="市", joined_on=date(2016, 3, 30), is_central_city=True
    )
    tamana = Municipality.objects.create(
        code="432067", name="玉名市", kana="たまなし", kind="市", joined_on=date(2023, 10, 24)
    )
    city = LibrarySystem.objects.create(municipality=kumamoto, name="熊本市立図書館", loan_rules="2週間、10冊まで")
    tamana_system = LibrarySystem.objects.create(municipality=tamana, name="玉名市立図書館")
    rows = {
        "main": Location.objects.create(system=city, name="熊本市立図書館", ward="中央区", display_order=10),
        "ueki": Location.objects.create(system=city, name="植木図書館", kana="うえきとしょかん", ward="北区"),
        "kawachi": Location.objects.create(system=city, name="河内公民館図書室", kind="community_room", ward="西区"),
        "shimin": Location.objects.create(system=tamana_system, name="玉名市民図書館", display_order=10),
        "tensui": Location.objects.create(system=tamana_system, name="天水図書館", kana="てんすいとしょかん"),
    }
    KindCount.objects.create(system=city, kind="community_room", count=15)
    MutualUseAgreement.objects.create(home_municipality=tamana, system=city, what_to_bring="運転免許証など")
    return {"kumamoto": kumamoto, "tamana": tamana, "city": city, "tamana_system": tamana_system, **rows}
