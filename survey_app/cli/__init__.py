"""`flask ...` commands: thin wrappers over the services, one module per command group."""

from __future__ import annotations

from flask import Flask


def register_commands(app: Flask) -> None:
    """Attach every command group to the app's CLI."""
    from survey_app.cli import demo, instruments, org, responses, wave

    for group in (instruments.group, org.group, wave.group, responses.group, demo.group):
        app.cli.add_command(group)

    from survey_app.cli import earlier_wave, export, users

    responses.group.add_command(earlier_wave.import_earlier)
    app.cli.add_command(users.group)
    app.cli.add_command(export.command)

    from survey_app.cli import coding

    app.cli.add_command(coding.group)

    from survey_app.cli import analyse

    app.cli.add_command(analyse.analyse)

    from survey_app.cli import harmonise, series

    app.cli.add_command(harmonise.group)
    app.cli.add_command(series.group)

    from survey_app.cli import reports

    app.cli.add_command(reports.group)

    from survey_app.matrix import cli as matrix

    app.cli.add_command(matrix.group)

    from survey_app.plans import cli as plans

    app.cli.add_command(plans.group)
    from survey_app.invitations_mail import cli as mail

    app.cli.add_command(mail.group)
