"""Forged posts get 400 and change nothing; headers keep the token on this site; lookups are rate-limited."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import Draft
from tests.survey.driver import fill


@pytest.fixture
def page_url(client, create_open_wave, invite):
    wave = create_open_wave(modules=["samenwerking", "achtergrond"])
    token = invite(wave, "zwolle-noord")[0]
    html = client.get(f"/s/{token}").get_data(as_text=True)
    return html.split('id="begin" href="')[1].split('"')[0]


def draft_answers():
    db.session.expire_all()
    draft = db.session.scalar(select(Draft))
    return dict(draft.answers) if draft else None


@pytest.mark.parametrize("forge", [
    pytest.param(lambda d: d.update(onbekend_veld="1"), id="unknown item name"),
    pytest.param(lambda d: d.update({next(k for k in d if k.startswith("sw_")): "9"}), id="out-of-range code"),
    pytest.param(lambda d: d.update({next(k for k in d if k.startswith("sw_")): "x" * 1_000_000}), id="1 MB string"),
    pytest.param(lambda d: d.update({next(k for k in d if k.startswith("sw_")): "drie"}), id="wrong type"),
    pytest.param(lambda d: d.update({next(k for k in d if k.startswith("sw_")): ["1", "2"]}), id="two values"),
    pytest.param(lambda d: d.update(actie="wis-alles"), id="unknown action"),
    pytest.param(lambda d: d.pop("csrf_token"), id="missing CSRF"),
    pytest.param(lambda d: d.update(csrf_token="vervalst"), id="forged CSRF"),
])
def test_forged_posts_get_400_and_change_nothing(client, page_url, forge):
    html = client.get(page_url).get_data(as_text=True)
    before = draft_answers()
    data = fill(html)
    forge(data)
    response = client.post(page_url, data=data)
    assert response.status_code == 400
    assert "Traceback" not in response.get_data(as_text=True)
    assert draft_answers() == before


def test_security_headers(client, page_url):
    response = client.get(page_url)
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["Referrer-Policy"] == "no-referrer"
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", response.get_data(as_text=True), re.S)
    tags = re.findall(r"<script[^>]*>", response.get_data(as_text=True))
    # Scripts only as static files of the app (the CSP refuses inline ones anyway): no inline code.
    assert all('src="/static/' in tag for tag in tags) and all(not body.strip() for body in scripts)


def test_token_lookups_are_rate_limited(extra_app, create_open_wave, monkeypatch):
    from survey_app import throttle

    monkeypatch.setattr(throttle.time, "time", lambda: 1_800_000_000.0)  # no minute boundary mid-test
    app = extra_app(SURVEY_RATE_LIMIT="5 per minute")
    client = app.test_client()
    statuses = [client.get(f"/s/geraden-token-{i:04d}").status_code for i in range(8)]
    assert statuses[:5] == [404] * 5 and statuses[5:] == [429] * 3
    assert "Te veel verzoeken" in client.get("/s/nog-een").get_data(as_text=True)
