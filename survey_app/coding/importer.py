"""`flask coding import PROJECT DIR` and transcript uploads: read everything, check everything, then write.

A project folder holds `codebook.yaml` (or `.yml`, `.csv`, `.qdc`), transcripts (.txt, .docx, .vtt, .srt),
and optionally `replace.csv` (names to pseudonyms, applied on import), `participants.csv`
(`pseudonym,team,discipline,consent`) and `codings.csv` (`document,fragment,coder,code`). Every problem is
collected with its file and row; when there is one, nothing is written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from survey_app.coding.codebook import Codebook
from survey_app.coding.codebook_io import CODEBOOK_SUFFIXES, read_codebook
from survey_app.coding.codebook_store import merge_codebook
from survey_app.coding.codings_csv import read_codings
from survey_app.coding.errors import CodingImportError
from survey_app.coding.tables import DEFAULT_INTERVIEWERS
from survey_app.coding.textfiles import decode_bytes, read_csv_records, read_file
from survey_app.coding.transcripts import SUPPORTED_SUFFIXES, Document, read_replacements, read_transcript
from survey_app.extensions import db
from survey_app.limits import MAX_CSV_BYTES
from survey_app.models import (
    Code,
    CoderAssignment,
    Coding,
    CodingDocument,
    CodingProject,
    CodingSession,
    Consent,
    Fragment,
    Participant,
    ProjectKind,
)
from survey_app.services.errors import InputError, InputProblem

PROJECT_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
CONSENT_VALUES = {
    "": Consent.GIVEN, "given": Consent.GIVEN, "ja": Consent.GIVEN, "gegeven": Consent.GIVEN,
    "withdrawn": Consent.WITHDRAWN, "nee": Consent.WITHDRAWN, "ingetrokken": Consent.WITHDRAWN,
}
SPECIAL_FILES = ("replace.csv", "participants.csv", "codings.csv")


@dataclass(frozen=True)
class ParticipantRow:
    """One row of participants.csv."""

    pseudonym: str
    attributes: dict
    consent: Consent


def problems_of(error: CodingImportError) -> list[InputProblem]:
    """The core's error as InputProblems (file plus the core's 'rij 3: ...' / 'regel 5: ...' message)."""
    return [InputProblem(error.source, problem) for problem in error.problems]


def is_interviewer(speaker: str | None) -> bool:
    """True for speaker labels that are interviewers or moderators, not participants."""
    return speaker is not None and speaker.strip().lower() in DEFAULT_INTERVIEWERS


def read_participants(path: Path) -> list[ParticipantRow]:
    """Read participants.csv (pseudonym, team, discipline, consent); consent given/withdrawn (or ja/nee)."""
    text = decode_bytes(read_file(path, MAX_CSV_BYTES), path.name, CodingImportError)
    records = read_csv_records(text, path.name, ("pseudonym",), CodingImportError)
    rows, problems, seen = [], [], {}
    for row, record in records:
        pseudonym = record["pseudonym"]
        consent = CONSENT_VALUES.get(record.get("consent", "").lower())
        if not pseudonym:
            problems.append(f"rij {row}: kolom pseudonym is leeg")
        elif pseudonym in seen:
            problems.append(f"rij {row}: pseudoniem '{pseudonym}' staat al in rij {seen[pseudonym]}")
        if consent is None:
            problems.append(f"rij {row}: toestemming '{record['consent']}' onbekend (given of withdrawn)")
        if pseudonym and consent is not None and pseudonym not in seen:
            attributes = {key: record[key] for key in ("team", "discipline") if record.get(key)}
            rows.append(ParticipantRow(pseudonym, attributes, consent))
        seen.setdefault(pseudonym, row)
    if problems:
        raise CodingImportError(path.name, problems)
    return rows


def _find_codebook(directory: Path, problems: list[InputProblem]) -> Path | None:
    found = sorted(p for p in directory.iterdir() if p.stem == "codebook" and p.suffix.lower() in CODEBOOK_SUFFIXES)
    if not found:
        problems.append(InputProblem(directory.name, "codebook.yaml, codebook.csv of codebook.qdc ontbreekt"))
        return None
    if len(found) > 1:
        names = ", ".join(p.name for p in found)
        problems.append(InputProblem(directory.name, f"meer dan één codeboek ({names}); laat er één staan"))
        return None
    return found[0]


def _read(reader, problems: list[InputProblem], *args):
    try:
        return reader(*args)
    except CodingImportError as error:
        problems.extend(problems_of(error))
        return None


def read_transcripts(paths: Iterable[Path], replacements: dict[str, str] | None,
                     problems: list[InputProblem]) -> list[Document]:
    """Read transcript files, adding every unreadable file's problems to `problems`."""
    documents = []
    for path in paths:
        document = _read(read_transcript, problems, path, replacements)
        if document is not None:
            documents.append(document)
    return documents


