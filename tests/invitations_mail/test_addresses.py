"""Uploading addresses: every problem named by file, row and column, and nothing written when one is wrong."""

from __future__ import annotations

import openpyxl
import pytest
from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.invitations_mail.models import MailRecipient
from survey_app.invitations_mail.operations import add_addresses
from survey_app.models import Invitation
from survey_app.services.errors import InputError
from survey_app.services.tokens import hash_token


def _counts():
    return (db.session.scalar(select(func.count()).select_from(MailRecipient)),
            db.session.scalar(select(func.count()).select_from(Invitation)))


def test_each_address_gets_its_own_invitation(app, mail_wave, upload):
    assert upload(mail_wave, "team,email\nzwolle-noord,A.Jansen@Example.org\nzwolle-zuid,b@example.org\n") == 2
    recipients = db.session.scalars(select(MailRecipient).order_by(MailRecipient.email)).all()
    assert [r.email for r in recipients] == ["a.jansen@example.org", "b@example.org"]
    assert len({r.invitation_id for r in recipients}) == 2
    assert all(len(r.invitation.token_hash) == 64 for r in recipients)


def test_errors_name_row_and_column_and_nothing_is_written(app, mail_wave, upload):
    content = ("team,email\nzwolle-noord,goed@example.org\nzwolle-oost,c@example.org\nzwolle-zuid,geen-adres\n"
               "zwolle-zuid,goed@example.org\n")
    with pytest.raises(InputError) as caught:
        upload(mail_wave, content)
    messages = [str(p) for p in caught.value.problems]
    assert messages == [
        "adressen.csv:3: kolom 'team': team 'zwolle-oost' doet niet mee aan deze golf (teams: zwolle-noord, "
        "zwolle-zuid)",
        "adressen.csv:4: kolom 'email': dit is geen geldig e-mailadres",
        "adressen.csv:5: kolom 'email': dit adres staat al op regel 2",
    ]
    db.session.rollback()
    assert _counts() == (0, 0)


def test_missing_column_and_repeated_upload(app, mail_wave, upload):
    with pytest.raises(InputError) as caught:
        upload(mail_wave, "team,adres\nzwolle-noord,a@example.org\n")
    assert "verplichte kolom 'email' ontbreekt" in caught.value.summary()
    db.session.rollback()
    upload(mail_wave, "team;email\nzwolle-noord;a@example.org\n")
    with pytest.raises(InputError) as caught:
        upload(mail_wave, "team,email\nzwolle-zuid,A@example.org\n")
    assert str(caught.value.problems[0]) == ("adressen.csv:2: kolom 'email': dit adres is al eerder voor deze golf "
                                             "opgegeven")


def test_excel_file(app, mail_wave, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["team", "email"])
    sheet.append(["zwolle-noord", "x@example.org"])
    sheet.append([None, None])
    sheet.append(["zwolle-zuid", "fout@"])
    path = tmp_path / "adressen.xlsx"
    book.save(path)
    with pytest.raises(InputError) as caught:
        add_addresses(mail_wave, str(path), "adressen.xlsx", app.config["SECRET_KEY"], None)
    assert [str(p) for p in caught.value.problems] == ["adressen.xlsx:4: kolom 'email': dit is geen geldig e-mailadres"]
    db.session.rollback()
    sheet.delete_rows(4)
    book.save(path)
    assert add_addresses(mail_wave, str(path), "adressen.xlsx", app.config["SECRET_KEY"], None) == 1


def test_a_damaged_excel_file_is_a_message(app, mail_wave, tmp_path):
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"PK\x03\x04 geen echte werkmap")
    with pytest.raises(InputError) as caught:
        add_addresses(mail_wave, str(path), "kapot.xlsx", app.config["SECRET_KEY"], None)
    assert str(caught.value.problems[0]).startswith("kapot.xlsx:1: geen leesbaar Excel-bestand")


def test_the_personal_token_is_derived_not_stored(app, mail_wave, upload):
    from survey_app.invitations_mail.links import personal_token

    upload(mail_wave, "team,email\nzwolle-noord,a@example.org\n")
    recipient = db.session.scalar(select(MailRecipient))
    token = personal_token(app.config["SECRET_KEY"], recipient.link_salt)
    assert recipient.invitation.token_hash == hash_token(token) and token not in recipient.link_salt
    assert len(token) >= 32
