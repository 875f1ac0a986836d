"""Transcripts as numbered fragments: speaker turns from .txt/.docx, merged cues from .vtt/.srt.

A fragment is the unit that gets coded; its 1-based position in the document is how `codings.csv` refers to it.
Rules, so researchers can predict the numbering:

- .txt/.docx: a line (paragraph) starting with ``Name:`` opens a turn, following lines continue it (blank lines
  inside a turn are skipped). A name starts with a capital and has at most four words, lower-case words only
  as name particles (``R01``, ``I``, ``Respondent 3``, ``Jan van der Berg``), so ``Let op: ...`` stays text.
  Text before the first turn, and texts without any turns, are split into paragraphs at blank lines (in .docx:
  every paragraph), each a fragment without speaker.
- .vtt/.srt: each cue is read for a speaker (``<v R01>`` voice tag or an ``R01:`` prefix); consecutive cues of
  the same speaker are merged into one fragment that keeps the start time of its first cue. Cues without a
  speaker stay separate fragments.
- Empty turns and cues are left out.

Every reader is bounded (`survey_app.limits`): file size, lines, fragments, and for .docx the checks of
`docx_safety` (zip bomb, DTDs, paragraphs) run before python-docx sees the file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from survey_app.coding.docx_safety import check_docx
from survey_app.coding.errors import TranscriptError, limit_problem
from survey_app.coding.textfiles import check_control_characters, decode_bytes, read_csv_records, read_file
from survey_app.limits import (
    MAX_CSV_BYTES,
    MAX_DOCX_BYTES,
    MAX_FRAGMENTS,
    MAX_LINES,
    MAX_REPLACEMENTS,
    MAX_TEXT_BYTES,
    LimitExceeded,
    check_count,
)

SUPPORTED_SUFFIXES = (".txt", ".docx", ".vtt", ".srt")

# A speaker label: 1-4 words before a colon (R01, I, Interviewer, Respondent 3, Marieke de Vries).
_SPEAKER_LINE = re.compile(r"^\s*(?P<speaker>[A-ZÀ-Þ][\w.'’()-]*(?: [\w.'’()-]+){0,3})\s*:(?:\s+(?P<text>.*)|$)")
_SPEAKER_MAX_LENGTH = 40
# Lower-case words allowed inside a name; any other lower-case word makes "Let op: ..." ordinary text.
_NAME_PARTICLES = frozenset({"de", "der", "den", "van", "von", "ter", "ten", "te", "het", "'t", "la", "le", "du", "da"})


@dataclass(frozen=True)
class Fragment:
    """One codable piece of a transcript: a speaker turn, a paragraph or merged subtitle cues."""

    position: int  #: 1-based position in its document, as used in codings.csv
    speaker: str | None  #: pseudonym such as "R01", or None when the text names no speaker
    text: str
    start_seconds: float | None = None  #: start time for .vtt/.srt, None for written transcripts


@dataclass
class Document:
    """A parsed transcript: its file name and its fragments in order."""

    name: str
    fragments: list[Fragment] = field(default_factory=list)

    def fragment(self, position: int) -> Fragment:
        """The fragment at a 1-based position (raises IndexError when out of range)."""
        if not 1 <= position <= len(self.fragments):
            raise IndexError(position)
        return self.fragments[position - 1]


@dataclass
class _Turn:
    speaker: str | None
    lines: list[str]
    start: float | None = None


def read_transcript(path: str | Path, replacements: dict[str, str] | None = None) -> Document:
    """Read a transcript file of any supported type, optionally pseudonymising names in speakers and text."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        problem = f"onbekend bestandstype {suffix or '(geen)'}; kies uit .txt, .docx, .vtt, .srt"
        raise TranscriptError(path.name, [problem])
    data = read_file(path, MAX_DOCX_BYTES if suffix == ".docx" else MAX_TEXT_BYTES, TranscriptError)
    if suffix == ".docx":
        document = parse_docx(data, path.name)
    else:
        text = decode_bytes(data, path.name, TranscriptError)
        parser = {".txt": parse_text, ".vtt": parse_vtt, ".srt": parse_srt}[suffix]
        document = parser(text, path.name)
    if replacements:
        document = pseudonymise_document(document, replacements)
    return document


def parse_text(text: str, name: str) -> Document:
    """Split a plain-text transcript into speaker turns, or into paragraphs when it has no turns."""
    check_control_characters(text, name, TranscriptError)
    return _document(name, _turns_from_lines(_lines(text, name)))


