"""Admin-only console pages: accounts (create, block, unblock, new password) and the audit log."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from survey_app.auth.access import roles_required
from survey_app.console import bp
from survey_app.console.forms import ActionForm, PasswordForm, account_form
from survey_app.console.helpers import flash_form_errors, flash_problems
from survey_app.console.operations import new_account, reset_password, set_account_active
from survey_app.extensions import db
from survey_app.models import Role, Team, User
from survey_app.services import audit
from survey_app.services.errors import InputError

ROLE_LABELS = {Role.ADMIN: "beheerder", Role.RESEARCHER: "onderzoeker", Role.TEAMLEIDER: "teamleider"}


def _user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


@bp.get("/accounts")
@roles_required(Role.ADMIN)
def accounts():
    """Every account with role, teams and whether it can log in."""
    users = db.session.scalars(select(User).order_by(User.email)).all()
    return render_template("console/accounts.html", users=users, role_labels=ROLE_LABELS)


@bp.route("/accounts/nieuw", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def new_account_page():
    """Create an account with a first password (the admin passes it on in person or by phone)."""
    form = account_form(db.session.scalars(select(Team).order_by(Team.slug)).all())
    if form.validate_on_submit():
        try:
            user = new_account(form.email.data, form.role.data, form.password.data, list(form.teams.data),
                               current_user)
            db.session.commit()
            flash(f"Account {user.email} is aangemaakt.", "success")
            return redirect(url_for("console.accounts"))
        except InputError as error:
            flash_problems(error)
    return render_template("console/account_new.html", form=form), (422 if form.errors else 200)


@bp.post("/accounts/<int:user_id>/actief")
@roles_required(Role.ADMIN)
def toggle_account(user_id: int):
    """Block an active account or unblock a blocked one."""
    target = _user_or_404(user_id)
    form = ActionForm()
    if not form.validate_on_submit():
        flash_form_errors(form)
        return redirect(url_for("console.accounts"))
    try:
        set_account_active(target, not target.active, current_user)
        db.session.commit()
        flash(f"Account {target.email} is {'geactiveerd' if target.active else 'geblokkeerd'}.", "success")
    except InputError as error:
        flash_problems(error)
    return redirect(url_for("console.accounts"))


@bp.route("/accounts/<int:user_id>/wachtwoord", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def password(user_id: int):
    """Set a new password for an account."""
    target = _user_or_404(user_id)
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            reset_password(target, form.password.data, current_user)
            db.session.commit()
            flash(f"Het wachtwoord van {target.email} is gewijzigd.", "success")
            return redirect(url_for("console.accounts"))
        except InputError as error:
            flash_problems(error)
    return render_template("console/password.html", form=form, target=target), (422 if form.errors else 200)


@bp.get("/logboek")
@roles_required(Role.ADMIN)
def audit_log():
    """The audit log, newest first, 50 entries per page."""
    page = request.args.get("pagina", 1, type=int)
    events = audit.events_page(max(page, 1))
    return render_template("console/audit.html", events=events, local_time=audit.local_time,
                           action_label=audit.action_label)
