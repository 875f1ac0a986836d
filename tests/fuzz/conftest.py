"""Shared settings of the fuzz suite: reproducible examples, a deadline per example and a memory ceiling."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from datetime import timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

#: every example must finish within this time (hypothesis reports a slower one as a failure) ... On a quiet machine
#: the slowest example takes about half a second (with tracemalloc on); the headroom is for a loaded CI machine.
#: What the deadline exists to catch costs far more: the billion-laughs codebook took 20 s before the bounds.
DEADLINE = timedelta(seconds=5)
#: ... and allocate at most this much at its peak
MAX_PEAK_BYTES = 100 * 1024 * 1024

FUZZ = settings(
    max_examples=60,
    deadline=DEADLINE,
    derandomize=True,  # the same examples on every run and machine, so CI is reproducible
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)


def only_own_errors(call: Callable[[], object], own: tuple[type[BaseException], ...]) -> object:
    """Run ``call``: it may return (its result is returned) or raise one of the project's ``own`` errors (None is
    returned); any other exception escapes and fails the example. Its peak memory stays under MAX_PEAK_BYTES."""
    result = None
    tracemalloc.start()
    try:
        result = call()
    except own:
        pass
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < MAX_PEAK_BYTES, f"peak memory {peak / 1e6:.0f} MB"
    return result


@st.composite
def mutated(draw, base: str, tokens: list[str]) -> str:
    """``base`` changed by one to four edits: a token or random text inserted, a slice deleted or repeated."""
    text = base
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(text)))
        end = draw(st.integers(position, min(len(text), position + 60)))
        edit = draw(st.sampled_from(["token", "text", "delete", "repeat"]))
        if edit == "token":
            text = text[:position] + draw(st.sampled_from(tokens)) + text[position:]
        elif edit == "text":
            text = text[:position] + draw(st.text(max_size=12)) + text[position:]
        elif edit == "delete":
            text = text[:position] + text[end:]
        else:
            text = text[:end] + text[position:end] * draw(st.integers(2, 200)) + text[end:]
    return text


#: pieces that have broken parsers before: nesting, aliases, control characters, huge numbers, odd encodings
COMMON_TOKENS = ["\x00", "\x01", "\ufeff", "\r", "\r\n", "\t", "9" * 5000, "-" + "1" * 40, "1e999", "nan", "²",
                 "١٢٣", "'", '"', "\\", "\u2028", "é", "𝔘"]
