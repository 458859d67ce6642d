from django.urls import path

from . import views

app_name = "libraries"

urlpatterns = [
    path("", views.guide, name="guide"),
    path("locations/", views.location_list, name="location_list"),
    path("locations/<id:pk>/", views.location_detail, name="location"),
    path("return/", views.return_finder, name="return"),
    path("eligibility/", views.eligibility_finder, name="eligibility"),
    path("facilities.csv", views.facilities_csv, name="facilities_csv"),
]
