"""Pages of the notices: the list (20 a page) and one notice (staff may preview unpublished ones)."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control

from kumamoto_portal.serving import lastmod
from kumamoto_portal.serving.canonical import query_used

from .models import Notice

PER_PAGE = 20


def notice_list(request: HttpRequest) -> HttpResponse:
    visible = Notice.objects.visible_at(timezone.now())
    paginator = Paginator(visible, PER_PAGE, allow_empty_first_page=True)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except InvalidPage as error:  # junk or out of range: there is no such page
        raise Http404("そのページはありません") from error
    if "page" in request.GET:
        query_used(request, page=page.number)
    return render(request, "notices/list.html", {"page": page, "notices": page.object_list})


def notice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A notice residents can see; those who may edit it also see it scheduled or ended, labelled."""
    now = timezone.now()
    notice = get_object_or_404(Notice.objects.select_related("project"), pk=pk)
    status = notice.status_at(now)
    preview = status != Notice.Status.SHOWN
    if preview and not notice.may_be_previewed_by(request.user):
        raise Http404("このお知らせは掲載されていません")
    context = {
        "notice": notice,
        "status": status,
        "municipalities": notice.municipalities.all(),
        "last_changed": lastmod.day_of(lastmod.last_changed(Notice.history.filter(id=notice.pk))),
    }
    response = render(request, "notices/detail.html", context)
    if preview:  # for the one who may edit it: never kept by a shared cache or another browser user
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response
