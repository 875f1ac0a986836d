"""The storage of answers changed (one JSON document per response, a Parquet snapshot per wave); the analysis
must not have noticed. The reference JSON was written BEFORE the change, by the one-row-per-variable code of
main (the merge before the storage change, with the same analysis and demo code): `flask demo load` and
`flask analyse demo-2017 --compare demo-2016 --changed-scale bakens`. The demo's
answers come from a seeded generator, so the same command must give the same analysis figure for figure, both
when the frame is built from the rows and when it is read back from the wave's snapshot."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

REFERENCE = Path(__file__).resolve().parent.parent / "fixtures" / "demo_analysis_reference.json.gz"
COMMAND = ["analyse", "demo-2017", "--compare", "demo-2016", "--changed-scale", "bakens"]


def _analyse(runner, out: Path) -> dict:
    result = runner.invoke(args=[*COMMAND, "--json", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def _differences(expected, actual, path: str = "") -> list[str]:
    """Every place where two JSON values differ, named by its path, so a failure says which figure moved."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        keys = expected.keys() | actual.keys()
        return [d for k in sorted(keys, key=str) for d in _differences(expected.get(k), actual.get(k), f"{path}/{k}")]
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        return [d for i, (e, a) in enumerate(zip(expected, actual, strict=True))
                for d in _differences(e, a, f"{path}[{i}]")]
    return [] if expected == actual else [f"{path}: {expected!r} != {actual!r}"]


def test_demo_analysis_is_unchanged_figure_for_figure(runner, tmp_path):
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    reference = json.loads(gzip.decompress(REFERENCE.read_bytes()).decode("utf-8"))
    first = _analyse(runner, tmp_path / "first.json")  # frames built from the stored rows
    assert _differences(reference, first)[:10] == []
    second = _analyse(runner, tmp_path / "second.json")  # frames read back where a snapshot was kept
    assert _differences(reference, second)[:10] == []
    assert len(reference["comparison"]["tests"]) == 110 and len(reference["items"]) == 151
