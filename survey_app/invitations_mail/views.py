"""The mail pages of a wave (researchers and admins) and the public afmelden page.

Thin: reading forms, calling `operations`, committing once. Sending is a queued job ("e-mail",
`invitations_mail/jobs.py`), so a request never waits for a mail server.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from survey_app.auth.access import roles_required
from survey_app.console.forms import ActionForm
from survey_app.console.helpers import flash_form_errors, flash_problems, wave_or_404
from survey_app.console.uploads import saved_upload
from survey_app.extensions import db
from survey_app.invitations_mail import operations
from survey_app.invitations_mail.forms import AddressUploadForm, ReminderDateForm, TextsForm
from survey_app.invitations_mail.messages import example_message
from survey_app.invitations_mail.models import MailCampaign, MailKind, MailRecipient
from survey_app.invitations_mail.sending import send_test_mail
from survey_app.jobs.tasks import submit
from survey_app.mail.smtp import MailError
from survey_app.models import Role, Team
from survey_app.services.errors import InputError

bp = Blueprint("mail", __name__, url_prefix="/console/golven/<wave>/mail", template_folder="templates")
public = Blueprint("afmelden", __name__, template_folder="templates")
staff = roles_required(Role.ADMIN, Role.RESEARCHER)
LOCAL = ZoneInfo("Europe/Amsterdam")


def _back(wave: str):
    return redirect(url_for("mail.page", wave=wave))


def _local(moment: dt.datetime | None) -> dt.datetime | None:
    return moment.replace(tzinfo=dt.UTC).astimezone(LOCAL).replace(tzinfo=None) if moment else None


@bp.app_template_global()
def mail_summary(wave):
    """For the wave page: counts per status, and whether addresses exist (None without a campaign)."""
    return operations.status_counts(operations.find_campaign(wave))


@bp.get("/")
@staff
def page(wave: str):
    """Addresses, texts, sending and the status of every address."""
    current = wave_or_404(wave)
    campaign = operations.campaign_for(current)
    db.session.commit()
    texts_form = TextsForm(obj=campaign)
    reminder_form = ReminderDateForm(reminder_at=_local(campaign.reminder_at))
    recipients = db.session.scalars(select(MailRecipient).join(Team, Team.id == MailRecipient.team_id)
                                    .where(MailRecipient.campaign_id == campaign.id)
                                    .order_by(Team.label, MailRecipient.email)).all()
    return render_template("invitations_mail/page.html", wave=current, campaign=campaign,
                           upload_form=AddressUploadForm(), texts_form=texts_form, reminder_form=reminder_form,
                           recipients=recipients, counts=operations.status_counts(campaign),
                           status_labels=operations.STATUS_LABELS, kind_labels=operations.KIND_LABELS,
                           reminder_local=_local(campaign.reminder_at))


@bp.post("/adressen")
@staff
def upload(wave: str):
    """Add the addresses of a file, each with its own invitation; all or nothing."""
    current = wave_or_404(wave)
    form = AddressUploadForm()
    if not form.validate_on_submit():
        flash_form_errors(form)
        return _back(current.name)
    try:
        with saved_upload(form.addresses.data) as path:
            count = operations.add_addresses(current, path, form.addresses.data.filename or "upload",
                                             current_app.config["SECRET_KEY"], current_user)
        db.session.commit()
        flash(f"{count} adressen toegevoegd, elk met een eigen persoonlijke link.", "success")
    except InputError as error:
        flash_problems(error)
    return _back(current.name)


@bp.post("/teksten")
@staff
def save_texts(wave: str):
    """Store the texts after checking their placeholders."""
    current = wave_or_404(wave)
    form = TextsForm()
    if not form.validate_on_submit():
        flash_form_errors(form)
        return _back(current.name)
    values = {name: getattr(form, name).data for name in
              ("invitation_subject", "invitation_body", "reminder_subject", "reminder_body")}
    try:
        operations.save_texts(operations.campaign_for(current), values, form.closes_on.data)
        db.session.commit()
        flash("De teksten zijn opgeslagen.", "success")
    except InputError as error:
        flash_problems(error)
    return _back(current.name)


def _example(current) -> tuple[str, str | None]:
    """(team label, address) of the first address of the wave, or of its first team without an address."""
    first = db.session.scalar(select(MailRecipient).join(MailCampaign)
                              .where(MailCampaign.wave_id == current.id).order_by(MailRecipient.id).limit(1))
    if first is not None:
        return first.team.label, first.email
    return (current.teams[0].team.label if current.teams else "Team voorbeeld"), None


@bp.get("/voorbeeld")
@staff
def preview(wave: str):
    """Invitation and reminder as the first address gets them, with an example link."""
    current = wave_or_404(wave)
    campaign = operations.campaign_for(current)
    db.session.commit()
    (team, address), base = _example(current), current_app.config["PUBLIC_BASE_URL"]
    return render_template("invitations_mail/preview.html", wave=current, team=team, address=address,
                           invitation=example_message(campaign, MailKind.INVITATION, team, base),
                           reminder=example_message(campaign, MailKind.REMINDER, team, base))


@bp.post("/testmail")
@staff
def test_mail(wave: str):
    """The example invitation to the logged-in researcher's own address."""
    current = wave_or_404(wave)
    if not ActionForm().validate_on_submit():
        abort(400)
    campaign = operations.campaign_for(current)
    db.session.commit()
    text = example_message(campaign, MailKind.INVITATION, _example(current)[0], current_app.config["PUBLIC_BASE_URL"])
    try:
        send_test_mail(current_user.email, text.subject, text.body)
        flash("De testmail is naar uw eigen adres verstuurd.", "success")
    except MailError as error:
        flash(f"De testmail kon niet worden verstuurd: {error.reason}", "error")
    return _back(current.name)


