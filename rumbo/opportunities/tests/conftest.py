import pytest

from rumbo.opportunities.models import Opportunity


@pytest.fixture
def no_opportunities(db):
    """Starts a unit test without opportunities, even when the session's demo data is loaded
    (the deletion is rolled back with the test's transaction)."""
    Opportunity.objects.all().delete()
