"""What a snapshot holds: each module's file name, text and hash, and one hash over them all (pure)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from survey_app.instruments.model import InstrumentSet


def text_hash(text: str) -> str:
    """SHA-256 of a file's text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def snapshot_content(instruments: InstrumentSet) -> dict[str, dict]:
    """module id -> file name, text and hash, read from the files the loaded modules came from."""
    content = {}
    for module in instruments.modules:
        text = Path(module.path).read_text(encoding="utf-8")
        content[module.id] = {"file": Path(module.path).name, "text": text, "sha256": text_hash(text)}
    return content


def content_hash(content: dict[str, dict]) -> str:
    """One hash over every module's file name and text hash, by module id."""
    digest = hashlib.sha256()
    for module_id in sorted(content):
        digest.update(f"{module_id}\0{content[module_id]['file']}\0{content[module_id]['sha256']}\n".encode())
    return digest.hexdigest()
