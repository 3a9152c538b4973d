from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from rumbo.accounts.admin import RumboAdminSite
from rumbo.api.api import api

admin.site.__class__ = RumboAdminSite

urlpatterns = [
    path("", include("rumbo.core.urls")),
    path("campaigns/", include("rumbo.campaigns.urls")),
    path("guides/", include("rumbo.guides.urls")),
    path("plan/", include("rumbo.plans.urls")),
    path("points/", include("rumbo.infopoints.urls")),
    path("opportunities/", include("rumbo.opportunities.urls")),
    path("campus/", include("rumbo.learning.urls")),
    path("verify/", include("rumbo.certificates.urls")),
    path("chat/", include("rumbo.chat.urls")),
    path("research/", include("rumbo.research.urls")),
    # Casework has staff pages under staff/ and the public appointment request.
    path("", include("rumbo.casework.urls")),
    # Tracked links (/go/<code>) and the measurement pages (/measurement/).
    path("", include("rumbo.measurement.urls")),
    # Choosing a language is not a privileged action, and exempting it from CSRF keeps
    # public pages free of per-visitor tokens, so they stay cacheable and tiny.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:  # pragma: no cover - media is served by the storage backend in production
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
