from django.urls import path

from . import views

app_name = "areas"

urlpatterns = [
    path("areas/", views.municipality_list, name="municipality_list"),
    path("areas/history/", views.history, name="history"),
    path("areas/<str:code>/", views.municipality_detail, name="municipality"),
    path("policy/", views.policy, name="policy"),
    path("policy/<id:pillar>/<id:number>/", views.policy_field, name="policy_field"),
    path("projects/", views.project_list, name="project_list"),
    path("projects/<slug:slug>/", views.project_detail, name="project"),
]
