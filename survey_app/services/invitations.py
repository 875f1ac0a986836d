"""Generating personal links for a team of a wave, handed out as a CSV for a mail merge."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from survey_app import csv_safety
from survey_app.extensions import db
from survey_app.models import Invitation, Wave
from survey_app.services.errors import fail
from survey_app.services.tokens import hash_token, new_token
from survey_app.services.waves import wave_team

MAX_INVITATIONS_AT_ONCE = 5000


def personal_link(base_url: str, token: str) -> str:
    """The URL a respondent opens."""
    return f"{base_url.rstrip('/')}/s/{token}"


def create_invitations(wave: Wave, team_slug: str, count: int) -> list[str]:
    """`count` new invitations for a team; returns the tokens, which are not stored anywhere else."""
    if not 1 <= count <= MAX_INVITATIONS_AT_ONCE:
        raise fail("--count", f"aantal moet tussen 1 en {MAX_INVITATIONS_AT_ONCE} liggen")
    participation = wave_team(wave, team_slug)
    tokens = [new_token() for _ in range(count)]
    db.session.add_all(
        Invitation(wave_id=wave.id, team_id=participation.team_id, token_hash=hash_token(token)) for token in tokens
    )
    db.session.flush()
    return tokens


def write_links_csv(path: str | Path, wave: Wave, team_slug: str, tokens: list[str], base_url: str) -> None:
    """Write the links atomically: a half-written file never replaces a good one."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=".links-", suffix=".csv")
    try:
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as out:
            writer = csv_safety.writer(out)
            writer.writerow(["wave", "team", "link"])
            for token in tokens:
                writer.writerow([wave.name, team_slug, personal_link(base_url, token)])
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
