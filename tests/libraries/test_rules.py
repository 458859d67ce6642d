"""Return rule, eligibility, kinds and loan rules — on unsaved rows, no database."""

from areas.models import Municipality
from libraries.models import KindCount, LibrarySystem, Location, MutualUseAgreement
from libraries.rules import (
    answer_may_be_incomplete,
    group_by_kind,
    group_by_ward,
    libraries_for_resident,
    loan_rules_for,
    system_section,
    systems_with_unknown_partners,
    unknown_facts,
    where_to_return,
)

KUMAMOTO = Municipality(pk=1, code="431001", name="熊本市")
TAMANA = Municipality(pk=2, code="432067", name="玉名市")
GYOKUTO = Municipality(pk=3, code="433641", name="玉東町")
# Both confirm that their items go back to any of their places (the article, S37).
CITY_LIB = LibrarySystem(
    pk=1,
    municipality=KUMAMOTO,
    name="熊本市立図書館",
    loan_rules="2週間、10冊まで",
    returns_confirmed=True,
    all_partners_known=False,
)
TAMANA_LIB = LibrarySystem(pk=2, municipality=TAMANA, name="玉名市立図書館", loan_rules="", returns_confirmed=True)

MAIN = Location(pk=1, system=CITY_LIB, name="熊本市立図書館", ward="中央区", kind="library", display_order=10)
UEKI = Location(pk=2, system=CITY_LIB, name="植木図書館", ward="北区", kind="library", display_order=20)
KAWACHI = Location(pk=3, system=CITY_LIB, name="河内公民館図書室", ward="西区", kind="community_room", display_order=30)
HARMONY = Location(pk=4, system=CITY_LIB, name="はあもにい", ward="中央区", kind="information_room", display_order=40)
SHIMIN = Location(pk=5, system=TAMANA_LIB, name="玉名市民図書館", kind="library", display_order=10)
TENSUI = Location(pk=6, system=TAMANA_LIB, name="天水図書館", kind="library", display_order=20)
EVERYWHERE = [MAIN, UEKI, KAWACHI, HARMONY, SHIMIN, TENSUI]
# What the article (S37) confirms: between 熊本市 and 玉名市, items go back to the lender, whose rules apply.
TAMANA_IN_CITY = MutualUseAgreement(
    home_municipality=TAMANA,
    system=CITY_LIB,
    return_rule_confirmed=True,
    loan_rules_confirmed=True,
    e_library_excluded_confirmed=True,
)
CITY_IN_TAMANA = MutualUseAgreement(
    home_municipality=KUMAMOTO,
    system=TAMANA_LIB,
    return_rule_confirmed=True,
    loan_rules_confirmed=True,
    e_library_excluded_confirmed=True,
)
CONFIRMED = [TAMANA_IN_CITY, CITY_IN_TAMANA]
# A partner the sources only list as open to 熊本市 residents (S16): nothing else is known.
ARAO = Municipality(pk=4, code="432041", name="荒尾市")
ARAO_LIB = LibrarySystem(pk=3, municipality=ARAO, name="荒尾市の図書館", loan_rules="")
ARAO_MAIN = Location(pk=7, system=ARAO_LIB, name="荒尾市立図書館", kind="library", phone="096-328-2111")
CITY_IN_ARAO = MutualUseAgreement(home_municipality=KUMAMOTO, system=ARAO_LIB)


def test_borrowed_in_kumamoto_goes_back_to_any_kumamoto_location_only():
    answer = where_to_return(UEKI, EVERYWHERE, [TAMANA_LIB])
    assert answer.allowed == (MAIN, UEKI, KAWACHI, HARMONY)
    assert [n.system for n in answer.not_allowed] == [TAMANA_LIB]
    assert answer.rule == "熊本市立図書館で借りた本は、熊本市立図書館のどの施設にも返せます。"
    assert "玉名市の図書館には返せません" in answer.not_allowed[0].reason


def test_borrowed_in_tamana_goes_back_to_a_tamana_library_only():
    answer = where_to_return(SHIMIN, EVERYWHERE, [CITY_LIB])
    assert answer.allowed == (SHIMIN, TENSUI)
    assert [n.system for n in answer.not_allowed] == [CITY_LIB]
    assert "玉名市立図書館のどの施設にも返せます" in answer.rule


