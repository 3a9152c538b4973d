from django.urls import path

from rumbo.opportunities import views

app_name = "opportunities"

# The fixed paths come before "<slug>/": an opportunity cannot be named "partner".
urlpatterns = [
    path("", views.opportunity_list, name="list"),
    path("partner/", views.partner_home, name="partner"),
    path("partner/new/", views.partner_edit, name="partner_new"),
    path("partner/<slug:slug>/edit/", views.partner_edit, name="partner_edit"),
    path("partner/<slug:slug>/confirm/", views.partner_confirm, name="partner_confirm"),
    path("import/", views.import_page, name="import"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("moderation/<int:pk>/", views.moderation_revision, name="moderation_revision"),
    path(
        "moderation/corrections/<int:pk>/",
        views.moderation_correction,
        name="moderation_correction",
    ),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("<slug:slug>/", views.opportunity_detail, name="detail"),
    path("<slug:slug>/correction/", views.correction, name="correction"),
]