def _lines(text: str, name: str) -> list[str]:
    """The lines of a text transcript, refused beyond MAX_LINES."""
    _bounded(name, lambda: check_count(text.count("\n") + 1, MAX_LINES, "regels"))
    return text.splitlines()


def _bounded(name: str, check) -> None:
    """Run a check of survey_app.limits, reporting a breach as this transcript's TranscriptError."""
    try:
        check()
    except LimitExceeded as exc:
        raise TranscriptError(name, [limit_problem(exc)]) from None


def parse_docx(data: bytes, name: str) -> Document:
    """Read the paragraphs of a Word file and apply the same speaker logic as for .txt (each paragraph a line)."""
    from docx import Document as WordDocument  # python-docx; imported here so text-only use stays light

    check_docx(data, name)
    try:
        texts = [paragraph.text for paragraph in WordDocument(io.BytesIO(data)).paragraphs]
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types on damaged parts; the file was checked
        raise TranscriptError(name, [f"geen geldig Word-bestand (.docx): {type(exc).__name__}"]) from None
    lines: list[str] = []
    for text in texts:
        lines.append(text)
        lines.append("")  # every paragraph is its own paragraph when there are no speaker turns
    check_control_characters("\n".join(texts), name, TranscriptError, unit="alinea")
    return _document(name, _turns_from_lines(lines))


def _speaker_of(line: str) -> tuple[str, str] | None:
    match = _SPEAKER_LINE.match(line)
    if not match or len(match["speaker"]) > _SPEAKER_MAX_LENGTH:
        return None
    words = match["speaker"].split()
    if any(w[0].islower() and w not in _NAME_PARTICLES for w in words[1:]):
        return None
    return match["speaker"].strip(), (match["text"] or "").strip()


def _turns_from_lines(lines: list[str]) -> list[_Turn]:
    turns: list[_Turn] = []
    current: _Turn | None = None
    in_turns = False
    for line in lines:
        found = _speaker_of(line)
        if found:
            in_turns = True
            current = _Turn(found[0], [found[1]] if found[1] else [])
            turns.append(current)
        elif not line.strip():
            if not in_turns:
                current = None
        elif current is None:
            current = _Turn(None, [line.strip()])
            turns.append(current)
        else:
            current.lines.append(line.strip())
    return turns


def _document(name: str, turns: list[_Turn], joiner: str = "\n") -> Document:
    fragments = []
    for turn in turns:
        text = joiner.join(line for line in turn.lines if line).strip()
        if text:
            fragments.append(Fragment(len(fragments) + 1, turn.speaker, text, turn.start))
            _bounded(name, lambda: check_count(len(fragments), MAX_FRAGMENTS, "fragmenten"))
    if not fragments:
        raise TranscriptError(name, ["het bestand bevat geen tekst"])
    return Document(name, fragments)


# --- subtitles (.vtt, .srt) -------------------------------------------------------------------------------

# Digits are ASCII and bounded (hours up to 6 digits), and the tag patterns cannot scan past the next "<", so a
# hostile line costs linear time.
_STAMP = r"(?:[0-9]{1,6}:)?[0-9]{1,2}:[0-9]{2}[.,][0-9]{1,3}"
_TIMING = re.compile(rf"^\s*(?P<start>{_STAMP})\s*-->\s*(?P<end>{_STAMP})(?:\s.*)?$")
_VOICE = re.compile(r"<v(?:\.[\w.-]{1,40})?\s+([^<>]{1,100})>")
_TAG = re.compile(r"</?[^<>]*>")


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    seconds = float(parts[-1])
    for i, part in enumerate(reversed(parts[:-1]), start=1):
        seconds += int(part) * 60**i
    return seconds


def parse_vtt(text: str, name: str) -> Document:
    """Read a WebVTT file: skip header, NOTE/STYLE/REGION blocks, and merge cues per speaker."""
    check_control_characters(text, name, TranscriptError)
    lines = _lines(text, name)
    if not lines or not lines[0].lstrip("\ufeff").startswith("WEBVTT"):
        raise TranscriptError(name, ["regel 1: een WebVTT-bestand begint met WEBVTT"])
    blocks = _blocks(lines)
    cues = []
    for first_line, block in blocks[1:]:  # the first block is the header
        head = block[0].split(maxsplit=1)[0] if block[0].strip() else ""
        if head in ("NOTE", "STYLE", "REGION"):
            continue
        cues.append(_cue(first_line, block, name))
    return _document(name, _merge_cues(cues), joiner=" ")


