"""The both-eras date filter: 令和5年10月24日(2023年10月24日)."""

from datetime import UTC, date, datetime

from django.template import Context, Template

from kumamoto_portal.templatetags.portal import wareki_with_western


def test_a_date_in_both_eras():
    assert wareki_with_western(date(2023, 10, 24)) == "令和5年10月24日(2023年10月24日)"


def test_an_aware_instant_shows_its_date_in_japan():
    # 2023-10-24 22:30 UTC is already 2023-10-25 07:30 in Tokyo.
    assert wareki_with_western(datetime(2023, 10, 24, 22, 30, tzinfo=UTC)) == "令和5年10月25日(2023年10月25日)"


def test_the_first_year_of_an_era_is_gannen():
    assert wareki_with_western(date(2019, 5, 1)) == "令和元年5月1日(2019年5月1日)"


def test_an_empty_date_is_unknown():
    assert wareki_with_western(None) == "不明"


def test_templates_need_no_load():
    rendered = Template("{{ day|wareki_with_western }}").render(Context({"day": date(2023, 10, 24)}))
    assert rendered == "令和5年10月24日(2023年10月24日)"
