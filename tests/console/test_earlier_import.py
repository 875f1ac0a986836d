"""`flask responses import-earlier`: an old .sav or .csv with a mapping file, checked first, all or nothing."""

from __future__ import annotations

import textwrap

import pandas as pd
import pyreadstat
import pytest
from sqlalchemy import func, select

from survey_app.exports.frame import anonymous_frame
from survey_app.extensions import db
from survey_app.instrument_registry import wave_instruments
from survey_app.models import AuditEvent, Response

MAPPING = """
    team: {column: Wijkteam, codes: {1: zwolle-noord, 2: zwolle-zuid}}
    gemeente: {column: Gemeente, codes: {1: zwolle}}
    variables:
      V1: {variable: sw_hulp_vragen, codes: {1: 5, 2: 4, 3: 3, 4: 2, 5: 1}}
      V2: sw_veilig
      V3: {variable: sw_verbeteren, codes: {a: op_pad, b: feedback}}
      V3_anders: sw_verbeteren_other
    ignore: [RespNr]
"""


def _old_frame(**changes) -> pd.DataFrame:
    data = {"RespNr": [101.0, 102.0, 103.0], "Gemeente": [1.0, 1.0, 1.0], "Wijkteam": [1.0, 2.0, 1.0],
            "V1": [1.0, 5.0, float("nan")], "V2": [4.0, 3.0, 2.0], "V3": ["a b", "", "b"],
            "V3_anders": ["", "", "meer overleg"]}
    data.update(changes)
    return pd.DataFrame(data)


@pytest.fixture
def files(tmp_path):
    """Write the mapping and an old file (.sav or .csv) into tmp_path."""

    def _write(kind: str = "sav", mapping: str = MAPPING, **changes):
        mapping_path = tmp_path / "koppeling.yaml"
        mapping_path.write_text(textwrap.dedent(mapping), encoding="utf-8")
        frame = _old_frame(**changes)
        data_path = tmp_path / f"meting2015.{kind}"
        if kind == "sav":
            pyreadstat.write_sav(frame, str(data_path))
        else:
            frame.to_csv(data_path, index=False, float_format="%.0f")
        return str(data_path), str(mapping_path)

    return _write


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(Response))


@pytest.mark.parametrize("kind", ["sav", "csv"])
def test_import_translates_names_and_codes(world, runner, files, kind):
    data_path, mapping_path = files(kind)
    before = _count()
    result = runner.invoke(args=["responses", "import-earlier", "2016", data_path, "--mapping", mapping_path])
    assert result.exit_code == 0, result.output
    assert "3 ingevulde vragenlijsten" in result.output and _count() == before + 3
    frame = anonymous_frame(world.closed, wave_instruments(world.closed)).sort_values(["team", "sw_veilig"])
    rows = frame[["team", "sw_hulp_vragen", "sw_veilig", "sw_verbeteren", "sw_verbeteren_other"]]
    rows = rows.astype(object).where(rows.notna(), None).values.tolist()
    assert rows == [["zwolle-noord", None, 2.0, "feedback", "meer overleg"],
                    ["zwolle-noord", 5.0, 4.0, "op_pad feedback", None],
                    ["zwolle-zuid", 1.0, 3.0, None, None]]
    assert db.session.scalar(select(AuditEvent.action)) == "responses_imported"


def test_unknown_variable_and_unmapped_code_are_named(world, runner, files):
    data_path, mapping_path = files("sav", V1=[1.0, 7.0, 2.0], Extra=[1.0, 2.0, 3.0])
    result = runner.invoke(args=["responses", "import-earlier", "2016", data_path, "--mapping", mapping_path])
    assert result.exit_code == 1
    assert f"{data_path}: kolom 'Extra': onbekende variabele" in result.output
    data_path, mapping_path = files("csv", V1=[1.0, 7.0, 2.0], V3=["a", "c", ""])
    result = runner.invoke(args=["responses", "import-earlier", "2016", data_path, "--mapping", mapping_path])
    assert result.exit_code == 1
    assert f"{data_path}:3: kolom 'V1': code '7' heeft geen vertaling" in result.output
    assert f"{data_path}:3: kolom 'V3': code 'c' heeft geen vertaling" in result.output
    assert _count() == 10  # only the 2017 responses of the world fixture


def test_mapping_to_unknown_variable_is_refused(world, runner, files):
    data_path, mapping_path = files("sav", mapping=MAPPING.replace("V2: sw_veilig", "V2: sw_bestaat_niet"))
    result = runner.invoke(args=["responses", "import-earlier", "2016", data_path, "--mapping", mapping_path])
    assert result.exit_code == 1
    assert "kolom 'variables.V2': 'sw_bestaat_niet' is geen variabele van deze golf" in result.output


def test_importer_problems_point_at_the_old_row_and_column(world, runner, files):
    """Checks of the wide importer (here a code outside the scale) come back with the old names: all or nothing."""
    data_path, mapping_path = files("sav", V2=[4.0, 9.0, 2.0])
    result = runner.invoke(args=["responses", "import-earlier", "2016", data_path, "--mapping", mapping_path])
    assert result.exit_code == 1
    assert f"{data_path}:2: kolom 'V2': ongeldige code '9'" in result.output
    assert _count() == 10
