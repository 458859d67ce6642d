"""Library pages say each thing once (review of the screenshots, 2026-12-01, fresh reference data).

- Each distinct as-of sentence once per page: a date several statements share is one note at the top
  of the section it dates, naming the libraries; a statement keeps its own note only where its date
  differs (before: 16 boxes on /libraries/, 12 of them 「日付のわからない…」; 11 in 熊本市's answer).
- What most answers leave unknown is named once per answer; a card names only what differs.
- An open conflict between sources (荒尾: S16 lists 熊本市民, the library's own guide does not) is one
  honest statement, never 「使えます」 beside 「載っていません」.
- A library's name is printed once (not 「荒尾市の図書館(荒尾市の図書館)」).
"""

import re
from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from areas.models import Municipality
from tests.helpers import answer_cards, page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data", "today")]
TODAY = datetime(2026, 12, 1, 12, tzinfo=ZoneInfo("Asia/Tokyo"))
KUMAMOTO_ANSWER = "/libraries/eligibility/?resident=431001"
AS_OF_SENTENCE = re.compile(r"[^。]*?(?:の|日付のわからない)案内による情報です。")
AS_OF_BOX = re.compile(r'<(?:p|div) class="as-of">')
NAME_REPEATED = re.compile(r"([^\s、:()()。]{2,})\s*[((]\1[))]")


@pytest.fixture
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


def main_text(response) -> str:
    """The page's own text (not the layout), whitespace collapsed."""
    text = page_text(response)
    return text.split("最終更新日")[0]


def as_of_sentences(text: str) -> Counter:
    return Counter(sentence.strip() for sentence in AS_OF_SENTENCE.findall(text))


@pytest.mark.parametrize("url", ["/libraries/", KUMAMOTO_ANSWER])
def test_each_distinct_as_of_sentence_is_said_once(client, url):
    response = client.get(url)
    text = main_text(response)
    sentences = as_of_sentences(text)
    assert sentences, url  # the reference data's sources are old: there is something to date
    assert {s: n for s, n in sentences.items() if n > 1} == {}, url
    for dated in ("の案内による情報です", "日付のわからない案内による情報です"):
        whole = Counter(s for s in sentences.elements() if dated in s)
        assert all(n == 1 for n in whole.values()), (url, dated)
    # One box per distinct date (and whom to ask), not one per library.
    assert len(AS_OF_BOX.findall(response.content.decode())) == len(sentences), url


def test_the_shared_notes_stand_at_the_top_of_what_they_date_and_name_the_libraries(client):
    guide = main_text(client.get("/libraries/"))
    section = guide[guide.index(" だれが使えるか ") : guide.index("自分の住む市町村の図書館は")]
    shared = "次の図書館をだれが使えるかは、日付のわからない案内による情報です。"
    shared += "最新の状況は、それぞれの図書館にお確かめください。"
    assert section.index(shared) < section.index("熊本市立図書館 (熊本市の図書館): 荒尾市")
    assert "荒尾市の図書館(熊本市に住んでいる人について、電話 0968-57-7747 )" in section
    assert "山鹿市の図書館(電話 0968-43-1082 )" in section
    assert len(AS_OF_BOX.findall(client.get("/libraries/").content.decode())) == 3  # before: 16

    answer = main_text(client.get(KUMAMOTO_ANSWER))
    shared = "熊本市に住む人が次の図書館を使えることは、日付のわからない案内による情報です。"
    assert answer.index(shared) < answer.index(" 荒尾市の図書館 荒尾市の図書館です")
    assert "荒尾市の図書館、山鹿市の図書館、" in answer
    # 玉名市's card rests on the 2023 article alone: its own date stays in its card, with its contact.
    kumamoto = Municipality.objects.get(code="431001")
    tamana = answer_cards(answer, kumamoto)["玉名市立図書館"]
    assert "令和5年(2023年)の案内による情報です。最新の状況は玉名市 コミュニティ推進課" in tamana
    assert len(AS_OF_BOX.findall(client.get(KUMAMOTO_ANSWER).content.decode())) == 2  # before: 11


