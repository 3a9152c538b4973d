from django.conf import settings

from rumbo.core.selectors import site_section_list


def site(request):
    return {
        "site_name": settings.RUMBO_SITE_NAME,
        "site_sections": site_section_list(),
    }
