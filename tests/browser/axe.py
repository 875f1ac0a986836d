"""axe-core in real Chromium: the accessibility check every page of the platform must pass with 0 violations.

axe-core comes from the npm registry, installed once by the test setup into `.axe-core/` (git-ignored) at the
pinned version; it is injected into the page under test and run there, so what it judges is the page as
Chromium renders it. A missing npm skips locally and fails under CI=true.
"""

from __future__ import annotations

import fcntl
import shutil
import subprocess
import threading
from pathlib import Path

from tests.conftest import skip_or_fail

AXE_VERSION = "4.14.1"
AXE_DIR = Path(__file__).resolve().parents[2] / ".axe-core"
AXE_SCRIPT = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
_install_lock = threading.Lock()


def axe_source() -> str:
    """The axe-core script, installed from npm on first use; a file lock keeps the pytest-xdist workers from
    running two installs into one folder at once."""
    with _install_lock:
        AXE_DIR.mkdir(exist_ok=True)
        with open(AXE_DIR / ".install.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not AXE_SCRIPT.exists():
                _install()
    return AXE_SCRIPT.read_text(encoding="utf-8")


def _install() -> None:
    npm = shutil.which("npm")
    if npm is None:
        skip_or_fail("npm is not installed; it installs axe-core for the accessibility tests")
    result = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(AXE_DIR),
                             f"axe-core@{AXE_VERSION}"], capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not AXE_SCRIPT.exists():
        skip_or_fail(f"npm could not install axe-core: {result.stderr[-500:]}")


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now; each violation with its rule id, impact and offending nodes."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an inline tag.
        page.evaluate(axe_source() + "\n;undefined")
    result = page.evaluate("async () => await window.axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [node["target"] for node in v["nodes"]][:5]} for v in result["violations"]]


def assert_accessible(page, where: str = "") -> None:
    """Fail with a readable list when axe-core finds any violation on the page."""
    violations = axe_violations(page)
    if violations:
        lines = [f"{v['id']} ({v['impact']}): {v['help']} — {v['nodes']}" for v in violations]
        raise AssertionError(f"axe-core violations on {where or page.url}:\n" + "\n".join(lines))
