from django.urls import path

from rumbo.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("start/", views.start, name="start"),
    path("open/", views.plan_open, name="open"),
    path("<str:code>/", views.plan_detail, name="plan"),
    path("<str:code>/q/<slug:slug>/", views.question, name="question"),
    path("<str:code>/pdf/", views.plan_pdf, name="pdf"),
    path("<str:code>/delete/", views.plan_delete_view, name="delete"),
]
