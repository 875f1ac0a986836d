"""The counters behind the rate limits: per process, and in the database that every worker shares."""

from __future__ import annotations

import pytest
from limits import parse
from sqlalchemy import func, select

from survey_app import counters, throttle
from survey_app.extensions import db
from survey_app.models import RateLimitCounter


@pytest.fixture
def clock(monkeypatch):
    """A frozen clock the test moves by hand (a window boundary mid-test would make counts flaky)."""
    now = [1_800_000_000.0]
    monkeypatch.setattr(throttle.time, "time", lambda: now[0])
    return now


@pytest.fixture(params=["process", "database"])
def store(request, app):
    if request.param == "process":
        return counters.ProcessCounters()
    return counters.DatabaseCounters(db.engine)


def test_a_window_counts_until_it_expires_then_starts_over(store, clock):
    assert [store.incr("a", 60) for _ in range(3)] == [1, 2, 3]
    assert store.get("a") == 3 and store.get_expiry("a") == clock[0] + 60
    assert store.incr("b", 60) == 1  # another key has its own count
    clock[0] += 59
    assert store.incr("a", 60) == 4  # the window runs from the first hit
    clock[0] += 1
    assert store.get("a") == 0
    assert store.incr("a", 60) == 1 and store.get_expiry("a") == clock[0] + 60
    store.clear("a")
    assert store.get("a") == 0


def test_the_database_table_keeps_no_expired_rows_for_long(app, clock):
    store = counters.DatabaseCounters(db.engine)
    for address in range(5):
        store.incr(f"LOGIN_RATE_LIMIT/{address}", 60)
    clock[0] += 200
    store.incr("LOGIN_RATE_LIMIT/new", 60)  # a new window purges rows that expired over a minute ago
    assert db.session.scalar(select(func.count()).select_from(RateLimitCounter)) == 1


def test_limits_count_per_address_under_a_keyed_hash(extra_app, app, clock):
    limited = extra_app(LOGIN_RATE_LIMIT="2 per minute")
    with limited.test_request_context():
        throttle_ = limited.extensions[throttle.EXTENSION_KEY]
        limit = parse("2 per minute")
        assert [throttle_.hit("LOGIN_RATE_LIMIT", limit, "10.0.0.1") for _ in range(3)] == [True, True, False]
        assert throttle_.hit("LOGIN_RATE_LIMIT", limit, "10.0.0.2")
        clock[0] += 60
        assert throttle_.hit("LOGIN_RATE_LIMIT", limit, "10.0.0.1")
    buckets = db.session.scalars(select(RateLimitCounter.bucket)).all()
    assert len(buckets) == 2 and not any("10.0.0" in bucket for bucket in buckets)


def test_the_questionnaire_limit_counts_per_process_on_the_database_store(extra_app, app):
    embedded = extra_app().extensions[throttle.EXTENSION_KEY]
    assert isinstance(embedded.store_for("SURVEY_RATE_LIMIT"), counters.ProcessCounters)
    assert isinstance(embedded.store_for("LOGIN_RATE_LIMIT"), counters.SharedCounters)
    shared = extra_app(SURVEY_RATE_LIMIT_SHARED=True).extensions[throttle.EXTENSION_KEY]
    assert shared.store_for("SURVEY_RATE_LIMIT") is shared.shared


def test_an_unreachable_shared_store_falls_back_to_counting_in_the_process(caplog, monkeypatch):
    monkeypatch.setattr(counters.log, "disabled", False)  # Alembic's logging setup disables existing loggers

    class Broken:
        def incr(self, key, expiry, amount=1):
            raise ConnectionError("down")

    store = counters.SharedCounters(Broken(), "Redis")
    assert [store.incr("a", 60) for _ in range(2)] == [1, 2]
    assert "niet bereikbaar" in caplog.text


def test_an_unknown_storage_url_is_refused_at_start():
    with pytest.raises(ValueError, match="RATELIMIT_STORAGE_URL"):
        counters.open_store("memcached://localhost", lambda: None)
