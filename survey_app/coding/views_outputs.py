"""Agreement and outputs pages of a project, and the CSV/XLSX download. URL rules are listed in `views`."""

from __future__ import annotations

import io

from flask import Response, abort, render_template, request
from flask_login import current_user

from survey_app import csv_safety
from survey_app.analysis.formatting import format_number, format_percent
from survey_app.coding import outputs
from survey_app.coding.store import project_data
from survey_app.coding.web import get_project_or_404
from survey_app.extensions import db
from survey_app.services import audit
from survey_app.services.errors import InputError

MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _number(value: float | None) -> str:
    return format_number(value, 2)


def _percent(value: float | None) -> str:
    return format_percent(None if value is None else 100 * value)


def agreement(name: str):
    """Kappa, alpha and % agreement per code for two coders, over all fragments and over coded fragments."""
    project = get_project_or_404(name)
    coders = project_data(project).coders_by_count()
    chosen = (request.args.get("a"), request.args.get("b"))
    report, problems = None, []
    try:
        report = outputs.agreement_report(project, chosen if all(chosen) else None)
    except InputError as error:
        problems = [problem.message for problem in error.problems]
    names = {code.path: code.name for code in project.codes}
    return render_template("coding/agreement.html", project=project, coders=coders, report=report,
                           problems=problems, names=names, number=_number, percent=_percent)


def outputs_page(name: str):
    """Frequencies, the crosstab of two chosen axes with totals, and quotes per code with pseudonym."""
    project = get_project_or_404(name)
    data = project_data(project)
    axes = data.axes()
    axis_a = request.args.get("a") or (axes[0] if axes else None)
    axis_b = request.args.get("b") or next((axis for axis in axes if axis != axis_a), None)
    table, problems = None, []
    if axis_a and axis_b:
        try:
            table = outputs.crosstab_table(project, axis_a, axis_b, data)
        except InputError as error:
            problems = [problem.message for problem in error.problems]
    return render_template(
        "coding/outputs.html", project=project, axes=axes, axis_a=axis_a, axis_b=axis_b, crosstab=table,
        problems=problems, frequencies=outputs.frequency_table(project, data),
        quotes=outputs.quote_table(project, data).by_code(), names={code.path: code.name for code in project.codes},
        withdrawn=sorted(data.withdrawn),
    )


def download(name: str, fmt: str):
    """The export (frequencies, crosstabs of all axis pairs, quotes) as CSV or XLSX; logged in the audit log."""
    project = get_project_or_404(name)
    if fmt not in outputs.EXPORT_FORMATS:
        abort(404)
    if fmt == "csv":
        buffer = io.StringIO(newline="")
        outputs.write_export(project, fmt, buffer, excel=True)  # semicolons and decimal commas for Dutch Excel
        body: bytes = buffer.getvalue().encode(csv_safety.EXCEL_ENCODING)
    else:
        binary = io.BytesIO()
        outputs.write_export(project, fmt, binary)
        body = binary.getvalue()
    audit.record(audit.Action.EXPORT, f"codeerproject {project.name} ({fmt})", user=current_user._get_current_object())
    db.session.commit()
    return Response(body, mimetype=MIMETYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{project.name}-uitvoer.{fmt}"'})
