from django.urls import path

from . import views
from .feeds import NoticeFeed

app_name = "notices"

urlpatterns = [
    path("", views.notice_list, name="list"),
    path("feed.atom", NoticeFeed(), name="feed"),
    path("<id:pk>/", views.notice_detail, name="detail"),
]
