"""The per-address window counter behind the rate limits."""

from __future__ import annotations

from limits import parse

from survey_app import throttle


def test_counts_per_address_and_starts_over_in_a_new_window(monkeypatch):
    clock = [1_000_000.0]
    monkeypatch.setattr(throttle.time, "time", lambda: clock[0])
    counter = throttle.WindowCounter()
    limit = parse("2 per minute")
    assert [counter.hit("login", limit, "10.0.0.1") for _ in range(3)] == [True, True, False]
    assert counter.hit("login", limit, "10.0.0.2")  # another address has its own count
    clock[0] += 60
    assert counter.hit("login", limit, "10.0.0.1")  # a new window forgets the old counts
    assert len(counter._counts) == 1
