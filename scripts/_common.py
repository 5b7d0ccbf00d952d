"""Helpers shared by the scripts in this folder (not a public library).

The evaluation data lives outside the repository, in ../shared/data relative to the repository
root. Every script resolves that folder from its own location, accepts an override, and when the
data is absent prints one line ("skipped: ...") and exits 0, so that CI and fresh clones without
the shared data never fail because of it.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

SCRIPTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPTS_DIR.parent
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


def display_path(path: Path) -> str:
    """A short form of `path` for messages: relative to the repository root when possible."""
    try:
        if path.resolve().is_relative_to(SHARED_DATA.resolve()):
            return os.path.relpath(path, REPO_ROOT)
    except (ValueError, OSError):
        pass
    return str(path)


def data_dir(name: str, override: str | None) -> Path:
    """The folder of one shared data set, or `override` when given."""
    return Path(override) if override else SHARED_DATA / name


def require_or_skip(path: Path, what: str | None = None) -> None:
    """Exit 0 with a one-line 'skipped' message when `path` does not exist."""
    if not path.exists():
        print(f"skipped: {display_path(path)} not found" + (f" ({what})" if what else ""))
        sys.exit(0)


def human_bytes(n: float) -> str:
    """Decimal units (1 MB = 10^6 bytes), matching the MB/s figures the scripts print."""
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{int(n)} B"
        n /= 1000
    return f"{n:.1f} GB"
