"""Fixtures of the job queue tests: the small constructed wave of the report tests (the in-process `consumer`
fixture lives in tests/conftest.py, helpers in tests/jobs/helpers.py)."""

from tests.reports.conftest import _fresh_analysis_cache, pdftext, small_wave  # noqa: F401
