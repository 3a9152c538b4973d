from django.urls import path

from rumbo.guides import views

app_name = "guides"

urlpatterns = [
    path("", views.guide_index, name="index"),
    path("search/", views.guide_search_page, name="search"),
    path("pathways/<slug:slug>/", views.pathway_detail, name="pathway"),
    path("documents/<slug:slug>/", views.document_detail, name="document"),
    path("articles/<slug:slug>/", views.article_detail, name="article"),
]
