from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from rumbo.accounts.decorators import powers_required
from rumbo.campaigns import selectors, services
from rumbo.campaigns.forms import (
    BlockForm,
    ChannelForm,
    MaterialForm,
    NewsForm,
    PartnerForm,
    ThemeForm,
)
from rumbo.campaigns.models import Campaign, NewsItem
from rumbo.campaigns.permissions import (
    campaign_may_edit,
    campaign_may_publish,
    campaign_may_publish_regional,
)
from rumbo.campaigns.posters import campaign_poster_pdf, site_qr_svg
from rumbo.core.downloads import download_response
from rumbo.core.forms import form_add_service_error
from rumbo.guides.templatetags.guides import markdown

FEED_ITEMS = 20


def _campaign(slug: str) -> Campaign:
    campaign = selectors.campaign_get(slug=slug)
    if campaign is None:
        raise Http404(_("No campaign has this address."))
    return campaign


def site_url(request: HttpRequest, campaign: Campaign) -> str:
    """The address of the campaign's site: its own domain when it has one."""
    if campaign.domain:
        return f"{request.scheme}://{campaign.domain}{_port(request)}/"
    return request.build_absolute_uri(f"/c/{campaign.slug}/")


def _port(request: HttpRequest) -> str:
    port = request.get_port()
    return "" if port in ("80", "443") else f":{port}"


# Public pages


@require_safe
def campaign_index(request: HttpRequest) -> HttpResponse:
    return render(request, "campaigns/list.html", {"campaigns": selectors.campaign_list()})


