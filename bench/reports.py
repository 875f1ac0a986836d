"""Benchmark of the reports (not a test): one bijlage against WeasyPrint alone, and the parallel build.

The demo organisation scaled to 100 teams (four gemeenten) with synthetic answers on the full shipped
instrument set is written to a scratch SQLite database in a temporary folder. Prints

(a) the time of one bijlage from the analysis dict to PDF bytes (data preparation, charts, template, PDF) as a
    ratio to the time WeasyPrint alone takes to render that bijlage's final HTML (target <= 2), and
(b) the whole build (`build_reports`: analysis once, every bijlage and gemeente report) with 2 worker processes
    against 1, measured in the same run (target >= 1,7x faster), next to what 2 processes of pure CPU work gain
    on this machine at that moment (on a shared machine other load lowers that ceiling).

    .venv/bin/python bench/reports.py [--teams 100] [--per-team 9]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GEMEENTEN = (("zwolle", "Zwolle", 0.4), ("ommen-hardenberg", "Ommen-Hardenberg", 0.3),
             ("steenwijkerland", "Steenwijkerland", 0.2), ("elburg", "Elburg", 0.1))


def populate(teams: int, per_team: int, modules: list[str] | None = None) -> None:
    """Gemeenten, teams, one wave over every module (or the given ones) and synthetic answers, in bulk."""
    from survey_app.extensions import db
    from survey_app.instrument_registry import current_instruments
    from survey_app.instruments.synthetic import synthetic_answers
    from survey_app.models import Gemeente, Response, Team
    from survey_app.services.answer_store import answers_document, bump_answers_revision
    from survey_app.services.waves import create_wave

    instruments = current_instruments()
    rng = random.Random(2017)
    slugs = {}
    for slug, label, share in GEMEENTEN:
        gemeente = Gemeente(slug=slug, label=label)
        db.session.add(gemeente)
        for number in range(max(1, round(teams * share))):
            team = Team(slug=f"{slug}-{number + 1:03d}", label=f"Team {label} {number + 1}", gemeente=gemeente)
            db.session.add(team)
            slugs[team.slug] = team
    db.session.flush()
    wave = create_wave("bench", modules or [m.id for m in instruments.modules], instruments,
                       {slug: per_team + 3 for slug in slugs}, label="Benchmark (synthetisch)")
    responses = []
    for slug, team in slugs.items():
        bias = rng.uniform(0.2, 0.8)
        for _ in range(per_team):
            answers = synthetic_answers(instruments, team.gemeente.slug, slug, rng, bias=bias)
            responses.append(Response(wave_id=wave.id, team_id=team.id, channel="bench",
                                      answers=answers_document(answers)))
    db.session.add_all(responses)
    bump_answers_revision(wave.id)
    db.session.commit()


def one_bijlage(wave, team) -> tuple[float, float]:
    """(seconds from analysis dict to PDF bytes, seconds of WeasyPrint alone on the same final HTML)."""
    from survey_app.instrument_registry import wave_instruments
    from survey_app.reports.bijlage import bijlage_context
    from survey_app.reports.render import html_to_pdf, render_html, template_for
    from survey_app.reports.sources import cached_analysis, today

    analysis = cached_analysis(wave)
    instruments = wave_instruments(wave)
    html_to_pdf(render_html("bijlage.html", bijlage_context(analysis, instruments, team.slug,
                                                            team.gemeente.slug, today())))  # warm-up
    whole, alone = [], []
    for _ in range(3):
        start = time.perf_counter()
        context = bijlage_context(analysis, instruments, team.slug, team.gemeente.slug, today())
        html = render_html(template_for(context), context)
        html_to_pdf(html)
        whole.append(time.perf_counter() - start)
        start = time.perf_counter()
        html_to_pdf(html)
        alone.append(time.perf_counter() - start)
    return statistics.median(whole), statistics.median(alone)


def _burn(_: int) -> float:
    start = time.perf_counter()
    total = 0
    for number in range(15_000_000):
        total += number * number
    return time.perf_counter() - start


def cpu_scaling() -> float:
    """How much faster two spawned processes finish two pure-CPU tasks than one process finishes them: what the
    machine itself allows right now (other load on a shared machine lowers it), the ceiling for (b)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    start = time.perf_counter()
    _burn(0), _burn(1)
    serial = time.perf_counter() - start
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(_burn, [0]))  # start the workers before timing
        start = time.perf_counter()
        list(pool.map(_burn, [0, 1]))
        parallel = time.perf_counter() - start
    return serial / parallel


def whole_build(wave, out: Path, jobs: int) -> float:
    """Seconds of build_reports with a fresh analysis cache."""
    from survey_app.reports.builder import build_reports
    from survey_app.reports.sources import clear_cache

    clear_cache()
    start = time.perf_counter()
    files = build_reports(wave, out, jobs=jobs)
    elapsed = time.perf_counter() - start
    print(f"  --jobs {jobs}: {len(files)} bestanden in {elapsed:.1f} s", flush=True)
    return elapsed


def main() -> None:
    """Build the scratch database, then measure (a) and (b)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=100)
    parser.add_argument("--per-team", type=int, default=9)
    args = parser.parse_args()

    from sqlalchemy import select

    from survey_app import create_app
    from survey_app.extensions import db
    from survey_app.models import Base, Team, Wave

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.db", "SECRET_KEY": "bench"})
        with app.app_context():
            Base.metadata.create_all(db.engine)
            populate(args.teams, args.per_team)
            wave = db.session.scalar(select(Wave).where(Wave.name == "bench"))
            team = db.session.scalar(select(Team).order_by(Team.slug).limit(1))
            print(f"Golf met {len(wave.teams)} teams, {args.per_team} respondenten per team.", flush=True)
            whole, alone = one_bijlage(wave, team)
            print(f"(a) één bijlage: {whole:.2f} s van analyse-dict tot PDF; WeasyPrint alleen {alone:.2f} s; "
                  f"verhouding {whole / alone:.2f} (doel <= 2)", flush=True)
            before = cpu_scaling()
            serial = whole_build(wave, Path(tmp) / "jobs1", 1)
            parallel = whole_build(wave, Path(tmp) / "jobs2", 2)
            after = cpu_scaling()
            print(f"(b) hele build: --jobs 1 {serial:.1f} s, --jobs 2 {parallel:.1f} s, "
                  f"{serial / parallel:.2f}x sneller (doel >= 1,7x)", flush=True)
            print(f"    ter vergelijking: 2 processen puur rekenwerk {before:.2f}x sneller dan 1 vóór de builds, "
                  f"{after:.2f}x erna (het plafond van deze machine op dat moment)", flush=True)
            db.session.remove()
            db.engine.dispose()


if __name__ == "__main__":
    main()
