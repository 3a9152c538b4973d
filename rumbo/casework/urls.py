from django.urls import path

from rumbo.accounts import views as account_views
from rumbo.casework import views

app_name = "casework"

urlpatterns = [
    path("points/<slug:slug>/appointment/", views.appointment_request, name="appointment_request"),
    path("staff/login/", account_views.staff_login, name="login"),
    path("staff/login/code/", account_views.staff_login_verify, name="login_verify"),
    path("staff/login/setup/", account_views.staff_login_enrol, name="login_enrol"),
    path("staff/logout/", account_views.staff_logout, name="logout"),
    path("staff/", views.home, name="home"),
    path("staff/appointments/<int:pk>/", views.appointment_detail, name="appointment_detail"),
    path("staff/consultations/", views.consultation_list, name="consultation_list"),
    path("staff/consultations/new/", views.consultation_create, name="consultation_create"),
    path("staff/consultations/<int:pk>/", views.consultation_detail, name="consultation_detail"),
    path(
        "staff/consultations/<int:pk>/export/",
        views.consultation_export,
        name="consultation_export",
    ),
    path(
        "staff/consultations/<int:pk>/erase/", views.consultation_erase, name="consultation_erase"
    ),
    path("staff/referrals/", views.referral_list, name="referral_list"),
    path("staff/referrals/<int:pk>/", views.referral_detail, name="referral_detail"),
    path("staff/reports/", views.report, name="report"),
    path("staff/reports/export.<str:file_format>", views.report_export, name="report_export"),
    path("staff/audit/", views.audit_log, name="audit_log"),
]
