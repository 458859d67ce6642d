"""Sources residents trust: the publishing body is shown, relays and encyclopedias never are."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings

from kumamoto_portal.models import ENCYCLOPEDIA_ONLY, Source
from tests.helpers import form_data, page_text, public_urls

pytestmark = pytest.mark.django_db
RELAY_OR_ENCYCLOPEDIA = re.compile(r"github\.com|wikipedia|wikiwand|uub\.jp|百科事典|Code for FUKUI|go-jpostcode")


def sources_section(html: str) -> str:
    return "".join(re.findall(r'<section class="sources".*?</section>', html, flags=re.S))


@pytest.mark.usefixtures("reference_data")
def test_no_sources_list_shows_a_relay_or_an_encyclopedia(client):
    pages = [url for url in public_urls() if not url.endswith((".xml", ".atom", ".ics", ".csv", ".txt"))]
    found = {}
    for url in pages:
        section = sources_section(client.get(url).content.decode())
        if match := RELAY_OR_ENCYCLOPEDIA.search(section):
            found[url] = match.group()
    assert found == {}


@pytest.mark.usefixtures("reference_data")
def test_the_lists_name_the_bodies_that_published_the_facts(client):
    member = sources_section(client.get("/areas/431001/").content.decode())
    assert "総務省統計局" in member and "令和2年国勢調査" in member
    assert "国土地理院" in member and "全国都道府県市区町村別面積調" in member
    assert "全国地方公共団体コード" in member and "総務省" in member
    # …and the staff note keeps the relay the data was read through.
    assert "github.com/code4fukui/localgovjp" in Source.objects.get(code="S01").note


def test_every_reference_row_rests_on_a_source_residents_may_see():
    sources = {
        row["pk"]: row["fields"] for row in json.loads(Path(settings.BASE_DIR, "fixtures/sources.json").read_text())
    }
    alone = []
    for name in ("areas", "libraries", "counseling"):
        for row in json.loads(Path(settings.BASE_DIR, f"fixtures/{name}.json").read_text()):
            cited = row["fields"].get("sources")
            if cited and all(sources[pk].get("kind") == "encyclopedia" for pk in cited):
                alone.append((row["model"], row["pk"]))
    assert alone == []
    assert {code for code, f in ((f["code"], f) for f in sources.values()) if f.get("kind") == "encyclopedia"} == {
        "S15",
        "S18",
    }


@pytest.mark.usefixtures("reference_data")
def test_the_admin_refuses_a_row_whose_only_source_is_an_encyclopedia(staff):
    from counseling.models import CrisisLine

    wikipedia = Source.objects.get(code="S15")
    page = staff.get("/admin/counseling/crisisline/add/")
    data = form_data(page.content.decode(), "crisisline_form")
    data.update(name="試験の電話相談", phone="096-386-1166", sources=[str(wikipedia.pk)])
    response = staff.post("/admin/counseling/crisisline/add/", data)
    assert response.status_code == 200
    assert ENCYCLOPEDIA_ONLY in page_text(response)
    assert not CrisisLine.objects.filter(name="試験の電話相談").exists()
    official = Source.objects.get(code="S22")
    data["sources"] = [str(wikipedia.pk), str(official.pk)]
    assert staff.post("/admin/counseling/crisisline/add/", data).status_code == 302
    assert CrisisLine.objects.filter(name="試験の電話相談").exists()


@pytest.mark.usefixtures("reference_data")
def test_every_page_that_states_facts_has_a_sources_list(client):
    exempt = ("/notices/", "/accessibility/", "/styleguide/", "/libraries/eligibility/", "/libraries/return/")
    pages = [
        url
        for url in public_urls()
        if not url.endswith((".xml", ".atom", ".ics", ".csv", ".txt"))
        and url not in exempt
        and not url.startswith("/notices/")
    ]
    for required in ("/", "/areas/", "/areas/history/", "/libraries/locations/", "/counseling/calendar/", "/projects/"):
        assert required in pages
    assert any("resident=" in url for url in pages) and any("from=" in url for url in pages)
    missing = [url for url in pages if "<li>" not in sources_section(client.get(url).content.decode())]
    assert missing == []
