"""The personal link of an open-link respondent: shown to copy, and on request mailed without keeping the address.

Why: whoever starts from a team's shared link never received a personal invitation, so the only way back to
their saved answers is the personal link minted for them. They see it on the welcome page and after "Later
verder", with a copy button and a form that mails it to them. The address is used for that one message and
kept nowhere: not in the database, not in a log line, not in a cookie (mail/smtp.py keeps nothing either).
"""

from __future__ import annotations

import re

from flask import abort, current_app, redirect, render_template, request, url_for

from survey_app.mail.smtp import MailError, SmtpSettings, send_mail
from survey_app.survey import bp
from survey_app.survey.flow import find_respondent
from survey_app.throttle import throttled

#: pages the mail form can return to
ORIGINS = {"start": "survey.start", "bewaard": "survey.saved"}
#: a plausible address: something@domain.tld, no spaces, at most 254 characters (RFC 5321)
ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
MAX_ADDRESS_LENGTH = 254
BAD_ADDRESS = "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."


def personal_url(token: str) -> str:
    """The full personal link, on the same public base as the links in invitation CSVs."""
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + url_for("survey.start", token=token)


def mail_configured() -> bool:
    """True when the app can send mail (SMTP_HOST and MAIL_FROM set); otherwise the form is not offered."""
    return SmtpSettings.from_config(current_app.config).configured


def link_context(token: str, respondent, origin: str, error: str = "") -> dict:
    """Template variables for the personal-link box (`survey/_personal_link.html`)."""
    return {"open_link": respondent.from_open_link, "personal_url": personal_url(token),
            "can_mail": mail_configured(), "mailed": request.args.get("gemaild") == "1", "origin": origin,
            "mail_error": error}


def _message(wave_label: str, link: str) -> str:
    return (f"U vroeg om uw persoonlijke link voor de vragenlijst {wave_label}.\n\n"
            f"Met deze link gaat u verder waar u gebleven was:\n{link}\n\n"
            "De link is alleen voor u: stuur hem niet door. Na het versturen van de vragenlijst werkt hij niet meer.\n"
            "Uw e-mailadres is alleen gebruikt om dit bericht te sturen en is nergens bewaard.\n")


@bp.post("/s/<token>/link-mailen")
@throttled("OPEN_LINK_RATE_LIMIT")
def mail_link(token: str):
    """Mail the personal link to the address typed; the address is not stored (see the module docstring)."""
    respondent = find_respondent(token)
    if not respondent.from_open_link:
        abort(403)  # an invitation's link came by mail already; the form is not a relay for anyone with a link
    origin = request.form.get("terug", "start")
    if origin not in ORIGINS:
        origin = "start"
    template = "survey/start_mail.html"
    address = request.form.get("email", "").strip()
    if len(address) > MAX_ADDRESS_LENGTH or not ADDRESS.fullmatch(address):
        return render_template(template, token=token, wave_label=respondent.wave_label,
                               **link_context(token, respondent, origin, BAD_ADDRESS)), 422
    try:
        subject = f"Uw persoonlijke link: {respondent.wave_label}"
        send_mail(SmtpSettings.from_config(current_app.config), address, subject,
                  _message(respondent.wave_label, personal_url(token)))
    except MailError as error:
        current_app.logger.warning("Link mailen mislukt: %s", error.reason)
        return render_template(template, token=token, wave_label=respondent.wave_label,
                               **link_context(token, respondent, origin,
                                              f"De link kon niet worden verstuurd: {error.reason}")), 502
    return redirect(url_for(ORIGINS[origin], token=token, gemaild=1, _anchor="persoonlijke-link"))