def check_project_name(name: str, problems: list[InputProblem]) -> None:
    """A project name is a slug and not yet taken."""
    if not PROJECT_NAME.match(name):
        problems.append(InputProblem("PROJECT", f"'{name}' is geen geldige naam (kleine letters, cijfers, '-')"))
    elif db.session.scalar(select(CodingProject.id).where(CodingProject.name == name)) is not None:
        problems.append(InputProblem("PROJECT", f"codeerproject '{name}' bestaat al"))


def import_project(name: str, directory: str | Path, user_email: str, title: str = "") -> CodingProject:
    """Create a coding project from a project folder, all or nothing (see module docstring)."""
    directory = Path(directory)
    problems: list[InputProblem] = []
    check_project_name(name, problems)
    if not directory.is_dir():
        raise InputError(problems + [InputProblem(str(directory), "map bestaat niet")])
    codebook_path = _find_codebook(directory, problems)
    codebook = _read(read_codebook, problems, codebook_path) if codebook_path else None
    replacements = None
    if (directory / "replace.csv").exists():
        replacements = _read(read_replacements, problems, directory / "replace.csv")
    transcript_paths = sorted(p for p in directory.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES)
    if not transcript_paths:
        problems.append(InputProblem(directory.name, "geen transcripten (.txt, .docx, .vtt, .srt) gevonden"))
    documents = read_transcripts(transcript_paths, replacements, problems)
    participants = []
    if (directory / "participants.csv").exists():
        participants = _read(read_participants, problems, directory / "participants.csv") or []
    codings = []
    if (directory / "codings.csv").exists():
        if codebook is None or len(documents) < len(transcript_paths):
            problems.append(InputProblem("codings.csv", "niet gecontroleerd: eerst het codeboek en de transcripten "
                                         "herstellen"))
        else:
            codings = _read(read_codings, problems, directory / "codings.csv", documents, codebook) or []
    if problems:
        raise InputError(problems)

    project = CodingProject(name=name, title=title or name, kind=ProjectKind.INTERVIEWS)
    db.session.add(project)
    db.session.flush()
    merge_codebook(project, codebook or Codebook([]), user_email)
    for row in participants:
        db.session.add(Participant(project=project, pseudonym=row.pseudonym, attributes=row.attributes,
                                   consent=row.consent,
                                   withdrawn_on=dt.date.today() if row.consent == Consent.WITHDRAWN else None))
    db.session.flush()
    stored = store_documents(project, documents)
    _store_codings(project, stored, codings)
    db.session.flush()
    return project


def store_documents(project: CodingProject, documents: list[Document]) -> dict[str, CodingDocument]:
    """Write parsed transcripts with a session each; speakers other than interviewers become participants."""
    participants = {p.pseudonym: p for p in db.session.scalars(
        select(Participant).where(Participant.project_id == project.id))}
    stored = {}
    for document in documents:
        session = CodingSession(project=project, name=Path(document.name).stem)
        row = CodingDocument(project=project, name=document.name, session=session)
        for fragment in document.fragments:
            participant = None
            if fragment.speaker and not is_interviewer(fragment.speaker):
                participant = participants.get(fragment.speaker)
                if participant is None:
                    participant = Participant(project=project, pseudonym=fragment.speaker, attributes={})
                    participants[fragment.speaker] = participant
                if participant not in session.attendees:
                    session.attendees.append(participant)
            row.fragments.append(Fragment(position=fragment.position, speaker=fragment.speaker,
                                          participant=participant, text=fragment.text,
                                          start_seconds=fragment.start_seconds, attributes={}))
        db.session.add(row)
        stored[document.name] = row
    db.session.flush()
    return stored


def _store_codings(project: CodingProject, stored: dict[str, CodingDocument], codings) -> None:
    codes = {code.path: code for code in db.session.scalars(select(Code).where(Code.project_id == project.id))}
    assigned: set[tuple[str, str]] = set()
    for coding in codings:
        fragment = stored[coding.document].fragments[coding.fragment - 1]
        db.session.add(Coding(fragment=fragment, code=codes[coding.code], coder=coding.coder))
        if (coding.document, coding.coder) not in assigned:
            assigned.add((coding.document, coding.coder))
            db.session.add(CoderAssignment(document=stored[coding.document], coder=coding.coder, blind=False))


def add_transcripts(project: CodingProject, paths: list[Path], replacements: dict[str, str] | None = None
                    ) -> list[CodingDocument]:
    """Add uploaded transcripts to a project, all or nothing; a document name may not exist yet."""
    problems: list[InputProblem] = []
    existing = {document.name for document in project.documents}
    for path in paths:
        if path.name in existing:
            problems.append(InputProblem(path.name, "er is al een document met deze naam in het project"))
    documents = read_transcripts(paths, replacements, problems)
    if problems:
        raise InputError(problems)
    return list(store_documents(project, documents).values())
