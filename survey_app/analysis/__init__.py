"""Pure analysis engine: statistics per scope, constructs, difference scores, response, wave comparison,
scale harmonisation and disclosure control, on pandas DataFrames and the instrument dataclasses.

No Flask and no database here: the caller loads the answers into a DataFrame and passes the organisation.
"""

from survey_app.analysis.engine import WaveData, analyse_wave
from survey_app.analysis.harmonise import HarmonisationFactor, apply_factor, calibration_factor
from survey_app.analysis.organisation import AnalysisSettings, Gemeente, Organisation, Team

__all__ = [
    "AnalysisSettings",
    "Gemeente",
    "HarmonisationFactor",
    "Organisation",
    "Team",
    "WaveData",
    "analyse_wave",
    "apply_factor",
    "calibration_factor",
]
