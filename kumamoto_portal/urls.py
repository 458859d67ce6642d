from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, register_converter

from . import appconfig
from .lib.converters import IdConverter
from .serving.pagecache import HEALTHZ_PATH
from .site import views

# Before the apps' URLs are included: they use <id:…>.
register_converter(IdConverter, "id")

admin.site.site_header = "熊本連携中枢都市圏ポータル 管理画面"
admin.site.site_title = "熊本連携中枢都市圏ポータル 管理"
admin.site.index_title = "データの管理"
# No side menu: forms with inline tables get the whole width (1024 px and up without sideways scrolling).
admin.site.enable_nav_sidebar = False

urlpatterns = [
    path("", views.home, name="home"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("styleguide/", views.styleguide, name="styleguide"),
    path(HEALTHZ_PATH.lstrip("/"), views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": appconfig.sitemaps()}, name="sitemap"),
    path("", include("areas.urls")),
    path("libraries/", include("libraries.urls")),
    path("counseling/", include("counseling.urls")),
    path("notices/", include("notices.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "kumamoto_portal.site.views.bad_request"
handler403 = "kumamoto_portal.site.views.permission_denied"
handler404 = "kumamoto_portal.site.views.page_not_found"
handler500 = "kumamoto_portal.site.views.server_error"
