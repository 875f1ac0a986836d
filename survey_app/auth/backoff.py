"""Login back-off per account: after repeated failures one e-mail address is refused for a growing interval.

The per-address limit (`LOGIN_RATE_LIMIT`) stops one machine guessing fast; this stops many machines
guessing one account's password. Every 5 failures within 15 minutes lock the e-mail address for 1, 2, 4,
8 ... minutes (at most an hour); during a lock the password is not even checked. A successful login clears
the count. The counts live in the shared store (`throttle.counters()`), so every worker and machine sees
them, under a keyed hash of the address. Unknown addresses are counted and locked in exactly the same way,
so a lock tells nothing about whether an account exists.
"""

from __future__ import annotations

import math
import time

from survey_app.throttle import counters

FAILURES_BEFORE_LOCK = 5
FAILURE_WINDOW = 15 * 60
FIRST_LOCK = 60
LONGEST_LOCK = 60 * 60
#: How long the lock level is remembered: a new series of failures within a day locks longer.
LEVEL_MEMORY = 24 * 60 * 60


def _subject(email: str) -> str:
    return email.strip().lower()


def _keys(email: str) -> tuple[str, str, str]:
    store, subject = counters(), _subject(email)
    return tuple(store.key(name, subject) for name in ("login-fail", "login-level", "login-lock"))


def lock_remaining(email: str) -> int:
    """Seconds this e-mail address is still locked (0 = not locked)."""
    store = counters().shared
    _, _, lock = _keys(email)
    if store.get(lock) <= 0:
        return 0
    return max(1, math.ceil(store.get_expiry(lock) - time.time()))


def record_failure(email: str) -> None:
    """Count a failed login; the fifth within the window locks the address, each lock twice as long."""
    store = counters().shared
    failures, level, lock = _keys(email)
    if store.incr(failures, FAILURE_WINDOW) < FAILURES_BEFORE_LOCK:
        return
    store.clear(failures)
    times_locked = store.incr(level, LEVEL_MEMORY)
    store.incr(lock, min(FIRST_LOCK * 2 ** (times_locked - 1), LONGEST_LOCK))


def record_success(email: str) -> None:
    """A correct password ends the series of failures."""
    store = counters().shared
    failures, level, _ = _keys(email)
    store.clear(failures)
    store.clear(level)


def lock_message(seconds: int) -> str:
    """The Dutch explanation of a lock, in whole minutes."""
    minutes = max(1, math.ceil(seconds / 60))
    wait = "1 minuut" if minutes == 1 else f"{minutes} minuten"
    return (f"Te veel mislukte inlogpogingen voor dit e-mailadres. Probeer het over {wait} opnieuw, "
            "of vraag een beheerder om een nieuw wachtwoord.")
