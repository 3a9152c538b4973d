from django.urls import path

from rumbo.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("jobs/<uuid:job_id>/", views.job_detail, name="job"),
]
