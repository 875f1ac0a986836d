"""The time a questionnaire takes, announced on the welcome page so a respondent can plan it.

Why a rule of thumb and not a measurement: no timing of respondents is stored (privacy), so the estimate
comes from the questionnaire itself. A closed answer (a statement, a ja/nee cell, a number) takes about
eight seconds to read and click; an open text question about a minute. Rounded up to whole five minutes:
an estimate that turns out too short is what makes people stop halfway.
"""

from __future__ import annotations

import math

from survey_app.instruments.model import ItemType

SECONDS_PER_CLOSED_ANSWER = 8
SECONDS_PER_OPEN_ANSWER = 60
OPEN_TYPES = (ItemType.TEXT, ItemType.TEXTAREA)


def estimated_minutes(items) -> int:
    """Minutes (a multiple of five, at least five) to answer `items`, the questions that apply."""
    seconds = 0
    for item in items:
        if item.type == ItemType.NOTE:
            continue
        if item.type in OPEN_TYPES:
            seconds += SECONDS_PER_OPEN_ANSWER
        else:
            seconds += SECONDS_PER_CLOSED_ANSWER * max(1, len(item.answer_variables()))
    return max(5, 5 * math.ceil(seconds / 300))
