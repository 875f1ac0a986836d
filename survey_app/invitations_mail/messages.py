"""The mail a recipient gets: the campaign's text filled in with the personal link, team and closing date,
and the afmelden link. The preview and the test mail use the same path with an example link."""

from __future__ import annotations

from survey_app.invitations_mail import links, texts
from survey_app.invitations_mail.models import MailCampaign, MailKind, MailRecipient
from survey_app.services.invitations import personal_link

#: shown in place of a real token in the preview and the test mail: the researcher never sees a real link
EXAMPLE_TOKEN = "voorbeeld-persoonlijke-link"


def unsubscribe_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/afmelden/{token}"


def campaign_text(campaign: MailCampaign, kind: MailKind) -> texts.MailText:
    if kind == MailKind.REMINDER:
        return texts.MailText(campaign.reminder_subject, campaign.reminder_body)
    return texts.MailText(campaign.invitation_subject, campaign.invitation_body)


def unsubscribe_link(recipient: MailRecipient, secret_key: str, base_url: str) -> str:
    """The recipient's afmelden URL (signed token)."""
    return unsubscribe_url(base_url, links.unsubscribe_token(secret_key, recipient.id, recipient.unsubscribe_nonce))


def message_for(recipient: MailRecipient, kind: MailKind, secret_key: str, base_url: str) -> texts.MailText:
    """The invitation or reminder of one recipient, with its real personal link (shown in the mail only)."""
    campaign = recipient.campaign
    token = links.personal_token(secret_key, recipient.link_salt)
    return texts.render(campaign_text(campaign, kind), link=personal_link(base_url, token),
                        team=recipient.team.label, closes_on=campaign.closes_on,
                        unsubscribe=unsubscribe_link(recipient, secret_key, base_url))


def example_message(campaign: MailCampaign, kind: MailKind, team_label: str, base_url: str) -> texts.MailText:
    """The text as one address of `team_label` would get it, with example links that open nothing."""
    return texts.render(campaign_text(campaign, kind), link=personal_link(base_url, EXAMPLE_TOKEN), team=team_label,
                        closes_on=campaign.closes_on, unsubscribe=unsubscribe_url(base_url, "voorbeeld"))
