from django.urls import path

from rumbo.campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("", views.campaign_index, name="list"),
    path("<slug:slug>/", views.campaign_detail, name="detail"),
]
