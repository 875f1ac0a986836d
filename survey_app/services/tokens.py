"""Personal link tokens: random enough to be unguessable, stored only as a hash."""

from __future__ import annotations

import hashlib
import secrets

#: 24 random bytes = 192 bits, well above the 128 bits a personal link needs
TOKEN_BYTES = 24


def new_token() -> str:
    """A URL-safe random token for a personal or open link."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    """The SHA-256 hex digest stored in place of the token; a plain hash suffices for 192 random bits."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
