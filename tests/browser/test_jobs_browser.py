"""The queue's pages in Chromium pass axe-core: the job list with a failed job and its retry button, a wave's
reports page with the background forms, the build status while queued, and the teamleider's "wordt gemaakt"."""

from __future__ import annotations

from survey_app.extensions import db
from survey_app.jobs import status
from survey_app.jobs.models import JobState
from survey_app.jobs.report_tasks import queue_wave_build
from survey_app.models import WaveStatus
from survey_app.services.users import create_user
from tests.browser.axe import assert_accessible
from tests.browser.test_coding_browser import log_in
from tests.reports.conftest import _fresh_analysis_cache, small_wave  # noqa: F401


def test_queue_pages_are_accessible(chromium, live_server, small_wave):  # noqa: F811
    create_user("onderzoeker@voorbeeld.nl", "researcher", "een-goed-wachtwoord")
    create_user("leider@voorbeeld.nl", "teamleider", "nog-een-wachtwoord", ["zwolle-noord"])
    failed = status.create("export", "Export golf 2017 (csv)", small_wave.wave.id)
    failed.state, failed.reason = JobState.FAILED, "De golf bestaat niet meer."
    queue_wave_build(small_wave.wave)  # no worker runs: it stays queued
    small_wave.wave.status = WaveStatus.CLOSED
    db.session.commit()

    researcher = chromium.new_context(viewport={"width": 1200, "height": 900}).new_page()
    log_in(researcher, live_server, "onderzoeker@voorbeeld.nl", "een-goed-wachtwoord")
    for path, text in (("/taken/", "Opnieuw starten"), ("/rapporten/2017/", "Export maken"),
                       ("/rapporten/2017/status", "In de wachtrij")):
        researcher.goto(live_server + path)
        assert text in researcher.content()
        assert_accessible(researcher, path)

    leader = chromium.new_context(viewport={"width": 1200, "height": 900}).new_page()
    log_in(leader, live_server, "leider@voorbeeld.nl", "nog-een-wachtwoord")
    leader.goto(f"{live_server}/team/2017/zwolle-noord/bijlage.pdf")
    assert "De bijlage wordt gemaakt" in leader.content()
    assert_accessible(leader, "wordt gemaakt")
