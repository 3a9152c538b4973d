from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rumbo.core.models import Country, DemoMarked, Organisation


class Campaign(DemoMarked):
    """A national information campaign; measurement and themes hang off it."""

    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="campaigns", verbose_name=_("country")
    )
    summary = models.TextField(_("summary"), blank=True)
    programme = models.CharField(
        _("programme"),
        max_length=200,
        blank=True,
        help_text=_("The programme the campaign is implemented within, if any."),
    )
    implementers = models.ManyToManyField(
        Organisation,
        related_name="implemented_campaigns",
        blank=True,
        verbose_name=_("implemented by"),
    )
    funders = models.ManyToManyField(
        Organisation, related_name="funded_campaigns", blank=True, verbose_name=_("funded by")
    )
    launched_on = models.DateField(_("launch date"), null=True, blank=True)
    hashtag = models.CharField(_("hashtag"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["country__name", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("campaigns:detail", kwargs={"slug": self.slug})
