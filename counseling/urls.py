from django.urls import path

from . import views

app_name = "counseling"

urlpatterns = [
    path("", views.service_page, name="service"),
    path("calendar/", views.calendar_page, name="calendar"),
    path("sessions.ics", views.sessions_ics, name="sessions_ics"),
]
