"""Pages of the library mutual use: the guide, the locations, the two finders, open data."""

import csv
import re
from dataclasses import dataclass

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from areas.models import Municipality

from . import opendata, rules
from .models import LibrarySystem, Location, MutualUseAgreement

LOCATION_ID = re.compile(r"[0-9]{1,9}")
MUNICIPALITY_CODE = re.compile(r"[0-9]{6}")


@dataclass(frozen=True)
class SystemSection:
    """A system as the pages show it: its locations grouped by kind, and its total."""

    system: LibrarySystem
    groups: list[rules.KindGroup]

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups)


def _sections(systems) -> list[SystemSection]:
    return [
        SystemSection(system, rules.group_by_kind(system.locations.all(), system.kind_counts.all()))
        for system in systems
    ]


def guide(request: HttpRequest) -> HttpResponse:
    sections = _sections(LibrarySystem.objects.with_locations())
    agreements = list(
        MutualUseAgreement.objects.select_related("home_municipality", "system").order_by(
            "system__municipality__code", "home_municipality__code"
        )
    )
    contacts = sorted({(a.contact_department, a.contact_phone) for a in agreements if a.contact_department})
    context = {
        "sections": sections,
        "agreements": agreements,
        "contacts": contacts,
        "members": Municipality.objects.members_as_of(timezone.localdate()),
        "locations": [location for section in sections for location in section.system.locations.all()],
    }
    return render(request, "libraries/guide.html", context)


def location_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "libraries/location_list.html", {"sections": _sections(LibrarySystem.objects.with_locations())}
    )


def location_detail(request: HttpRequest, pk: int) -> HttpResponse:
    location = get_object_or_404(Location.objects.select_related("system__municipality"), pk=pk)
    page_url = request.build_absolute_uri(location.get_absolute_url())
    context = {"location": location, "json_ld": opendata.location_json_ld(location, page_url)}
    return render(request, "libraries/location_detail.html", context)


def return_finder(request: HttpRequest) -> HttpResponse:
    """ "I borrowed at Y": where it may go back, and where not. ?from=<location id>"""
    locations = list(Location.objects.select_related("system__municipality"))
    context: dict = {"locations": locations, "selected": request.GET.get("from", "")}
    if "from" not in request.GET:
        return render(request, "libraries/return.html", context)
    value = request.GET["from"]
    if not LOCATION_ID.fullmatch(value):
        context["error"] = "借りた施設を一覧から選んでください。"
        return render(request, "libraries/return.html", context, status=400)
    borrowed_at = next((loc for loc in locations if loc.pk == int(value)), None)
    if borrowed_at is None:
        context["error"] = "選んだ施設は見つかりませんでした。一覧から選び直してください。"
        return render(request, "libraries/return.html", context, status=404)
    answer = rules.where_to_return(
        borrowed_at,
        locations,
        LibrarySystem.objects.partners_of(borrowed_at.system).order_by("municipality__code"),
    )
    kind_groups = rules.group_by_kind(answer.allowed, borrowed_at.system.kind_counts.all())
    context.update(
        answer=answer,
        wards=rules.group_by_ward(answer.allowed),
        kind_groups=kind_groups,
        total=sum(group.total for group in kind_groups),
    )
    return render(request, "libraries/return.html", context)


def eligibility_finder(request: HttpRequest) -> HttpResponse:
    """ "I live in X": the systems open to them and what to bring. ?resident=<団体コード>"""
    members = list(Municipality.objects.members_as_of(timezone.localdate()))
    context: dict = {"members": members, "selected": request.GET.get("resident", "")}
    if "resident" not in request.GET:
        return render(request, "libraries/eligibility.html", context)
    value = request.GET["resident"]
    if not MUNICIPALITY_CODE.fullmatch(value):
        context["error"] = "お住まいの市町村を一覧から選んでください。"
        return render(request, "libraries/eligibility.html", context, status=400)
    resident = next((m for m in members if m.code == value), None)
    if resident is None:
        context["error"] = "選んだ市町村は、熊本連携中枢都市圏の構成市町村の中に見つかりませんでした。"
        return render(request, "libraries/eligibility.html", context, status=404)
    systems = LibrarySystem.objects.filter(Q(municipality=resident) | Q(agreements__home_municipality=resident))
    sections = {s.system.pk: s for s in _sections(systems.distinct().with_locations())}
    agreements = resident.library_agreements.select_related("system")
    own = [s.system for s in sections.values() if s.system.municipality_id == resident.pk]
    eligible = rules.libraries_for_resident(own, agreements)
    context.update(resident=resident, results=[(e, sections[e.system.pk]) for e in eligible])
    return render(request, "libraries/eligibility.html", context)


def facilities_csv(request: HttpRequest) -> HttpResponse:
    """The locations as open data (公共施設一覧 layout), UTF-8."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="facilities.csv"'
    locations = Location.objects.select_related("system__municipality")
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerows(
        opendata.facilities_csv_rows(locations, lambda loc: request.build_absolute_uri(loc.get_absolute_url()))
    )
    return response
