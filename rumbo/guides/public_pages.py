from django.urls import reverse

from rumbo.guides.models import Article, Document, Pathway

PAGES = {
    "index": lambda: reverse("guides:index"),
    "search": lambda: reverse("guides:search") + "?q=pasaporte",
    "pathway": lambda: Pathway.objects.order_by("pk")[0].get_absolute_url(),
    "document": lambda: (
        Document.objects.get(slug="passport").get_absolute_url() + "?city=San+Pedro+Sula"
    ),
    "article": lambda: Article.objects.order_by("pk")[0].get_absolute_url(),
}
