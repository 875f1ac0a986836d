"""The trend as a long CSV of harmonised scores (one row per figure, scope and year), for researchers who
continue in SPSS or Excel: the same figures as the trend JSON, with the factor applied and every hidden figure
listed with its reason instead of a number."""

from __future__ import annotations

from pathlib import Path

from survey_app import csv_safety

COLUMNS = ["section", "variable", "scope", "wave", "year", "n", "mean", "sd", "median", "factor", "status"]


def _status(entry: dict) -> str:
    if entry.get("suppressed"):
        return f"verborgen: {entry.get('reason')}"
    if entry.get("not_comparable"):
        return "niet vergelijkbaar"
    if entry.get("absent"):
        return "niet gevraagd"
    return "getoond"


def write_trend_csv(trend: dict, path: str | Path) -> int:
    """Write the CSV (temporary name, then renamed); returns the number of data rows."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".tmp")
    count = 0
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        out = csv_safety.writer(handle)
        out.writerow(COLUMNS)
        for section in ("constructs", "items"):
            for name, scopes in trend[section].items():
                for scope, row in scopes.items():
                    for entry in row:
                        shown = "mean" in entry
                        out.writerow([section, name, scope, entry["wave"], entry["year"],
                                      entry.get("n") if shown else "", *(
                                          entry.get(key) if shown and entry.get(key) is not None else ""
                                          for key in ("mean", "sd", "median")),
                                      entry.get("factor", ""), _status(entry)])
                        count += 1
    tmp.replace(target)
    return count
