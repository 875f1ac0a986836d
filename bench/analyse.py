"""Benchmark: the whole analysis of a large wave against the time of only loading its answers (not a test).

A synthetic wave of 100,000 respondents in 1,000 teams on the full shipped instrument set, and a previous
wave of the same size, are written to a scratch SQLite database. A fresh process then (1) only loads both
waves' answers into DataFrames, the floor, and (2) runs the whole analysis as `flask analyse --compare`
does (load both waves, statistics, constructs, pairs, disclosure control, Mann-Whitney + Holm). Prints the
ratio (target <= 3) and the peak memory of that process (target < 4 GB).

    .venv/bin/python bench/analyse.py [--respondents 100000] [--teams 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def synthetic_wave(instruments, teams: list[tuple[str, str]], respondents: int, seed: int):
    """Answers per variable drawn with numpy (routing of gemeente variants respected), as long rows."""
    rng = np.random.default_rng(seed)
    team_index = rng.integers(0, len(teams), respondents)
    gemeente_of = np.array([g for g, _ in teams])[team_index]
    columns: dict[str, np.ndarray] = {}
    for item in instruments.items:
        asked = np.ones(respondents, dtype=bool)
        if item.only_gemeenten:
            asked &= np.isin(gemeente_of, item.only_gemeenten)
        if item.skip_gemeenten:
            asked &= ~np.isin(gemeente_of, item.skip_gemeenten)
        asked &= rng.random(respondents) > 0.03
        for variable in item.variables():
            if variable.kind == "code":
                codes = np.array(item.codes)
                values = codes[rng.integers(0, len(codes), respondents)].astype(str)
            elif variable.kind == "yesno":
                values = rng.integers(0, 2, respondents).astype(str)
            elif variable.kind == "number":
                low = int(item.minimum if item.minimum is not None else 1)
                high = int(item.maximum if item.maximum is not None else 10)
                values = rng.integers(low, high + 1, respondents).astype(str)
            elif variable.kind == "codes":
                codes = [str(c) for c in item.codes]
                values = np.array(codes)[rng.integers(0, len(codes), respondents)]
            else:
                values = np.where(rng.random(respondents) < 0.3, "Meer tijd voor overleg.", "")
            keep = asked & (values != "")
            if item.relevant:  # routed follow-ups: about a fifth of respondents get them
                keep &= rng.random(respondents) < 0.2
            columns[variable.name] = np.where(keep, values, "")
    return team_index, columns


def populate(db_path: Path, respondents: int, n_teams: int) -> None:
    """Schema by migrations, organisation, two waves, answers bulk-inserted with sqlite3."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db_path}", "SECRET_KEY": "bench"}
    flask = [str(Path(sys.executable).parent / "flask"), "--app", "wsgi"]
    subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    org = db_path.parent / "org.csv"
    gemeenten = 50
    teams = [(f"gemeente-{t % gemeenten:02d}", f"team-{t:04d}") for t in range(n_teams)]
    org.write_text("gemeente,team,label\n" + "".join(f"{g},{t},Team {t}\n" for g, t in teams))
    heads = db_path.parent / "heads.csv"
    heads.write_text("team,invited\n" + "".join(f"{t},{respondents // n_teams + 40}\n" for _, t in teams))
    subprocess.run([*flask, "org", "load", str(org)], cwd=ROOT, env=env, check=True, capture_output=True)
    from survey_app.instruments.loader import load_instruments

    instruments = load_instruments([ROOT / "instruments"])
    modules = ",".join(m.id for m in instruments.modules)
    for name in ("vorig", "huidig"):
        subprocess.run([*flask, "wave", "create", name, "--instruments", modules, "--headcounts", str(heads)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
    conn = sqlite3.connect(db_path)
    team_ids = dict(conn.execute("SELECT slug, id FROM team"))
    for seed, name in enumerate(("vorig", "huidig")):
        wave_id = conn.execute("SELECT id FROM wave WHERE name = ?", (name,)).fetchone()[0]
        team_index, columns = synthetic_wave(instruments, teams, respondents, seed)
        ids = [uuid.uuid4().hex for _ in range(respondents)]
        conn.executemany("INSERT INTO response (id, wave_id, team_id, submitted_on, channel) "
                         "VALUES (?, ?, ?, '2017-01-15', 'import')",
                         ((ids[i], wave_id, team_ids[teams[t][1]]) for i, t in enumerate(team_index)))
        for variable, values in columns.items():
            conn.executemany("INSERT INTO answer (response_id, variable, value) VALUES (?, ?, ?)",
                             ((ids[i], variable, v) for i, v in enumerate(values) if v))
        conn.commit()
    conn.close()


def measure(db_path: Path) -> dict:
    """In a fresh process: the load floor, then the whole analysis, and the peak memory."""
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    from survey_app import create_app
    from survey_app.instrument_registry import wave_instruments
    from survey_app.services.analysis import Harmonisation, changed_variables, run_analysis
    from survey_app.services.answers_frame import load_answers_frame
    from survey_app.services.waves import get_wave

    app = create_app({"SECRET_KEY": "bench"})
    with app.app_context():
        current, previous = get_wave("huidig"), get_wave("vorig")
        for wave in (current, previous):  # warm the OS page cache, so neither timing pays for the disk
            load_answers_frame(wave, wave_instruments(wave))
        started = time.perf_counter()
        frames = [load_answers_frame(w, wave_instruments(w)) for w in (current, previous)]
        load_seconds = time.perf_counter() - started
        rows = sum(len(f) for f in frames)
        del frames
        started = time.perf_counter()
        changed = changed_variables(wave_instruments(current), ["bakens"])
        result = run_analysis(current, previous, harmonisation=Harmonisation(changed=changed))
        analysis_seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"load": load_seconds, "analysis": analysis_seconds, "respondents": rows, "peak_mb": peak_kb / 1024,
            "variables": len(result["items"]), "tests": len(result["comparison"]["tests"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=100_000)
    parser.add_argument("--teams", type=int, default=1_000)
    parser.add_argument("--keep", help="keep the database in this folder and reuse it when it exists")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(Path(args.measure))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db_path = folder / "bench.db"
        if not db_path.exists():
            started = time.perf_counter()
            populate(db_path, args.respondents, args.teams)
            print(f"populated {args.respondents:,} respondents x 2 waves in {args.teams:,} teams "
                  f"({time.perf_counter() - started:.0f} s)")
        out = subprocess.run([sys.executable, __file__, "--measure", str(db_path)], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout
        figures = json.loads(out.strip().splitlines()[-1])
    ratio = figures["analysis"] / figures["load"]
    print(f"load only (floor)  : {figures['load']:7.1f} s for {figures['respondents']:,} responses")
    print(f"whole analysis     : {figures['analysis']:7.1f} s ({figures['variables']} variables, "
          f"{figures['tests']} tests)")
    print(f"ratio analysis/load: {ratio:.2f}  (target <= 3)")
    print(f"peak memory        : {figures['peak_mb']:,.0f} MB  (target < 4096 MB)")


if __name__ == "__main__":
    main()
