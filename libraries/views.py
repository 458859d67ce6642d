"""Pages of the library mutual use: the guide, the locations, the two finders, open data."""

import csv
from collections.abc import Iterable
from datetime import date

from django.db.models import F, Q, prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from areas.models import Municipality
from kumamoto_portal.lib.siteurl import absolute_url
from kumamoto_portal.models import Source
from kumamoto_portal.serving import lastmod
from kumamoto_portal.serving.canonical import query_used
from kumamoto_portal.serving.operator import review_months as review_period

from . import opendata, rules
from .forms import EligibilityFinderForm, ReturnFinderForm, error_status, first_error
from .models import Framework, LibrarySystem, Location, MutualUseAgreement


def _sections(systems) -> list[rules.SystemSection]:
    return [rules.system_section(system, system.locations.all(), system.kind_counts.all()) for system in systems]


def _date_facilities(locations: Iterable[Location], today: date, review_months: int) -> None:
    """Give each location (its sources prefetched) `as_of_note`: the as-of sentence its line or page shows
    beside its hours, closed days and return box (templates/libraries/includes/facility_as_of.html)."""
    for location in locations:
        location.as_of_note = rules.facility_as_of(location, today, review_months)


def guide(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    review_months = review_period(request)
    sections = _sections(LibrarySystem.objects.with_locations())
    agreements = list(
        MutualUseAgreement.objects.select_related("home_municipality", "system__municipality")
        .prefetch_related("sources")
        .order_by(
            F("system__municipality__code").asc(nulls_last=True),
            "system__name",
            F("home_municipality__code").asc(nulls_first=True),
        )
    )
    phones = {section.system.pk: section.phone for section in sections}
    contacts = sorted({(a.contact_department, a.contact_phone) for a in agreements if a.contact_department})
    # Each distinct as-of sentence once: those several lines share at the top of the list, the rest per line.
    shared_notes, borrowers = rules.share_borrower_notes(rules.borrower_notes(agreements, today, review_months), phones)
    for agreement in agreements:  # an open conflict: say who lists these residents and who does not
        agreement.listed_by = rules.listed_only_by_others(agreement)
    context = {
        "sections": sections,
        "agreements": agreements,
        "shared_notes": shared_notes,
        "borrowers": [(group, phones.get(group.system.pk, "")) for group in borrowers],
        "refusals": [a for a in agreements if rules.not_at_home_rule(a)],
        "e_library_excluded": [a for a in agreements if a.e_library_excluded_confirmed],
        "teiju": any(a.framework == Framework.TEIJU for a in agreements),
        "contacts": contacts,
        "members": Municipality.objects.members_as_of(today),
        "locations": [location for section in sections for location in section.system.locations.all()],
        "sources": rules.cited(
            Source.objects.filter(
                Q(libraries_librarysystem_set__isnull=False) | Q(libraries_mutualuseagreement_set__isnull=False)
            ).distinct()
        ),
    }
    return render(request, "libraries/guide.html", context)


def location_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    review_months = review_period(request)
    systems = list(LibrarySystem.objects.with_locations().prefetch_related("sources", "locations__sources"))
    sections = _sections(systems)
    locations = [location for system in systems for location in system.locations.all()]
    _date_facilities(locations, today, review_months)
    sources = rules.cited(
        *(system.sources.all() for system in systems), *(location.sources.all() for location in locations)
    )
    return render(request, "libraries/location_list.html", {"sections": sections, "sources": sources})


def location_detail(request: HttpRequest, pk: int) -> HttpResponse:
    location = get_object_or_404(
        Location.objects.select_related("system__municipality").prefetch_related("sources", "system__sources"), pk=pk
    )
    page_url = absolute_url(request, location.get_absolute_url())
    system = location.system
    _date_facilities([location], timezone.localdate(), review_period(request))
    context = {
        "location": location,
        "section": rules.system_section(system, system.locations.all(), system.kind_counts.all()),
        "unknowns": rules.unknown_facts(location),
        # The location's own facts, and its system's (the loan rules and where items go back).
        "sources": rules.cited(location.sources.all(), system.sources.all()),
        "json_ld": opendata.location_json_ld(location, page_url),
        "last_changed": lastmod.day_of(
            lastmod.last_changed(
                Location.history.filter(id=location.pk), LibrarySystem.history.filter(id=location.system_id)
            )
        ),
    }
    return render(request, "libraries/location_detail.html", context)


def return_finder(request: HttpRequest) -> HttpResponse:
    """ "I borrowed at Y": where it may go back, and where not. ?from=<location id>"""
    locations = list(Location.objects.select_related("system__municipality"))
    context: dict = {"locations": locations, "selected": request.GET.get("from", "")}
    if "from" not in request.GET:
        return render(request, "libraries/return.html", context)
    form = ReturnFinderForm(request.GET)
    if not form.is_valid():
        context["error"] = first_error(form)
        return render(request, "libraries/return.html", context, status=error_status(form))
    borrowed_at = form.cleaned_data["borrowed_at"]
    query_used(request, **{"from": borrowed_at.pk})
    answer = rules.where_to_return(
        borrowed_at,
        locations,
        LibrarySystem.objects.refusing_returns_of(borrowed_at.system).order_by("municipality__code"),
    )
    section = rules.system_section(answer.lending_system, answer.allowed, borrowed_at.system.kind_counts.all())
    prefetch_related_objects(answer.allowed, "sources")
    _date_facilities(answer.allowed, timezone.localdate(), review_period(request))
    # The lending system's (the rule, the loan rules) and the agreements' that say where items may not go.
    agreement = "libraries_mutualuseagreement_set__"
    rule_sources = Source.objects.filter(
        Q(libraries_librarysystem_set=answer.lending_system)
        | Q(
            **{
                f"{agreement}system": answer.lending_system,
                f"{agreement}return_rule_confirmed": True,
                f"{agreement}home_municipality__library_systems__isnull": False,
            }
        )
    ).distinct()
    context.update(
        answer=answer,
        wards=rules.group_by_ward(answer.allowed),
        section=section,
        sources=rules.cited(rule_sources, *(location.sources.all() for location in answer.allowed)),
    )
    return render(request, "libraries/return.html", context)


def eligibility_finder(request: HttpRequest) -> HttpResponse:
    """ "I live in X": the systems open to them and what to bring. ?resident=<団体コード>"""
    today = timezone.localdate()
    members = list(Municipality.objects.members_as_of(today))
    context: dict = {"members": members, "selected": request.GET.get("resident", "")}
    if "resident" not in request.GET:
        return render(request, "libraries/eligibility.html", context)
    form = EligibilityFinderForm(request.GET, today)
    if not form.is_valid():
        context["error"] = first_error(form)
        return render(request, "libraries/eligibility.html", context, status=error_status(form))
    resident = form.cleaned_data["resident"]
    query_used(request, resident=resident.code)
    agreements = list(
        MutualUseAgreement.objects.filter(Q(home_municipality=resident) | Q(home_municipality__isnull=True))
        .select_related("home_municipality", "system__municipality")
        .prefetch_related("sources")
        .order_by(F("system__municipality__code").asc(nulls_last=True), "system__name")
    )
    systems = LibrarySystem.objects.prefetch_related("sources").filter(
        Q(municipality=resident) | Q(pk__in=[a.system_id for a in agreements]) | Q(all_partners_known=False)
    )
    sections = {s.system.pk: s for s in _sections(systems.with_locations())}
    own = [s.system for s in sections.values() if s.system.municipality_id == resident.pk]
    eligible = rules.libraries_for_resident(own, agreements, {pk: s.total for pk, s in sections.items()})
    unknown_partners = rules.systems_with_unknown_partners(resident.pk, eligible, [s.system for s in sections.values()])
    review_months = review_period(request)
    # The date of "residents of X may borrow here" once its sources are past review: a sentence several
    # answers share is said once above them (naming them), one alone stays in its card.
    notes = [rules.agreement_as_of(e.agreement, today, review_months) for e in eligible]
    shared_notes, own_note = rules.share_notes(
        [
            (
                note,
                e.agreement.contact_department if e.agreement else "",
                e.agreement.contact_phone if e.agreement else "",
                (e.system.name, "", ""),
            )
            for e, note in zip(eligible, notes, strict=True)
        ]
    )
    # What is unknown for most answers is said once above them; their cards only point to it.
    common = rules.common_unknowns(eligible)
    pointer = [rules.unknowns_pointer(common)] if common else []
    context.update(
        resident=resident,
        shared_notes=shared_notes,
        common_unknowns=common,
        common_unknowns_systems=[e.system.name for e in eligible if common and tuple(e.unknowns) == common],
        results=[
            (
                e,
                sections[e.system.pk],
                note if keep else None,
                pointer if common and tuple(e.unknowns) == common else e.unknowns,
                rules.listed_only_by_others(e.agreement),
            )
            for e, note, keep in zip(eligible, notes, own_note, strict=True)
        ],
        sources=rules.cited(
            # The systems as loaded with their sources (an agreement's own `system` has none prefetched).
            *(sections[e.system.pk].system.sources.all() for e in eligible),
            *(e.agreement.sources.all() for e in eligible if e.agreement is not None),
            *(system.sources.all() for system in unknown_partners),
        ),
        may_be_incomplete=rules.answer_may_be_incomplete(eligible),
        unknown_partners=[sections[system.pk] for system in unknown_partners],
    )
    return render(request, "libraries/eligibility.html", context)


def facilities_csv(request: HttpRequest) -> HttpResponse:
    """The locations as open data (公共施設一覧 layout), UTF-8."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="facilities.csv"'
    locations = Location.objects.select_related("system__municipality")
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerows(opendata.facilities_csv_rows(locations, lambda loc: absolute_url(request, loc.get_absolute_url())))
    return response
