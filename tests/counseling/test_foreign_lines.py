"""Telephone help lines for foreign residents (issue 21 part 6): the rules without HTTP, then the pages."""

import re
from html import escape
from types import SimpleNamespace

import pytest

from counseling.models import CrisisLine
from counseling.rules import help_lines, sources_once
from kumamoto_portal.models import Source

FOREIGN_TITLE = "外国語で相談できる電話窓口"


def line(name: str, crisis: bool, foreign: bool) -> SimpleNamespace:
    return SimpleNamespace(name=name, crisis=crisis, foreign_languages=foreign)


# --- The rules, without HTTP or a database ------------------------------------------------------


def test_a_line_with_both_flags_is_in_both_sections_and_the_order_is_kept():
    lines = [line("いのち", True, False), line("よりそい", True, True), line("法テラス", False, True)]
    sections = help_lines(lines)
    assert [x.name for x in sections.crisis] == ["いのち", "よりそい"]
    assert [x.name for x in sections.foreign] == ["よりそい", "法テラス"]


def test_a_line_with_neither_flag_is_shown_nowhere_and_no_lines_give_empty_sections():
    assert help_lines([line("保留", False, False)]) == help_lines([])
    assert help_lines([]).crisis == [] and help_lines([]).foreign == []


def test_sources_are_listed_once_in_the_order_they_first_appear():
    s22, s71, s72 = (SimpleNamespace(pk=pk) for pk in (22, 71, 72))
    assert sources_once([s22], [s71, s22], [s72, s71]) == [s22, s71, s72]
    assert sources_once() == [] and sources_once([], []) == []


# --- The pages, with the reference data -----------------------------------------------------------


def foreign_section(html: str) -> str:
    match = re.search(r'<section class="foreign-lines".*?</section>', html, re.S)
    assert match, "no foreign-language section"
    return match[0]


def items(section: str) -> dict[str, str]:
    """Each list item's text by the line's name (its <strong>)."""
    found = {}
    for item in re.findall(r"<li>.*?</li>", section, re.S):
        name = re.search(r"<strong>(.*?)</strong>", item)[1]
        found[name] = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", item))
    return found


def sources_list(html: str) -> str:
    return re.search(r'<section class="sources".*?</section>', html, re.S)[0]


@pytest.mark.django_db
@pytest.mark.usefixtures("reference_data")
@pytest.mark.parametrize("url", ["/counseling/", "/counseling/calendar/?month=2026-12"])
def test_the_three_lines_appear_with_their_phones_and_sources(client, url):
    html = client.get(url).content.decode()
    section = foreign_section(html)
    assert f'<h2 id="foreign-lines-title">{FOREIGN_TITLE}</h2>' in section
    lines = items(section)
    assert list(lines) == ["よりそいホットライン", "法テラス 多言語情報提供サービス", "外国語人権相談ダイヤル"]
    for number in ("0120-279-338", "0570-078-377", "050-3754-5430", "0570-090-911"):
        assert re.search(rf'<a href="tel:[^"]+">{number}</a>', section), number
    assert '<span lang="en">Houterasu (Japan Legal Support Center) Multilingual Information Service</span>' in section
    cited = sources_list(html)
    for code in ("S22", "S71", "S72", "S73"):
        source = Source.objects.get(code=code)
        assert source.title in cited and escape(source.url) in cited, code
        assert code not in cited  # residents see titles, never internal numbers


@pytest.mark.django_db
@pytest.mark.usefixtures("reference_data")
def test_no_language_or_hours_is_invented_where_the_source_gives_none(client):
    lines = items(foreign_section(client.get("/counseling/").content.decode()))
    yorisoi, houterasu, jinken = lines.values()
    for text in (yorisoi, jinken):
        assert "対応言語は案内されていません" in text and "言語:" not in text
    assert "外国語で相談できる時間は案内されていません" in yorisoi
    assert "受付: 平日 9:00〜17:00" in jinken
    assert "言語: 英語、中国語、韓国語" in houterasu and "インドネシア語" in houterasu
    assert "通話料はかけた人の負担" in houterasu
    assert CrisisLine.objects.filter(name="よりそいホットライン").count() == 1  # one row, in both sections


@pytest.mark.django_db
@pytest.mark.usefixtures("reference_data")
def test_lines_for_foreign_residents_only_stay_out_of_the_crisis_lists(client):
    service = client.get("/counseling/").content.decode()
    crisis = re.search(r'<section class="crisis".*?</section>', service, re.S)[0]
    assert "よりそいホットライン" in crisis
    assert "法テラス" not in crisis and "外国語人権相談ダイヤル" not in crisis
    calendar = client.get("/counseling/calendar/").content.decode()
    box = re.search(r'<section class="calendar-box".*?</section>', calendar, re.S)[0]
    assert "よりそいホットライン" in box and "法テラス" not in box


@pytest.mark.django_db
@pytest.mark.usefixtures("reference_data")
def test_without_foreign_lines_the_section_is_left_out(client):
    CrisisLine.objects.update(foreign_languages=False)
    assert FOREIGN_TITLE not in client.get("/counseling/").content.decode()


@pytest.mark.django_db
@pytest.mark.usefixtures("reference_data")
@pytest.mark.parametrize(("url", "queries"), [("/counseling/", 12), ("/counseling/calendar/?month=2026-12", 11)])
def test_ten_times_the_phone_lines_take_the_same_queries(client, django_assert_num_queries, url, queries):
    """The pins of test_query_counts.py, with nine more copies of every line and its sources."""
    for original in list(CrisisLine.objects.prefetch_related("sources")):
        sources = list(original.sources.all())
        for n in range(9):
            copy = CrisisLine.objects.create(
                name=f"{original.name}{n}",
                phone=original.phone,
                crisis=original.crisis,
                foreign_languages=original.foreign_languages,
                order=original.order,
            )
            copy.sources.set(sources)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    assert len(items(foreign_section(response.content.decode()))) == 30
