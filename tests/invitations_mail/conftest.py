"""A small open wave with two teams and a mail campaign, for the mail service tests."""

from __future__ import annotations

import pytest

from survey_app.extensions import db
from survey_app.invitations_mail.operations import add_addresses
from tests.console.conftest import world  # noqa: F401 (the console's fixture: waves, teams and accounts)

ORG = {"zwolle": ["zwolle-noord", "zwolle-zuid"]}


@pytest.fixture
def mail_wave(create_open_wave):
    """An open wave '2018' (module samenwerking) for zwolle-noord and zwolle-zuid."""
    return create_open_wave("2018", modules=["samenwerking"], org=ORG)


@pytest.fixture
def upload(app, tmp_path):
    """Add addresses from CSV text: upload(wave, "team,email\\n...") -> count (committed)."""

    def _upload(wave, content: str, name: str = "adressen.csv") -> int:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        count = add_addresses(wave, str(path), name, app.config["SECRET_KEY"], None)
        db.session.commit()
        return count

    return _upload
