"""The interaction log: private file, WAL, redaction before storage, feedback by id."""

import stat

import pytest

from faqbot.errors import StorageError
from faqbot.models import Answer, Hit, Passage, Status
from faqbot.records.storage import DATABASE, Store

PASSAGE = Passage("aftercare-1", "Wait one day before applying makeup.", "aftercare.md", "Aftercare guide", "Makeup",
                  0, 36, ((0, 36),))


def answer(question="when can I wear makeup", status=Status.ANSWERED):
    hits = (Hit(PASSAGE, 0.61, PASSAGE.text),) if status is not Status.NO_MATCH else ()
    return Answer(question, status, hits, reason="best similarity 0.61")


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "data")
    yield s
    s.close()


def test_a_recorded_answer_reads_back_with_what_was_shown(store):
    interaction_id = store.record("when can I wear makeup", "when can I wear makeup", answer())
    got = store.get(interaction_id)
    assert (got.question, got.status, got.feedback) == ("when can I wear makeup", "answered", None)
    assert [(s.id, s.source, s.highlight) for s in got.shown] == [("aftercare-1", "aftercare.md", PASSAGE.text)]


def test_feedback_is_stored_changed_and_withdrawn_by_id(store):
    interaction_id = store.record("q", "q", answer())
    assert store.set_feedback(interaction_id, True) and store.get(interaction_id).feedback is True
    assert store.set_feedback(interaction_id, False) and store.get(interaction_id).feedback is False
    assert store.set_feedback(interaction_id, None) and store.get(interaction_id).feedback is None
    assert not store.set_feedback(interaction_id + 1, True)


def test_the_database_is_private_and_in_wal_mode(store, tmp_path):
    path = tmp_path / "data" / DATABASE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert store._execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.record("q", "q", answer())
    for wal_file in path.parent.glob(f"{DATABASE}-*"):
        assert stat.S_IMODE(wal_file.stat().st_mode) == 0o600, wal_file


def test_contact_details_never_reach_the_database_files(store, tmp_path):
    question = "I'm jane.doe@example.com, call me on 555-867-5309 about makeup"
    store.record(question, question, answer(question))
    raw = b"".join(p.read_bytes() for p in (tmp_path / "data").iterdir())
    assert b"jane.doe" not in raw and b"867" not in raw and b"[email]" in raw


def test_an_unusable_data_folder_gets_a_message_that_says_what_to_do(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(StorageError, match="set data_dir to a folder"):
        Store.open(blocker)


def test_a_database_whose_pin_numbers_could_be_reused_keeps_its_pins_and_never_reuses_one_again(tmp_path):
    import sqlite3

    old = sqlite3.connect(tmp_path / DATABASE)  # as made before schema 4
    old.executescript("CREATE TABLE pins (id INTEGER PRIMARY KEY, question TEXT NOT NULL, passage_ids TEXT NOT NULL,"
                      " approved_by TEXT NOT NULL, approved_at TEXT NOT NULL);"
                      "INSERT INTO pins VALUES (1, 'q1', '[]', 'amy', '2026-12-01T00:00:00+00:00'),"
                      " (2, 'q2', '[\"a\"]', 'amy', '2026-12-01T00:00:00+00:00');")
    old.commit()
    old.close()
    store = Store(tmp_path / DATABASE)
    assert [(p.id, p.question, p.passage_ids) for p in store.pins()] == [(1, "q1", ()), (2, "q2", ("a",))]
    assert store.remove_pin(2) and store.add_pin("q3", [], "amy") == 3
    store.close()
