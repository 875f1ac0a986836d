"""`flask users create`: password from stdin or prompted twice, roles and teams checked, audited."""

from __future__ import annotations

from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import AuditEvent, Role
from survey_app.services.users import find_user, verify_password


def test_create_with_password_from_stdin(runner, create_org):
    create_org({"zwolle": ["zwolle-noord", "zwolle-zuid"]})
    result = runner.invoke(args=["users", "create", "TL@Voorbeeld.nl", "--role", "teamleider", "--team",
                                 "zwolle-noord", "--team", "zwolle-zuid", "--password-stdin"],
                           input="een geheim wachtwoord\nvolgende regel\n")
    assert result.exit_code == 0, result.output
    user = find_user("tl@voorbeeld.nl")
    assert user.role == Role.TEAMLEIDER
    assert sorted(t.slug for t in user.teams) == ["zwolle-noord", "zwolle-zuid"]
    assert verify_password(user, "een geheim wachtwoord")
    event = db.session.scalar(select(AuditEvent))
    assert event.action == "account_created" and event.email == "opdrachtregel"
    assert "tl@voorbeeld.nl" in event.detail and "wachtwoord" not in event.detail


def test_create_with_prompted_password(runner, app):
    result = runner.invoke(args=["users", "create", "onderzoeker@voorbeeld.nl", "--role", "researcher"],
                           input="lang-genoeg-wachtwoord\nlang-genoeg-wachtwoord\n")
    assert result.exit_code == 0, result.output
    assert "lang-genoeg-wachtwoord" not in result.output
    assert verify_password(find_user("onderzoeker@voorbeeld.nl"), "lang-genoeg-wachtwoord")


def test_prompt_repeats_when_passwords_differ(runner, app):
    result = runner.invoke(args=["users", "create", "a@voorbeeld.nl", "--role", "admin"],
                           input="eerste-wachtwoord\nander-wachtwoord\ngoed-wachtwoord1\ngoed-wachtwoord1\n")
    assert result.exit_code == 0, result.output
    assert verify_password(find_user("a@voorbeeld.nl"), "goed-wachtwoord1")


def test_bad_input_exits_1_and_writes_nothing(runner, create_org):
    create_org({"zwolle": ["zwolle-noord"]})
    cases = [
        (["x@voorbeeld.nl", "--role", "teamleider"], "minstens één team"),
        (["x@voorbeeld.nl", "--role", "teamleider", "--team", "bestaat-niet"], "onbekend team"),
        (["x@voorbeeld.nl", "--role", "researcher", "--team", "zwolle-noord"], "alleen een teamleider"),
        (["geen-adres", "--role", "admin"], "geen geldig e-mailadres"),
    ]
    for args, message in cases:
        result = runner.invoke(args=["users", "create", *args, "--password-stdin"], input="lang-genoeg-ww\n")
        assert result.exit_code == 1 and message in result.output, (args, result.output)
    short = runner.invoke(args=["users", "create", "x@voorbeeld.nl", "--role", "admin", "--password-stdin"],
                          input="kort\n")
    assert short.exit_code == 1 and "minstens 10 tekens" in short.output
    assert find_user("x@voorbeeld.nl") is None
    assert db.session.scalar(select(AuditEvent)) is None
