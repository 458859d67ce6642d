"""The data migrations that turned free-text sources into Source rows: an existing
database keeps every citation, and unsupported return-box claims become unknown."""

import pytest

from kumamoto_portal.source_migration import cited_codes
from tests.helpers import latest_migrations, migrate

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("back_to_latest_migrations")]
BEFORE = [
    ("kumamoto_portal", "0001_content_version"),
    ("libraries", "0005_single_line_fields"),
    ("areas", "0003_single_line_fields"),
]
CLAIM = "; 返却ポスト: 各館に備え付け(広報たまな 2023年「広域での新たな行政サービスを行います」[S37])"


def test_cited_codes_reads_the_ids_in_brackets_only():
    assert cited_codes("名称: 案内 [S16]; 加入日: ページ [S03; S09] S99 は文中") == ["S16", "S03", "S09"]
    assert cited_codes("出典なし") == []


def test_existing_rows_keep_their_citations_and_lose_unsupported_claims_and_staff_can_add_sources():
    """One trip back and forth through the migrations (the slowest thing in the suite) checks both."""
    old = migrate(BEFORE)
    municipality = old.get_model("areas", "Municipality").objects.create(
        code="432067",
        name="玉名市",
        kana="たまなし",
        kind="市",
        joined_on="2023-10-24",
        population_source="総務省統計局 [S50]",
        area_source="国土地理院 [S43]",
        source="加入日: 熊本市 [S03; S05]",
    )
    system = old.get_model("libraries", "LibrarySystem").objects.create(
        municipality=municipality, name="玉名市立図書館", source="名称 [S16]"
    )
    locations = old.get_model("libraries", "Location").objects
    shimin = locations.create(system=system, name="玉名市民図書館", has_return_box=True, source=f"名称 [S16]{CLAIM}")
    takuma = locations.create(system=system, name="託麻公民館図書室", has_return_box=True, source="託麻公民館 [S38]")

    new = migrate(latest_migrations())
    Municipality = new.get_model("areas", "Municipality")
    tamana = Municipality.objects.get(pk=municipality.pk)
    assert sorted(tamana.sources.values_list("code", flat=True)) == ["S03", "S05"]
    assert tamana.population_source.code == "S50" and tamana.area_source.code == "S43"
    assert tamana.source_note == "加入日: 熊本市 [S03; S05]"
    Location = new.get_model("libraries", "Location")
    shimin = Location.objects.get(pk=shimin.pk)
    assert shimin.has_return_box is None and CLAIM not in shimin.source_note
    assert list(shimin.sources.values_list("code", flat=True)) == ["S16"]
    assert Location.objects.get(pk=takuma.pk).has_return_box is True
    assert (
        new.get_model("kumamoto_portal", "Source")
        .objects.get(code="S37")
        .title.startswith("広域での新たな行政サービス")
    )
    # Staff can add a source after the migration created the numbered ones.
    Source = new.get_model("kumamoto_portal", "Source")
    assert Source.objects.filter(pk=51).exists()
    added = Source.objects.create(title="新しい資料", publisher="玉名市")  # PostgreSQL: the sequence moved past 51
    assert added.pk > 51
