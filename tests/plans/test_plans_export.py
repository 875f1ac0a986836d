"""`flask plans export` and the overview download: totals per gemeente computed from the plans, text kept as
text, the hidden figure of a team stays hidden, nothing written on bad input."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import AuditEvent
from survey_app.plans import operations
from survey_app.plans.core.actions import ActionInput
from survey_app.plans.core.figures import find_subject
from survey_app.plans.core.targets import Target, TargetKind
from survey_app.services.users import create_user
from tests.plans.conftest import STATEMENT
from tests.reports.test_views import PASSWORD, login


def make_plans(two_waves) -> None:
    """noord: target met with two actions (one reads like a formula); zuid: target whose 2017 figure is hidden."""
    from survey_app.instrument_registry import wave_instruments
    from survey_app.reports.sources import cached_analysis

    wave = two_waves.before
    subject = find_subject(wave_instruments(wave), cached_analysis(wave), "zwolle", f"item:{STATEMENT}")
    noord = operations.add_focus(wave, two_waves.teams["zwolle-noord"], subject,
                                 Target(TargetKind.AGREE, "ge", 60.0), None)
    operations.add_action(noord, ActionInput("Intervisie", "Teamleider", None, "klaar"), None)
    operations.add_action(noord, ActionInput("=SOM(A1:A2)", "", None, "gestopt"), None)
    zuid = operations.add_focus(wave, two_waves.teams["zwolle-zuid"], subject, Target(TargetKind.MEAN, "ge", 4.5),
                                None)
    operations.add_action(zuid, ActionInput("Casusoverleg", "Coach", None, "bezig"), None)
    db.session.commit()


def sheet_rows(data: bytes, name: str) -> list[tuple]:
    return list(load_workbook(io.BytesIO(data))[name].iter_rows(values_only=True))


def test_cli_export_writes_the_overview_with_computed_totals(app, runner, two_waves, tmp_path):
    make_plans(two_waves)
    out = tmp_path / "plannen.xlsx"
    result = runner.invoke(args=["plans", "export", "2016", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 teams met een plan" in result.output
    summary = sheet_rows(out.read_bytes(), "Overzicht")
    assert ("Zwolle", "Team zwolle-noord", 1, 2, 1, 1, "2017") in summary
    assert ("Zwolle", "Team zwolle-zuid", 1, 1, 1, 0, "2017") in summary
    assert ("Zwolle", "Totaal gemeente", 2, 3, 2, 1, None) in summary
    detail = sheet_rows(out.read_bytes(), "Acties")
    noord = [row for row in detail if row[1] == "Team zwolle-noord"]
    assert [row[8] for row in noord] == ["Intervisie", "=SOM(A1:A2)"]
    formula_like = [row[8] for row in load_workbook(out)["Acties"].iter_rows() if row[8].value == "=SOM(A1:A2)"]
    assert formula_like[0].data_type == "s"  # stored as text, never run as a formula
    assert noord[0][5:8] == ("33,3%", "62,5%", "gehaald")
    zuid = next(row for row in detail if row[1] == "Team zwolle-zuid")
    assert zuid[6:8] == ("–", "niet te beoordelen")
    assert db.session.scalar(select(AuditEvent.detail).where(AuditEvent.action == "export")) == (
        "verbeterplannen golf 2016, XLSX")


def test_cli_refuses_bad_arguments_and_writes_nothing(app, runner, two_waves, tmp_path):
    result = runner.invoke(args=["plans", "export", "2016", "--out", str(tmp_path / "plannen.csv")])
    assert result.exit_code == 1 and "--out" in result.output and ".xlsx" in result.output
    result = runner.invoke(args=["plans", "export", "1999", "--out", str(tmp_path / "plannen.xlsx")])
    assert result.exit_code == 1 and "golf '1999' bestaat niet" in result.output
    assert not any(path.name.startswith("plannen") for path in tmp_path.iterdir())


def test_researcher_overview_page_and_download(app, client, two_waves):
    make_plans(two_waves)
    researcher = create_user("onderzoeker@voorbeeld.nl", "researcher", PASSWORD)
    teamleider = create_user("noord@voorbeeld.nl", "teamleider", PASSWORD, ["zwolle-noord"])
    db.session.commit()
    login(client, researcher)
    page = client.get("/verbeterplan/overzicht/2016").get_data(as_text=True)
    assert "2 van de 3 teams hebben een verbeterplan; 3 acties;" in page
    assert "doelen gehaald: 1 van de 2." in page
    download = client.get("/verbeterplan/overzicht/2016/verbeterplannen.xlsx")
    assert download.status_code == 200 and download.mimetype.endswith("spreadsheetml.sheet")
    assert ("Zwolle", "Totaal gemeente", 2, 3, 2, 1, None) in sheet_rows(download.data, "Overzicht")
    login(client, teamleider)
    assert client.get("/verbeterplan/overzicht/2016").status_code == 403
    assert client.get("/verbeterplan/overzicht/2016/verbeterplannen.xlsx").status_code == 403
