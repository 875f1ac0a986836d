"""Every bijlage and gemeente report of a wave as PDF files, rendered in parallel worker processes.

The analysis runs once, in the parent; each worker gets only the prepared data of the report it renders (plain
dicts), so workers need no database connection and no Flask app. Files are written under temporary names and
renamed, so an interrupted build leaves no half files behind.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from survey_app.instrument_registry import wave_instruments
from survey_app.models import Wave
from survey_app.plans.review import add_review
from survey_app.reports.bijlage import bijlage_context
from survey_app.reports.gemeente import gemeente_context
from survey_app.reports.series_parts import add_gemeente_parts, add_team_parts
from survey_app.reports.sources import cached_analysis, coded_themes, comparison_for, previous_for, today, trend_for
from survey_app.reports.totaal import totaal_context
from survey_app.reports.worker import TMP_SUFFIX, Job, render_job
from survey_app.services.analysis import ComparisonOptions, Harmonisation

Progress = Callable[[int, int, str], None]


def team_filename(wave: Wave, gemeente: str, team: str) -> str:
    """`<wave>-<gemeente>-<team>.pdf`."""
    return f"{wave.name}-{gemeente}-{team}.pdf"


def gemeente_filename(wave: Wave, gemeente: str) -> str:
    """`<wave>-<gemeente>.pdf`."""
    return f"{wave.name}-{gemeente}.pdf"


def totaal_filename(wave: Wave) -> str:
    """`<wave>-totaal.pdf`: the overall report across all gemeenten."""
    return f"{wave.name}-totaal.pdf"


def report_count(wave: Wave) -> int:
    """How many files a build of the wave writes: the overall report, one per gemeente, one per team."""
    return 1 + len({p.team.gemeente_id for p in wave.teams}) + len(wave.teams)


def prepare_jobs(wave: Wave, out_dir: Path, compare: Wave | None = None,
                 harmonisation: Harmonisation | None = None, options: ComparisonOptions | None = None) -> list[Job]:
    """The prepared data of every report of the wave: the overall report, the gemeente reports, the bijlagen."""
    analysis = cached_analysis(wave)
    instruments = wave_instruments(wave)
    themes = coded_themes(wave)
    generated_on = today()
    teams = sorted((p.team for p in wave.teams), key=lambda t: (t.gemeente.slug, t.slug))
    jobs = [Job(totaal_filename(wave), totaal_context(analysis, instruments, generated_on, themes=themes),
                str(out_dir))]
    trend = trend_for(wave)
    for gemeente in sorted({team.gemeente.slug for team in teams}):
        comparison, older = comparison_for(wave, gemeente, compare, harmonisation, options)
        context = gemeente_context(analysis, instruments, gemeente, generated_on, comparison=comparison, older=older,
                                   themes=themes)
        add_gemeente_parts(context, trend, instruments, gemeente, comparison)
        jobs.append(Job(gemeente_filename(wave, gemeente), context, str(out_dir)))
    for team in teams:
        previous = previous_for(wave, team)
        context = bijlage_context(analysis, instruments, team.slug, team.gemeente.slug, generated_on,
                                  previous=previous, themes=themes)
        add_team_parts(context, trend, instruments, team.slug, team.gemeente.slug, previous)
        add_review(context, wave, team, harmonisation)
        jobs.append(Job(team_filename(wave, team.gemeente.slug, team.slug), context, str(out_dir)))
    return jobs


def _remove_temporary(out_dir: Path, jobs: list[Job]) -> None:
    for job in jobs:
        for leftover in out_dir.glob(f".{job.filename}.*{TMP_SUFFIX}"):
            leftover.unlink(missing_ok=True)


def run_jobs(jobs: list[Job], workers: int, progress: Progress | None = None) -> list[str]:
    """Render the jobs, in this process when workers is 1, else in a pool of spawned processes."""
    done: list[str] = []

    def report(name: str) -> None:
        done.append(name)
        if progress:
            progress(len(done), len(jobs), name)

    if workers <= 1:
        for job in jobs:
            report(render_job(job))
        return done
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(render_job, job) for job in jobs]
        try:
            for future in as_completed(futures):
                report(future.result())
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return done


def build_reports(wave: Wave, out_dir: str | Path, jobs: int = 1, progress: Progress | None = None,
                  compare: Wave | None = None, harmonisation: Harmonisation | None = None,
                  options: ComparisonOptions | None = None) -> list[Path]:
    """Build every gemeente report and team bijlage of the wave into out_dir; returns the files, sorted.

    `progress(done, total, filename)` is called after each file (the CLI's progress bar, the web status page).
    """
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    prepared = prepare_jobs(wave, target, compare, harmonisation, options)
    try:
        names = run_jobs(prepared, max(1, int(jobs)), progress)
    finally:
        _remove_temporary(target, prepared)
    return sorted(target / name for name in names)
