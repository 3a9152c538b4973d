from django.urls import path

from rumbo.campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("", views.campaign_index, name="list"),
    # The region's pages come first: their words are reserved (models.RESERVED_SLUGS).
    path("news/", views.regional_news, name="regional_news"),
    path("news/<slug:slug>/", views.regional_news_item, name="regional_news_item"),
    path("feed/", views.regional_feed, name="regional_feed"),
    path("press/", views.regional_press, name="regional_press"),
    path("programmes/<slug:slug>/", views.programme_detail, name="programme"),
    path("manage/", views.manage_index, name="manage"),
    path("manage/news/", views.manage_regional_news, name="manage_regional_news"),
    path("<slug:slug>/", views.campaign_detail, name="detail"),
    path("<slug:slug>/materials/", views.campaign_materials, name="materials"),
    path("<slug:slug>/materials/<int:pk>/file", views.material_download, name="material_file"),
    path(
        "<slug:slug>/materials/<int:pk>/captions.vtt",
        views.material_captions,
        name="material_captions",
    ),
    path("<slug:slug>/poster.pdf", views.campaign_poster, name="poster"),
    path("<slug:slug>/qr.svg", views.campaign_qr, name="qr"),
    path("<slug:slug>/logo.svg", views.campaign_logo, name="logo"),
    path("<slug:slug>/partners/", views.campaign_partners, name="partners"),
    path("<slug:slug>/partners/<int:pk>/logo.svg", views.partner_logo, name="partner_logo"),
    path("<slug:slug>/press/", views.campaign_press, name="press"),
    path("<slug:slug>/news/", views.campaign_news, name="news"),
    path("<slug:campaign>/news/<slug:slug>/", views.news_item, name="news_item"),
    path("<slug:slug>/feed/", views.campaign_feed, name="feed"),
    path("<slug:slug>/manage/", views.manage_campaign, name="manage_campaign"),
    path("<slug:slug>/manage/blocks/new/", views.manage_block, name="manage_block_new"),
    path("<slug:slug>/manage/blocks/<int:pk>/", views.manage_block, name="manage_block"),
    path("<slug:slug>/manage/preview/", views.manage_preview, name="manage_preview"),
    path("<slug:slug>/manage/publish/", views.manage_publish, name="manage_publish"),
    path("<slug:slug>/manage/news/", views.manage_news, name="manage_news"),
    path(
        "<slug:slug>/manage/news/<int:pk>/publish/",
        views.manage_news_publish,
        name="manage_news_publish",
    ),
    path("<slug:slug>/manage/materials/", views.manage_material, name="manage_material"),
    path("<slug:slug>/manage/theme/", views.manage_theme, name="manage_theme"),
    path("<slug:slug>/manage/partners/", views.manage_partner, name="manage_partner"),
    path("<slug:slug>/manage/channels/", views.manage_channel, name="manage_channel"),
    path(
        "<slug:slug>/manage/<str:kind>/<int:pk>/remove/",
        views.manage_remove,
        name="manage_remove",
    ),
]
