"""The example in docs/analysis-output.md is the real output of `example_result()`.

Regenerate the JSON block after a change of the output: .venv/bin/python -m tests.analysis.test_docs_example
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from survey_app.analysis import HarmonisationFactor, WaveData, analyse_wave
from survey_app.instruments.model import Choice, Scale
from tests.analysis.factory import construct, instruments, item, multiple, organisation, pair

SEX = Scale("geslacht", (Choice(1, "man"), Choice(2, "vrouw")))
DOC = Path(__file__).resolve().parents[2] / "docs" / "analysis-output.md"
NAN = float("nan")


def example_inputs():
    """A wave of 14 respondents in two gemeenten (one team of 3) and an older wave of the same teams."""
    inst = instruments(
        [item("sw_hulp"), item("sw_overleg", reverse=True), item("tc_beschik", "rating"),
         item("tc_toewerken", "rating"), multiple("belemmering", ["tijd", "regels"], other=True),
         item("tips", "textarea"), item("geslacht", scale=SEX)],
        constructs=[construct("samenwerking", ["sw_hulp", "sw_overleg"], 1)],
        pairs=[pair("tc_gap", "tc_toewerken", "tc_beschik")],
    )
    org = organisation({"zwolle": {"noord": 8, "klein": 4}, "elburg": {"doeth": 8}})
    teams = ["noord"] * 6 + ["klein"] * 3 + ["doeth"] * 5
    answers = pd.DataFrame({
        "gemeente": ["zwolle"] * 9 + ["elburg"] * 5,
        "team": teams,
        "sw_hulp": [5, 4, 4, 5, 3, 4, 2, 3, 4, 5, 5, 4, NAN, 4],
        "sw_overleg": [1, 2, 2, 1, 3, NAN, 4, 3, 2, 1, 2, 2, 1, NAN],
        "tc_beschik": [7, 6, 8, 7, 7, 8, 6, 7, 7, 8, 7, 6, 7, 7],
        "tc_toewerken": [8, 8, 8, 9, 8, 9, 7, 8, 8, 8, 8, 8, NAN, 9],
        "belemmering": ["tijd", "tijd regels", "regels", "tijd", None, "tijd", "tijd", "regels", None,
                        "tijd", "tijd", "regels tijd", "tijd", None],
        "belemmering_other": [None, "wachtlijsten", None, None, None, None, None, None, None, None, None,
                              None, None, None],
        "tips": ["Meer overleg", None, "Vaste werkplek", None, None, None, "Kleiner team", None, None,
                 "Minder registratie", None, None, None, None],
        "geslacht": [2, 2, 1, 2, 2, 1, 2, 2, 2, 1, 2, 2, 2, NAN],
    })
    previous = answers.copy()
    previous["sw_hulp"] = [3, 3, 4, 2, 3, 3, 2, 3, 2, 4, 3, 3, 3, 4]
    return inst, org, answers, previous


def example_result() -> dict:
    """The analysis of the example wave compared with the older one, sw_hulp harmonised."""
    inst, org, answers, previous = example_inputs()
    return analyse_wave(answers, inst, org, compare_with=WaveData("2016", previous, inst),
                        harmonisation={"sw_hulp": HarmonisationFactor(1.12, "kalibratie 2017, n=28", 28)},
                        changed_scale={"sw_hulp"})


def documented_json() -> dict:
    """The JSON block of docs/analysis-output.md."""
    match = re.search(r"```json\n(.*?)\n```", DOC.read_text(encoding="utf-8"), re.S)
    assert match, "docs/analysis-output.md has no ```json block"
    return json.loads(match.group(1))


def test_documented_example_is_real_output():
    assert documented_json() == json.loads(json.dumps(example_result()))


if __name__ == "__main__":
    print(json.dumps(example_result(), indent=1, ensure_ascii=False))
