"""Exporting a matrix: the coloured table with its counts as XLSX or PDF, and the audit entry for it."""

from __future__ import annotations

from survey_app.matrix import pdf, xlsx
from survey_app.matrix.models import MatrixProject
from survey_app.matrix.store import Loaded
from survey_app.models import User
from survey_app.services.audit import Action, record

FORMATS = ("xlsx", "pdf")
MIMETYPES = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pdf": "application/pdf"}


def export(loaded: Loaded, fmt: str) -> bytes:
    """The matrix in one of FORMATS."""
    return xlsx.workbook_bytes(loaded) if fmt == "xlsx" else pdf.pdf_bytes(loaded)


def audit_export(project: MatrixProject, fmt: str, user: User | None) -> None:
    """Record who exported which matrix in which format."""
    record(Action.EXPORT, f"beoordelingsmatrix {project.name} ({fmt})", user)
