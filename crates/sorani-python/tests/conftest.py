"""Shared fixtures: the sample lines and the `sorani` binary to compare with."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]


@pytest.fixture(scope="session")
def sample_lines() -> list[str]:
    return (HERE / "data" / "lines.txt").read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="session")
def sorani_bin() -> Path:
    """The CLI binary: $SORANI_BIN, else target/{release,debug}/sorani, else PATH."""
    candidates = [os.environ.get("SORANI_BIN")]
    candidates += [str(REPO / "target" / profile / "sorani") for profile in ("debug", "release")]
    candidates.append(shutil.which("sorani"))
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    pytest.skip("the sorani binary is not built (cargo build -p sorani-cli) and SORANI_BIN is unset")


def run_cli(binary: Path, *args: str, stdin: str) -> str:
    result = subprocess.run([str(binary), *args], input=stdin.encode("utf-8"), capture_output=True, check=True)
    return result.stdout.decode("utf-8")
