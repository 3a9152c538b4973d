"""Writes of the campaign sites. Campaign content holds no personal data (press contacts are
professional details published on purpose), so no audit entry; every landing page change is
kept as a `LandingRevision` with who made it and when."""

from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from rumbo.campaigns.models import (
    Campaign,
    LandingBlock,
    LandingRevision,
    Material,
    NewsItem,
    Partnership,
    PressContact,
    SocialChannel,
)
from rumbo.campaigns.permissions import (
    campaign_may_edit,
    campaign_may_publish,
    campaign_may_publish_regional,
)
from rumbo.campaigns.svg import svg_sanitise
from rumbo.core.uploads import MEGABYTE, UploadError, UploadLimits, upload_read

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _contrast_with_white(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return 1.05 / (luminance + 0.05)


@transaction.atomic
def campaign_theme_update(
    *,
    campaign: Campaign,
    slogan: str,
    logo_svg: str,
    colour_primary: str,
    colour_accent: str,
    domain: str | None = None,
) -> Campaign:
    """Sets a campaign's theme. The logo is sanitised (svg.py: refused with a message naming
    what was found); the main colour must keep links and buttons readable on white (WCAG AA,
    4.5:1). Raises ValidationError naming the field; nothing is written then."""
    campaign.slogan = slogan
    campaign.colour_primary = colour_primary
    campaign.colour_accent = colour_accent
    campaign.domain = (domain or "").strip().lower() or None
    try:
        campaign.logo_svg = svg_sanitise(logo_svg)
    except ValidationError as error:
        raise ValidationError({"logo_svg": error.messages}) from error
    campaign.full_clean()
    if _contrast_with_white(colour_primary) < 4.5:
        raise ValidationError(
            {
                "colour_primary": _(
                    "This colour is too light for text on white (contrast below 4.5 to 1)."
                )
            }
        )
    campaign.save()
    return campaign


def landing_snapshot(*, campaign: Campaign) -> dict[str, Any]:
    """The landing blocks in every language, as a revision stores them."""
    blocks = []
    for block in LandingBlock.objects.filter(campaign=campaign).order_by("order", "pk"):
        blocks.append(
            {
                "kind": block.kind,
                "title": {code: getattr(block, f"title_{code}") or "" for code in LANGUAGE_CODES},
                "body": {code: getattr(block, f"body_{code}") or "" for code in LANGUAGE_CODES},
            }
        )
    return {"blocks": blocks}


def _check_editor(*, user: Any, campaign: Campaign) -> None:
    if not campaign_may_edit(user=user, campaign=campaign):
        raise PermissionDenied(_("You may not edit this campaign."))


@dataclass(frozen=True)
class BlockText:
    title: dict[str, str]
    body: dict[str, str]


@transaction.atomic
def landing_block_save(
    *,
    campaign: Campaign,
    user: Any,
    kind: str,
    order: int,
    text: BlockText,
    block: LandingBlock | None = None,
) -> LandingBlock:
    """Creates or changes one block of the draft and records the new draft as a revision
    (who and when). Visitors still see the last published revision."""
    _check_editor(user=user, campaign=campaign)
    if block is not None and block.campaign_id != campaign.pk:
        raise PermissionDenied(_("This block belongs to another campaign."))
    block = block or LandingBlock(campaign=campaign)
    block.kind = kind
    block.order = order
    for code in LANGUAGE_CODES:
        setattr(block, f"title_{code}", text.title.get(code, "").strip() or None)
        setattr(block, f"body_{code}", text.body.get(code, "").strip() or None)
    block.title = text.title.get(settings.LANGUAGE_CODE, "").strip()
    block.body = text.body.get(settings.LANGUAGE_CODE, "").strip()
    block.full_clean()
    block.save()
    LandingRevision.objects.create(
        campaign=campaign, content=landing_snapshot(campaign=campaign), created_by=user
    )
    return block


@transaction.atomic
def landing_block_delete(*, campaign: Campaign, user: Any, block: LandingBlock) -> None:
    _check_editor(user=user, campaign=campaign)
    if block.campaign_id != campaign.pk:
        raise PermissionDenied(_("This block belongs to another campaign."))
    block.delete()
    LandingRevision.objects.create(
        campaign=campaign, content=landing_snapshot(campaign=campaign), created_by=user
    )


@transaction.atomic
def landing_publish(*, campaign: Campaign, user: Any) -> LandingRevision:
    """Publishes the current draft: visitors see it from now on. Refused to an editor when
    the instance requires approval."""
    if not campaign_may_publish(user=user, campaign=campaign):
        raise PermissionDenied(_("Only a campaign manager may publish this landing page."))
    revision = LandingRevision.objects.create(
        campaign=campaign,
        content=landing_snapshot(campaign=campaign),
        created_by=user,
        published_at=timezone.now(),
        published_by=user,
    )
    return revision


# Materials


@dataclass(frozen=True)
class FileType:
    extension: str
    content_type: str
    magic: tuple[bytes, ...]
    offset: int = 0


FILE_TYPES: dict[str, list[FileType]] = {
    Material.Kind.VIDEO: [
        FileType("mp4", "video/mp4", (b"ftyp",), 4),
        FileType("webm", "video/webm", (b"\x1a\x45\xdf\xa3",)),
    ],
    Material.Kind.AUDIO: [
        FileType("mp3", "audio/mpeg", (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2")),
        FileType("ogg", "audio/ogg", (b"OggS",)),
        FileType("wav", "audio/wav", (b"RIFF",)),
        FileType("m4a", "audio/mp4", (b"ftyp",), 4),
    ],
    Material.Kind.POSTER: [
        FileType("pdf", "application/pdf", (b"%PDF-",)),
        FileType("png", "image/png", (b"\x89PNG\r\n\x1a\n",)),
        FileType("jpg", "image/jpeg", (b"\xff\xd8\xff",)),
    ],
    Material.Kind.CARD: [
        FileType("png", "image/png", (b"\x89PNG\r\n\x1a\n",)),
        FileType("jpg", "image/jpeg", (b"\xff\xd8\xff",)),
    ],
}


def material_file_type(*, kind: str, name: str, head: bytes) -> FileType:
    """The file's type, read from its first bytes and checked against its name and the kind
    of material; ValidationError otherwise (a renamed file is refused)."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    extension = "jpg" if extension == "jpeg" else extension
    allowed = FILE_TYPES.get(kind, [])
    for file_type in allowed:
        if extension == file_type.extension:
            start = head[file_type.offset :]
            if any(start.startswith(magic) for magic in file_type.magic):
                return file_type
            raise ValidationError(
                {
                    "file": _("The file %(name)s is not really a .%(extension)s file.")
                    % {"name": name, "extension": extension}
                }
            )
    raise ValidationError(
        {
            "file": _("A %(kind)s must be one of these types: %(types)s.")
            % {
                "kind": Material.Kind(kind).label,
                "types": ", ".join(f".{file_type.extension}" for file_type in allowed),
            }
        }
    )


@transaction.atomic
def material_create(
    *,
    campaign: Campaign,
    user: Any,
    kind: str,
    title: str,
    description: str = "",
    link: str = "",
    transcript: str = "",
    captions: str = "",
    file: IO[bytes] | None = None,
    file_name: str = "",
    is_demo: bool = False,
) -> Material:
    """Adds a material: a file (size limit, type read from its bytes) or a link. Videos and
    audio spots must carry a transcript and WebVTT captions. Raises ValidationError naming
    the field; nothing is stored then (the file is written only after every check)."""
    if user is not None:
        _check_editor(user=user, campaign=campaign)
    material = Material(
        campaign=campaign,
        kind=kind,
        title=title,
        description=description,
        link=link,
        transcript=transcript,
        captions=captions.strip(),
        is_demo=is_demo,
    )
    errors: dict[str, list[str]] = {}
    if (file is None) == (not link):
        errors["file"] = [_("Give either a file or a link, not both.")]
    if kind in (Material.Kind.VIDEO, Material.Kind.AUDIO):
        if not transcript.strip():
            errors["transcript"] = [_("Videos and audio spots need a transcript.")]
        if not material.captions.startswith("WEBVTT"):
            errors["captions"] = [_("Captions must be WebVTT text, starting with WEBVTT.")]
    if errors:
        raise ValidationError(errors)
    data = b""
    if file is not None:
        # The one upload gate (rumbo.core.uploads): read no further than the limit.
        limits = UploadLimits(max_upload_bytes=settings.RUMBO_CAMPAIGN_MATERIAL_MAX_MB * MEGABYTE)
        try:
            data = upload_read(file=file, name=file_name, limits=limits)
        except UploadError as error:
            raise ValidationError({"file": error.message}) from error
        file_type = material_file_type(kind=kind, name=file_name, head=data[:64])
        material.content_type = file_type.content_type
        material.size = len(data)
        base = slugify(file_name.rsplit(".", 1)[0])[:60] or "material"
        material.file.name = f"campaigns/materials/{base}.{file_type.extension}"
    material.full_clean(exclude=["file"])
    if file is not None:
        material.file.save(
            str(material.file.name).rsplit("/", 1)[-1], ContentFile(data), save=False
        )
    material.save()
    return material


# News


@transaction.atomic
def news_create(
    *,
    campaign: Campaign | None,
    user: Any,
    kind: str,
    title: str,
    body: str,
    contacts: list[PressContact] | tuple[PressContact, ...] = (),
    publish: bool = False,
    translations: dict[str, dict[str, str]] | None = None,
    is_demo: bool = False,
) -> NewsItem:
    """Writes a news item or press release (a draft unless `publish`). Publishing needs the
    right to publish the campaign (for regional news: a regional officer)."""
    if user is not None:
        if campaign is None:
            if not campaign_may_publish_regional(user=user):
                raise PermissionDenied(_("Only a regional communications officer may do this."))
        else:
            _check_editor(user=user, campaign=campaign)
            if publish and not campaign_may_publish(user=user, campaign=campaign):
                raise PermissionDenied(_("Only a campaign manager may publish."))
    slug = slugify(title)[:70] or "news"
    taken = NewsItem.objects.filter(campaign=campaign, slug__startswith=slug).count()
    item = NewsItem(
        campaign=campaign,
        kind=kind,
        slug=slug if not taken else f"{slug}-{taken + 1}",
        title=title,
        body=body,
        published_at=timezone.now() if publish else None,
        created_by=user,
        is_demo=is_demo,
    )
    for code, fields in (translations or {}).items():
        for name, value in fields.items():
            setattr(item, f"{name}_{code}", value)
    item.full_clean()
    item.save()
    foreign = [c for c in contacts if c.campaign_id not in (None, getattr(campaign, "pk", None))]
    if foreign:
        raise ValidationError({"contacts": _("A press contact of another campaign was chosen.")})
    item.contacts.set(contacts)
    return item


@transaction.atomic
def news_publish(*, item: NewsItem, user: Any) -> NewsItem:
    if item.campaign is None:
        allowed = campaign_may_publish_regional(user=user)
    else:
        allowed = campaign_may_publish(user=user, campaign=item.campaign)
    if not allowed:
        raise PermissionDenied(_("Only a campaign manager may publish."))
    item.published_at = timezone.now()
    item.save(update_fields=["published_at", "updated_at"])
    return item


# Partners and channels


@transaction.atomic
def partnership_add(*, campaign: Campaign, user: Any, organisation: Any, role: str) -> Partnership:
    _check_editor(user=user, campaign=campaign)
    partnership = Partnership(campaign=campaign, organisation=organisation, role=role)
    partnership.order = Partnership.objects.filter(campaign=campaign).count()
    partnership.full_clean()
    partnership.save()
    return partnership


@transaction.atomic
def channel_add(
    *, campaign: Campaign, user: Any, platform: str, url: str, handle: str
) -> SocialChannel:
    """A social account shown as a plain link: nothing of the platform is embedded."""
    _check_editor(user=user, campaign=campaign)
    channel = SocialChannel(campaign=campaign, platform=platform, url=url, handle=handle)
    channel.full_clean()
    channel.save()
    return channel


@transaction.atomic
def campaign_item_remove(*, campaign: Campaign, user: Any, item: Any) -> None:
    """Removes a partner, a channel, a material or a landing block of `campaign` (a landing
    block removal is a new draft version)."""
    _check_editor(user=user, campaign=campaign)
    if item.campaign_id != campaign.pk:
        raise PermissionDenied(_("This belongs to another campaign."))
    if isinstance(item, LandingBlock):
        landing_block_delete(campaign=campaign, user=user, block=item)
        return
    item.delete()
