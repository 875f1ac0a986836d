"""Benchmark: analyse_wave on a synthetic wave of 100,000 respondents in 1,000 teams with ~250 variables.

Not collected by pytest (no test_ prefix). Run: .venv/bin/python -m tests.analysis.bench_engine [--load]
With --load it also times the reference the brief sets: reading the same wave's answer rows (one row per
response and variable, as the `answer` table stores them) from SQLite and pivoting them to the wide frame.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from survey_app.analysis import WaveData, analyse_wave
from tests.analysis.factory import construct, grid, instruments, item, multiple, organisation, pair

RESPONDENTS, TEAMS, TEAMS_PER_GEMEENTE = 100_000, 1_000, 20


def build(seed: int = 0):
    """Instruments, organisation and answers of the synthetic wave."""
    rng = np.random.default_rng(seed)
    items = [item(f"st_{i}", reverse=i % 7 == 0) for i in range(190)]
    items += [grid("wz", [f"r{r}" for r in range(5)], ["doe", "kan", "leuk"])]
    items += [item(f"tc_{i}_{side}", "rating") for i in range(14) for side in ("beschik", "toewerken")]
    items += [item("jaren", "decimal"), item("leeftijd", "integer", minimum=18, maximum=70)]
    items += [multiple(f"mc_{i}", ["tijd", "geld", "regels", "overleg"], other=True) for i in range(4)]
    items += [item(f"open_{i}", "textarea") for i in range(3)]
    constructs = [construct(f"c_{i}", [f"st_{j}" for j in range(i * 8, i * 8 + 8)], 4) for i in range(20)]
    pairs = [pair(f"tc_{i}", f"tc_{i}_toewerken", f"tc_{i}_beschik") for i in range(14)]
    inst = instruments(items, constructs, pairs)
    spec = {f"g{g}": {f"g{g}t{t}": 120 for t in range(TEAMS_PER_GEMEENTE)}
            for g in range(TEAMS // TEAMS_PER_GEMEENTE)}
    org = organisation(spec)
    team_slugs = np.array([t.slug for t in org.teams])
    teams = team_slugs[rng.integers(0, TEAMS, RESPONDENTS)]
    columns = {"gemeente": np.array([s.split("t")[0] for s in teams]), "team": teams}
    for variable in inst.variables():
        missing = rng.random(RESPONDENTS) < 0.08
        if variable.kind == "code":
            values = rng.integers(1, 6, RESPONDENTS).astype(float)
        elif variable.kind == "yesno":
            values = rng.integers(0, 2, RESPONDENTS).astype(float)
        elif variable.kind == "number":
            values = rng.integers(1, 11, RESPONDENTS).astype(float)
        elif variable.kind == "codes":
            options = np.array(["tijd", "geld tijd", "regels", "overleg geld", "tijd regels overleg"], dtype=object)
            values = options[rng.integers(0, len(options), RESPONDENTS)]
        else:
            values = np.array([f"tekst {i % 500}" for i in range(RESPONDENTS)], dtype=object)
            missing = rng.random(RESPONDENTS) < 0.8
        values = values.astype(object) if values.dtype == object else values
        if values.dtype == object:
            values[missing] = None
        else:
            values[missing] = np.nan
        columns[variable.name] = values
    return inst, org, pd.DataFrame(columns)


def time_load(answers: pd.DataFrame) -> float:
    """Seconds to read the answer rows from SQLite and pivot them to one column per variable."""
    long = answers.drop(columns=["gemeente"]).reset_index(names="response_id").melt(
        id_vars=["response_id", "team"], var_name="variable", value_name="value").dropna(subset=["value"])
    long["value"] = long["value"].astype(str)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        with sqlite3.connect(path) as connection:
            long[["response_id", "variable", "value"]].to_sql("answer", connection, index=False, chunksize=200_000)
        started = time.perf_counter()
        with sqlite3.connect(path) as connection:
            rows = pd.read_sql("SELECT response_id, variable, value FROM answer", connection)
        wide = rows.pivot(index="response_id", columns="variable", values="value")
        wide.apply(pd.to_numeric, errors="coerce")
        return time.perf_counter() - started


def main() -> None:
    inst, org, answers = build()
    print(f"{len(answers)} respondents, {len(org.teams)} teams, {len(inst.variables())} variables")
    started = time.perf_counter()
    result = analyse_wave(answers, inst, org)
    analysis = time.perf_counter() - started
    print(f"analyse_wave: {analysis:.1f} s ({len(result['items'])} item variables)")
    previous = build(seed=1)[2]
    started = time.perf_counter()
    result = analyse_wave(answers, inst, org, compare_with=WaveData("vorige", previous, inst))
    print(f"analyse_wave with comparison: {time.perf_counter() - started:.1f} s "
          f"({len(result['comparison']['tests'])} tests)")
    if "--load" in sys.argv:
        load = time_load(answers)
        print(f"load from SQLite + pivot: {load:.1f} s; ratio analysis/load = {analysis / load:.2f}")


if __name__ == "__main__":
    main()
