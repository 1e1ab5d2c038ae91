"""VectorCache: embeddings by content, reused across index builds."""

import numpy as np

from faqbot.index.vector_cache import VectorCache


def counting_encode(calls: list[str]):
    def encode(texts: list[str]) -> np.ndarray:
        calls.extend(texts)
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)
    return encode


def test_each_missing_text_is_embedded_once_and_known_ones_not_at_all():
    calls: list[str] = []
    cache = VectorCache("m")
    first = cache.embed(["a", "bb", "a"], counting_encode(calls))
    assert calls == ["a", "bb"] and first.tolist() == [[1, 1], [2, 1], [1, 1]]
    cache.embed(["bb", "ccc"], counting_encode(calls))
    assert calls == ["a", "bb", "ccc"]
    assert (cache.computed, cache.reused) == (3, 0)  # "bb" again in the same build is not a reuse


def test_reuse_counts_each_text_the_previous_build_had_once():
    previous = VectorCache("m")
    previous.embed(["a", "bb"], counting_encode([]))
    cache = VectorCache("m", previous.used)
    calls: list[str] = []
    cache.embed(["a", "a", "ccc"], counting_encode(calls))
    cache.embed(["a", "bb", "ccc"], counting_encode(calls))
    assert calls == ["ccc"] and (cache.computed, cache.reused) == (1, 2)


def test_a_saved_cache_keeps_only_what_its_build_used(tmp_path):
    old = VectorCache("m")
    old.embed(["gone", "kept"], counting_encode([]))
    path = tmp_path / "vectors.npz"
    old.save(path)
    new = VectorCache.load(path, "m")
    calls: list[str] = []
    assert new.embed(["kept"], counting_encode(calls)).tolist() == [[4, 1]] and calls == []
    new.save(path)
    assert VectorCache.load(path, "m").known.keys() == new.used.keys() and len(new.used) == 1


def test_another_model_reuses_nothing(tmp_path):
    path = tmp_path / "vectors.npz"
    cache = VectorCache("m")
    cache.embed(["text"], counting_encode([]))
    cache.save(path)
    calls: list[str] = []
    VectorCache.load(path, "other-model").embed(["text"], counting_encode(calls))
    assert calls == ["text"]


def test_an_unreadable_file_is_an_empty_cache(tmp_path):
    path = tmp_path / "vectors.npz"
    for junk in (b"", b"not a zip", b"PK\x03\x04 truncated"):
        path.write_bytes(junk)
        assert VectorCache.load(path, "m").known == {}
    assert VectorCache.load(tmp_path / "missing.npz", "m").known == {}
