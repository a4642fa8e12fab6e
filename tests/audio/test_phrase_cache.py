"""The phrase cache: one file per phrase and voice settings, least recently used dropped first."""

from __future__ import annotations

import os
from pathlib import Path

from hiptimer.audio.phrase_cache import PhraseCache


def rendered(folder: Path, name: str, size: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"x" * size)
    return path


def test_the_key_is_the_text_and_every_voice_setting() -> None:
    key = PhraseCache.key("Three", {"voice": "en", "rate": 175, "volume": 1.0})
    assert key == PhraseCache.key("Three", {"rate": 175, "volume": 1.0, "voice": "en"})
    assert key != PhraseCache.key("Two", {"voice": "en", "rate": 175, "volume": 1.0})
    assert key != PhraseCache.key("Three", {"voice": "en", "rate": 120, "volume": 1.0})
    assert key != PhraseCache.key("Three", {"voice": "de", "rate": 175, "volume": 1.0})


def test_put_moves_the_rendering_in_and_get_finds_it(tmp_path: Path) -> None:
    cache = PhraseCache(tmp_path / "cache")
    key = cache.key("Halfway.", {})
    assert cache.get(key) is None
    source = rendered(tmp_path / "work", "utterance.wav", 100)
    kept = cache.put(key, source)
    assert kept == cache.path_for(key) and not source.exists()
    assert cache.get(key) == kept and kept.read_bytes() == b"x" * 100


def test_an_empty_file_is_not_a_rendering(tmp_path: Path) -> None:
    cache = PhraseCache(tmp_path)
    key = cache.key("Go.", {})
    cache.path_for(key).write_bytes(b"")
    assert cache.get(key) is None


def test_past_the_limit_the_least_recently_used_go_first(tmp_path: Path) -> None:
    cache = PhraseCache(tmp_path / "cache", max_bytes=1000)
    keys = [cache.key(f"phrase {n}", {}) for n in range(3)]
    for age, key in enumerate(keys):  # phrase 0 is the oldest
        path = cache.put(key, rendered(tmp_path / "work", "r.wav", 300))
        assert path is not None
        os.utime(path, (1000 + age, 1000 + age))
    assert cache.get(keys[0]) is not None  # used again: now the most recent
    newest = cache.key("phrase 3", {})
    cache.put(newest, rendered(tmp_path / "work", "r.wav", 300))
    # 1200 bytes were over the limit: trimmed to at most 800, the least recently used first.
    kept = {key for key in [*keys, newest] if cache.get(key) is not None}
    assert kept == {keys[0], newest}
    assert sum(p.stat().st_size for p in cache.folder.glob("*.wav")) <= 800


def test_a_folder_that_cannot_be_made_keeps_nothing_and_says_so(tmp_path: Path) -> None:
    blocker = rendered(tmp_path, "not-a-folder", 1)
    cache = PhraseCache(blocker / "cache")
    source = rendered(tmp_path / "work", "r.wav", 10)
    assert cache.put(cache.key("One", {}), source) is None
    assert source.exists()  # still there to be played
