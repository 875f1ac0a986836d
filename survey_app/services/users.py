"""Accounts: creation and password checks (argon2id through argon2-cffi)."""

from __future__ import annotations

import contextlib
import functools
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from survey_app.extensions import db
from survey_app.models import Role, Team, User
from survey_app.services.errors import InputError, InputProblem

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD_LENGTH = 10
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id hash with the library's current parameters."""
    return _hasher.hash(password)


def verify_password(user: User, password: str) -> bool:
    """True when the password matches; upgrades an outdated hash in place."""
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return True


@functools.cache
def _unknown_account_hash() -> str:
    """Checked when no account matches, so a login for an unknown address takes as long as for a known one."""
    return _hasher.hash(secrets.token_hex(16))


def authenticate(email: str, password: str) -> User | None:
    """The active account with this e-mail address and password, else None, in about the same time either way."""
    user = find_user(email)
    if user is None:
        with contextlib.suppress(VerificationError):
            _hasher.verify(_unknown_account_hash(), password)
        return None
    return user if verify_password(user, password) and user.active else None


def end_sessions(user: User) -> None:
    """End every session of the account, on every device (logout does this; see User.session_version)."""
    user.session_version = User.session_version + 1


def find_user(email: str) -> User | None:
    """The account with this e-mail address, case-insensitively."""
    return db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def create_user(email: str, role: str, password: str, team_slugs: list[str] | None = None) -> User:
    """A new account; a teamleider needs at least one team, other roles take none."""
    problems = []
    email = email.strip().lower()
    if not EMAIL.match(email):
        problems.append(InputProblem("e-mail", f"'{email}' is geen geldig e-mailadres"))
    elif find_user(email) is not None:
        problems.append(InputProblem("e-mail", f"er bestaat al een account voor '{email}'"))
    if role not in {r.value for r in Role}:
        problems.append(InputProblem("--role", f"onbekende rol '{role}' (admin, researcher of teamleider)"))
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(InputProblem("wachtwoord", f"minstens {MIN_PASSWORD_LENGTH} tekens"))
    teams = []
    for slug in team_slugs or []:
        team = db.session.scalar(select(Team).where(Team.slug == slug))
        if team is None:
            problems.append(InputProblem("--team", f"onbekend team '{slug}'"))
        else:
            teams.append(team)
    if role == Role.TEAMLEIDER and not team_slugs:
        problems.append(InputProblem("--team", "een teamleider hoort bij minstens één team"))
    if role != Role.TEAMLEIDER and team_slugs:
        problems.append(InputProblem("--team", "alleen een teamleider wordt aan teams gekoppeld"))
    if problems:
        raise InputError(problems)
    user = User(email=email, role=Role(role), password_hash=hash_password(password), teams=teams)
    db.session.add(user)
    db.session.flush()
    return user
