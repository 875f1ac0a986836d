"""Every POST route of the app rejects a request without a valid CSRF token (CSRF is on by default)."""

from __future__ import annotations

from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.models import AuditEvent
from tests.console.conftest import login_as
from tests.console.test_access import _urls


def _post_urls(app, world):
    return [(endpoint, url) for endpoint, method, url in _urls(app, world) if method == "POST"]


def test_csrf_is_enabled(app):
    assert app.config.get("WTF_CSRF_ENABLED", True) is True


def test_every_post_route_needs_a_csrf_token(app, client, world):
    posts = _post_urls(app, world)
    assert {"console.export", "console.invitations", "auth.logout", "auth.login"} <= {e for e, _ in posts}
    login_as(client, world.admin)
    for endpoint, url in posts:
        missing = client.post(url, data={"fmt": "csv", "count": "3", "status": "closed"})
        assert missing.status_code == 400, (endpoint, url, missing.status_code)
        forged = client.post(url, data={"csrf_token": "vervalst", "fmt": "csv", "count": "3"})
        assert forged.status_code == 400, (endpoint, url, forged.status_code)


def test_rejected_posts_change_nothing(app, client, world):
    login_as(client, world.admin)
    client.post(f"/console/golven/{world.wave.name}/status", data={"status": "closed"})
    client.post(f"/console/accounts/{world.researcher.id}/actief")
    client.post(f"/console/golven/{world.wave.name}/export", data={"fmt": "csv"})
    db.session.expire_all()
    assert world.wave.status == "open" and world.researcher.active
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == 0
