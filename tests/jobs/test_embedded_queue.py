"""The embedded mode: Huey's SQLite storage and a consumer in this process build a closed wave's reports,
which a teamleider then downloads as stored; a failing job keeps a Dutch reason and is retried."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.jobs import status
from survey_app.jobs.models import Job, JobState, ReportFile
from survey_app.jobs.report_tasks import KIND
from survey_app.jobs.tasks import submit
from survey_app.models import WaveStatus
from survey_app.services.users import create_user
from survey_app.services.waves import set_status
from tests.jobs.helpers import wait_for_job

PASSWORD = "een-lang-wachtwoord"


@pytest.fixture
def app(_schema, tmp_path):
    """The test app on a real embedded queue: Huey's SQLite storage in a file."""
    from tests.conftest import _empty_all_tables, make_test_app

    app = make_test_app(_schema, JOB_QUEUE_URL=f"sqlite:///{tmp_path / 'jobs.sqlite3'}")
    with app.app_context():
        yield app
        db.session.remove()
        _empty_all_tables()
        db.engine.dispose()


def login(client, user) -> None:
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True


def test_closing_a_wave_builds_every_report_and_the_teamleider_gets_the_stored_pdf(
        app, client, small_wave, consumer, pdftext):
    teamleider = create_user("tl@voorbeeld.nl", "teamleider", PASSWORD, ["zwolle-noord"])
    set_status(small_wave.wave, WaveStatus.CLOSED)
    db.session.commit()
    job = status.latest_for_wave(small_wave.wave.id, KIND)
    assert job is not None and job.total == 8  # five bijlagen, two gemeente reports, the overall report

    job = wait_for_job(job.id)
    assert (job.state, job.done, job.failed, job.reason) == (JobState.DONE, 8, 0, "")
    assert db.session.scalar(select(func.count()).select_from(ReportFile)) == 8

    login(client, teamleider)
    download = client.get("/team/2017/zwolle-noord/bijlage.pdf")
    assert download.status_code == 200 and download.data.startswith(b"%PDF")
    assert "zwolle-noord" in pdftext(download.data)


def test_a_download_before_the_build_gets_the_being_built_page_and_queues_it(app, client, small_wave):
    """No consumer runs: the request must not render the PDF itself, and must not fail."""
    teamleider = create_user("tl@voorbeeld.nl", "teamleider", PASSWORD, ["zwolle-noord"])
    small_wave.wave.status = WaveStatus.CLOSED
    db.session.commit()
    login(client, teamleider)
    page = client.get("/team/2017/zwolle-noord/bijlage.pdf")
    assert page.status_code == 202
    text = page.get_data(as_text=True)
    assert "De bijlage wordt gemaakt" in text and "In de wachtrij" in text and 'refresh.js' in text
    again = client.get("/team/2017/zwolle-noord/bijlage.pdf")
    assert again.status_code == 202
    assert db.session.scalar(select(func.count()).select_from(Job)) == 1  # one build, not one per request


def test_a_failed_job_shows_its_dutch_reason_and_is_retried_from_the_console(app, client, small_wave, consumer):
    researcher = create_user("onderzoeker@voorbeeld.nl", "researcher", PASSWORD)
    job = submit("export", "Export golf 2017 (xyz)", wave_id=small_wave.wave.id, fmt="xyz")
    db.session.commit()
    job = wait_for_job(job.id)
    assert job.state == JobState.FAILED and job.reason == "Onbekend exportformaat 'xyz'."

    login(client, researcher)
    page = client.get("/taken/").get_data(as_text=True)
    assert "Onbekend exportformaat" in page and "Opnieuw starten" in page
    assert client.post(f"/taken/{job.id}/opnieuw").status_code == 400  # no CSRF token
    from tests.conftest import csrf_token_from

    job.params = {"wave_id": small_wave.wave.id, "fmt": "csv"}  # what a fixed cause looks like to the job
    db.session.commit()
    response = client.post(f"/taken/{job.id}/opnieuw", data={"csrf_token": csrf_token_from(page)})
    assert response.status_code == 302
    job = wait_for_job(job.id)
    assert (job.state, job.attempt, job.output_name) == (JobState.DONE, 2, "2017-antwoorden.csv")
    download = client.get(f"/taken/{job.id}/bestand")
    assert download.status_code == 200 and b"zwolle-noord" in download.data


def test_the_analysis_of_a_wave_is_queued_from_the_reports_page(app, client, small_wave, consumer):
    import json

    from tests.conftest import csrf_token_from

    login(client, create_user("onderzoeker@voorbeeld.nl", "researcher", PASSWORD))
    page = client.get("/rapporten/2017/").get_data(as_text=True)
    assert "Analyse maken (JSON)" in page
    response = client.post("/taken/golf/2017/analyse", data={"csrf_token": csrf_token_from(page)})
    assert response.status_code == 302 and response.location.endswith("/taken/")
    job = wait_for_job(db.session.scalar(select(Job.id).where(Job.kind == "analyse")))
    assert job.state == JobState.DONE and job.output_name == "2017-analyse.json"
    analysis = json.loads(client.get(f"/taken/{job.id}/bestand").data)
    assert analysis["items"]
