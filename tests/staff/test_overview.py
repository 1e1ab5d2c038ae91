"""The overview: per-day counts by status, shares, helpful rate and the words of unanswered questions."""

from datetime import UTC, datetime, timedelta

from faqbot.models import Answer, Status
from faqbot.records.storage import Store
from faqbot.staff.overview import overview


def test_counts_shares_helpful_rate_and_unanswered_topics(tmp_path):
    store = Store.open(tmp_path / "data")
    for question, status, feedback in [
        ("do you take insurance", Status.NO_MATCH, None),
        ("is insurance accepted for microneedling", Status.NO_MATCH, False),
        ("where do I park", Status.NO_MATCH, None),
        ("how many sessions", Status.ANSWERED, True),
        ("pus and fever", Status.URGENT, None),
    ]:
        interaction = store.record(question, question, Answer(question, status, ()))
        if feedback is not None:
            store.set_feedback(interaction, feedback)
    store._execute("UPDATE interactions SET asked_at = ? WHERE question = 'where do I park'",
                   ((datetime.now(UTC) - timedelta(days=1)).isoformat(),))
    found = overview(store, days=7)
    assert found.total == 5
    assert found.shares == {"answered": 0.2, "no_match": 0.6, "urgent": 0.2}
    assert found.helpful_rate == 0.5 and found.feedback_given == 2
    today, yesterday = datetime.now(UTC).date(), datetime.now(UTC).date() - timedelta(days=1)
    by_day = {(c.day, c.status): c.questions for c in found.per_day}
    assert by_day[(today, "no_match")] == 2 and by_day[(yesterday, "no_match")] == 1
    assert len(found.per_day) == 7 * 3
    top = found.unanswered_topics[0]
    assert (top.word, top.questions, top.example) == ("insurance", 2, "is insurance accepted for microneedling")
    store.close()
