import pytest

from rumbo.guides.models import Article, Document, Pathway, SearchTerm, Source


@pytest.fixture
def no_guides(db):
    """Starts a unit test without guide content, even when the session's demo data is loaded
    (the deletion is rolled back with the test's transaction)."""
    Pathway.objects.all().delete()
    Document.objects.all().delete()
    Article.objects.all().delete()
    Source.objects.all().delete()
    SearchTerm.objects.all().delete()