@require_safe
def campaign_detail(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _campaign(slug)
    context = {
        "campaign": campaign,
        "blocks": selectors.landing_published(campaign=campaign),
        "featured": selectors.featured_for_country(campaign=campaign),
        "channels": selectors.channel_list(campaign=campaign),
        "news": selectors.news_list(campaign=campaign)[:3],
    }
    return render(request, "campaigns/detail.html", context)


@require_safe
def campaign_materials(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _campaign(slug)
    context = {"campaign": campaign, "materials": selectors.material_list(campaign=campaign)}
    return render(request, "campaigns/materials.html", context)


@require_safe
def material_download(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    material = selectors.material_get(campaign=_campaign(slug), pk=pk)
    if material is None or not material.file:
        raise Http404(_("No material with this address."))
    with material.file.open("rb") as file:
        content = file.read()
    name = str(material.file.name).rsplit("/", 1)[-1]
    # Media and images open in the browser; anything else is saved.
    inline = material.content_type.split("/")[0] in ("image", "audio", "video")
    response = download_response(
        content, filename=name, content_type=material.content_type, inline=inline
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_safe
def material_captions(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    material = selectors.material_get(campaign=_campaign(slug), pk=pk)
    if material is None or not material.captions:
        raise Http404(_("No material with this address."))
    return download_response(
        material.captions,
        filename=f"{slug}-{pk}.vtt",
        content_type="text/vtt; charset=utf-8",
        inline=True,
    )


@require_safe
def campaign_poster(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _campaign(slug)
    pdf = campaign_poster_pdf(
        campaign=campaign,
        url=site_url(request, campaign),
        call=_("Make your plan and find reliable information:"),
    )
    return download_response(pdf, filename=f"{slug}-poster.pdf", content_type="application/pdf")


@require_safe
def campaign_qr(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _campaign(slug)
    return download_response(
        site_qr_svg(url=site_url(request, campaign)),
        filename=f"{slug}-qr.svg",
        content_type="image/svg+xml",
        inline=True,
    )


@require_safe
def campaign_logo(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _campaign(slug)
    if not campaign.logo_svg:
        raise Http404(_("This campaign has no logo."))
    return _svg_response(campaign.logo_svg, filename=f"{slug}.svg")


@require_safe
def partner_logo(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = selectors.partnership_list(campaign=_campaign(slug)).filter(pk=pk).first()
    if partnership is None or not partnership.logo_svg:
        raise Http404(_("This partner has no logo."))
    return _svg_response(partnership.logo_svg, filename=f"{slug}-partner-{pk}.svg")


def _svg_response(svg: str, *, filename: str) -> HttpResponse:
    response = download_response(svg, filename=filename, content_type="image/svg+xml", inline=True)
    # Sanitised when saved; opened on its own, the file still may not run or load anything.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
def campaign_partners(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _campaign(slug)
    context = {"campaign": campaign, "partnerships": selectors.partnership_list(campaign=campaign)}
    return render(request, "campaigns/partners.html", context)


@require_safe
def campaign_press(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _campaign(slug)
    context = {
        "campaign": campaign,
        "contacts": selectors.press_contact_list(campaign=campaign),
        "releases": selectors.news_list(campaign=campaign).filter(kind=NewsItem.Kind.RELEASE),
        "feed_url": reverse("campaigns:feed", kwargs={"slug": slug}),
    }
    return render(request, "campaigns/press.html", context)


@require_safe
def campaign_news(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _campaign(slug)
    context = {
        "campaign": campaign,
        "items": selectors.news_list(campaign=campaign)[:50],
        "feed_url": reverse("campaigns:feed", kwargs={"slug": slug}),
    }
    return render(request, "campaigns/news_list.html", context)


@require_safe
def news_item(request: HttpRequest, campaign: str, slug: str) -> HttpResponse:
    owner = _campaign(campaign)
    item = selectors.news_get(campaign=owner, slug=slug)
    if item is None:
        raise Http404(_("No news item with this address."))
    return render(request, "campaigns/news_item.html", {"campaign": owner, "item": item})


@require_safe
def regional_news(request: HttpRequest) -> HttpResponse:
    context = {
        "items": selectors.news_list(campaign=None)[:50],
        "feed_url": reverse("campaigns:regional_feed"),
    }
    return render(request, "campaigns/news_list.html", context)


@require_safe
def regional_news_item(request: HttpRequest, slug: str) -> HttpResponse:
    item = selectors.news_get(campaign=None, slug=slug)
    if item is None:
        raise Http404(_("No news item with this address."))
    return render(request, "campaigns/news_item.html", {"item": item})


@require_safe
def regional_press(request: HttpRequest) -> HttpResponse:
    context = {
        "contacts": selectors.press_contact_list(campaign=None),
        "releases": selectors.news_list(campaign=None).filter(kind=NewsItem.Kind.RELEASE)[:50],
        "feed_url": reverse("campaigns:regional_feed"),
        "campaigns": selectors.campaign_list(),
    }
    return render(request, "campaigns/press.html", context)


@require_safe
def programme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    programme = selectors.programme_get(slug=slug)
    if programme is None:
        raise Http404(_("No programme with this address."))
    return render(request, "campaigns/programme.html", {"programme": programme})


def _feed(request: HttpRequest, *, title: str, link: str, items) -> HttpResponse:
    feed = Atom1Feed(
        title=title,
        link=request.build_absolute_uri(link),
        description="",
        language=get_language(),
        feed_url=request.build_absolute_uri(),
        feed_guid=request.build_absolute_uri(),
        author_name=title,
    )
    for item in items:
        url = request.build_absolute_uri(item.get_absolute_url())
        feed.add_item(
            title=item.title,
            link=url,
            description=markdown(item.body),
            unique_id=url,
            pubdate=item.published_at,
            updateddate=item.updated_at,
            author_name=item.campaign.name if item.campaign else title,
            categories=[str(item.get_kind_display())],
        )
    return HttpResponse(
        feed.writeString("utf-8"), content_type="application/atom+xml; charset=utf-8"
    )


@require_safe
def campaign_feed(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _campaign(slug)
    items = selectors.news_list(campaign=campaign)[:FEED_ITEMS]
    return _feed(
        request,
        title=campaign.name,
        link=reverse("campaigns:news", kwargs={"slug": slug}),
        items=items,
    )


@require_safe
def regional_feed(request: HttpRequest) -> HttpResponse:
    return _feed(
        request,
        title=_("Campaign news"),
        link=reverse("campaigns:regional_news"),
        items=selectors.news_list(campaign=None)[:FEED_ITEMS],
    )


# The campaign team's pages (a power: second factor; rumbo.accounts.decorators)


def _editable(request: HttpRequest, slug: str) -> Campaign:
    campaign = _campaign(slug)
    if not campaign_may_edit(user=request.user, campaign=campaign):
        raise Http404(_("No campaign has this address."))
    return campaign


@powers_required
def manage_index(request: HttpRequest) -> HttpResponse:
    context = {
        "campaigns": selectors.campaign_list_editable(user=request.user),
        "regional": campaign_may_publish_regional(user=request.user),
    }
    return render(request, "campaigns/manage/index.html", context)


@powers_required
def manage_regional_news(request: HttpRequest) -> HttpResponse:
    if not campaign_may_publish_regional(user=request.user):
        raise Http404(_("No campaign has this address."))
    form = NewsForm(request.POST or None, contacts=selectors.press_contact_list(campaign=None))
    if request.method == "POST" and form.is_valid():
        try:
            services.news_create(campaign=None, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, _("The news item is saved."))
            return redirect("campaigns:manage")
    return render(request, "campaigns/manage/form.html", {"form": form})


@powers_required
def manage_campaign(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _editable(request, slug)
    context = {
        "campaign": campaign,
        "blocks": selectors.landing_block_list(campaign=campaign),
        "revisions": selectors.landing_revision_list(campaign=campaign)[:10],
        "unpublished": selectors.landing_has_unpublished_changes(campaign=campaign),
        "may_publish": campaign_may_publish(user=request.user, campaign=campaign),
        "drafts": selectors.news_drafts(campaign=campaign),
        "materials": selectors.material_list(campaign=campaign),
        "partnerships": selectors.partnership_list(campaign=campaign),
        "channels": selectors.channel_list(campaign=campaign),
    }
    return render(request, "campaigns/manage/campaign.html", context)


@powers_required
def manage_block(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    campaign = _editable(request, slug)
    block = None
    if pk is not None:
        block = selectors.landing_block_list(campaign=campaign).filter(pk=pk).first()
        if block is None:
            raise Http404(_("No block with this address."))
    initial = {}
    if block is not None:
        initial = {"kind": block.kind, "order": block.order}
        for field in ("title", "body"):
            for code in services.LANGUAGE_CODES:
                initial[f"{field}_{code}"] = getattr(block, f"{field}_{code}") or ""
    form = BlockForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.landing_block_save(
                campaign=campaign,
                user=request.user,
                block=block,
                kind=form.cleaned_data["kind"],
                order=form.cleaned_data["order"],
                text=services.BlockText(form.texts("title"), form.texts("body")),
            )
        except ValidationError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, _("Draft saved. Preview it, then publish it."))
            return redirect("campaigns:manage_campaign", slug=slug)
    return render(
        request, "campaigns/manage/block.html", {"campaign": campaign, "form": form, "block": block}
    )


@powers_required
def manage_preview(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _editable(request, slug)
    context = {
        "campaign": campaign,
        "blocks": selectors.landing_draft(campaign=campaign),
        "featured": selectors.featured_for_country(campaign=campaign),
        "channels": selectors.channel_list(campaign=campaign),
        "news": selectors.news_list(campaign=campaign)[:3],
        "preview": True,
        "may_publish": campaign_may_publish(user=request.user, campaign=campaign),
    }
    return render(request, "campaigns/detail.html", context)


@powers_required
@require_POST
def manage_publish(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _editable(request, slug)
    services.landing_publish(campaign=campaign, user=request.user)
    messages.success(request, _("The landing page is published."))
    return redirect("campaigns:manage_campaign", slug=slug)


@powers_required
def manage_news(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _editable(request, slug)
    form = NewsForm(request.POST or None, contacts=selectors.press_contact_list(campaign=campaign))
    if request.method == "POST" and form.is_valid():
        try:
            item = services.news_create(
                campaign=campaign,
                user=request.user,
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                contacts=list(form.cleaned_data["contacts"]),
                publish=form.cleaned_data["publish"],
            )
        except ValidationError as error:
            form_add_service_error(form, error)
        else:
            if item.published_at:
                messages.success(request, _("The news item is published."))
            else:
                messages.success(request, _("The news item is saved as a draft."))
            return redirect("campaigns:manage_campaign", slug=slug)
    return render(request, "campaigns/manage/form.html", {"campaign": campaign, "form": form})


@powers_required
@require_POST
def manage_news_publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    campaign = _editable(request, slug)
    item = selectors.news_drafts(campaign=campaign).filter(pk=pk).first()
    if item is None:
        raise Http404(_("No news item with this address."))
    services.news_publish(item=item, user=request.user)
    messages.success(request, _("The news item is published."))
    return redirect("campaigns:manage_campaign", slug=slug)


@powers_required
def manage_material(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _editable(request, slug)
    form = MaterialForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                services.material_create(
                    campaign=campaign,
                    user=request.user,
                    kind=form.cleaned_data["kind"],
                    title=form.cleaned_data["title"],
                    description=form.cleaned_data["description"],
                    link=form.cleaned_data["link"],
                    transcript=form.cleaned_data["transcript"],
                    captions=form.cleaned_data["captions"],
                    file=upload,
                    file_name=upload.name if upload else "",
                )
            except ValidationError as error:
                form_add_service_error(form, error)
            else:
                messages.success(request, _("The material is added."))
                return redirect("campaigns:manage_campaign", slug=slug)
        status = 400
    return render(
        request, "campaigns/manage/form.html", {"campaign": campaign, "form": form}, status=status
    )


@powers_required
def manage_theme(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = _editable(request, slug)
    initial = {
        "slogan": campaign.slogan,
        "colour_primary": campaign.colour_primary,
        "colour_accent": campaign.colour_accent,
        "logo_svg": campaign.logo_svg,
    }
    form = ThemeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.campaign_theme_update(
                campaign=campaign,
                slogan=form.cleaned_data["slogan"],
                logo_svg=form.cleaned_data["logo_svg"],
                colour_primary=form.cleaned_data["colour_primary"],
                colour_accent=form.cleaned_data["colour_accent"],
                domain=campaign.domain,
            )
        except ValidationError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, _("The theme is saved."))
            return redirect("campaigns:manage_campaign", slug=slug)
    return render(request, "campaigns/manage/form.html", {"campaign": campaign, "form": form})


def _manage_form(request: HttpRequest, slug: str, form_class, save, done: str) -> HttpResponse:
    campaign = _editable(request, slug)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            save(campaign=campaign, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_error(form, error)
        else:
            messages.success(request, done)
            return redirect("campaigns:manage_campaign", slug=slug)
    return render(request, "campaigns/manage/form.html", {"campaign": campaign, "form": form})


@powers_required
def manage_partner(request: HttpRequest, slug: str) -> HttpResponse:
    return _manage_form(request, slug, PartnerForm, services.partnership_add, _("Partner added."))


@powers_required
def manage_channel(request: HttpRequest, slug: str) -> HttpResponse:
    return _manage_form(request, slug, ChannelForm, services.channel_add, _("Channel added."))


REMOVABLE = {
    "block": selectors.landing_block_list,
    "partner": selectors.partnership_list,
    "channel": selectors.channel_list,
    "material": selectors.material_list,
}


@powers_required
@require_POST
def manage_remove(request: HttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    campaign = _editable(request, slug)
    if kind not in REMOVABLE:
        raise Http404(_("Nothing to remove at this address."))
    item = REMOVABLE[kind](campaign=campaign).filter(pk=pk).first()
    if item is None:
        raise Http404(_("Nothing to remove at this address."))
    services.campaign_item_remove(campaign=campaign, user=request.user, item=item)
    messages.success(request, _("Removed."))
    return redirect("campaigns:manage_campaign", slug=slug)
