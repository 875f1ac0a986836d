"""Building every file of a wave: same files with one or two processes, and a hidden team's figures nowhere."""

from __future__ import annotations

import re

from survey_app.reports import build_reports
from tests.reports.conftest import ELBURG_ONLY_LABEL, ZWOLLE_ONLY_LABEL
from tests.reports.test_bijlage_pdf import number

#: klein's means, percentages and n of answers; its response (3 of 16, 18,8%) is participation and published
KLEIN_FIGURES = ("1,3", "66,7%", "33,3%", "n=3")
EXPECTED = {"2017-elburg.pdf", "2017-zwolle.pdf", "2017-elburg-team-doeth.pdf", "2017-zwolle-zwolle-klein.pdf",
            "2017-zwolle-zwolle-noord.pdf", "2017-zwolle-zwolle-west.pdf", "2017-zwolle-zwolle-zuid.pdf",
            "2017-totaal.pdf"}  # the overall report across all gemeenten


def test_parallel_build_gives_the_same_files_and_leaks_nothing(small_wave, tmp_path, pdftext):
    calls = []
    serial = build_reports(small_wave.wave, tmp_path / "een", jobs=1, progress=lambda *args: calls.append(args))
    parallel_calls = []
    parallel = build_reports(small_wave.wave, tmp_path / "twee", jobs=2,
                             progress=lambda *args: parallel_calls.append(args))
    assert {p.name for p in serial} == {p.name for p in parallel} == EXPECTED
    assert sorted(p.name for p in (tmp_path / "twee").iterdir()) == sorted(EXPECTED)  # no temporary files left
    assert [done for done, _total, _name in calls] == list(range(1, len(EXPECTED) + 1))
    assert [done for done, _total, _name in parallel_calls] == list(range(1, len(EXPECTED) + 1))
    assert {name for _done, _total, name in parallel_calls} == EXPECTED

    texts = {path.name: pdftext(path) for path in parallel}
    for name, text in texts.items():
        for figure in KLEIN_FIGURES:
            assert not number(text, figure), f"{figure} van het kleine team staat in {name}"
        if "elburg" in name:
            assert ZWOLLE_ONLY_LABEL not in text, name
    for name in ("2017-zwolle-zwolle-noord.pdf", "2017-zwolle-zwolle-zuid.pdf"):
        assert ZWOLLE_ONLY_LABEL in texts[name]
        assert ELBURG_ONLY_LABEL not in texts[name]
    assert ELBURG_ONLY_LABEL in texts["2017-elburg-team-doeth.pdf"]
    assert "3 mensen mee, minder dan 5" in texts["2017-zwolle-zwolle-klein.pdf"]
    assert re.search(r"Team zwolle-klein\s+16\s+3\s+18,8%", texts["2017-zwolle.pdf"])
    assert "Gemeente Zwolle" in texts["2017-zwolle.pdf"]


def test_interrupted_build_leaves_no_half_files(small_wave, tmp_path, monkeypatch):
    from survey_app.reports import worker

    real = worker.render_pdf
    rendered = []

    def failing(template, context):
        if rendered:
            raise KeyboardInterrupt
        rendered.append(template)
        return real(template, context)

    monkeypatch.setattr(worker, "render_pdf", failing)
    out = tmp_path / "afgebroken"
    try:
        build_reports(small_wave.wave, out, jobs=1)
    except KeyboardInterrupt:
        pass
    else:
        raise AssertionError("the build should have been interrupted")
    files = list(out.iterdir())
    assert len(files) == 1 and files[0].suffix == ".pdf" and not files[0].name.startswith(".")