def test_an_answer_names_the_common_unknowns_once_and_each_card_only_what_differs(client):
    kumamoto = Municipality.objects.get(code="431001")
    answer = main_text(client.get(KUMAMOTO_ANSWER))
    common = "登録に必要なもの、貸出の期間と冊数、借りた本を返せる場所、電子図書館を使えるかどうか"
    assert answer.count(common) == 1
    cards = answer_cards(answer, kumamoto)
    assert common not in cards["山鹿市の図書館"]
    assert "上にまとめたこと(借りた本を返せる場所など)は、このサイトでは確認できていません。" in cards["山鹿市の図書館"]
    assert "電話 0968-43-1082" in cards["山鹿市の図書館"]  # whom to ask stays with the card
    # A card whose unknowns differ says its own.
    assert "電子図書館を使えるかどうかは、このサイトでは確認できていません" in cards["大津町の図書館"]
    assert "登録に必要なもの、貸出の期間と冊数は、このサイトでは確認できていません" in cards["玉名市立図書館"]


def test_no_card_says_a_library_is_both_usable_and_not_listed(client):
    for resident in Municipality.objects.all():
        answer = main_text(client.get("/libraries/eligibility/", {"resident": resident.code}))
        for name, card in answer_cards(answer, resident).items():
            assert not ("使えます" in card and "載っていません" in card), (resident.name, name)
    kumamoto = Municipality.objects.get(code="431001")
    arao = answer_cards(main_text(client.get(KUMAMOTO_ANSWER)), kumamoto)["荒尾市の図書館"]
    assert (
        "熊本市立図書館の案内「近隣市町村相互利用について」では、熊本市に住む人も相互利用で使えるとされています。"
        "一方、荒尾市立図書館の利用案内には、熊本市に住む人は利用できる人として載っていません。" in arao
    )
    assert arao.count("荒尾市立図書館の利用案内には") == 1
    guide = main_text(client.get("/libraries/"))
    assert "熊本市(熊本市立図書館の案内による。この図書館の利用案内には載っていません)" in guide


def test_no_library_name_is_printed_twice_in_a_row(client):
    urls = ["/libraries/", "/libraries/locations/"]
    urls += [f"/libraries/eligibility/?resident={code}" for code in Municipality.objects.values_list("code", flat=True)]
    for url in urls:
        text = main_text(client.get(url))
        assert not NAME_REPEATED.search(text), (url, NAME_REPEATED.search(text))
    guide = main_text(client.get("/libraries/"))
    assert " 荒尾市の図書館 : 熊本市" in guide
    assert "熊本市立図書館 (熊本市の図書館): " in guide  # a name that does not say whose library keeps it


def test_the_wording_the_review_asked_for(client):
    guide_html = client.get("/libraries/").content.decode()
    guide = main_text(client.get("/libraries/"))
    # E-libraries: each resident keeps their own; the mutual use does not include them.
    assert "→" not in guide
    assert (
        "玉名市に住む人が熊本市立図書館を、熊本市に住む人が玉名市立図書館を使う相互利用では、電子図書館は対象外です。"
        "電子図書館は、それぞれ自分の住む市町村のものを、これまでどおり使います。" in guide
    )
    assert "ほかにもあるかもしれません" not in guide and "出典の途中まで" not in guide_html
    # No stray spaces from the includes (a line break inside a sentence shows as a space).
    listing = client.get("/libraries/locations/").content.decode()
    assert not re.search(r"</a>\s+でご確認", listing)
    assert "か所です。ほかの" in listing and not re.search(r"か所です。\s+ほかの", listing)
    nankan = main_text(client.get("/libraries/eligibility/", {"resident": "433683"}))
    assert "この相互利用は定住自立圏の取り組みです(熊本連携中枢都市圏の事業ではありません)。" in nankan
