"""No log line holds a personal or open link token or a client address: werkzeug's development server,
gunicorn's access log (with gunicorn.conf.py) and the app's own logger."""

from __future__ import annotations

import datetime as dt
import logging
import runpy
import threading
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from werkzeug.serving import make_server

from survey_app.log_redaction import HIDDEN, RedactingFilter, redact

ROOT = Path(__file__).resolve().parents[2]


def _messages(records) -> str:
    handler = logging.Handler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    return "\n".join(handler.format(record) for record in records)


@pytest.fixture(autouse=True)
def _enabled_loggers(app):
    """The migrations' fileConfig (run once per test session) disables loggers that existed before it."""
    loggers = [logging.getLogger(name) for name in ("werkzeug", "gunicorn.access", app.logger.name)]
    before = [logger.disabled for logger in loggers]
    for logger in loggers:
        logger.disabled = False
    yield
    for logger, disabled in zip(loggers, before, strict=True):
        logger.disabled = disabled


@pytest.fixture
def token(create_open_wave, invite):
    wave = create_open_wave(modules=["samenwerking"])
    return invite(wave, "zwolle-noord")[0]


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_development_server_logs_no_token_and_no_address(app, token, caplog):
    caplog.set_level(logging.INFO, logger="werkzeug")
    server = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        statuses = [_get(f"{base}/s/{token}"), _get(f"{base}/s/{token}/pagina/p1?x=1"), _get(f"{base}/o/{token}"),
                    _get(f"{base}/o/geheim-open-token-42")]
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
    assert statuses[0] == 200 and statuses[3] == 404
    logged = _messages(r for r in caplog.records if r.name == "werkzeug")
    assert logged.count(f"/s/{HIDDEN}") >= 2 and logged.count(f"/o/{HIDDEN}") == 2
    assert token not in logged and "geheim-open-token-42" not in logged
    assert "127.0.0.1" not in logged and "[adres]" in logged


def test_app_log_records_are_redacted(app, caplog):
    caplog.set_level(logging.INFO)
    app.logger.warning("Link /s/%s van %s", "Abc_123-geheim", "192.168.10.20")
    try:
        raise ValueError("kapot bij /o/open-geheim uit 2001:db8::7")
    except ValueError:
        app.logger.exception("Onverwachte fout op /s/nog-een-geheim/controle")
    logged = _messages(caplog.records) + "\n" + caplog.text
    for secret in ("Abc_123-geheim", "192.168.10.20", "open-geheim", "2001:db8::7", "nog-een-geheim"):
        assert secret not in logged
    assert f"/s/{HIDDEN}/controle" in logged and "ValueError" in logged


@pytest.mark.parametrize(("text", "expected"), [
    ('::1 - - [24/Nov/2026 13:40:11] "GET /s/a-b_c?x=1 HTTP/1.1" 200 -',
     '[adres] - - [24/Nov/2026 13:40:11] "GET /s/[verborgen]?x=1 HTTP/1.1" 200 -'),
    ("GET /inloggen?next=%2Fs%2Fgeheim%2Fpagina", "GET /inloggen?next=%2Fs%2F[verborgen]%2Fpagina"),
    ("fe80::1ff:fe23:4567:890a en 10.0.0.1", "[adres] en [adres]"),
    ("klokje 12:34:56 en versie 1.2.3", "klokje 12:34:56 en versie 1.2.3"),
    ("/console/golven/2017", "/console/golven/2017"),
])
def test_redact(text, expected):
    assert redact(text) == expected


def test_create_app_installs_the_filter_on_the_request_loggers(app):
    for name in ("werkzeug", "gunicorn.access", "gunicorn.error", app.logger.name):
        assert any(isinstance(f, RedactingFilter) for f in logging.getLogger(name).filters), name


def test_gunicorn_access_log_has_no_address_and_no_token(app, caplog):
    from gunicorn.config import Config
    from gunicorn.glogging import Logger

    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    log_format = settings["access_log_format"]
    for atom in ("%(h)s", "%(r)s", "%(q)s", "%(f)s", "%(a)s", "{"):
        assert atom not in log_format
    config = Config()
    assert "accesslog" not in settings  # gunicorn's default: no access log unless the operator asks for one
    config.set("accesslog", "-")
    config.set("access_log_format", log_format)
    gunicorn_logger = Logger(config)
    settings["post_worker_init"](None)
    access = logging.getLogger("gunicorn.access")
    access.addHandler(caplog.handler)
    try:
        environ = {"REQUEST_METHOD": "GET", "RAW_URI": "/s/gunicorn-geheim?a=1", "PATH_INFO": "/s/gunicorn-geheim",
                   "QUERY_STRING": "a=1", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "203.0.113.9",
                   "HTTP_REFERER": "http://localhost/o/ander-geheim"}
        response = SimpleNamespace(status="200 OK", sent=512, headers=[])
        gunicorn_logger.access(response, SimpleNamespace(headers=[]), environ, dt.timedelta(milliseconds=12))
    finally:
        access.removeHandler(caplog.handler)
    logged = _messages(r for r in caplog.records if r.name == "gunicorn.access")
    assert f'"GET /s/{HIDDEN}" 200 512 12ms' in logged
    assert "gunicorn-geheim" not in logged and "203.0.113.9" not in logged and "ander-geheim" not in logged
