"""Login and logout; failed logins are limited per address and per account, and logout ends every session."""

from __future__ import annotations

import re

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from survey_app.auth import backoff, bp
from survey_app.auth.forms import LoginForm
from survey_app.extensions import db
from survey_app.input_guard import checks_own_text
from survey_app.models import Role
from survey_app.services import audit
from survey_app.services.users import authenticate, end_sessions
from survey_app.throttle import throttled

#: A same-site path: one slash, then printable ASCII without backslashes, spaces or control characters.
SAFE_NEXT = re.compile(r"/(?![/\\])[!#-\[\]-~]*")
MAX_NEXT_LENGTH = 2000


def _landing_page() -> str:
    if current_user.role == Role.TEAMLEIDER:
        return url_for("teamleider.index")
    return url_for("console.home")


def safe_next(target: str | None) -> str | None:
    """Only a path on this site, so a crafted login link cannot send someone elsewhere (or break the redirect).

    Refused: schemes, `//host` and `/\\host` (browsers read a backslash as a slash), CR/LF and other control
    characters, spaces and anything outside printable ASCII; the caller then goes to the landing page.
    """
    if not target or len(target) > MAX_NEXT_LENGTH or not SAFE_NEXT.fullmatch(target):
        return None
    return target


@bp.route("/inloggen", methods=["GET", "POST"])
@throttled("LOGIN_RATE_LIMIT", methods=("POST",))
@checks_own_text  # the login form names the field that holds a control character (auth/forms.py)
def login():
    """Log in with e-mail and password."""
    form = LoginForm()
    if not form.validate_on_submit():
        status = 400 if request.method == "POST" and form.errors else 200
        return render_template("auth/login.html", form=form), status
    email = form.email.data
    if locked := backoff.lock_remaining(email):
        flash(backoff.lock_message(locked), "error")
        return render_template("auth/login.html", form=form), 429
    user = authenticate(email, form.password.data)
    if user is not None:
        backoff.record_success(email)
        db.session.flush()  # a rehashed password raises the session version: embed the new one below
        login_user(user)
        audit.record(audit.Action.LOGIN, user=user)
        db.session.commit()
        return redirect(safe_next(request.args.get("next")) or _landing_page())
    backoff.record_failure(email)
    audit.record(audit.Action.LOGIN_FAILED, email=email)
    db.session.commit()
    flash("Onbekende combinatie van e-mailadres en wachtwoord.", "error")
    return render_template("auth/login.html", form=form), 401


@bp.post("/uitloggen")
@login_required
def logout():
    """Log out everywhere: every session of this account ends, a copied cookie included (POST, so a link on
    another site cannot do it)."""
    user = current_user._get_current_object()
    audit.record(audit.Action.LOGOUT, user=user)
    end_sessions(user)
    db.session.commit()
    logout_user()
    flash("U bent uitgelogd.", "success")
    return redirect(url_for("auth.login"))
