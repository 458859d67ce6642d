"""Project-level pages: home, accessibility policy, robots.txt, health check, error pages."""

import sys

from django.contrib import admin
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from areas import rules
from areas.models import CooperationProject, Municipality, Pillar
from areas.views import with_status_notes
from counseling.caching import cache_until_next_change
from counseling.models import Service
from counseling.rules import Status
from counseling.views import schedule_context
from kumamoto_portal.lib.siteurl import absolute_url
from kumamoto_portal.models import sources_of
from kumamoto_portal.serving import outage
from kumamoto_portal.serving.operator import review_months
from notices.models import Notice

HOME_NOTICES = 5


def home(request: HttpRequest) -> HttpResponse:
    """What the area is, its members today, the three pillars, the projects in progress,
    and whether the LINE counseling is open now."""
    now = timezone.now()
    today = timezone.localdate(now)
    municipalities = list(Municipality.objects.all())
    joins = rules.joins(municipalities)
    context = {
        "today": today,
        "founding": joins[0] if joins else None,
        "member_count": len(rules.members_as_of(municipalities, today)),
        "members_since": rules.membership_since(municipalities, today),
        "pillars": Pillar.objects.all(),
        "projects": with_status_notes(
            CooperationProject.objects.in_progress().for_listing(), today, review_months(request)
        ),
        "notices": Notice.objects.visible_at(now)[:HOME_NOTICES],
    }
    context["sources"] = sources_of(
        Municipality.objects.all(),
        Pillar.objects.all(),
        CooperationProject.objects.in_progress(),
        Service.objects.all(),
    )
    service = Service.objects.current()
    if service is None:
        return render(request, "pages/home.html", context)
    context.update(service=service, **schedule_context(service, now, review_months(request)))
    return cache_until_next_change(render(request, "pages/home.html", context), context["status"], now)


def styleguide(request: HttpRequest) -> HttpResponse:
    """Every component of the site on one page, for maintainers (not indexed, not in the menu).

    The status boxes are drawn from the next real session, so no time is made up.
    """
    context = {"project_statuses": CooperationProject.Status.choices}
    service = Service.objects.current()
    upcoming = service.schedule().upcoming(timezone.now(), 1) if service else []
    if upcoming:
        context.update(
            service=service,
            open_status=Status(is_open=True, until=upcoming[0].end),
            closed_status=Status(is_open=False, next_opening=upcoming[0]),
        )
    return render(request, "pages/styleguide.html", context)


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: 200 when the database and the cache answer, else 503. Never cached."""
    checks = {"database": outage.database_answers(), "cache": cache_answers()}
    body = "".join(f"{name}: {'ok' if ok else 'unavailable'}\n" for name, ok in checks.items())
    response = HttpResponse(body, content_type="text/plain; charset=utf-8", status=200 if all(checks.values()) else 503)
    add_never_cache_headers(response)
    return response


def cache_answers() -> bool:
    try:
        cache.set("healthz", 1, 10)
        return cache.get("healthz") == 1
    except Exception:
        return False


def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = absolute_url(request, reverse("sitemap"))
    body = f"User-agent: *\nDisallow: /admin/\nSitemap: {sitemap}\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")


# --- Error pages: Japanese, on the base layout, never a stack trace ------------


# Error pages show no 最終更新日 (False, not None: None is a page whose data has no date).
NO_DATE = {"last_changed": False}


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/400.html", NO_DATE, status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The public 403 page; inside the admin, signed-in staff get an admin page (menu, sign-out)."""
    user = getattr(request, "user", None)
    if request.path.startswith(reverse("admin:index")) and user is not None and user.is_active and user.is_staff:
        context = {**admin.site.each_context(request), "title": "この操作はできません"}
        return render(request, "admin/403.html", context, status=403)
    return render(request, "errors/403.html", NO_DATE, status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", NO_DATE, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """A 500 page; when the database cannot be reached, the quick 503 instead (outage.py)."""
    if outage.is_database_unreachable(sys.exc_info()[1]):
        outage.record_failure()
        return outage.unavailable_response()
    # No request context: the failure may come from a context processor or the DB.
    return HttpResponse(loader.get_template("errors/500.html").render(), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "errors/403.html", {"csrf_failed": True, **NO_DATE}, status=403)
