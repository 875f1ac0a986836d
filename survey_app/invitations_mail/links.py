"""The two links in every mail: the personal questionnaire link and the signed "afmelden" link.

Personal link. The token is shown in the mail only; the invitation stores its SHA-256 hash as every
invitation does. A reminder must carry the same link as the invitation, so the token is not random but
derived: HMAC-SHA256 of SECRET_KEY over the recipient's random `link_salt` (192 bits kept, as a random
token has). Whoever holds both the database and SECRET_KEY could derive the links while the wave is open;
that person can already sign in as anyone. At closing the salts are deleted with the addresses, and no one
can derive the links any more.

Afmelden. A token signed with SECRET_KEY (itsdangerous) over the recipient id and a random nonce: it cannot
be guessed or made from an id, and opening it only shows a confirm button (a POST with CSRF token).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from itsdangerous import BadSignature, URLSafeSerializer

from survey_app.services.tokens import TOKEN_BYTES

_SALT = "survey-mail-afmelden"


def new_salt() -> str:
    """A random salt for a recipient's personal link."""
    return secrets.token_hex(32)


def new_nonce() -> str:
    """A random nonce for a recipient's afmelden token."""
    return secrets.token_hex(16)


def personal_token(secret_key: str, link_salt: str) -> str:
    """The personal link token of a recipient: URL-safe, 192 bits, derived from SECRET_KEY and the salt."""
    digest = hmac.new(secret_key.encode("utf-8"), b"invitation-link:" + link_salt.encode("ascii"),
                      hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:TOKEN_BYTES]).decode("ascii").rstrip("=")


def unsubscribe_token(secret_key: str, recipient_id: int, nonce: str) -> str:
    """The signed token of a recipient's afmelden link."""
    return URLSafeSerializer(secret_key, salt=_SALT).dumps([recipient_id, nonce])


def read_unsubscribe_token(secret_key: str, token: str) -> tuple[int, str] | None:
    """(recipient id, nonce) from a genuine token; None for anything forged or malformed."""
    try:
        value = URLSafeSerializer(secret_key, salt=_SALT).loads(token)
    except BadSignature:
        return None
    if (not isinstance(value, list) or len(value) != 2 or not isinstance(value[0], int)
            or not isinstance(value[1], str)):
        return None
    return value[0], value[1]
