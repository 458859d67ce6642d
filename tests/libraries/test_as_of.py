"""Issue 21: library facts with their dates, and the 出典 lists under them.

A facility's hours, closed days and return box rest on the Location's sources; who may borrow rests
on the MutualUseAgreement's. Once the newest of them is older than the review period (12 months by
default), the page says how old and whom to ask, once per facility or agreement; while one is recent,
nothing extra is shown. Today is pinned to 2026-12-01 (Japan time).
"""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from areas.models import Municipality
from kumamoto_portal.models import SiteSettings, Source
from libraries.models import LibrarySystem, Location, MutualUseAgreement
from tests.helpers import page_text

pytestmark = pytest.mark.django_db
TODAY = datetime(2026, 12, 1, 12, tzinfo=ZoneInfo("Asia/Tokyo"))
THIRTEEN_MONTHS_BEFORE = date(2025, 11, 1)
ELEVEN_MONTHS_BEFORE = date(2026, 1, 1)
OLD_SENTENCE = "令和7年11月1日(2025年11月1日)の案内による情報です。"
AS_OF = "の案内による情報です。"
RELAY_OR_ENCYCLOPEDIA = re.compile(r"github\.com|wikipedia|wikiwand")


@pytest.fixture
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def libraries(small_libraries) -> dict:
    """The small network with 植木図書館's hours and return box, and sources for every row."""
    ueki = small_libraries["ueki"]
    ueki.phone, ueki.opening_hours, ueki.has_return_box = "096-272-6915", "9:30〜19:00", True
    ueki.save()
    rows = {**small_libraries, "agreement": MutualUseAgreement.objects.get()}
    guide = Source.objects.create(title="相互利用の案内", publisher="熊本市立図書館", url="https://example.jp/guide")
    for row in (rows["city"], rows["tamana_system"], rows["main"], rows["kawachi"], rows["shimin"], rows["tensui"]):
        row.sources.add(guide)
    return rows


def dated(row, **dates) -> Source:
    """Give `row` a single source with `dates` (published_on, published_year or checked_on)."""
    source = Source.objects.create(title=f"{row}の案内(日付つき)", publisher="発行元", **dates)
    row.sources.set([source])
    return source


def location_page(client, location: Location) -> str:
    return page_text(client.get(location.get_absolute_url()))


def tamana_answer(client) -> str:
    """The eligibility answer for 玉名市's residents, up to the form below it."""
    return page_text(client.get("/libraries/eligibility/", {"resident": "432067"})).split("別の市町村で調べる")[0]


def kumamoto_card(answer: str) -> str:
    """The answer's card for 熊本市立図書館 (玉名市's residents borrow there by the agreement): after
    玉名市's own library, up to the 出典 list."""
    start = answer.index(" 熊本市立図書館 熊本市の図書館です")
    return answer[start : answer.index(" 出典 ", start)]


@pytest.mark.usefixtures("today")
def test_hours_from_a_source_thirteen_months_old_are_dated_once_with_the_phone_to_ask(client, libraries):
    dated(libraries["ueki"], published_on=THIRTEEN_MONTHS_BEFORE)
    page = location_page(client, libraries["ueki"])
    assert f"{OLD_SENTENCE}最新の状況は植木図書館(電話 096-272-6915 )にお確かめください。" in page
    assert page.count(AS_OF) == 1  # once for the facility, not once per line (hours, return box)
    assert page.index("開館時間 9:30〜19:00") < page.index(OLD_SENTENCE) < page.index("ここで借りた本を返す場所")


@pytest.mark.usefixtures("today")
@pytest.mark.parametrize("when", [{"published_on": ELEVEN_MONTHS_BEFORE}, {"checked_on": ELEVEN_MONTHS_BEFORE}])
def test_hours_from_a_source_eleven_months_old_say_nothing_more(client, libraries, when):
    dated(libraries["ueki"], **when)
    page = location_page(client, libraries["ueki"])
    assert "開館時間 9:30〜19:00" in page
    assert AS_OF not in page and "最新の状況は" not in page


@pytest.mark.usefixtures("today")
def test_the_newest_source_counts_and_the_staff_review_period_is_used(client, libraries):
    ueki = libraries["ueki"]
    old = dated(ueki, published_on=THIRTEEN_MONTHS_BEFORE)
    ueki.sources.add(Source.objects.create(title="確認した案内", checked_on=ELEVEN_MONTHS_BEFORE))
    assert AS_OF not in location_page(client, ueki)
    ueki.sources.set([old])
    SiteSettings(review_months=24).save()  # staff allow two years: 13 months is recent enough
    assert AS_OF not in location_page(client, ueki)


