from django.urls import path

from rumbo.measurement import views

app_name = "measurement"

urlpatterns = [
    path("go/<slug:code>", views.go, name="go"),
    path("measurement/", views.dashboard, name="dashboard"),
    path("measurement/export.<str:file_format>", views.dashboard_export, name="export"),
    path("measurement/links/", views.link_list, name="links"),
    path("measurement/links/<int:pk>/", views.link_edit, name="link_edit"),
    path("measurement/links/<int:pk>/qr.<str:file_format>", views.link_qr, name="link_qr"),
    path("measurement/social/", views.social_upload, name="social"),
    path("measurement/social/template.csv", views.social_template, name="social_template"),
    path("measurement/reports/", views.donor_report_new, name="donor_new"),
    path("measurement/reports/<uuid:pk>/", views.donor_report, name="donor_report"),
    path(
        "measurement/reports/<uuid:pk>/report.<str:file_format>",
        views.donor_report_download,
        name="donor_download",
    ),
]
