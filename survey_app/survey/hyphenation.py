"""Soft hyphens in long Dutch words, so a heading like "Transitiecompetenties" breaks as "Transitie-competenties"
on a phone instead of widening the page or being cut at a random letter.

Why in Python and not CSS `hyphens: auto`: Chromium on Linux ships without hyphenation dictionaries, so the CSS
alone breaks nothing (and `overflow-wrap: anywhere`, the safety net, cuts mid-syllable without a hyphen).
Pyphen (WeasyPrint's own hyphenation library) has the Dutch patterns; a soft hyphen shows only where the line
breaks, and copying or reading the text aloud is unaffected.
"""

from __future__ import annotations

import functools
import re

#: words shorter than this always fit a 320 px screen at heading size
MIN_WORD_LENGTH = 14
SOFT_HYPHEN = "\u00ad"
WORD = re.compile(rf"\w{{{MIN_WORD_LENGTH},}}")


@functools.cache
def _dictionary():
    import pyphen

    return pyphen.Pyphen(lang="nl_NL")


def soft_hyphens(text: str) -> str:
    """The text with soft hyphens at the syllable breaks of its long words."""
    if not text:
        return text
    return WORD.sub(lambda match: _dictionary().inserted(match.group(0), hyphen=SOFT_HYPHEN), str(text))
