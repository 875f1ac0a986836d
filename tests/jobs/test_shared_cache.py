"""The analysis cache is shared in the distributed mode: what one process computed, another (here: another app
on the same Redis and database) reads without computing; in the embedded mode it stays in the process."""

from __future__ import annotations

import pytest

from survey_app.extensions import db
from survey_app.reports import sources
from survey_app.shared_cache import MemoryCache, RedisCache, process_cache
from tests.conftest import skip_or_fail
from tests.foundation.servers import redis_server


@pytest.fixture
def redis_url(tmp_path):
    with redis_server(tmp_path) as url:
        if url is None:
            skip_or_fail("redis-server is not installed (Debian package redis-server)")
        yield url


def test_an_analysis_computed_by_one_worker_is_read_by_another(small_wave, extra_app, redis_url, monkeypatch):
    first, second = extra_app(JOB_QUEUE_URL=redis_url), extra_app(CACHE_URL=redis_url)
    assert isinstance(first.extensions["shared_cache"], RedisCache)
    with first.app_context():
        wave = db.session.get(type(small_wave.wave), small_wave.wave.id)
        computed = sources.cached_analysis(wave)
    monkeypatch.setattr(sources, "run_analysis", lambda *args: pytest.fail("computed a second time"))
    with second.app_context():
        wave = db.session.get(type(small_wave.wave), small_wave.wave.id)
        assert sources.cached_analysis(wave) == computed
        sources.clear_cache()
        monkeypatch.setattr(sources, "run_analysis", lambda *args: {"again": True})
        assert sources.cached_analysis(wave) == {"again": True}


def test_the_embedded_mode_keeps_the_cache_in_the_process(app, extra_app):
    assert app.extensions["shared_cache"] is process_cache and isinstance(process_cache, MemoryCache)
    assert extra_app(CACHE_URL="memory://").extensions["shared_cache"] is process_cache