@pytest.mark.usefixtures("today")
def test_a_facility_stating_nothing_current_gets_no_as_of_sentence(client, libraries):
    kawachi = libraries["kawachi"]  # no hours, no closed days, return box unknown
    dated(kawachi, published_year=2020)
    page = location_page(client, kawachi)
    assert AS_OF not in page
    assert "開館時間、休館日、返却ポストがあるかどうか" in page  # said once among the unknowns instead


@pytest.mark.usefixtures("today")
def test_a_facility_without_a_phone_sends_the_resident_to_its_library(client, libraries):
    tensui = libraries["tensui"]
    tensui.closed_days = "月曜日"
    tensui.save()
    libraries["shimin"].phone = "0968-75-1315"
    libraries["shimin"].save()
    dated(tensui, published_year=2023)
    page = location_page(client, tensui)
    assert (
        "令和5年(2023年)の案内による情報です。最新の状況は玉名市立図書館(電話 0968-75-1315 )にお確かめください。"
        in page
    )


@pytest.mark.usefixtures("today")
def test_the_location_list_dates_a_return_box_once_per_facility(client, libraries):
    dated(libraries["ueki"], published_on=THIRTEEN_MONTHS_BEFORE)
    page = page_text(client.get("/libraries/locations/"))
    assert f"返却ポストあり {OLD_SENTENCE}最新の状況は植木図書館(電話 096-272-6915 )にお確かめください。" in page
    assert page.count(AS_OF) == 1
    dated(libraries["ueki"], published_on=ELEVEN_MONTHS_BEFORE)
    page = page_text(client.get("/libraries/locations/"))
    assert "返却ポストあり" in page and AS_OF not in page


@pytest.mark.usefixtures("today")
def test_who_may_borrow_from_a_source_thirteen_months_old_is_dated_in_the_answer(client, libraries):
    dated(libraries["agreement"], published_on=THIRTEEN_MONTHS_BEFORE)
    answer = tamana_answer(client)
    card = kumamoto_card(answer)
    assert "玉名市に住む人は相互利用で使えます。" in card
    assert f"{OLD_SENTENCE}最新の状況は熊本市立図書館(電話 096-272-6915 )にお確かめください。" in card
    assert answer.count(AS_OF) == 1  # the agreement's card only: 玉名市's own library needs no agreement


@pytest.mark.usefixtures("today")
def test_the_agreements_contact_is_whom_to_ask(client, libraries):
    agreement = libraries["agreement"]
    agreement.contact_department, agreement.contact_phone = "玉名市 コミュニティ推進課", "0968-75-1312"
    agreement.save()
    dated(agreement, published_year=2023)
    asked = "令和5年(2023年)の案内による情報です。最新の状況は玉名市 コミュニティ推進課(電話 0968-75-1312 )"
    assert asked in kumamoto_card(tamana_answer(client))
    assert asked in page_text(client.get("/libraries/"))  # the guide's line asks the same contact


@pytest.mark.usefixtures("today")
@pytest.mark.parametrize("when", [{"published_on": ELEVEN_MONTHS_BEFORE}, {"checked_on": ELEVEN_MONTHS_BEFORE}])
def test_who_may_borrow_from_a_source_eleven_months_old_says_nothing_more(client, libraries, when):
    dated(libraries["agreement"], **when)
    answer = tamana_answer(client)
    assert "玉名市に住む人は相互利用で使えます。" in answer
    assert AS_OF not in answer


@pytest.mark.usefixtures("today")
def test_the_guide_dates_who_may_borrow_once_per_agreement(client, libraries):
    dated(libraries["agreement"], published_on=THIRTEEN_MONTHS_BEFORE)
    guide = page_text(client.get("/libraries/"))
    line = guide[
        guide.index("熊本市立図書館 (熊本市の図書館): 玉名市に住んでいる人") : guide.index("自分の住む市町村の図書館は")
    ]
    assert f"{OLD_SENTENCE}最新の状況は熊本市立図書館(電話 096-272-6915 )にお確かめください。" in line
    assert guide.count(AS_OF) == 1
    dated(libraries["agreement"], checked_on=ELEVEN_MONTHS_BEFORE)
    assert AS_OF not in page_text(client.get("/libraries/"))


