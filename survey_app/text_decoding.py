"""Text files from Dutch desktops: UTF-8 (with or without BOM), else Windows-1252 as Word and Excel save them."""

from __future__ import annotations


def decode_dutch_text(data: bytes) -> str:
    """The text of a file; raises UndecodableText (with the line of the first bad byte) when neither fits."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise UndecodableText(data[: exc.start].count(b"\n") + 1) from None


class UndecodableText(ValueError):
    """Bytes that are neither UTF-8 nor Windows-1252; `line` is where the first bad byte stands."""

    def __init__(self, line: int) -> None:
        self.line = line
        super().__init__(f"regel {line}: onleesbare tekens")
