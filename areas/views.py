"""Pages of the area: members, one municipality, membership history, policy, projects."""

from dataclasses import dataclass

from django.db.models import Case, Count, Prefetch, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from kumamoto_portal.models import Source, sources_of
from kumamoto_portal.serving import lastmod
from kumamoto_portal.serving.canonical import query_used
from kumamoto_portal.serving.operator import review_months
from libraries.rules import system_section

from . import facts, rules
from .models import CooperationProject, Municipality, Pillar, PolicyField

# ?sort= keys of the members table. Sorted in Python so that the order of
# readings is the same on SQLite and PostgreSQL (code-point order of hiragana);
# unknown figures go last.
SORTS = {
    "code": lambda m: m.code,
    "kana": lambda m: (m.kana, m.code),
    "population": lambda m: (m.population is None, -(m.population or 0), m.code),
    "area": lambda m: (m.area_km2 is None, -(m.area_km2 or 0), m.code),
    "joined": lambda m: (m.joined_on, m.code),
}
DEFAULT_SORT = "code"


@dataclass(frozen=True)
class SortColumn:
    """A sortable column of the members table: its heading and the order it sorts in, in words."""

    key: str
    label: str
    order: str  # e.g. 多い順, shown beside the label
    direction: str  # aria-sort value: ascending or descending
    numeric: bool = False


SORT_COLUMNS = {
    column.key: column
    for column in (
        SortColumn("kana", "市町村名", "よみがな順", "ascending"),
        SortColumn("code", "団体コード", "小さい順", "ascending"),
        SortColumn("population", "人口", "多い順", "descending", numeric=True),
        SortColumn("area", "面積 km²", "広い順", "descending", numeric=True),
        SortColumn("joined", "加入日", "古い順", "ascending"),
    )
}

# Projects in progress first, then those being prepared, then finished ones.
STATUS_ORDER = Case(
    When(status=CooperationProject.Status.ACTIVE, then=0),
    When(status=CooperationProject.Status.PLANNED, then=1),
    default=2,
)


def municipality_list(request: HttpRequest) -> HttpResponse:
    sort = request.GET.get("sort", DEFAULT_SORT)
    if sort not in SORTS:  # an unknown key gives the default order, never an error
        sort = DEFAULT_SORT
    elif "sort" in request.GET:
        query_used(request, sort=sort)
    today = timezone.localdate()
    members = sorted(Municipality.objects.members_as_of(today), key=SORTS[sort])
    context = {
        "members": members,
        "totals": rules.totals(members),
        "sort": sort,
        "columns": SORT_COLUMNS,
        "sorted_by": SORT_COLUMNS[sort],
        "members_since": rules.membership_since(members, today),
        "sources": Municipality.objects.members_as_of(today).cited_sources(),
        **_figure_references(members),
    }
    return render(request, "areas/municipality_list.html", context)


def _figure_references(members: list[Municipality]) -> dict:
    """The distinct reference points of the figures shown (e.g. 令和2年国勢調査), for the table note."""
    return {
        "population_references": sorted({m.population_reference for m in members if m.population_reference}),
        "area_dates": sorted({m.area_reference_date for m in members if m.area_reference_date}),
    }


def municipality_detail(request: HttpRequest, code: str) -> HttpResponse:
    municipality = get_object_or_404(Municipality.objects.select_related("population_source", "area_source"), code=code)
    context = {
        "municipality": municipality,
        "projects": municipality.projects.for_listing(),
        # Reverse relation from the libraries app, with the libraries' own rule for how many places a
        # system has (「21 か所のうち 9 か所」, 「少なくとも 1 か所」), as the library pages count them.
        "library_sections": [
            system_section(system, system.locations.all(), system.kind_counts.all())
            for system in municipality.library_systems.prefetch_related("locations", "kind_counts")
        ],
        # Reverse relation from the notices app, likewise.
        "notices": municipality.notices.visible_at(timezone.now()),
    }
    return render(request, "areas/municipality_detail.html", context)


def history(request: HttpRequest) -> HttpResponse:
    municipalities = list(Municipality.objects.all())
    context = {
        "joins": rules.joins(municipalities),
        **_figure_references(municipalities),
        "sources": Municipality.objects.cited_sources(),
    }
    return render(request, "areas/history.html", context)


def with_status_notes(projects, today, months: int) -> list[CooperationProject]:
    """The projects, each with `status_note`: the as-of sentence its cards show beside
    「実施中」/「準備中」 (CooperationProject.status_as_of, review period `months`)."""
    projects = list(projects.prefetch_related("sources"))
    for project in projects:
        project.status_note = project.status_as_of(today, months)
    return projects


def policy(request: HttpRequest) -> HttpResponse:
    fields = PolicyField.objects.select_related("group").annotate(project_count=Count("projects"))
    pillars = Pillar.objects.prefetch_related(Prefetch("fields", queryset=fields))
    return render(request, "areas/policy.html", {"pillars": pillars})


def policy_field(request: HttpRequest, pillar: int, number: int) -> HttpResponse:
    field = get_object_or_404(
        PolicyField.objects.select_related("pillar", "group"), pillar__number=pillar, number=number
    )
    projects = with_status_notes(field.projects.for_listing(), timezone.localdate(), review_months(request))
    return render(request, "areas/policy_field.html", {"field": field, "projects": projects})


def project_list(request: HttpRequest) -> HttpResponse:
    projects = with_status_notes(
        CooperationProject.objects.for_listing().order_by(STATUS_ORDER, "title"),
        timezone.localdate(),
        review_months(request),
    )
    figure = facts.PROJECTS_IN_ARTICLE
    context = {
        "projects": projects,
        "headline": figure,
        "headline_source": Source.objects.filter(code=figure.source_code).first(),
        "sources": sources_of(CooperationProject.objects.all()),
    }
    return render(request, "areas/project_list.html", context)


def project_detail(request: HttpRequest, slug: str) -> HttpResponse:
    project = get_object_or_404(CooperationProject.objects.for_listing().prefetch_related("sources"), slug=slug)
    today = timezone.localdate()
    context = {
        "project": project,
        "as_of_note": project.status_as_of(today, review_months(request)),
        "members": project.municipalities.all(),
        "notices": project.notices.visible_at(timezone.now()),
        "last_changed": lastmod.day_of(
            lastmod.last_changed(
                CooperationProject.history.filter(id=project.pk),
                Municipality.history.all(),
                project.notices.model.history.filter(project_id=project.pk),  # notices app, by the reverse relation
            )
        ),
    }
    return render(request, "areas/project_detail.html", context)
