"""Helpers for the instrument tests: write YAML modules inline, as a researcher would write the file."""

import textwrap
from pathlib import Path

import pytest

from survey_app.instruments.loader import check_paths, load_instruments


class InstrumentFolder:
    """A temporary instruments/ folder: write modules into it, check or load them."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, filename: str, text: str) -> Path:
        """Write one module; ``text`` is dedented so it can be indented in the test."""
        path = self.root / filename
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def problems(self) -> list[str]:
        """The problems as ``file:line: CODE``, file names relative to the folder."""
        return [f"{Path(p.file).name}:{p.line}: {p.code.code}" for p in check_paths([self.root])]

    def messages(self) -> list[str]:
        """The full problem lines, file names relative to the folder."""
        return [str(p).replace(str(self.root) + "/", "") for p in check_paths([self.root])]

    def load(self):
        """The InstrumentSet of the folder (raises InstrumentError when invalid)."""
        return load_instruments([self.root])


@pytest.fixture
def folder(tmp_path) -> InstrumentFolder:
    """An empty instruments folder."""
    root = tmp_path / "instruments"
    root.mkdir()
    return InstrumentFolder(root)
