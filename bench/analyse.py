"""Benchmark: the whole analysis of a national wave against the floor a researcher knows (not a test).

Two synthetic waves ("vorig", "huidig") of N respondents each (100 per team) on the full shipped instrument
set are bulk-inserted as answers documents into a scratch database (SQLite; PostgreSQL too when DATABASE_URL
points to a PostgreSQL server: the bench uses `<that database>_bench`), and both waves are closed the normal
way (`flask wave close`, which stores each wave's columnar snapshot). Then, on the same data, in one run:

(a) the floor: `pyreadstat` reading both waves from the platform's own `.sav` exports (`flask export`);
(b) the platform's load of both waves' frames (`load_answers_frame`), from the snapshot and cold (from the
    JSON documents, as the first reader after a write does);
(c) the whole `flask analyse huidig --compare vorig --changed-scale bakens` in a fresh process, with the
    snapshot fresh (a closed wave) and cold (snapshots removed first).

Each measurement runs in a fresh process; peak memory is that process's maximum resident set. Prints (c)/(a)
(target <= 5), the peak memory of (c) (target < 2 GB) and the machine's load average with each figure.

    .venv/bin/python bench/analyse.py --sizes 1000,10000,100000 [--keep FOLDER] [--engine sqlite|postgresql|both]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np
import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FLASK = [str(Path(sys.executable).parent / "flask"), "--app", "wsgi"]
RESPONDENTS_PER_TEAM = 100
GEMEENTEN = 50


def synthetic_wave(instruments, teams: list[tuple[str, str]], respondents: int, seed: int):
    """Answers per variable drawn with numpy (routing of gemeente variants respected), as text columns."""
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


def documents(columns: dict[str, np.ndarray], respondents: int):
    """One compact JSON document per respondent (variable -> canonical text, sorted), as the writers store it."""
    names = sorted(columns)
    matrix = np.stack([columns[name] for name in names], axis=1)
    for row in matrix:
        yield orjson.dumps({name: value for name, value in zip(names, row.tolist(), strict=True) if value}).decode()


def _env(url: str) -> dict:
    return {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench"}


def _flask(url: str, *args: str) -> None:
    subprocess.run([*FLASK, *args], cwd=ROOT, env=_env(url), check=True, capture_output=True)


def populate(url: str, folder: Path, respondents: int) -> None:
    """Schema by migrations, organisation, two waves, documents bulk-inserted, both waves closed."""
    _flask(url, "db", "upgrade")
    n_teams = max(1, respondents // RESPONDENTS_PER_TEAM)
    teams = [(f"gemeente-{t % GEMEENTEN:02d}", f"team-{t:04d}") for t in range(n_teams)]
    org, heads = folder / "org.csv", folder / "heads.csv"
    org.write_text("gemeente,team,label\n" + "".join(f"{g},{t},Team {t}\n" for g, t in teams))
    heads.write_text("team,invited\n" + "".join(f"{t},{RESPONDENTS_PER_TEAM + 40}\n" for _, t in teams))
    _flask(url, "org", "load", str(org))
    from survey_app.instruments.loader import load_instruments

    instruments = load_instruments([ROOT / "instruments"])
    modules = ",".join(m.id for m in instruments.modules)
    for name in ("vorig", "huidig"):
        _flask(url, "wave", "create", name, "--instruments", modules, "--headcounts", str(heads))
    from sqlalchemy import create_engine, text

    from survey_app.config import normalise_database_url

    engine = create_engine(normalise_database_url(url))
    with engine.begin() as connection:
        team_ids = dict(connection.execute(text("SELECT slug, id FROM team")).all())
        for seed, name in enumerate(("vorig", "huidig")):
            wave_id = connection.execute(text("SELECT id FROM wave WHERE name = :n"), {"n": name}).scalar()
            team_index, columns = synthetic_wave(instruments, teams, respondents, seed)
            rows = ((uuid.uuid4().hex, wave_id, team_ids[teams[t][1]], doc)
                    for t, doc in zip(team_index, documents(columns, respondents), strict=True))
            if engine.dialect.name == "postgresql":
                raw = connection.connection.dbapi_connection
                with raw.cursor().copy("COPY response (id, wave_id, team_id, submitted_on, channel, answers) "
                                       "FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row((*row[:3], "2017-01-15", "import", row[3]))
            else:
                raw = connection.connection.dbapi_connection
                raw.executemany("INSERT INTO response (id, wave_id, team_id, submitted_on, channel, answers) "
                                "VALUES (?, ?, ?, '2017-01-15', 'import', ?)", rows)
            connection.execute(text("UPDATE wave SET answers_revision = answers_revision + 1 WHERE id = :w"),
                               {"w": wave_id})
    engine.dispose()
    for name in ("vorig", "huidig"):
        _flask(url, "wave", "open", name)
        _flask(url, "wave", "close", name)  # the normal way: the last batch, then the columnar snapshot


# --- the measurements, each in a fresh process ----------------------------------------------------------------

def peak_mb() -> float:
    """This process's peak resident memory (VmHWM): unlike ru_maxrss it does not carry over the parent's."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed_peak(command: list[str], env: dict) -> tuple[float, float]:
    """Wall time and peak memory (MB) of one command, measured by GNU time around it."""
    started = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-f", "%M", *command], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True)
    return time.perf_counter() - started, int(out.stderr.strip().splitlines()[-1]) / 1024


