"""Every form of the console, the coding pages and the teamleider area refuses a NUL (and other control
characters) with a Dutch 400 page before its view runs, so nothing of it is ever stored."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.models import Wave
from tests.console.conftest import csrf_for, login_as

GUARD_TEXT = "tekens die niet zijn toegestaan"
#: the questionnaire page checks its own text and names the question (tests/survey/test_control_characters.py);
#: so does the login form (tests/foundation/test_login_input.py), marked with `checks_own_text`
OWN_CHECK = {"survey.page"}


def _post_urls(app, world):
    """(endpoint, url) of every POST rule, URL variables filled with real or harmless values."""
    values = {"wave": world.wave.name, "team": "zwolle-noord", "user_id": world.admin.id, "token": "t" * 20}
    adapter = app.url_map.bind("localhost")
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        if "POST" in rule.methods and rule.endpoint not in OWN_CHECK and not getattr(view, "checks_own_text", False):
            yield rule.endpoint, adapter.build(rule.endpoint, {a: values.get(a, 1) for a in rule.arguments})


@pytest.mark.parametrize("value", ["a\x00b", "\x01", "regel\x0b"])
def test_every_post_route_refuses_control_characters(app, client, world, value):
    login_as(client, world.admin)
    token = csrf_for(client.get("/console/"))
    checked = 0
    for endpoint, url in _post_urls(app, world):
        response = client.post(url, data={"csrf_token": token, "tekst": value})
        assert response.status_code == 400, (endpoint, url, response.status_code)
        assert GUARD_TEXT in response.get_data(as_text=True), endpoint
        checked += 1
    assert checked > 20


def test_nul_in_field_name_and_upload_name(client, world):
    from io import BytesIO

    login_as(client, world.admin)
    token = csrf_for(client.get("/console/organisatie"))
    assert client.post("/console/organisatie", data={"csrf_token": token, "a\x00": "1"}).status_code == 400
    upload = client.post("/console/organisatie", data={"csrf_token": token,
                                                       "file": (BytesIO(b"gemeente,team,label\n"), "org\x00.csv")})
    assert upload.status_code == 400 and GUARD_TEXT in upload.get_data(as_text=True)


def test_new_wave_with_nul_in_its_label_is_not_created(client, world):
    login_as(client, world.researcher)
    page = client.get("/console/nieuwe-golf")
    before = db.session.scalar(select(func.count()).select_from(Wave))
    response = client.post("/console/nieuwe-golf", data={
        "csrf_token": csrf_for(page), "name": "2019", "label": "Meting\x00 2019", "modules": ["samenwerking"],
        "team-zwolle-noord": "5"})
    assert response.status_code == 400
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Wave)) == before


def test_text_with_line_breaks_still_passes(client, world):
    """TAB, CR and LF are ordinary in form text: the guard lets such a post through to its view."""
    login_as(client, world.researcher)
    page = client.get("/console/nieuwe-golf")
    response = client.post("/console/nieuwe-golf", data={"csrf_token": csrf_for(page), "name": "",
                                                         "label": "Meting\t2019\r\n"})
    assert response.status_code == 422 and GUARD_TEXT not in response.get_data(as_text=True)


def test_every_route_refuses_nul_in_its_url_variables(app, client, world):
    """On PostgreSQL a NUL in a wave, project or team name used to reach the query and answer 500."""
    from werkzeug.routing import IntegerConverter

    login_as(client, world.admin)
    adapter = app.url_map.bind("localhost")
    checked = 0
    for rule in app.url_map.iter_rules():
        strings = [a for a in rule.arguments if not isinstance(rule._converters.get(a), IntegerConverter)]
        if not strings:
            continue
        url = adapter.build(rule.endpoint, {a: ("a\x00b" if a in strings else 1) for a in rule.arguments})
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(url, method=method, data={})
            assert response.status_code == 400, (rule.endpoint, method, url, response.status_code)
            assert GUARD_TEXT in response.get_data(as_text=True)
            checked += 1
    assert checked > 30
