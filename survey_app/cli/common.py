"""What every command shares: one transaction per command, and errors as messages with exit status 1.

Bad input is the user's to fix, so it never shows a traceback: the project's own errors print their
``file:line: message`` lines, and the parsers' own exceptions that slip past them (a damaged zip, a wrong
encoding, a malformed CSV) print one line naming the files the command was given.
"""

from __future__ import annotations

import csv
import functools
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from xml.parsers import expat

import click
import yaml

from survey_app.coding.errors import CodingImportError
from survey_app.extensions import db
from survey_app.instruments.errors import InstrumentError
from survey_app.limits import LimitExceeded
from survey_app.services.errors import InputError

#: the project's own errors: their message already names file and line
PROJECT_ERRORS = (InputError, InstrumentError, CodingImportError)
#: what a parser of a file raises when its input is damaged in a way no check of ours anticipated
PARSER_ERRORS = (UnicodeError, csv.Error, zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, struct.error,
                 yaml.YAMLError, expat.ExpatError, LimitExceeded, RecursionError, EOFError, OSError)


def named_files() -> str:
    """The files the running command was given (its path arguments that exist), for a message."""
    context = click.get_current_context(silent=True)
    values = []
    for value in (context.params.values() if context else ()):
        for item in value if isinstance(value, tuple | list) else (value,):
            if isinstance(item, str) and item and Path(item).exists():
                values.append(item)
    return ", ".join(values) or "invoer"


def parser_message(error: BaseException) -> str:
    """One line for an unexpected parser exception: which files, and what went wrong."""
    detail = str(error).splitlines()[0] if str(error) else ""
    return f"{named_files()}: kan niet gelezen worden ({type(error).__name__}{': ' + detail if detail else ''})"


def transactional(command: Callable) -> Callable:
    """Run the command in one transaction: commit on success; on bad input roll back, print, exit 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            result = command(*args, **kwargs)
            db.session.commit()
            return result
        except PROJECT_ERRORS as error:
            db.session.rollback()
            click.echo(str(error), err=True)
            sys.exit(1)
        except PARSER_ERRORS as error:
            db.session.rollback()
            click.echo(parser_message(error), err=True)
            sys.exit(1)
        except BaseException:
            db.session.rollback()
            raise

    return wrapper
