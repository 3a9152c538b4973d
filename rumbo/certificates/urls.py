from django.urls import path

from rumbo.certificates import views

app_name = "certificates"

urlpatterns = [
    path("", views.verify_form, name="form"),
    path("check/", views.credential_check, name="check"),
    path("issuers/<slug:slug>/", views.issuer, name="issuer"),
    path("<str:code>/", views.certificate_page, name="certificate"),
    path("<str:code>/credential/", views.credential_download, name="credential"),
    path("<str:code>/pdf/", views.certificate_pdf_download, name="pdf"),
]