def measure_floor(sav_files: list[str]) -> dict:
    """(a) pyreadstat reading both waves' .sav exports, as a researcher opens them."""
    import pyreadstat

    started = time.perf_counter()
    rows = sum(len(pyreadstat.read_sav(path)[0]) for path in sav_files)
    return {"seconds": time.perf_counter() - started, "rows": rows}


def write_data_width_sav(url: str, paths: list[str]) -> dict:
    """A reference floor beside (a): the same frames written by pyreadstat with string widths sized by the data
    (the platform's export sizes them by the instrument, up to 12.000 bytes, so waves merge in SPSS)."""
    import pyreadstat

    os.environ["DATABASE_URL"] = url
    from survey_app import create_app
    from survey_app.exports.frame import anonymous_frame
    from survey_app.instrument_registry import wave_instruments
    from survey_app.services.waves import get_wave

    with create_app({"SECRET_KEY": "bench"}).app_context():
        for name, path in zip(("vorig", "huidig"), paths, strict=True):
            wave = get_wave(name)
            pyreadstat.write_sav(anonymous_frame(wave, wave_instruments(wave)), path)
    return {"seconds": 0.0}


def measure_load(url: str, cold: bool) -> dict:
    """(b) the platform's load of both waves' frames: from the snapshot, or built from the documents."""
    os.environ["DATABASE_URL"] = url
    from survey_app import create_app
    from survey_app.instrument_registry import wave_instruments
    from survey_app.services.answers_frame import build_answers_frame, load_answers_frame
    from survey_app.services.frame_assembly import frame_columns
    from survey_app.services.waves import get_wave

    app = create_app({"SECRET_KEY": "bench"})
    with app.app_context():
        waves = [get_wave("huidig"), get_wave("vorig")]
        instruments = [wave_instruments(w) for w in waves]
        started = time.perf_counter()
        if cold:
            frames = [build_answers_frame(w.id, frame_columns(i)) for w, i in zip(waves, instruments, strict=True)]
        else:
            frames = [load_answers_frame(w, i) for w, i in zip(waves, instruments, strict=True)]
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "rows": sum(len(f) for f in frames)}


def _child(kind: str, *args: str, env: dict | None = None) -> dict:
    """Run one measurement in a fresh process; adds its wall time and peak memory (MB)."""
    command = [sys.executable, __file__, "--child", kind, *args]
    started = time.perf_counter()
    out = subprocess.run(command, cwd=ROOT, env=env or os.environ, check=True, capture_output=True, text=True)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures.setdefault("seconds", time.perf_counter() - started)
    return figures


def child_main(kind: str, args: list[str]) -> None:
    if kind == "floor":
        figures = measure_floor(args)
    elif kind == "data-width-sav":
        figures = write_data_width_sav(args[0], args[1:])
    elif kind in ("load", "load-cold"):
        figures = measure_load(args[0], cold=kind == "load-cold")
    elif kind == "analyse":  # (c): the CLI itself, timed from outside
        seconds, peak = _timed_peak([*FLASK, "analyse", "huidig", "--compare", "vorig", "--changed-scale", "bakens",
                                     "--json", args[1]], _env(args[0]))
        print(json.dumps({"seconds": seconds, "peak_mb": peak}))
        return
    elif kind == "export":
        seconds = peak = 0.0
        for name, path in zip(("vorig", "huidig"), args[1:], strict=True):
            took, most = _timed_peak([*FLASK, "export", name, "--format", "sav", "--out", path], _env(args[0]))
            seconds, peak = seconds + took, max(peak, most)
        print(json.dumps({"seconds": seconds, "peak_mb": peak}))
        return
    else:
        raise SystemExit(f"unknown measurement {kind}")
    figures["peak_mb"] = peak_mb()
    print(json.dumps(figures))


def _load() -> str:
    return "load " + ", ".join(f"{x:.1f}" for x in os.getloadavg())


def _drop_snapshots(url: str) -> None:
    from sqlalchemy import create_engine, text

    from survey_app.config import normalise_database_url

    engine = create_engine(normalise_database_url(url))
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM wave_frame"))
    engine.dispose()


