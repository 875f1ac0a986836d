"""Fixtures for the coding app: the Tabel 3 project imported through the CLI, and logged-in clients."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from survey_app.coding.services import get_project
from survey_app.extensions import db
from survey_app.services.users import create_user
from tests.conftest import csrf_token_from

TABEL3 = Path(__file__).parent.parent / "fixtures" / "coding" / "tabel3"
PASSWORD = "correct horse battery"


@pytest.fixture
def project_dir(tmp_path) -> Path:
    """A writable copy of the Tabel 3 project folder, for tests that break one file."""
    target = tmp_path / "tabel3"
    shutil.copytree(TABEL3, target)
    return target


@pytest.fixture
def tabel3(runner):
    """The Tabel 3 project imported with `flask coding import`."""
    result = runner.invoke(args=["coding", "import", "tabel3", str(TABEL3)])
    assert result.exit_code == 0, result.output
    return get_project("tabel3")


def log_in(client, email: str, role: str = "researcher", teams: list[str] | None = None):
    """Create an account and log in through the login form (with its CSRF token)."""
    create_user(email, role, PASSWORD, teams)
    db.session.commit()
    page = client.get("/inloggen")
    response = client.post("/inloggen", data={"email": email, "password": PASSWORD,
                                              "csrf_token": csrf_token_from(page.get_data(as_text=True))})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


@pytest.fixture
def researcher(client):
    """A client logged in as researcher mj@lectoraat.nl."""
    return log_in(client, "mj@lectoraat.nl")