@pytest.mark.usefixtures("today")
def test_the_guide_names_whose_agreements_a_sentence_is_about_when_dates_differ(client, libraries):
    uto = Municipality.objects.create(
        code="432113", name="宇土市", kana="うとし", kind="市", joined_on=date(2016, 3, 30)
    )
    other = MutualUseAgreement.objects.create(home_municipality=uto, system=libraries["city"])
    dated(libraries["agreement"], published_on=THIRTEEN_MONTHS_BEFORE)
    dated(other, published_year=2020)
    guide = page_text(client.get("/libraries/"))
    assert f"玉名市に住んでいる人について: {OLD_SENTENCE}" in guide
    assert "宇土市に住んでいる人について: 令和2年(2020年)の案内による情報です。" in guide
    assert guide.count(AS_OF) == 2


@pytest.mark.usefixtures("today")
def test_an_encyclopedia_neither_dates_a_fact_nor_is_cited(client, libraries):
    ueki = libraries["ueki"]
    dated(ueki, published_on=THIRTEEN_MONTHS_BEFORE)
    ueki.sources.add(
        Source.objects.create(
            title="植木図書館(百科事典の記事)",
            url="https://ja.wikipedia.org/wiki/x",
            published_on=date(2026, 11, 1),
            kind=Source.Kind.ENCYCLOPEDIA,
        )
    )
    html = client.get(ueki.get_absolute_url()).content.decode()
    assert OLD_SENTENCE in page_text_of(html)
    assert "wikipedia" not in html and "百科事典" not in html


def page_text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def sources_list(html: str) -> str:
    match = re.search(r'<section class="sources".*?</section>', html, re.DOTALL)
    assert match, "no 「出典」 list"
    return match[0]


def test_each_page_that_states_facts_lists_their_sources(client, libraries):
    city, agreement, ueki = libraries["city"], libraries["agreement"], libraries["ueki"]
    system_source = dated(city, published_year=2024)
    agreement_source = dated(agreement, published_year=2023)
    location_source = dated(ueki, published_on=THIRTEEN_MONTHS_BEFORE)
    agreement.return_rule_confirmed = True
    agreement.save()
    city.returns_confirmed = True
    city.save()

    listing = sources_list(client.get("/libraries/locations/").content.decode())
    assert system_source.title in listing and location_source.title in listing and "相互利用の案内" in listing
    assert "https://example.jp/guide" in listing

    listing = sources_list(client.get(ueki.get_absolute_url()).content.decode())
    assert location_source.title in listing and system_source.title in listing  # its own, and its library's

    listing = sources_list(client.get("/libraries/eligibility/", {"resident": "432067"}).content.decode())
    assert agreement_source.title in listing and system_source.title in listing and "相互利用の案内" in listing

    listing = sources_list(client.get("/libraries/return/", {"from": ueki.pk}).content.decode())
    # The lending library's, the places listed, and the agreement that says where its items may not go.
    assert system_source.title in listing and location_source.title in listing and agreement_source.title in listing


def test_the_forms_alone_state_no_facts_and_list_no_sources(client, libraries):
    for url in ["/libraries/eligibility/", "/libraries/return/"]:
        assert '<section class="sources"' not in client.get(url).content.decode(), url


@pytest.mark.usefixtures("reference_data")
def test_no_library_sources_list_shows_a_relay_or_an_encyclopedia_address(client):
    assert Source.objects.filter(url__regex=r"wikipedia|wikiwand").exists()  # the reference data has some
    urls = ["/libraries/", "/libraries/locations/"]
    urls += [location.get_absolute_url() for location in Location.objects.all()]
    urls += [f"/libraries/return/?from={pk}" for pk in Location.objects.values_list("pk", flat=True)]
    urls += [f"/libraries/eligibility/?resident={code}" for code in Municipality.objects.values_list("code", flat=True)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        listing = sources_list(response.content.decode())
        assert "<li>" in listing, url  # every answer rests on some source residents may see
        assert not RELAY_OR_ENCYCLOPEDIA.search(listing), url


@pytest.mark.usefixtures("reference_data")
def test_every_eligibility_answer_cites_its_agreements_sources(client):
    for municipality in Municipality.objects.all():
        agreements = MutualUseAgreement.objects.filter(home_municipality=municipality).prefetch_related("sources")
        listing = sources_list(client.get("/libraries/eligibility/", {"resident": municipality.code}).content.decode())
        for agreement in agreements:
            for source in agreement.sources.all():
                if source.shown_to_residents:
                    assert source.title in listing, (municipality.name, source.title)
    assert LibrarySystem.objects.exists()
