"""A build started from the web page under gunicorn with several workers: every poll of the status page, on
whichever worker it lands, shows where the build stands, and reloading every web worker mid-build loses
nothing (the status lives in the database, the work in the queue and a separate `flask worker`)."""

from __future__ import annotations

import http.cookiejar
import re
import signal
import time
import urllib.parse
import urllib.request

from survey_app.extensions import db
from survey_app.services.users import create_user
from tests.conftest import csrf_token_from
from tests.jobs.helpers import WAIT_SECONDS
from tests.jobs.processes import environment, gunicorn, log_of, workers

PASSWORD = "een-lang-wachtwoord"
PROGRESS = re.compile(r"In de wachtrij|Bezig: (\d+) van 8 klaar|Klaar: 8 van 8")


class Browser:
    """A cookie-keeping client; every request opens a new connection, so gunicorn spreads them over workers.
    Generous timeouts: on a busy machine, workers booting after the reload take a while to answer."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> tuple[int, str]:
        with self.opener.open(self.base + path, timeout=300) as response:
            return response.status, response.read().decode()

    def post(self, path: str, data: dict) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode()
        with self.opener.open(self.base + path, data=body, timeout=300) as response:
            return response.status, response.read().decode()


def test_progress_on_every_poll_and_through_a_reload_of_all_web_workers(app, small_wave, _schema, tmp_path):
    create_user("onderzoeker@voorbeeld.nl", "researcher", PASSWORD)
    db.session.commit()
    env = environment(_schema, f"sqlite:///{tmp_path / 'jobs.sqlite3'}")  # the embedded queue, shared on disk
    with gunicorn(env, worker_count=3) as (base, server), workers([tmp_path / "worker"], env) as (worker,):
        browser = Browser(base)
        _, page = browser.get("/inloggen")
        browser.post("/inloggen", {"email": "onderzoeker@voorbeeld.nl", "password": PASSWORD,
                                   "csrf_token": csrf_token_from(page)})
        _, page = browser.get("/rapporten/2017/")
        status, page = browser.post("/rapporten/2017/bouwen", {"csrf_token": csrf_token_from(page)})
        assert status == 200 and "Rapportages" in page  # followed the redirect to the status page

        polls, reloaded, deadline = [], False, time.monotonic() + WAIT_SECONDS
        while "Klaar: 8 van 8" not in page:
            assert time.monotonic() < deadline, (polls, log_of(worker))
            status, page = browser.get("/rapporten/2017/status")
            match = PROGRESS.search(page)
            assert status == 200 and match, page  # never "no build" on another worker, never an error
            polls.append(match.group(0))
            if not reloaded and match.group(1):
                server.send_signal(signal.SIGHUP)  # gunicorn replaces every web worker
                reloaded = True
            time.sleep(0.3)
    assert reloaded, polls
    assert "Bestanden (8)" in page and "2017-zwolle-zwolle-noord.pdf" in page
    done = [int(m.group(1)) for m in map(PROGRESS.search, polls) if m.group(1)]
    assert done == sorted(done), polls  # progress never goes back, whichever worker answers
