from pathlib import Path

import pytest
from django.utils import translation

from rumbo.core.uploads import UploadError
from rumbo.measurement.factories import campaign
from rumbo.measurement.models import SocialResult
from rumbo.measurement.social_import import social_import, social_template_csv

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


def run(name: str, data: bytes | None = None):
    data = data if data is not None else (FIXTURES / name).read_bytes()
    with translation.override("en"):
        return social_import(data=data, name=name, campaign=campaign())


def test_meta_business_suite_facebook_export_is_read():
    report = run("meta_facebook_posts.csv")
    assert report.layout == "Meta Business Suite (Facebook)"
    first = SocialResult.objects.get(post_id="112233445566778_998877665544332")
    assert (first.platform, str(first.day)) == ("facebook", "2026-11-20")
    assert (first.reach, first.impressions, first.engagements) == (1520, 2310, 87)
    assert report.created == 2


def test_meta_business_suite_instagram_export_sums_interactions():
    run("meta_instagram_posts.csv")
    post = SocialResult.objects.get()
    assert post.platform == "instagram"
    assert (post.reach, post.impressions, post.engagements) == (830, 1100, 52 + 6 + 4 + 2)


def test_x_analytics_export_is_read_without_reach():
    report = run("x_tweet_activity.csv")
    post = SocialResult.objects.get()
    assert report.layout == "X (Twitter) analytics"
    assert (post.platform, str(post.day)) == ("x", "2026-11-21")
    assert (post.reach, post.impressions, post.engagements) == (0, 2100, 40)


def test_template_is_importable_and_its_own_download_too():
    assert run("rumbo_template.csv").created == 2
    assert run("template.csv", social_template_csv().encode()).created == 1  # the X row


def test_importing_the_same_file_twice_adds_nothing():
    run("meta_facebook_posts.csv")
    again = run("meta_facebook_posts.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert SocialResult.objects.count() == 2


def test_a_new_export_of_the_same_days_updates_the_figures():
    run("rumbo_template.csv")
    text = (FIXTURES / "rumbo_template.csv").read_text().replace(",1520,", ",1600,")
    report = run("later.csv", text.encode())
    assert report.updated == 1
    assert SocialResult.objects.get(platform="facebook").reach == 1600


def test_any_invalid_row_refuses_the_whole_file_naming_row_and_column():
    text = (
        "platform,post_id,date,reach,impressions,engagements\n"
        "facebook,1,2026-11-20,10,10,1\n"
        "myspace,2,2026-11-20,10,10,1\n"
        "facebook,3,20/11/2026,-5,10,1\n"
    )
    with pytest.raises(UploadError) as refused:
        run("bad.csv", text.encode())
    message = refused.value.message
    assert "Row 3, column “platform”" in message
    assert "Row 4, column “date”" in message
    assert "Row 4, column “reach”: “-5” is not a whole number" in message
    assert not SocialResult.objects.exists()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "the file is empty"),
        (b"a,b\n1,2\n", "columns are not those"),
        (b"platform,post_id,date,reach,impressions,engagements\n", "no rows"),
        (b"\xff\xfe\x00p", "not UTF-8"),
        (
            b"platform,post_id,date,reach,impressions,engagements\nx,1,2026-01-01,1,1,1\nx,1,2026-01-01,1,1,1\n",
            "twice",
        ),
    ],
)
def test_unreadable_files_are_refused_with_a_message(data, expected):
    with pytest.raises(UploadError, match=expected):
        run("upload.csv", data)
    assert not SocialResult.objects.exists()