def run(url: str, folder: Path, respondents: int) -> dict:
    """Populate (unless kept from an earlier run) and measure (a), (b) and (c) on one database."""
    marker = folder / "populated"
    if not marker.exists():
        started = time.perf_counter()
        populate(url, folder, respondents)
        marker.write_text(str(respondents))
        print(f"  populated {respondents:,} respondents x 2 waves ({time.perf_counter() - started:.0f} s)")
    sav = [str(folder / "vorig.sav"), str(folder / "huidig.sav")]
    results = {"export": _child("export", url, *sav), "export_load": _load()}
    results.update(floor=_child("floor", *sav), floor_load=_load())
    narrow = [str(folder / "vorig-datawidth.sav"), str(folder / "huidig-datawidth.sav")]
    _child("data-width-sav", url, *narrow)
    results.update(floor_narrow=_child("floor", *narrow), floor_narrow_load=_load())
    results.update(load=_child("load", url), load_load=_load())
    results.update(analyse=_child("analyse", url, str(folder / "analysis.json")), analyse_load=_load())
    results.update(load_cold=_child("load-cold", url), load_cold_load=_load())
    _drop_snapshots(url)
    results.update(analyse_cold=_child("analyse", url, str(folder / "analysis-cold.json")),
                   analyse_cold_load=_load())
    return results


def report(engine: str, respondents: int, r: dict) -> None:
    floor = r["floor"]["seconds"]
    print(f"{engine}, {respondents:,} respondents x 2 waves ({r['floor']['rows']:,} rows read)")
    print(f"  export both waves to .sav    : {r['export']['seconds']:7.1f} s  peak {r['export']['peak_mb']:6,.0f} MB"
          f"  [{r['export_load']}]")
    print(f"  (a) pyreadstat, both .sav    : {floor:7.1f} s  peak {r['floor']['peak_mb']:6,.0f} MB"
          f"  [{r['floor_load']}]")
    print(f"  (a') pyreadstat, data widths : {r['floor_narrow']['seconds']:7.1f} s  peak "
          f"{r['floor_narrow']['peak_mb']:6,.0f} MB  [{r['floor_narrow_load']}]")
    print(f"  (b) platform load, snapshot  : {r['load']['seconds']:7.1f} s  peak {r['load']['peak_mb']:6,.0f} MB"
          f"  [{r['load_load']}]")
    print(f"  (b) platform load, documents : {r['load_cold']['seconds']:7.1f} s  peak "
          f"{r['load_cold']['peak_mb']:6,.0f} MB  [{r['load_cold_load']}]")
    print(f"  (c) flask analyse, snapshot  : {r['analyse']['seconds']:7.1f} s  peak "
          f"{r['analyse']['peak_mb']:6,.0f} MB  [{r['analyse_load']}]")
    print(f"  (c) flask analyse, documents : {r['analyse_cold']['seconds']:7.1f} s  peak "
          f"{r['analyse_cold']['peak_mb']:6,.0f} MB  [{r['analyse_cold_load']}]")
    print(f"  (c)/(a) = {r['analyse']['seconds'] / floor:.2f} with the snapshot, "
          f"{r['analyse_cold']['seconds'] / floor:.2f} cold  (target <= 5; peak target < 2048 MB)")
    narrow = r["floor_narrow"]["seconds"]
    print(f"  (c)/(a') = {r['analyse']['seconds'] / narrow:.2f} with the snapshot, "
          f"{r['analyse_cold']['seconds'] / narrow:.2f} cold")


def _postgres_bench_url(url: str) -> str:
    """`<database>_bench` next to DATABASE_URL's database, created when missing (the tests own the original)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from survey_app.config import normalise_database_url

    base = make_url(normalise_database_url(url))
    name = f"{base.database}_bench"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000", help="respondents per wave, comma-separated")
    parser.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="both",
                        help="postgresql needs DATABASE_URL pointing to a PostgreSQL server")
    parser.add_argument("--keep", help="keep the SQLite databases in this folder and reuse them")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_main(args.child[0], args.child[1:])
        return
    postgres = os.environ.get("DATABASE_URL", "")
    engines = ["sqlite", "postgresql"] if args.engine == "both" else [args.engine]
    if not postgres.startswith("postgres"):
        engines = [e for e in engines if e == "sqlite"]
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            for engine in engines:
                folder = Path(args.keep or tmp) / f"{engine}-{size}"
                folder.mkdir(parents=True, exist_ok=True)
                url = f"sqlite:///{folder / 'bench.db'}" if engine == "sqlite" else _postgres_bench_url(postgres)
                if engine == "postgresql":
                    (folder / "populated").unlink(missing_ok=True)  # a fresh database each run
                report(engine, size, run(url, folder, size))
                sys.stdout.flush()


if __name__ == "__main__":
    main()