def test_the_lending_system_is_never_listed_as_forbidden():
    answer = where_to_return(MAIN, EVERYWHERE, [CITY_LIB, TAMANA_LIB])
    assert [n.system for n in answer.not_allowed] == [TAMANA_LIB]


def test_only_towns_a_source_names_are_said_to_refuse_returns():
    # The article says 玉名市's libraries take no 熊本市 loans; it says nothing of the other partners.
    answer = where_to_return(UEKI, [*EVERYWHERE, ARAO_MAIN], [])
    assert answer.not_allowed == ()
    assert "ほかの市町村" not in answer.rule


def test_loan_rules_are_the_lending_systems():
    assert loan_rules_for(KAWACHI.system) == "2週間、10冊まで"
    assert where_to_return(UEKI, EVERYWHERE, []).loan_rules == "2週間、10冊まで"
    assert loan_rules_for(SHIMIN.system) == ""
    # The eligibility finder shows the same rules for a partner system.
    assert libraries_for_resident([TAMANA_LIB], [TAMANA_IN_CITY])[1].loan_rules == "2週間、10冊まで"


def test_a_partner_without_confirmed_facts_gets_no_return_rule_only_unknowns():
    answer = where_to_return(ARAO_MAIN, [*EVERYWHERE, ARAO_MAIN], [])
    assert not answer.rule_known
    assert answer.rule is None
    assert answer.not_allowed == ()
    partner = libraries_for_resident([CITY_LIB], [CITY_IN_ARAO])[1]
    assert partner.return_rule is None
    assert partner.loan_rules is None
    assert partner.what_to_bring is None
    # …named once, in one list, not once per row.
    assert partner.unknowns == [
        "登録に必要なもの",
        "貸出の期間と冊数",
        "借りた本を返せる場所",
        "電子図書館を使えるかどうか",
    ]


def test_confirmed_facts_are_stated_and_the_residents_own_library_needs_no_agreement():
    own, partner = libraries_for_resident([TAMANA_LIB], [TAMANA_IN_CITY])
    assert own.return_rule == "玉名市立図書館で借りた本は、玉名市立図書館のどの施設にも返せます。"
    assert own.what_to_bring == ""
    assert partner.return_rule == (
        "熊本市立図書館で借りた本は、熊本市立図書館のどの施設にも返せます。玉名市の図書館には返せません。"
    )
    assert partner.what_to_bring is None  # not recorded on this agreement
    assert partner.e_library_excluded
    assert partner.unknowns == ["登録に必要なもの"]


def test_an_own_library_without_a_confirmed_return_rule_does_not_claim_one():
    kikuyo = LibrarySystem(pk=13, municipality=Municipality(pk=16, name="菊陽町"), name="菊陽町の図書館")
    (own,) = libraries_for_resident([kikuyo], [])
    assert own.return_rule is None
    assert "借りた本を返せる場所" in own.unknowns
    assert "電子図書館を使えるかどうか" not in own.unknowns  # their own: nothing to ask


def test_a_partner_of_kumamoto_gets_kumamotos_own_rules_without_the_tamana_only_ones():
    # S52 gives 熊本市立図書館's card and loan rules for every partner town; the "not at home"
    # return rule and the e-library exclusion are the article's, for 玉名市 only.
    partner = MutualUseAgreement(
        home_municipality=ARAO, system=CITY_LIB, what_to_bring="運転免許証など", loan_rules_confirmed=True
    )
    answer = libraries_for_resident([ARAO_LIB], [partner], {CITY_LIB.pk: 21})[1]
    assert answer.return_rule == "熊本市立図書館で借りた本は、熊本市立図書館のどの施設にも返せます。"
    assert answer.loan_rules == "2週間、10冊まで"
    assert not answer.e_library_excluded
    assert answer.unknowns == ["電子図書館を使えるかどうか"]


def test_the_prefectures_library_is_open_to_every_resident_and_comes_last():
    prefecture = LibrarySystem(pk=14, operator="熊本県", name="熊本県立図書館", returns_confirmed=True)
    everyone = MutualUseAgreement(system=prefecture, what_to_bring="健康保険証など", loan_rules_confirmed=True)
    assert prefecture.owner_name == "熊本県"
    result = libraries_for_resident([], [everyone, TAMANA_IN_CITY], {14: 1})
    assert [e.system for e in result] == [CITY_LIB, prefecture]
    assert result[1].open_to_everyone
    assert result[1].return_rule == "熊本県立図書館で借りた本は、熊本県立図書館に返します。"
    assert str(everyone) == "熊本県内の住民 → 熊本県立図書館"


