"""Who may see what: researchers and admins see research data, a teamleider only their own teams."""

from __future__ import annotations

import functools
from collections.abc import Callable

from flask import abort
from flask_login import current_user, login_required

from survey_app.extensions import db, login_manager
from survey_app.models import Role, User


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The account behind a session cookie; disabled accounts are refused by Flask-Login."""
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def roles_required(*roles: Role) -> Callable:
    """Allow a view to the given roles only (403 for others, login page for anonymous visitors)."""

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        @login_required
        def wrapper(*args, **kwargs):
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapper

    return decorator


def can_see_team(user: User, team_slug: str) -> bool:
    """Researchers and admins see every team; a teamleider only the teams linked to the account."""
    if user.role in (Role.ADMIN, Role.RESEARCHER):
        return True
    return any(team.slug == team_slug for team in user.teams)
