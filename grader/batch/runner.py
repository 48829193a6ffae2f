"""Plan a batch, run it, and write every result the moment it arrives.

Planning reads every student's files, derives each cell's seed and grader version, and
keeps every stored result a rerun may reuse (``store.reusable``). ``run`` writes the
cells that need no grading (missing, refused, invalid files) at once, sends the rest to
the backend, and writes each finished cell — its feedback, its signed result and the
rewritten gradebook — in one ``grader.outputs.write_files``: an interrupted run keeps
every finished result and a gradebook of them, and never leaves a half-written file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from grader import outputs
from grader.batch import backends, discovery, identity, jobs, signing, store
from grader.batch import gradebook as gradebooks
from grader.batch.cells import Graded, ungraded
from grader.batch.version import grader_version
from grader.engine import DEFAULT_LIMITS
from grader.exercise import Exercise
from grader.sandbox import Limits

Cell = tuple[str, str]  # (student, exercise id)
MARKER_TEXT = b"Results of `grade batch`: check them with `grade check-results` before trusting them.\n"


class BatchProblem(Exception):
    """The batch cannot start or go on; one line."""


@dataclass(frozen=True)
class Settings:
    """How to grade: the options of `grade batch`."""

    exercises: tuple[Exercise, ...]
    seed: int = 0
    seed_from_student: bool = False
    device: str = "auto"
    limits: Limits = DEFAULT_LIMITS
    worker_user: str = identity.DEFAULT  # who runs student code when the batch runs as root
    jobs: int = 1
    backend: str = "local"
    cluster: str | None = None


class Batch:
    """A planned batch: its students, the stored results it keeps, and the tasks left to grade."""

    def __init__(self, submissions: Path, out: Path, settings: Settings, key: bytes) -> None:
        _check_folders(submissions, out)
        self.out = out
        self.settings = settings
        self.key = key
        ids = [e.id for e in settings.exercises]
        self.students, self.notes = discovery.discover(submissions, ids)
        self.worker_ids = identity.resolve(settings.worker_user) if identity.runs_as_root() else None
        self.results: dict[Cell, dict[str, Any]] = {}  # finished cells: stored or signed by this run
        self.ungraded: list[Graded] = []  # cells decided without grading
        self.tasks: list[jobs.Task] = []
        self._meta: dict[Cell, dict[str, Any]] = {}
        versions = {e.id: grader_version(e) for e in settings.exercises}
        for student in self.students:
            seed = signing.student_seed(key, student.student) if settings.seed_from_student else settings.seed
            for exercise in settings.exercises:
                self._plan(student, exercise, seed, versions[exercise.id])
        self.reused = len(self.results)

    @property
    def refused(self) -> list[discovery.StudentFiles]:
        return [s for s in self.students if s.refused]

    def _plan(self, student: discovery.StudentFiles, exercise: Exercise, seed: int, version: str) -> None:
        cell = (student.student, exercise.id)
        source = student.files.get(exercise.id)
        display = f"{student.student}/{exercise.id}.py"
        self._meta[cell] = {
            "student": student.student, "exercise": exercise.id,
            "submission": None if source is None else {"path": display, "sha256": signing.sha256(source)},
            "grader_version": version, "seed": seed,
            "seed_from": "student" if self.settings.seed_from_student else "fixed", "device": self.settings.device,
            "limits": {k: v for k, v in asdict(self.settings.limits).items() if k != "worker_user"},
        }
        if student.refused:
            self.ungraded.append(ungraded(student.student, exercise, "refused", f"{student.origin}: {student.refused}"))
        elif exercise.id in student.problems:
            self.ungraded.append(ungraded(student.student, exercise, "invalid", student.problems[exercise.id]))
        elif source is None:
            self.ungraded.append(ungraded(student.student, exercise, "missing",
                                          f"no file {exercise.id}.py in {student.origin}"))
        elif (kept := store.reusable(self.out, self._meta[cell], self.key)) is not None:
            self.results[cell] = kept
        else:
            self.tasks.append(jobs.Task(student.student, exercise.id, source, display, seed, self.settings.device,
                                        self.settings.limits, self.settings.worker_user))

    def run(self, on_result: Callable[[Graded, int, int], None] = lambda *_: None) -> list[Graded]:
        """Write what needs no grading, grade the tasks, and return the cells graded by this run."""
        if self.tasks:
            backends.check(self.settings.backend)
        if self.tasks and self.worker_ids is not None:
            identity.preflight(self.settings.worker_user, self.worker_ids,
                               any(e.framework == "torch" for e in self.settings.exercises))
        files = {} if (self.out / store.MARKER).exists() else {self.out / store.MARKER: MARKER_TEXT}
        for graded in self.ungraded:
            signed = self._sign(graded)
            cell = (graded.student, graded.exercise_id)
            if store.load(store.json_path(self.out, *cell)) != signed or not store.feedback_intact(self.out, signed):
                files.update(store.files(self.out, graded, signed))
            self.results[cell] = signed
        self._write(files)
        if not self.tasks:
            return []
        graded_now = []
        workers = min(self.settings.jobs, len(self.tasks))
        results = backends.run(self.tasks, self.settings.backend, workers, self.settings.cluster)
        try:
            for graded in results:
                signed = self._sign(graded)
                self.results[(graded.student, graded.exercise_id)] = signed
                self._write(store.files(self.out, graded, signed))
                graded_now.append(graded)
                on_result(graded, len(graded_now), len(self.tasks))
        finally:
            results.close()
        return graded_now

    def _sign(self, graded: Graded) -> dict[str, Any]:
        return store.record(graded, self._meta[(graded.student, graded.exercise_id)], self.key)

    def _write(self, files: dict[Path, bytes]) -> None:
        """Write ``files`` with the gradebook as it now stands."""
        book = gradebooks.render([s.student for s in self.students], list(self.settings.exercises), self.results)
        try:
            outputs.write_files({**files, self.out / store.GRADEBOOK: book})
        except outputs.OutputError as e:
            raise BatchProblem(str(e)) from None


def _check_folders(submissions: Path, out: Path) -> None:
    if not submissions.is_dir():
        raise BatchProblem(f"{submissions}: no such folder of submissions")
    resolved = out.resolve()
    if resolved == submissions.resolve() or submissions.resolve() in resolved.parents:
        raise BatchProblem(f"the output folder {out} is inside the submissions folder {submissions}: choose another -o")
    if out.is_dir() and any(out.iterdir()) and not (out / store.MARKER).exists():
        raise BatchProblem(f"{out} holds files that are not batch results: choose another -o")
    try:
        outputs.check_writable(out)
    except outputs.OutputError as e:
        raise BatchProblem(str(e)) from None
