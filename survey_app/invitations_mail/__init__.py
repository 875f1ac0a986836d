"""E-mail invitations and reminders for a wave: addresses per team, Dutch texts with placeholders, sending
through SMTP at a limited rate with retries, a status per address, "afmelden", and deletion at closing.

Privacy: an address is tied to its invitation only (never to a response; see ARCHITECTURE.md "Anonymity by
construction"), it lives only while the wave is open, and it appears in no log line, audit entry or export.
"""
