"""One login limit for every process: two real server processes on the same database (the embedded store) or
on one Redis count together, for the per-address limit and for the per-account back-off."""

from __future__ import annotations

import pytest

from survey_app.extensions import db
from survey_app.services.users import create_user
from tests.conftest import skip_or_fail
from tests.foundation.servers import app_servers, post, redis_server

LOCKED = "Te veel mislukte inlogpogingen voor dit e-mailadres."


@pytest.fixture(params=["database", "redis"])
def servers(request, app, _schema, tmp_path):
    """Two server processes sharing the test database and, for "redis", a throwaway Redis."""
    create_user("onderzoeker@voorbeeld.nl", "researcher", "een-goed-wachtwoord")
    db.session.commit()
    config = {"TESTING": True, "SECRET_KEY": "test-secret", "SQLALCHEMY_DATABASE_URI": _schema,
              "SESSION_COOKIE_SECURE": False, "WTF_CSRF_ENABLED": False, "PROXY_FIX_X_FOR": 1,
              # per hour, so that a slow machine cannot see the window end mid-test
              "LOGIN_RATE_LIMIT": "4 per hour"}
    with redis_server(tmp_path) as redis_url:
        if request.param == "redis":
            if redis_url is None:
                skip_or_fail("redis-server is not installed (Debian package redis-server)")
            config["RATELIMIT_STORAGE_URL"] = redis_url
        with app_servers(2, config) as urls:
            yield urls


def login(url: str, email: str, client: str) -> tuple[int, str]:
    """A failed login from `client` (the address the proxy reports)."""
    return post(f"{url}/inloggen", {"email": email, "password": "fout-wachtwoord"}, {"X-Forwarded-For": client})


def test_two_processes_share_one_login_limit_and_one_account_back_off(servers):
    """Both checks in one test: starting two server processes is the slow part."""
    first, second = servers
    statuses = [login(url, f"iemand{i}@voorbeeld.nl", "192.0.2.1")[0]
                for i, url in enumerate([first, second, first, second, first, second])]
    assert statuses == [401, 401, 401, 401, 429, 429]  # 4 in total, not 4 per process
    assert login(second, "iemand9@voorbeeld.nl", "192.0.2.2")[0] == 401  # another address counts apart

    statuses = [login(url, "onderzoeker@voorbeeld.nl", f"198.51.100.{i}")[0]
                for i, url in enumerate([first, second, first, second, first])]
    assert statuses == [401] * 5
    status, page = post(f"{second}/inloggen", {"email": "onderzoeker@voorbeeld.nl",
                                               "password": "een-goed-wachtwoord"}, {"X-Forwarded-For": "198.51.100.99"})
    assert status == 429 and LOCKED in page
