"""Console writes: each does one thing, flushes and audits; the view commits once or rolls back."""

from __future__ import annotations

from survey_app import csv_safety
from survey_app.instruments.model import InstrumentSet
from survey_app.models import User, Wave, WaveStatus
from survey_app.services import audit
from survey_app.services.errors import fail
from survey_app.services.invitations import create_invitations, personal_link
from survey_app.services.org import load_org
from survey_app.services.tokens import hash_token, new_token
from survey_app.services.users import MIN_PASSWORD_LENGTH, create_user, hash_password
from survey_app.services.waves import create_wave, set_status, wave_team
from survey_app.survey.release import decide_held, release_all, scrub_after_commit

STATUS_LABELS = {WaveStatus.DRAFT: "in voorbereiding", WaveStatus.OPEN: "open", WaveStatus.CLOSED: "gesloten"}


def new_wave(name: str, label: str, module_ids: list[str], instruments: InstrumentSet,
             headcounts: dict[str, int], min_cell_size: int, actor: User) -> Wave:
    """Create a wave in draft state and log who did it."""
    wave = create_wave(name, module_ids, instruments, headcounts, label=label, min_cell_size=min_cell_size)
    audit.record(audit.Action.WAVE_CREATED, f"golf {wave.name}: {', '.join(module_ids)}; {len(wave.teams)} teams",
                 user=actor)
    return wave


def change_status(wave: Wave, status: WaveStatus, actor: User) -> None:
    """Open or close a wave and log the change."""
    before = wave.status
    set_status(wave, status, actor)
    audit.record(audit.Action.WAVE_STATUS, f"golf {wave.name}: {STATUS_LABELS[before]} -> {STATUS_LABELS[status]}",
                 user=actor)


def review_held(wave: Wave, team_slug: str, count_in: bool, actor: User) -> int:
    """Count in or discard a team's open-link submissions beyond its headcount, and log the decision."""
    participation = wave_team(wave, team_slug)
    decided = decide_held(wave, participation.team_id, count_in)
    if decided and count_in and wave.status == WaveStatus.CLOSED:
        release_all(wave)  # the wave no longer releases in batches: these are its last submissions
        scrub_after_commit(full=True)
    what = "meegeteld" if count_in else "verwijderd"
    audit.record(audit.Action.HELD_REVIEWED, f"golf {wave.name}, team {team_slug}: {decided} {what}", user=actor)
    return decided


def invitation_links_csv(wave: Wave, team_slug: str, count: int, base_url: str, actor: User) -> bytes:
    """Make `count` invitations and return the only copy of their links, as a CSV for Dutch Excel.

    The CLI's file (`flask wave invite --out`) keeps its documented `wave,team,link`; this download is opened
    in Excel or a mail merge, so it has Dutch headers and semicolons (csv_safety.excel_csv_bytes).
    """
    tokens = create_invitations(wave, team_slug, count)
    rows = [["golf", "team", "link"]] + [[wave.name, team_slug, personal_link(base_url, token)] for token in tokens]
    audit.record(audit.Action.INVITATIONS, f"golf {wave.name}, team {team_slug}: {count} links", user=actor)
    return csv_safety.excel_csv_bytes(rows)


def open_link_url(base_url: str, token: str) -> str:
    """The URL of a team's open link."""
    return f"{base_url.rstrip('/')}/o/{token}"


def new_open_link(wave: Wave, team_slug: str, actor: User) -> tuple[str, bool]:
    """A new open link for a team; returns the token (stored only hashed) and whether it replaced an earlier one."""
    participation = wave_team(wave, team_slug)
    replaced = participation.open_link_hash is not None
    token = new_token()
    participation.open_link_hash = hash_token(token)
    audit.record(audit.Action.OPEN_LINK, f"golf {wave.name}, team {team_slug}: "
                 f"{'nieuwe link (oude vervangen)' if replaced else 'aangemaakt'}", user=actor)
    return token, replaced


def revoke_open_link(wave: Wave, team_slug: str, actor: User) -> None:
    """Switch a team's open link off; personal links made from it keep working."""
    participation = wave_team(wave, team_slug)
    participation.open_link_hash = None
    audit.record(audit.Action.OPEN_LINK, f"golf {wave.name}, team {team_slug}: ingetrokken", user=actor)


def load_organisation(path: str, original_name: str, actor: User) -> tuple[int, int]:
    """Load gemeenten and teams from an uploaded CSV and log it."""
    gemeenten, teams = load_org(path)
    audit.record(audit.Action.ORG_LOADED, f"{original_name}: {gemeenten} gemeenten, {teams} teams", user=actor)
    return gemeenten, teams


def new_account(email: str, role: str, password: str, team_slugs: list[str], actor: User) -> User:
    """Create an account and log it (never the password)."""
    user = create_user(email, role, password, team_slugs if role == "teamleider" else [])
    teams = f", {', '.join(team_slugs)}" if role == "teamleider" and team_slugs else ""
    audit.record(audit.Action.ACCOUNT_CREATED, f"{user.email} ({role}{teams})", user=actor)
    return user


def set_account_active(target: User, active: bool, actor: User) -> None:
    """Block or unblock an account; an admin cannot block their own account (and lock everyone out)."""
    if target.id == actor.id and not active:
        raise fail("account", "u kunt uw eigen account niet blokkeren")
    target.active = active
    action = audit.Action.ACCOUNT_ENABLED if active else audit.Action.ACCOUNT_DISABLED
    audit.record(action, target.email, user=actor)


def reset_password(target: User, password: str, actor: User) -> None:
    """Set a new password chosen by an admin."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise fail("wachtwoord", f"minstens {MIN_PASSWORD_LENGTH} tekens")
    target.password_hash = hash_password(password)
    audit.record(audit.Action.PASSWORD_RESET, target.email, user=actor)
