"""`flask users create`."""

from __future__ import annotations

import sys

import click

from survey_app.cli.common import transactional
from survey_app.services import audit
from survey_app.services.users import create_user

group = click.Group("users", help="Accounts van onderzoekers, beheerders en teamleiders.")


def _read_password(from_stdin: bool) -> str:
    """One line of standard input (for scripts), or asked twice without echo."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("Wachtwoord", hide_input=True, confirmation_prompt="Herhaal het wachtwoord")


@group.command("create")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(["admin", "researcher", "teamleider"]))
@click.option("--team", "teams", multiple=True, help="Team (slug) van een teamleider; herhaalbaar.")
@click.option("--password-stdin", is_flag=True, help="Lees het wachtwoord uit één regel van standaardinvoer.")
@transactional
def create(email: str, role: str, teams: tuple[str, ...], password_stdin: bool) -> None:
    """Maak een account; een teamleider krijgt met --team zijn team(s)."""
    user = create_user(email, role, _read_password(password_stdin), list(teams))
    audit.record(audit.Action.ACCOUNT_CREATED, f"{user.email} ({role}{', ' + ', '.join(teams) if teams else ''})")
    click.echo(f"Account {user.email} ({role}) aangemaakt.")
