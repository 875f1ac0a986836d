"""The earlier years of the demo series: 2015 and 2016 as in Tabel 2 of the 2017 report, their Bakens on the
nooit–altijd scale of those years, the series "Monitor sociale teams" and the stored 1,12 rule.

Everything here is synthetic and labelled so; the sizes per gemeente and year are the published ones (Tabel 2,
004:2353-2369), the split over teams is made up, and so is the merger of Centrum and Diezerpoort into Midden
(to show a trend that follows a team).
"""

from __future__ import annotations

from pathlib import Path

from flask import current_app

from survey_app.instrument_registry import current_content
from survey_app.snapshots.content import text_hash

BAKENS = "bakens"
#: the agreement scale of 2017 as bakens.yaml writes it, and the nooit–altijd scale of 2015/2016 in its place
AGREEMENT_BLOCK = """  eens5:
    label: Mate van instemming
    choices:
      1: oneens
      2: deels oneens
      3: niet eens/niet oneens
      4: deels eens
      5: eens
"""
FREQUENCY_BLOCK = """  altijd5:
    label: Hoe vaak (nooit - altijd)
    choices:
      1: nooit
      2: zelden
      3: soms
      4: vaak
      5: altijd
"""
#: responded per gemeente (Tabel 2); in 2015 Diezerpoort is small on purpose: the merged Midden is hidden there
RESPONDED = {
    "2015": {"zwolle": 56, "elburg": 7},
    "2016": {"zwolle": 61, "elburg": 8},
}
TEAM_RESPONDED = {"2015": {"zwolle-diezerpoort": 4}}
RULE_SOURCE = ("Rapportage Monitor sociale teams 2017, 004:3549-3596: kalibratie op de nooit–altijd- en de "
               "oneens–eens-schaal, gemiddelde 4,16 / 3,72")
SERIES = ("monitor", "Monitor sociale teams (demo)")


def frequency_scale_content() -> dict[str, dict]:
    """The loaded instrument files with the Bakens asked on the nooit–altijd scale, as in 2015 and 2016.

    Raises when bakens.yaml no longer holds the agreement scale block: the demo must not silently lose its
    scale change."""
    content = {module: dict(entry) for module, entry in current_content(current_app).items()}
    entry = content[BAKENS]
    if AGREEMENT_BLOCK not in entry["text"]:
        raise RuntimeError("instruments/bakens.yaml: de schaal eens5 is veranderd; pas services/demo_years.py aan")
    text = entry["text"].replace(AGREEMENT_BLOCK, FREQUENCY_BLOCK).replace("scale: eens5", "scale: altijd5")
    text = text.replace('version: "2017.1"', 'version: "2015.1"')
    entry.update(text=text, sha256=text_hash(text))
    return content


def headcounts_file(year: str, data: Path) -> Path:
    """Invited per team in an earlier demo year."""
    return data / "demo" / f"headcounts-{year}.csv"