def parse_srt(text: str, name: str) -> Document:
    """Read a SubRip file (numbered cues with comma timestamps) and merge cues per speaker."""
    check_control_characters(text, name, TranscriptError)
    cues = [_cue(first_line, block, name) for first_line, block in _blocks(_lines(text, name))]
    return _document(name, _merge_cues(cues), joiner=" ")


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not current:
                blocks.append((number, current))
            current.append(line)
        else:
            current = []
    return blocks


def _cue(first_line: int, block: list[str], name: str) -> list[_Turn]:
    """One cue as one or more speaker segments (a voice tag may switch speakers inside a cue)."""
    for offset, line in enumerate(block[:2]):  # noqa: B007 - offset is used after the loop
        timing = _TIMING.match(line)
        if timing:
            break
    else:
        problem = f"regel {first_line}: tijdregel ontbreekt (verwacht 00:00:01.000 --> 00:00:04.000)"
        raise TranscriptError(name, [problem])
    start = _seconds(timing["start"])
    segments: list[_Turn] = []
    speaker: str | None = None
    for line in block[offset + 1 :]:
        voice = _VOICE.search(line)
        if voice:
            speaker = voice.group(1).strip()
        plain = _TAG.sub("", line).strip()
        if not voice:
            found = _speaker_of(plain)
            if found:
                speaker, plain = found
        if segments and segments[-1].speaker == speaker:
            segments[-1].lines.append(plain)
        else:
            segments.append(_Turn(speaker, [plain], start))
    return segments


def _merge_cues(cues: list[list[_Turn]]) -> list[_Turn]:
    turns: list[_Turn] = []
    for segments in cues:
        for segment in segments:
            previous = turns[-1] if turns else None
            if previous and segment.speaker is not None and previous.speaker == segment.speaker:
                previous.lines.extend(segment.lines)
            else:
                turns.append(_Turn(segment.speaker, list(segment.lines), segment.start))
    return turns


# --- pseudonymisation ----------------------------------------------------------------------------------------


def pseudonymise(text: str, replacements: dict[str, str]) -> str:
    """Replace names by pseudonyms: whole words, case-insensitive, longest name first ("Jan de Vries" before "Jan")."""
    names = sorted((name for name in replacements if name.strip()), key=len, reverse=True)
    if not names:
        return text
    lookup = {name.lower(): replacements[name] for name in names}
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(name) for name in names) + r")(?!\w)", re.IGNORECASE)
    return pattern.sub(lambda match: lookup[match.group(0).lower()], text)


def pseudonymise_document(document: Document, replacements: dict[str, str]) -> Document:
    """Apply `pseudonymise` to every fragment's speaker and text (positions stay the same)."""
    fragments = [
        replace(
            fragment,
            speaker=pseudonymise(fragment.speaker, replacements) if fragment.speaker else fragment.speaker,
            text=pseudonymise(fragment.text, replacements),
        )
        for fragment in document.fragments
    ]
    return Document(document.name, fragments)


def parse_replacements(text: str, source: str = "replace.csv") -> dict[str, str]:
    """Read a replace list (`find,replace`) into a dict; empty or conflicting entries are errors with row numbers."""
    records = read_csv_records(text, source, ("find", "replace"), TranscriptError)
    _bounded(source, lambda: check_count(len(records), MAX_REPLACEMENTS, "vervangingen"))
    replacements: dict[str, str] = {}
    first_row: dict[str, tuple[int, str]] = {}
    problems = []
    for row, record in records:
        find, new = record["find"], record["replace"]
        if not find:
            problems.append(f"rij {row}: kolom find is leeg")
            continue
        earlier = first_row.setdefault(find.lower(), (row, new))
        if earlier[1] != new:
            problems.append(f"rij {row}: '{find}' staat al in rij {earlier[0]} met een andere vervanging")
            continue
        replacements[find] = new
    if problems:
        raise TranscriptError(source, problems)
    return replacements


def read_replacements(path: str | Path) -> dict[str, str]:
    """Read a `replace.csv` file from disk (see `parse_replacements`)."""
    path = Path(path)
    data = read_file(path, MAX_CSV_BYTES, TranscriptError)
    return parse_replacements(decode_bytes(data, path.name, TranscriptError), path.name)
