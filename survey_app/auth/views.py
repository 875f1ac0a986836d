"""Login and logout; failed logins are rate-limited."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from survey_app.auth import bp
from survey_app.auth.forms import LoginForm
from survey_app.extensions import db
from survey_app.models import Role
from survey_app.services import audit
from survey_app.services.users import find_user, verify_password
from survey_app.throttle import throttled


def _landing_page() -> str:
    if current_user.role == Role.TEAMLEIDER:
        return url_for("teamleider.index")
    return url_for("console.home")


def _safe_next(target: str | None) -> str | None:
    """Only same-site paths, so a crafted login link cannot send someone elsewhere."""
    if not target:
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc and target.startswith("/") else None


@bp.route("/inloggen", methods=["GET", "POST"])
@throttled("LOGIN_RATE_LIMIT", methods=("POST",))
def login():
    """Log in with e-mail and password."""
    form = LoginForm()
    if form.validate_on_submit():
        user = find_user(form.email.data)
        if user is not None and user.active and verify_password(user, form.password.data):
            login_user(user)
            audit.record(audit.Action.LOGIN, user=user)
            db.session.commit()
            return redirect(_safe_next(request.args.get("next")) or _landing_page())
        audit.record(audit.Action.LOGIN_FAILED, email=form.email.data or "")
        db.session.commit()
        flash("Onbekende combinatie van e-mailadres en wachtwoord.", "error")
    return render_template("auth/login.html", form=form), (401 if request.method == "POST" else 200)


@bp.post("/uitloggen")
@login_required
def logout():
    """Log out (POST, so a link on another site cannot do it)."""
    audit.record(audit.Action.LOGOUT, user=current_user._get_current_object())
    db.session.commit()
    logout_user()
    flash("U bent uitgelogd.", "success")
    return redirect(url_for("auth.login"))
