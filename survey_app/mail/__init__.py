"""Outgoing e-mail: one SMTP sender for every mail the platform sends (invitations, reminders, a link a
respondent mails to themselves). Addresses pass through here and are never logged."""
