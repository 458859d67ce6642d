"""Issue 21 on the area pages: dated membership, as-of sentences beside 「実施中」, fields that
explain themselves, projects whose member lists say when they may be incomplete."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from areas.models import CooperationProject, PolicyField
from kumamoto_portal.models import Source
from tests.helpers import page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]
TODAY = datetime(2026, 12, 1, 12, 0, tzinfo=ZoneInfo("Asia/Tokyo"))


def at_today():
    return time_machine.travel(TODAY, tick=False)


def test_membership_is_dated_by_its_last_change_on_the_member_list(client):
    with at_today():
        text = page_text(client.get("/areas/"))
    assert "令和7年3月27日(2025年3月27日)から 24 の市町村で構成されています" in text
    assert "令和8年12月1日" not in text.split("最終更新日")[0].replace("令和8年12月1日現在(2026年12月1日)", "")


def test_no_policy_field_page_says_there_is_nothing_yet_and_every_one_explains_itself(client):
    missing = []
    for field in PolicyField.objects.select_related("pillar"):
        text = page_text(client.get(field.get_absolute_url()))
        if "まだありません" in text or not field.description or field.description not in text:
            missing.append(str(field))
    assert missing == []
    assert PolicyField.objects.count() == 27


def test_the_policy_page_says_its_list_is_from_2023_and_promises_no_projects(client):
    text = page_text(client.get("/policy/"))
    assert "広報たまな(2023年)に載った分野と項目によるもの" in text
    assert "令和6年(2024年)3月に改定" in text
    assert "その項目の連携事業を見られます" not in text


def test_in_progress_from_a_2023_source_gets_its_as_of_sentence_with_whom_to_ask(client):
    with at_today():
        detail = page_text(client.get("/projects/library-mutual-use/"))
        home = page_text(client.get("/"))
    sentence = "令和5年(2023年)の案内による情報です。最新の状況は玉名市 コミュニティ推進課(電話 0968-75-1312"
    assert sentence in detail
    assert sentence in home  # the home page's 実施中 cards too


def test_a_recent_source_needs_no_as_of_sentence_and_one_13_months_old_does(client):
    project = CooperationProject.objects.get(slug="library-mutual-use")
    recent = Source.objects.create(title="利用案内", publisher="玉名市", published_on=date(2026, 6, 1))
    project.sources.add(recent)
    with at_today():
        assert "の案内による情報です" not in page_text(client.get(project.get_absolute_url()))
    recent.published_on = date(2025, 11, 1)  # 13 months before
    recent.save()
    with at_today():
        text = page_text(client.get(project.get_absolute_url()))
    assert "令和7年11月1日(2025年11月1日)の案内による情報です。" in text


def test_a_project_whose_status_is_not_known_makes_no_present_tense_claim(client):
    with at_today():
        text = page_text(client.get("/projects/raccoon-survey/"))
    assert "いまの状況は未確認" in text and "実施中" not in text
    assert "の案内による情報です" not in text  # nothing stated as current, nothing to date
    assert "熊本市、宇土市、宇城市、玉東町" in text.replace(" 、 ", "、")


def test_the_line_project_does_not_list_tamana_as_if_it_were_every_member(client):
    text = page_text(client.get("/projects/line-counseling/"))
    assert "出典で確かめられた市町村だけを載せています。ほかにも参加している市町村があるかもしれません。" in text
    assert "心理系の資格を持つ専門家などの相談員" in text
    assert "心理の専門資格を持つ相談員が" not in text


def test_the_new_projects_come_with_their_members_and_official_sources(client):
    climate = CooperationProject.objects.get(slug="climate-plan-1")
    assert climate.municipalities.count() == 18
    assert climate.started_on == date(2021, 3, 31)
    assert {s.code for s in climate.sources.all()} == {"S65", "S66", "S67"}
    assert all(project.policy_field is None for project in CooperationProject.objects.all())  # no source ties one
    listing = page_text(client.get("/projects/"))
    assert "第2次熊本連携中枢都市圏地球温暖化対策実行計画" in listing and "準備中" in listing
