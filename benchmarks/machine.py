"""The machine a run was measured on, printed above its tables."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _first(path: str, key: str) -> str:
    try:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                name, _, value = line.partition(":")
                if name.strip() == key:
                    return value.strip()
    except OSError:
        pass
    return "unknown"


def _commit() -> str:
    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return result.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + (" (with uncommitted changes)" if git("status", "--porcelain") else "")


def describe() -> dict[str, str]:
    memory = _first("/proc/meminfo", "MemTotal")
    gib = f"{int(memory.split()[0]) / 1024 / 1024:.1f} GiB" if memory[:1].isdigit() else memory
    return {
        "cpu": _first("/proc/cpuinfo", "model name"),
        "cores": str(os.cpu_count()),
        "ram": gib,
        "python": platform.python_version(),
        "os": platform.platform(),
        "commit": _commit(),
    }
