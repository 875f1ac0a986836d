"""What every command shares: one transaction per command, and errors as messages with exit status 1."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

import click

from survey_app.extensions import db
from survey_app.instruments.errors import InstrumentError
from survey_app.services.errors import InputError


def transactional(command: Callable) -> Callable:
    """Run the command in one transaction: commit on success; on bad input roll back, print, exit 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            result = command(*args, **kwargs)
            db.session.commit()
            return result
        except (InputError, InstrumentError) as error:
            db.session.rollback()
            click.echo(str(error), err=True)
            sys.exit(1)
        except BaseException:
            db.session.rollback()
            raise

    return wrapper
