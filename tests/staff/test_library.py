"""Staff manage documents: adding one makes its content answerable; a file that can't be read changes nothing."""


import pytest

from faqbot.answering.engine import Engine
from faqbot.answering.live import LiveEngine, index_stamp
from faqbot.errors import CorpusError
from faqbot.index.store import read_manifest
from faqbot.staff.library import Library, check_name
from tests.documents_factory import write_docx, write_pdf


@pytest.fixture
def library(built_index, encoder):
    return Library(built_index, encoder)


def sources(settings) -> set[str]:
    return set(read_manifest(settings.index_dir).files)


def test_adding_a_document_makes_its_content_answerable(built_index, encoder, library, tmp_path):
    upload = write_pdf(tmp_path / "upload.pdf", ["Laser Resurfacing", "Laser resurfacing recovery takes five days."])
    change = library.add(upload, "laser resurfacing.pdf")
    assert change.message.startswith("Added 'laser resurfacing.pdf': 1 passage. Patients are answered from it now.\n\n"
                                      "Details: Index built (added laser resurfacing.pdf)")
    answer = Engine.from_settings(built_index, encoder).ask("laser resurfacing recovery")
    assert answer.hits[0].passage.source == "laser resurfacing.pdf"


def test_replacing_and_removing_a_document(built_index, encoder, library, tmp_path):
    first = write_docx(tmp_path / "1.docx", "Sessions", [("How many?", ["Most patients need exactly two visits."])])
    second = write_docx(tmp_path / "2.docx", "Sessions", [("How many?", ["Most patients need four visits."])])
    assert library.add(first, "sessions.docx").message.startswith("Added 'sessions.docx'")
    replaced = library.add(second, "sessions.docx").message
    assert replaced.startswith("Replaced 'sessions.docx'") and "Details: Index built (changed" in replaced
    assert "four visits" in Engine.from_settings(built_index, encoder).ask("how many visits").hits[0].passage.text
    assert library.remove("sessions.docx").message.startswith(
        "Removed 'sessions.docx'. Patients are no longer answered from it.")
    assert "sessions.docx" not in sources(built_index) and not (built_index.corpus_dir / "sessions.docx").exists()


@pytest.mark.parametrize(("name", "content"), [
    ("broken.pdf", b"%PDF-1.4 garbage that is no PDF"),
    ("broken.docx", b"PK\x03\x04 not a zip"),
    ("latin1.txt", "caf\xe9".encode("latin-1")),
    ("empty.md", b"   \n"),
])
def test_a_file_that_cannot_be_read_is_refused_and_changes_nothing(built_index, library, tmp_path, name, content):
    upload = tmp_path / "upload"
    upload.write_bytes(content)
    corpus_before = sorted(p.name for p in built_index.corpus_dir.iterdir())
    stamp = index_stamp(built_index)
    with pytest.raises(CorpusError):
        library.add(upload, name)
    assert sorted(p.name for p in built_index.corpus_dir.iterdir()) == corpus_before
    assert index_stamp(built_index) == stamp


def test_a_failed_rebuild_puts_the_corpus_back(built_index, library, tmp_path, monkeypatch):
    import faqbot.staff.library

    def failing_ingest(*args, **kwargs):
        raise CorpusError("disk full")

    monkeypatch.setattr(faqbot.staff.library, "ingest", failing_ingest)
    upload = tmp_path / "new.md"
    upload.write_text("# New\n\nSome new text about peels.\n")
    with pytest.raises(CorpusError, match="disk full"):
        library.add(upload, "new.md")
    assert not (built_index.corpus_dir / "new.md").exists()
    with pytest.raises(CorpusError, match="disk full"):
        library.remove("aftercare.md")
    assert (built_index.corpus_dir / "aftercare.md").exists()


@pytest.mark.parametrize("name", ["../escape.md", "/etc/passwd.md", ".hidden.md", "notes.exe", "a" * 120 + ".md"])
def test_names_that_could_leave_the_corpus_or_are_not_documents_are_refused(name):
    if name.startswith(("../", "/")):
        assert check_name(name) == name.rsplit("/", 1)[1]  # only the file name is kept
        return
    with pytest.raises(CorpusError):
        check_name(name)


