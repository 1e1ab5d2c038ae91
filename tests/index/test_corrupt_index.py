"""A damaged or mismatched index is refused with a message naming the problem and the fix - never a crash and
never a wrong passage. These checks are explicit code, so they also hold under `python -O`."""

import json
import subprocess
import sys

import numpy as np
import pytest

from faqbot.errors import IndexMismatchError, IndexMissingError
from faqbot.index.store import MANIFEST, PASSAGES, SENTENCES, VECTORS, load_index
from tests.conftest import ROOT


def rewrite_data_checksum(index_dir, name):
    """Make a changed data file look legitimate: its checksum and the manifest's own checksum updated."""
    from faqbot.index.store import file_sha256, manifest_digest

    manifest = json.loads((index_dir / MANIFEST).read_text())
    manifest["data_files"][name] = file_sha256(index_dir / name)
    manifest["manifest_sha256"] = manifest_digest(manifest)
    (index_dir / MANIFEST).write_text(json.dumps(manifest))


def truncate(path):
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


def empty(path):
    path.write_bytes(b"")


def flip_a_bit(path):
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def random_bytes(path):
    path.write_bytes(np.random.default_rng(0).bytes(4096))


@pytest.mark.parametrize("damage", [truncate, empty, flip_a_bit, random_bytes])
@pytest.mark.parametrize("name", [VECTORS, PASSAGES, SENTENCES, MANIFEST])
def test_every_kind_of_damage_to_every_file_is_refused_with_the_fix(built_index, name, damage):
    damage(built_index.index_dir / name)
    with pytest.raises((IndexMismatchError, IndexMissingError), match="ingest.py"):
        load_index(built_index.index_dir, "fake-encoder")


def test_passages_that_do_not_match_the_vectors_are_refused(built_index):
    """A consistent-looking passages file with a passage missing (checksums updated to match)."""
    passages = built_index.index_dir / PASSAGES
    passages.write_text("".join(passages.read_text().splitlines(keepends=True)[1:]))
    rewrite_data_checksum(built_index.index_dir, PASSAGES)
    with pytest.raises(IndexMismatchError, match="inconsistent with its manifest"):
        load_index(built_index.index_dir, "fake-encoder")


def test_wrong_dimension_vectors_are_refused(built_index):
    sentences = built_index.index_dir / SENTENCES
    vectors = np.load(sentences)
    np.save(sentences, np.zeros((vectors.shape[0], vectors.shape[1] + 1), dtype=np.float32))
    rewrite_data_checksum(built_index.index_dir, SENTENCES)
    with pytest.raises(IndexMismatchError, match="don't match the passages"):
        load_index(built_index.index_dir, "fake-encoder")


def test_an_index_from_another_model_is_refused(built_index):
    with pytest.raises(IndexMismatchError, match="built with model 'fake-encoder'"):
        load_index(built_index.index_dir, "sentence-transformers/all-MiniLM-L6-v2")


def test_the_checks_hold_under_python_dash_o(built_index):
    flip_a_bit(built_index.index_dir / PASSAGES)
    code = ("import sys; from faqbot.index.store import load_index\n"
            "try:\n    load_index(__import__('pathlib').Path(sys.argv[1]), 'fake-encoder')\n"
            "except Exception as exc:\n    print(type(exc).__name__, exc)")
    out = subprocess.run([sys.executable, "-O", "-c", code, str(built_index.index_dir)], capture_output=True,
                         text=True, cwd=ROOT, timeout=60)
    assert out.stdout.startswith("IndexMismatchError") and "does not match its checksum" in out.stdout