def _queue_and_send(wave: str, queue, what: str):
    current = wave_or_404(wave)
    if not ActionForm().validate_on_submit():
        abort(400)
    campaign = operations.campaign_for(current)
    try:
        queued = queue(campaign)
        db.session.commit()
    except InputError as error:
        flash_problems(error)
        return _back(current.name)
    submit("e-mail", f"E-mail golf {current.name}: {what}", wave_id=current.id, campaign_id=campaign.id)
    db.session.commit()  # the job is queued on commit; a worker sends at the configured rate
    flash(f"{queued} {what} in de wachtrij gezet. Een achtergrondtaak verstuurt ze; de stand per adres staat "
          "hieronder (vernieuw de pagina) en bij Taken.", "success")
    return _back(current.name)


@bp.post("/versturen")
@staff
def send_invitations(wave: str):
    """Queue the invitation of every address that has not had one and send them."""
    return _queue_and_send(wave, lambda c: operations.queue_invitations(c, current_user), "uitnodigingen")


@bp.post("/herinnering")
@staff
def send_reminders(wave: str):
    """Queue a reminder for every address whose invitation is not submitted, and send them."""
    return _queue_and_send(wave, lambda c: operations.queue_reminders(c, current_user, operations.utcnow()),
                           "herinneringen")


@bp.post("/herinnering-plannen")
@staff
def schedule_reminder(wave: str):
    """Set (or clear) the moment the reminder goes out by itself."""
    current = wave_or_404(wave)
    form = ReminderDateForm()
    if not form.validate_on_submit():
        flash_form_errors(form)
        return _back(current.name)
    local = form.reminder_at.data
    when = local.replace(tzinfo=LOCAL).astimezone(dt.UTC).replace(tzinfo=None) if local else None
    operations.set_reminder_at(operations.campaign_for(current), when)
    db.session.commit()
    flash("De herinnering is gepland." if when else "Er is geen herinnering meer gepland.", "success")
    return _back(current.name)


@public.route("/afmelden/<token>", methods=["GET", "POST"])
def unsubscribe(token: str):
    """Show a confirm button; the POST (with CSRF token) stops further mail for this address."""
    recipient = operations.find_unsubscribing(current_app.config["SECRET_KEY"], token)
    form = ActionForm()
    if recipient is None:
        return render_template("invitations_mail/unsubscribe.html", state="unknown", form=form), 404
    if form.validate_on_submit():
        operations.unsubscribe(recipient)
        db.session.commit()
        return render_template("invitations_mail/unsubscribe.html", state="done", form=form)
    return render_template("invitations_mail/unsubscribe.html", state="confirm", form=form)
