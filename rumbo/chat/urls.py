from django.urls import path

from rumbo.chat import views

app_name = "chat"

urlpatterns = [
    path("hooks/<slug:slug>/", views.webhook, name="webhook"),
    path("l/<str:code>/", views.short_link, name="short_link"),
    path("staff/", views.inbox, name="inbox"),
    path("staff/<int:pk>/", views.handoff, name="handoff"),
    path("simulator/", views.simulator_page, name="simulator"),
    path("texts/", views.text_preview, name="text_preview"),
]
