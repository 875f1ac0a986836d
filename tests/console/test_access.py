"""Access control walked over EVERY route of the app, for each role, with real objects in the URLs."""

from __future__ import annotations

import pytest
from werkzeug.routing import IntegerConverter

from tests.console.conftest import TEAM_A, TEAM_B, login_as, reports_ready

#: endpoints anyone may reach (their own checks handle tokens)
PUBLIC = {"home.index", "static", "auth.login", "survey.start", "survey.page", "survey.saved", "survey.confirm",
          "survey.send", "survey.thanks", "survey.open_link"}
#: console endpoints only an admin may use
ADMIN_ONLY = {"console.accounts", "console.new_account_page", "console.toggle_account", "console.password",
              "console.audit_log"}
#: what a teamleider may reach besides the public pages (bijlage routes are checked per team below)
TEAMLEIDER_ALLOWED = {"teamleider.index", "teamleider.bijlage", "teamleider.bijlage_pdf"}
BIJLAGE = {"teamleider.bijlage", "teamleider.bijlage_pdf"}
#: the bijlage pages come from the reports module (built separately); until it exists only refusals are checked
REPORTS_PRESENT = reports_ready()


def _values(world) -> dict[str, object]:
    return {"wave": world.wave.name, "team": TEAM_A, "user_id": world.teamleider.id, "module_id": "samenwerking",
            "token": "onbekend-token-123", "page_id": "p1"}


def _urls(app, world):
    """(endpoint, method, url) for every rule and method, URL variables filled with real objects."""
    values = _values(world)
    adapter = app.url_map.bind("localhost")
    out = []
    for rule in app.url_map.iter_rules():
        args = {}
        for name in rule.arguments:
            if name == "filename":
                args[name] = "console.css" if rule.endpoint == "console.static" else "app.css"
            elif isinstance(rule._converters.get(name), IntegerConverter):
                args[name] = values.get(name, 999999)
            else:
                args[name] = values.get(name, "onbekend")
        url = adapter.build(rule.endpoint, args)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            out.append((rule.endpoint, method, url))
    return out


def _call(client, method, url):
    """The response of one request, closed (static files hold an open file otherwise)."""
    response = client.get(url) if method == "GET" else client.post(url, data={})
    response.get_data()
    response.close()
    return response


def test_every_route_is_walked(app, world):
    """The walk covers the console, the teamleider area and every other blueprint's routes."""
    endpoints = {endpoint for endpoint, _, _ in _urls(app, world)}
    assert endpoints >= ADMIN_ONLY and endpoints >= BIJLAGE and "console.export" in endpoints
    assert len(endpoints) == len(list(app.url_map.iter_rules()))


def test_anonymous_reaches_only_public_pages(app, client, world, no_csrf):
    for endpoint, method, url in _urls(app, world):
        response = _call(client, method, url)
        assert response.status_code < 500, (endpoint, method, url, response.status_code)
        if endpoint in PUBLIC:
            continue
        assert response.status_code in (302, 401, 403, 404), (endpoint, method, url, response.status_code)
        if response.status_code == 302:
            assert response.location.startswith("/inloggen"), (endpoint, url, response.location)


def test_teamleider_gets_403_or_404_outside_own_area(app, client, world, no_csrf):
    login_as(client, world.teamleider)
    for endpoint, method, url in _urls(app, world):
        if endpoint in PUBLIC or endpoint == "auth.logout" or (endpoint in BIJLAGE and not REPORTS_PRESENT):
            continue
        response = _call(client, method, url)
        if endpoint in BIJLAGE:  # the walk's wave is open: its bijlage waits until the wave is closed
            expected = (403,)
            assert "verschijnt zodra de meting is gesloten" in response.get_data(as_text=True)
        else:
            expected = (200,) if endpoint in TEAMLEIDER_ALLOWED else (403, 404)
        assert response.status_code in expected, (endpoint, method, url, response.status_code)


@pytest.mark.parametrize("path", [
    f"/team/2017/{TEAM_B}/bijlage",                 # another team of the same gemeente
    f"/team/2017/{TEAM_B}/bijlage.pdf",
    "/team/2017/team-doeth/bijlage",                # another gemeente's team
    "/team/2017/bestaat-niet/bijlage",              # no such team
    "/team/2017/bestaat-niet/bijlage.pdf",
    f"/team/2017/{TEAM_B.upper()}/bijlage",         # uppercase slug of another team
    f"/team/2017/{TEAM_A.upper()}/bijlage",         # uppercase slug of the own team
    f"/team/2017/{TEAM_A.upper()}/bijlage.pdf",
    f"/team/2017/{TEAM_B}/bijlage/",                # trailing slash
    f"/team/2017/{TEAM_A}/bijlage/",
    f"/team/2017/{TEAM_B}/bijlage.pdf/",
    "/team/2017/zwolle%2Dzuid/bijlage",             # percent-encoded slug of another team
    f"/team/2099/{TEAM_A}/bijlage",                 # a wave that does not exist
    f"/team/2099/{TEAM_B}/bijlage.pdf",
    f"/team/2018/{TEAM_A}/bijlage",                 # a draft wave
    f"/team/2018/{TEAM_A}/bijlage.pdf",
])
def test_teamleider_cannot_reach_other_bijlagen(client, world, path):
    login_as(client, world.teamleider)
    assert client.get(path).status_code == 404


def test_other_team_and_missing_team_look_the_same(client, world):
    """No existence leak: another team's bijlage and a non-existent team give the very same answer."""
    login_as(client, world.teamleider)
    other = client.get(f"/team/2017/{TEAM_B}/bijlage")
    missing = client.get("/team/2017/bestaat-niet/bijlage")
    assert other.status_code == missing.status_code == 404
    assert other.get_data() == missing.get_data()


@pytest.mark.parametrize("role", ["researcher", "admin"])
def test_staff_walk(app, client, world, no_csrf, role):
    """Researchers get every console page except the admin ones (403); admins get all of them."""
    login_as(client, getattr(world, role))
    for endpoint, method, url in _urls(app, world):
        if endpoint in PUBLIC or endpoint == "auth.logout" or (endpoint in BIJLAGE and not REPORTS_PRESENT):
            continue
        response = _call(client, method, url)
        assert response.status_code < 500, (endpoint, method, url, response.status_code)
        if endpoint in ADMIN_ONLY and role == "researcher":
            assert response.status_code == 403, (endpoint, method, url)
        elif endpoint.startswith(("console.", "teamleider.")):
            assert response.status_code not in (401, 403, 404), (endpoint, method, url, response.status_code)
            if method == "GET":
                # a PDF not built yet answers 202 with the "wordt gemaakt" page while the queue builds it
                expected = (200, 202) if endpoint == "teamleider.bijlage_pdf" else (200,)
                assert response.status_code in expected, (endpoint, url, response.status_code)


def test_bijlage_without_reports_module_is_not_reached_before_access_check(client, world):
    """Staff asking for an unknown team or wave get 404 before the reports module is ever imported."""
    login_as(client, world.researcher)
    assert client.get("/team/2017/bestaat-niet/bijlage").status_code == 404
    assert client.get(f"/team/2099/{TEAM_A}/bijlage.pdf").status_code == 404


def test_disabled_account_is_logged_out(client, world):
    world.researcher.active = False
    from survey_app.extensions import db

    db.session.commit()
    login_as(client, world.researcher)
    response = client.get("/console/")
    assert response.status_code == 302 and response.location.startswith("/inloggen")
