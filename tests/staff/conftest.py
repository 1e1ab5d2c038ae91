"""Fixtures the staff tests share."""

import pytest

from faqbot.records.audit import AuditTrail


@pytest.fixture
def trail(settings):
    """The audit trail in the test's data folder."""
    audit = AuditTrail.open(settings.data_dir)
    yield audit
    audit.close()
