"""HSTS only over HTTPS; behind a TLS proxy (PROXY_FIX_*) the rate limits see the client and HTTPS is seen."""

from __future__ import annotations

from survey_app import throttle

HSTS = "max-age=31536000; includeSubDomains"


def test_hsts_over_https_only(extra_app, app):
    client = extra_app().test_client()
    assert client.get("/inloggen", base_url="https://localhost").headers["Strict-Transport-Security"] == HSTS
    assert "Strict-Transport-Security" not in client.get("/inloggen").headers


def test_forwarded_proto_counts_only_behind_a_configured_proxy(extra_app, app):
    forwarded = {"X-Forwarded-Proto": "https"}
    direct = extra_app().test_client()
    assert "Strict-Transport-Security" not in direct.get("/inloggen", headers=forwarded).headers
    proxied = extra_app(PROXY_FIX_X_PROTO=1).test_client()
    assert proxied.get("/inloggen", headers=forwarded).headers["Strict-Transport-Security"] == HSTS


def _login_statuses(client, addresses: list[str]) -> list[int]:
    """Post a login (CSRF off) from each X-Forwarded-For address in turn; the form is empty, so 400 = counted."""
    return [client.post("/inloggen", data={}, headers={"X-Forwarded-For": address}).status_code
            for address in addresses]


def test_rate_limits_use_the_forwarded_client_address_behind_a_configured_proxy(extra_app, app, monkeypatch):
    monkeypatch.setattr(throttle.time, "time", lambda: 1_800_000_000.0)  # no window boundary mid-test
    settings = {"LOGIN_RATE_LIMIT": "2 per minute", "WTF_CSRF_ENABLED": False}
    proxied = extra_app(PROXY_FIX_X_FOR=1, **settings).test_client()
    assert _login_statuses(proxied, ["192.0.2.1", "192.0.2.1", "192.0.2.1", "192.0.2.2"]) == [400, 400, 429, 400]


def test_without_proxy_fix_a_forged_forwarded_address_does_not_escape_the_limit(extra_app, app, monkeypatch):
    monkeypatch.setattr(throttle.time, "time", lambda: 1_800_000_000.0)
    direct = extra_app(LOGIN_RATE_LIMIT="2 per minute", WTF_CSRF_ENABLED=False).test_client()
    assert _login_statuses(direct, ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) == [400, 400, 429]
