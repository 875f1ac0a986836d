"""Fixtures for the matrix tests: the 15-case Rekenkamer matrix imported through the CLI, and staff logins."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from survey_app.extensions import db
from survey_app.services.users import create_user

ZWOLLE = Path(__file__).resolve().parent.parent / "fixtures" / "matrix" / "zwolle"
PASSWORD = "een-lang-wachtwoord"


@pytest.fixture
def zwolle_dir(tmp_path) -> Path:
    """A writable copy of the 15-case fixture directory (tests break files in it)."""
    target = tmp_path / "zwolle"
    shutil.copytree(ZWOLLE, target)
    return target


@pytest.fixture
def imported(runner, zwolle_dir):
    """The fixture imported as project 'zwolle' through `flask matrix import`."""
    result = runner.invoke(args=["matrix", "import", "zwolle", str(zwolle_dir), "--title", "Casusonderzoek Zwolle"])
    assert result.exit_code == 0, result.output
    from survey_app.matrix.store import find_project

    return find_project("zwolle")


@pytest.fixture
def accounts(app, create_org):
    """A researcher and a teamleider (matrices are research data: a teamleider never sees them)."""
    create_org({"zwolle": ["zwolle-noord"]})
    researcher = create_user("onderzoeker@voorbeeld.nl", "researcher", PASSWORD)
    teamleider = create_user("tl@voorbeeld.nl", "teamleider", PASSWORD, ["zwolle-noord"])
    db.session.commit()
    return researcher, teamleider
