from django.urls import path

from rumbo.infopoints import views

app_name = "infopoints"

urlpatterns = [
    path("", views.point_list, name="list"),
    path("map/", views.point_map, name="map"),
    path("<slug:slug>/", views.point_detail, name="detail"),
]
