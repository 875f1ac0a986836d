"""Who may see what: researchers and admins see research data, a teamleider only their own teams."""

from __future__ import annotations

import functools
from collections.abc import Callable

from flask import abort
from flask_login import current_user, login_required

from survey_app.extensions import db, login_manager
from survey_app.models import Role, User


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The account behind a session or "remember me" cookie, if that cookie's session has not been ended.

    The cookie holds "<id>:<session version>" (`User.get_id`); logout, a new password, a new role or team
    list and blocking raise the account's version, so every earlier cookie (copies included) stops working.
    Blocked accounts are refused here too, not only by Flask-Login's `is_active` check.
    """
    user_id, _, version = session_id.partition(":")
    if not (user_id.isdigit() and version.isdigit()):
        return None  # a cookie from before session versions, or not ours: log in again
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_version != int(version):
        return None
    return user


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