def test_a_running_app_picks_up_the_new_index_and_keeps_the_old_one_if_the_new_one_is_bad(
        built_index, encoder, library, tmp_path):
    live = LiveEngine(built_index, encoder=encoder, check_every_s=0)
    before = live.current()
    upload = tmp_path / "peels.md"
    upload.write_text("# Chemical peels\n\nA chemical peel removes the top layer of skin.\n")
    library.add(upload, "peels.md")
    assert live.reload() and live.current() is not before
    assert any(p.source == "peels.md" for p in live.current().stored.passages)

    serving = live.current()
    (built_index.index_dir / "vectors.faiss").write_bytes(b"damaged")  # a bad index appears on disk
    manifest = built_index.index_dir / "manifest.json"
    manifest.write_text(manifest.read_text().replace('"built_at": "', '"built_at": "1'))
    assert live.current() is serving  # tried, refused: the last good engine answers
    assert live._refused == index_stamp(built_index)


def test_once_a_removal_is_reported_done_no_answer_holds_the_removed_text(built_index, encoder, library, tmp_path):
    """The patient page's engine checks the index at every question: the first question after the report, however
    soon, is answered from the new index (the issue's patient got the removed text 30 s later)."""
    upload = tmp_path / "peels.md"
    upload.write_text("# Chemical peels\n\nA chemical peel removes the top layer of skin.\n")
    library.add(upload, "peels.md")
    live = LiveEngine(built_index, encoder=encoder, check_every_s=3600)  # no background watch in time
    try:
        assert "chemical peel removes" in live.current().ask("what does a chemical peel do").hits[0].passage.text
        assert library.remove("peels.md").message
        answer = live.current().ask("what does a chemical peel do")
        assert all(h.passage.source != "peels.md" for h in answer.hits)
    finally:
        live.stop()


def test_a_change_a_stopped_server_left_half_done_is_undone_at_start_and_the_index_matches(built_index, library,
                                                                                            tmp_path, monkeypatch):
    import faqbot.staff.library as module

    upload = tmp_path / "peels.md"
    upload.write_text("# Chemical peels\n\nA chemical peel removes the top layer of skin.\n")
    during = []
    real = module.ingest
    monkeypatch.setattr(module, "ingest", lambda *a, **k: during.append(
        sorted(p.name for p in built_index.corpus_dir.glob(".faqbot-change*"))) or real(*a, **k))
    library.add(upload, "peels.md")
    assert during == [[".faqbot-change.json"]]  # noted before the change, gone after
    assert not list(built_index.corpus_dir.glob(".faqbot-change*")) and library.recover() is None

    # the server is killed while removing peels.md: the file is gone, the index still has it, the note says so
    previous = (built_index.corpus_dir / "peels.md").read_bytes()
    (built_index.corpus_dir / ".faqbot-change.previous").write_bytes(previous)
    (built_index.corpus_dir / ".faqbot-change.json").write_text('{"name": "peels.md", "had_previous": true}')
    (built_index.corpus_dir / "peels.md").unlink()
    assert library.recover() == ("A change to peels.md was interrupted when the server stopped; it was undone (its "
                                 "previous version is back). Make it again.")
    assert (built_index.corpus_dir / "peels.md").read_bytes() == previous and "peels.md" in sources(built_index)
    assert not list(built_index.corpus_dir.glob(".faqbot-change*"))

    # killed while adding a new one: it goes, and so does it from the index
    (built_index.corpus_dir / "botox.md").write_text("# Botox\n\nBotox relaxes muscles.\n")
    (built_index.corpus_dir / ".faqbot-change.json").write_text('{"name": "botox.md", "had_previous": false}')
    assert "(it is not in the documents)" in library.recover()
    assert not (built_index.corpus_dir / "botox.md").exists() and "botox.md" not in sources(built_index)
