from django.urls import path

from rumbo.research import views

app_name = "research"

urlpatterns = [
    path("", views.project_list, name="projects"),
    path("diagnosis/<slug:slug>/", views.diagnosis, name="diagnosis"),
    path("diagnosis/<slug:slug>/choose/", views.findings_choose, name="findings"),
    path("p/<slug:slug>/", views.project_detail, name="project"),
    path("p/<slug:slug>/upload/", views.upload, name="upload"),
    path("p/<slug:slug>/jobs/<uuid:job_id>/", views.job_detail, name="job"),
    path("p/<slug:slug>/weights/", views.weights, name="weights"),
    path("p/<slug:slug>/frequencies/", views.frequencies, name="frequencies"),
    path("p/<slug:slug>/crosstab/", views.crosstab, name="crosstab"),
    path("p/<slug:slug>/indicators/new/", views.indicator_edit, name="indicator_new"),
    path(
        "p/<slug:slug>/indicators/<slug:indicator_slug>/",
        views.indicator_detail,
        name="indicator",
    ),
    path(
        "p/<slug:slug>/indicators/<slug:indicator_slug>/edit/",
        views.indicator_edit,
        name="indicator_edit",
    ),
    path(
        "p/<slug:slug>/export/<slug:what>.<str:file_format>",
        views.export,
        name="export",
    ),
]
