import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.utils import translation

from rumbo.accounts.factories import UserFactory
from rumbo.campaigns.factories import CampaignFactory, CampaignRoleFactory, PressContactFactory
from rumbo.campaigns.models import CampaignRole, LandingRevision, Material
from rumbo.campaigns.selectors import landing_draft, landing_published
from rumbo.campaigns.services import (
    BlockText,
    campaign_theme_update,
    landing_block_save,
    landing_publish,
    material_create,
    news_create,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%demo\n"


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def campaign():
    return CampaignFactory()


def _role(campaign, role=CampaignRole.Role.MANAGER):
    return CampaignRoleFactory(campaign=campaign, role=role).user


def _save(campaign, user, title="Hola"):
    return landing_block_save(
        campaign=campaign,
        user=user,
        kind="problem",
        order=1,
        text=BlockText({"es": title, "ar": "مرحبا"}, {"es": "Texto"}),
    )


def test_a_saved_block_is_a_draft_with_a_version_until_published(campaign):
    manager = _role(campaign)
    _save(campaign, manager)
    revision = LandingRevision.objects.get(campaign=campaign)
    assert revision.created_by == manager
    assert revision.published_at is None
    assert landing_published(campaign=campaign) == []
    assert [block.title for block in landing_draft(campaign=campaign)] == ["Hola"]
    landing_publish(campaign=campaign, user=manager)
    assert [block.title for block in landing_published(campaign=campaign)] == ["Hola"]


def test_published_blocks_are_translated(campaign):
    from django.utils import translation

    manager = _role(campaign)
    _save(campaign, manager)
    landing_publish(campaign=campaign, user=manager)
    with translation.override("ar"):
        assert landing_published(campaign=campaign)[0].title == "مرحبا"
    with translation.override("fr"):  # falls back to Spanish
        assert landing_published(campaign=campaign)[0].title == "Hola"


@override_settings(RUMBO_CAMPAIGN_APPROVAL_REQUIRED=True)
def test_an_editor_saves_but_may_not_publish_when_approval_is_required(campaign):
    editor = _role(campaign, CampaignRole.Role.EDITOR)
    _save(campaign, editor)
    with pytest.raises(PermissionDenied):
        landing_publish(campaign=campaign, user=editor)


@override_settings(RUMBO_CAMPAIGN_APPROVAL_REQUIRED=False)
def test_an_editor_publishes_when_no_approval_is_required(campaign):
    editor = _role(campaign, CampaignRole.Role.EDITOR)
    assert landing_publish(campaign=campaign, user=editor).published_by == editor


def test_a_manager_of_another_campaign_may_not_edit(campaign):
    other = _role(CampaignFactory())
    with pytest.raises(PermissionDenied):
        _save(campaign, other)
    assert not LandingRevision.objects.filter(campaign=campaign).exists()


def test_a_regional_officer_edits_every_campaign(campaign):
    officer = UserFactory()
    CampaignRole.objects.create(user=officer, role=CampaignRole.Role.OFFICER)  # type: ignore[misc]
    _save(campaign, officer)
    assert landing_publish(campaign=campaign, user=officer).published_by == officer


def test_theme_refuses_a_bad_colour_and_a_hostile_logo_writing_nothing(campaign):
    for colour, logo in (("red", ""), ("#ffff00", ""), ("#1a5e9c", "<svg><script/></svg>")):
        with pytest.raises(ValidationError):
            campaign_theme_update(
                campaign=campaign,
                slogan="x",
                logo_svg=logo,
                colour_primary=colour,
                colour_accent="#000000",
            )
    campaign.refresh_from_db()
    assert campaign.slogan == "Tu plan, tu futuro"


def test_material_file_is_stored_with_its_type_and_size(campaign, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    material = material_create(
        campaign=campaign,
        user=_role(campaign),
        kind=Material.Kind.POSTER,
        title="Afiche",
        file=io.BytesIO(PDF),
        file_name="afiche.pdf",
    )
    assert material.content_type == "application/pdf"
    assert material.size == len(PDF)
    assert material.file.read() == PDF


@pytest.mark.parametrize(
    ("name", "data", "field"),
    [
        ("afiche.pdf", b"MZ\x90\x00 not a pdf", "file"),  # mistyped: renamed executable
        ("afiche.exe", PDF, "file"),  # a type no poster may have
        ("afiche.pdf", b"", "file"),
    ],
)
def test_mistyped_or_empty_material_is_refused(campaign, settings, tmp_path, name, data, field):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError) as refused:
        material_create(
            campaign=campaign,
            user=_role(campaign),
            kind=Material.Kind.POSTER,
            title="Afiche",
            file=io.BytesIO(data),
            file_name=name,
        )
    assert field in refused.value.message_dict
    assert not Material.objects.filter(campaign=campaign).exists()
    assert list(tmp_path.rglob("*.*")) == []


def test_oversized_material_is_refused(campaign, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.RUMBO_CAMPAIGN_MATERIAL_MAX_MB = 1
    with pytest.raises(ValidationError) as refused:
        material_create(
            campaign=campaign,
            user=_role(campaign),
            kind=Material.Kind.POSTER,
            title="Afiche",
            file=io.BytesIO(PDF + b"0" * (1024 * 1024)),
            file_name="afiche.pdf",
        )
    assert "larger than 1 MB" in refused.value.message_dict["file"][0]
    assert not Material.objects.filter(campaign=campaign).exists()


def test_video_needs_transcript_and_captions(campaign):
    with pytest.raises(ValidationError) as refused:
        material_create(
            campaign=campaign,
            user=_role(campaign),
            kind=Material.Kind.VIDEO,
            title="Video",
            link="https://video.example/1",
        )
    assert set(refused.value.message_dict) == {"transcript", "captions"}


def test_news_by_an_editor_needs_approval_to_publish(campaign, settings):
    settings.RUMBO_CAMPAIGN_APPROVAL_REQUIRED = True
    editor = _role(campaign, CampaignRole.Role.EDITOR)
    with pytest.raises(PermissionDenied):
        news_create(campaign=campaign, user=editor, kind="news", title="T", body="B", publish=True)
    draft = news_create(campaign=campaign, user=editor, kind="news", title="T", body="B")
    assert draft.published_at is None


def test_news_may_not_name_another_campaigns_press_contact(campaign):
    foreign = PressContactFactory(campaign=CampaignFactory())
    with pytest.raises(ValidationError):
        news_create(
            campaign=campaign,
            user=_role(campaign),
            kind="release",
            title="T",
            body="B",
            contacts=[foreign],  # type: ignore[list-item]
        )


def test_a_campaign_may_not_take_a_regional_pages_word_as_slug():
    campaign = CampaignFactory.build(slug="news", country=CampaignFactory().country)
    with pytest.raises(ValidationError) as refused:
        campaign.full_clean()
    assert "slug" in refused.value.message_dict