def test_a_cut_off_partner_list_is_said_to_be_possibly_incomplete():
    kumamoto_answer = libraries_for_resident([CITY_LIB], [CITY_IN_TAMANA])
    assert answer_may_be_incomplete(kumamoto_answer)
    gyokuto_answer = libraries_for_resident([], [])
    assert not answer_may_be_incomplete(gyokuto_answer)
    assert systems_with_unknown_partners(GYOKUTO.pk, gyokuto_answer, [CITY_LIB, TAMANA_LIB]) == [CITY_LIB]
    tamana_answer = libraries_for_resident([TAMANA_LIB], [TAMANA_IN_CITY])
    assert systems_with_unknown_partners(TAMANA.pk, tamana_answer, [CITY_LIB]) == []


def test_a_locations_unknown_facts_are_gathered_into_one_list():
    daimei = Location(pk=11, system=TAMANA_LIB, name="岱明図書館", opening_hours="10:00〜18:00")
    assert unknown_facts(daimei) == ["住所", "電話番号", "休館日", "返却ポストがあるかどうか"]
    arao = unknown_facts(ARAO_MAIN)
    assert arao[-1] == "借りた本を返せる場所"


def test_a_system_needs_a_municipality_or_an_operator():
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        LibrarySystem(name="どこかの図書館").clean()
    LibrarySystem(name="熊本県立図書館", operator="熊本県").clean()
    with pytest.raises(ValidationError):
        LibrarySystem(name="熊本市立図書館", municipality=KUMAMOTO, operator="熊本県").clean()


def test_a_section_knows_whether_its_count_is_only_a_lower_bound_and_whom_to_call():
    partial = LibrarySystem(pk=12, name="山鹿市の図書館", all_locations_known=False)
    section = system_section(partial, [Location(pk=9, system=partial, name="こもれび図書館", kind="library")], [])
    assert section.at_least and section.total == 1
    assert section.phone == ""
    arao = system_section(ARAO_LIB, [ARAO_MAIN], [])
    assert not arao.at_least and arao.phone == "096-328-2111"


def test_return_places_are_grouped_by_ward_in_display_order():
    groups = group_by_ward([HARMONY, UEKI, MAIN, KAWACHI])
    assert [(ward, [loc.name for loc in locs]) for ward, locs in groups] == [
        ("中央区", ["熊本市立図書館", "はあもにい"]),
        ("北区", ["植木図書館"]),
        ("西区", ["河内公民館図書室"]),
    ]


def test_a_tamana_resident_may_use_their_own_libraries_and_kumamotos():
    agreement = MutualUseAgreement(home_municipality=TAMANA, system=CITY_LIB, what_to_bring="運転免許証など")
    result = libraries_for_resident([TAMANA_LIB], [agreement])
    assert [(e.system, e.is_own) for e in result] == [(TAMANA_LIB, True), (CITY_LIB, False)]
    assert result[1].what_to_bring == "運転免許証など"
    assert result[0].what_to_bring == ""


def test_a_resident_without_libraries_or_agreements_gets_nothing():
    assert libraries_for_resident([], []) == []


def test_an_agreement_for_the_residents_own_system_is_not_listed_twice():
    duplicate = MutualUseAgreement(home_municipality=TAMANA, system=TAMANA_LIB)
    assert len(libraries_for_resident([TAMANA_LIB], [duplicate])) == 1


def test_a_published_count_fills_in_rooms_without_names():
    counts = [KindCount(system=CITY_LIB, kind="community_room", count=15)]
    groups = group_by_kind([MAIN, UEKI, KAWACHI, HARMONY], counts)
    rooms = next(g for g in groups if g.kind == "community_room")
    assert (rooms.listed, rooms.total, rooms.unlisted) == (1, 15, 14)
    assert [g.label for g in groups] == ["図書館", "公民館図書室", "情報資料室"]
    assert system_section(CITY_LIB, [MAIN, UEKI, KAWACHI, HARMONY], counts).total == 2 + 15 + 1


def test_listed_rows_win_over_a_smaller_count():
    counts = [KindCount(system=CITY_LIB, kind="library", count=1)]
    assert system_section(CITY_LIB, [MAIN, UEKI], counts).total == 2
