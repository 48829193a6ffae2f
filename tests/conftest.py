"""Shared fixtures: the course's paths, fast sandbox limits, a private workspace."""

from pathlib import Path

import pytest

from grader import catalog
from grader.engine import Submission, grade
from grader.sandbox import Limits

ROOT = Path(__file__).resolve().parent.parent
SUBMISSIONS = Path(__file__).parent / "submissions"
# short limits keep the hang tests quick; a correct solution needs far less
# Wall slack leaves a CPU-bound loop time to reach its CPU limit even on a loaded machine.
FAST = Limits(cpu_per_check=2.0, cpu_import=3.0, wall_slack=6.0, run_budget=30.0)


@pytest.fixture(autouse=True)
def private_workspace(tmp_path, monkeypatch):
    """Every test gets its own work/ folder, never the developer's."""
    monkeypatch.setenv("DL_EXAM_WORK", str(tmp_path / "work"))
    return tmp_path / "work"


def grade_file(spec, *paths, limits=FAST, **options):
    """Grade files layered into one module (a base solution, then overrides), like the catalogue."""
    exercise, part = catalog.find(spec)
    return grade(exercise, Submission(tuple(Path(p).resolve() for p in paths)), parts=[part] if part else None,
                 limits=limits, **options)


def layered(path):
    """A misbehaving override on top of the correct base solution."""
    return (SUBMISSIONS / "correct.py", path)


def outcomes(report, part=None):
    return [r.outcome.value for r in report.results if part is None or r.part == part]
