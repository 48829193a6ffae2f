"""Grade one submission of one exercise: run its checks and collect the results.

The student's code runs only in the worker (``grader.sandbox``); the checks, their
oracles and every comparison run here. The worker is started before torch is imported
here, so that its start-up overlaps the oracle's import.
"""

from __future__ import annotations

import ast
import hashlib
import importlib
import inspect
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis.errors import Flaky

from grader import forbidden, oracles
from grader.compare import Mismatch
from grader.exercise import Check, Exercise, Part
from grader.mistakes import Matcher, matcher_for
from grader.mistakes import Outcome as VariantOutcome
from grader.results import CheckResult, Hint, Outcome, Report
from grader.sandbox import Limits, SandboxFailure, Session, WorkerConfig
from grader.student import BadReturn, Call, NotAttempted, Student, StudentError
from grader.topics import topic
from grader.wire import AsTensor, Defined, Handle, Helper, Rng

DEFAULT_LIMITS = Limits()


class SubmissionError(Exception):
    """The submission cannot be graded at all: a one-line reason (exit status 2)."""


@dataclass(frozen=True)
class Submission:
    """Files executed in order into one module; the last one is the student's own file."""

    files: tuple[Path, ...]

    @property
    def path(self) -> Path:
        return self.files[-1]


MAX_SOURCE_BYTES = 1 << 20  # a solution is a few kB; the batch refuses larger files too


def read_sources(submission: Submission) -> dict[Path, str]:
    """Read and parse every file, or say in one line why it cannot be graded."""
    sources = {}
    for path in submission.files:
        if not path.is_file():
            raise SubmissionError(f"{path}: no such file")
        try:
            size = path.stat().st_size
            if size > MAX_SOURCE_BYTES:
                raise SubmissionError(f"{path}: {size / (1 << 20):.1f} MiB, more than a solution can be "
                                      f"({MAX_SOURCE_BYTES >> 20} MiB)")
            source = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise SubmissionError(f"{path}: not a UTF-8 text file") from None
        except OSError as e:
            raise SubmissionError(f"{path}: cannot be read ({e.strerror})") from None
        try:
            ast.parse(source, filename=str(path))
        except SyntaxError as e:
            where = f"{path}:{e.lineno}" if e.lineno else str(path)
            raise SubmissionError(f"{where}: SyntaxError: {e.msg}") from None
        except ValueError as e:  # null bytes
            raise SubmissionError(f"{path}: not Python source ({e})") from None
        except (RecursionError, MemoryError):  # Python's parser gives up on code nested this deep
            raise SubmissionError(f"{path}: nested too deeply for Python's parser") from None
        sources[path] = source
    return sources


def resolve_device(exercise: Exercise, device: str) -> str:
    """``auto`` picks CUDA for torch exercises when it is there; NumPy exercises run on the CPU."""
    if exercise.framework != "torch":
        return "cpu"
    if device == "cpu":
        return device
    import torch

    if torch.cuda.is_available():
        return "cuda"
    if device == "cuda":
        raise SubmissionError("--device cuda: CUDA is not available on this machine")
    return "cpu"


def prepare(exercise: Exercise, submission: Submission, *, device: str = "auto",
            limits: Limits = DEFAULT_LIMITS) -> Session:
    """A session whose worker boots now and reads the submission only when ``grade`` runs (watch mode)."""
    session = Session(_worker_config(exercise, submission, device), limits)
    session.prepare()
    return session


def grade(exercise: Exercise, submission: Submission, *, parts: Iterable[Part] | None = None,
          seed: int = 0, device: str = "auto", limits: Limits = DEFAULT_LIMITS,
          prepared: Session | None = None, matcher: Matcher | None = None) -> Report:
    """Run the checks of ``parts`` (default: all) on ``submission`` and report.

    ``prepared``, from ``prepare`` with the same exercise and submission, saves the worker's
    start-up; it is closed with the run. ``matcher`` names the known mistakes behind failures
    (default: ``grader.mistakes.matcher_for``).
    """
    started = time.monotonic()
    sources = read_sources(submission)
    violations = forbidden.scan(sources, exercise.forbidden_modules, exercise.forbidden_names,
                                exercise.part_names, exercise.forbid_loops)
    config = _worker_config(exercise, submission, device)
    report = Report(exercise.id, exercise.topic, topic(exercise.topic).title, submission.path, seed)
    if prepared is not None and (prepared.config != config or prepared.limits != limits):
        prepared.close()
        prepared = None
    with prepared or Session(config, limits) as session:
        session.start()  # boots while torch is imported below
        oracles.warm_up()
        runner = _Runner(exercise, session, seed, matcher or matcher_for(exercise, seed))
        for part in parts or exercise.parts:
            for check in part.checks:
                report.results.append(runner.run(check, violations[part.name]))
    report.elapsed = time.monotonic() - started
    return report


def _worker_config(exercise: Exercise, submission: Submission, device: str) -> WorkerConfig:
    return WorkerConfig(submission.files, exercise.framework, exercise.forbidden_modules,
                        resolve_device(exercise, device), exercise.drivers)


def check_seed(exercise_id: str, key: str, seed: int) -> int:
    """A stable seed per check: the same file always meets the same inputs."""
    digest = hashlib.sha256(f"{exercise_id}:{key}:{seed}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


class _Runner:
    """Runs checks one by one, remembering parts that are not attempted or hang."""

    def __init__(self, exercise: Exercise, session: Session, seed: int, matcher: Matcher) -> None:
        self.exercise = exercise
        self.session = session
        self.seed = seed
        self.matcher = matcher
        self.parameters = _parameter_names(exercise.stub_path)
        self.stopped: dict[str, tuple[Outcome, str]] = {}  # part -> why its checks are not run

    def run(self, check: Check, violations: list[forbidden.Violation]) -> CheckResult:
        part = check.part
        if violations:
            lines = ["используется запрещённое в этом упражнении:"] + [f"  {v.describe()}" for v in violations]
            return self._result(check, Outcome.ERROR, lines)
        if part.name in self.stopped:
            outcome, reason = self.stopped[part.name]
            return self._result(check, outcome, [reason])
        seed = check_seed(self.exercise.id, check.key, self.seed)
        self.session.begin_check(check.key, check.cpu_limit or self.session.limits.cpu_per_check, seed)
        student = Student(self.session)
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")  # oracles' warnings are not the student's business
                _invoke(check, student, seed)
        except Mismatch as e:
            return self._failure(check, student, Outcome.FAILED, e.lines, seed)
        except BadReturn as e:
            return self._failure(check, student, Outcome.FAILED, [f"функция вернула не данные: {e}"], seed)
        except StudentError as e:
            lines = [f"ваш код выбросил исключение {e.type_name}: {e.message}"]
            if "read-only" in e.message:
                lines.append("входные массивы передаются только для чтения: не меняйте их на месте, "
                             "работайте с новыми массивами")
            if "cuda" in e.message.lower() and self.session.config.device == "cpu":
                lines.append("входы лежат на CPU, а код обращается к CUDA: не задавайте устройство сами "
                             "(device=\"cuda\", .cuda()), создавайте тензоры на устройстве входа: device=x.device")
            return self._failure(check, student, Outcome.ERROR, lines, seed, e)
        except NotAttempted:
            what = "класс" if part.name[:1].isupper() else "функция"
            reason = f"{what} {part.name}: ещё не написано (в коде по-прежнему NotImplementedError)"
            self.stopped[part.name] = (Outcome.NOT_ATTEMPTED, reason)
            return self._result(check, Outcome.NOT_ATTEMPTED, [reason])
        except SandboxFailure as e:
            return self._sandbox_failure(check, student, e)
        except Flaky:
            lines = ["на одном и том же входе ваша функция то проходит проверку, то нет "
                     "(случайность без rng или состояние между вызовами?)"]
            return self._failure(check, student, Outcome.FAILED, lines, seed)
        except Exception as e:  # noqa: BLE001 - a bug in a check must not look like the student's
            return self._result(check, Outcome.GRADER_ERROR,
                                [f"ошибка в самом проверяющем коде, не в вашем: {type(e).__name__}: {e}"])
        return self._result(check, Outcome.PASSED, [])

    def _sandbox_failure(self, check: Check, student: Student, failure: SandboxFailure) -> CheckResult:
        if failure.kind == "import":  # the file never loaded: say it in full once
            detail, failure.detail = failure.detail, ""
            return self._result(check, Outcome.ERROR, [failure.message], traceback=detail)
        if failure.kind in ("timeout", "cpu", "killed", "budget"):  # do not pay the limit again
            reason = f"не запускалась: в проверке {check.key} {failure.message}"
            self.stopped[check.part.name] = (Outcome.ERROR, reason)
        return self._result(check, Outcome.ERROR, [failure.message], call=self._call_lines(student))

    def _failure(self, check: Check, student: Student, outcome: Outcome, lines: list[str], seed: int,
                 error: StudentError | None = None) -> CheckResult:
        call = self._call_lines(student)  # before the matcher's probes make calls of their own
        hints = self._hints(check, student, error, seed)
        return self._result(check, outcome, lines, call=call, traceback=error.traceback if error else "",
                            hints=hints)

    def _hints(self, check: Check, student: Student, error: StudentError | None, seed: int) -> tuple[Hint, ...]:
        call = student.last_call
        if call is None or not self.matcher.candidates(check.part.name):
            return ()
        observed: VariantOutcome = (("error", f"{error.type_name}: {error.message}") if error
                                    else ("value", student.last_result))

        def student_outcome(*args: Any) -> VariantOutcome:
            try:
                return ("value", student.replay(call, args))
            except StudentError as e:
                return ("error", f"{e.type_name}: {e.message}")
            except (BadReturn, NotAttempted, SandboxFailure):
                return ("failure", None)

        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                matches = self.matcher.match(check.part.name, call, observed, student_outcome,
                                             np.random.default_rng(seed), student.constructed)
        except (SandboxFailure, NotAttempted):
            return ()
        return tuple(Hint(v.name, v.title, v.hints) for v in matches)

    def _call_lines(self, student: Student) -> tuple[str, ...]:
        call = student.last_call
        if call is None:
            return ()
        return describe_call(call, _driver_parameters(self.exercise, call.function) if call.driver
                             else self.parameters.get(call.function, ()))

    def _result(self, check: Check, outcome: Outcome, message: list[str], call: tuple[str, ...] = (),
                traceback: str = "", hints: tuple[Hint, ...] = ()) -> CheckResult:
        passed = outcome is Outcome.PASSED
        return CheckResult(check.key, check.part.number, check.part.name, check.title, outcome,
                           check.points if passed else 0.0, check.points, tuple(message), call,
                           traceback, hints, self.session.take_output())


def _invoke(check: Check, student: Student, seed: int) -> None:
    function = check.function
    if getattr(function, "is_hypothesis_test", False):
        from hypothesis import seed as hypothesis_seed

        hypothesis_seed(seed)(function)(student)
    else:
        function(student, np.random.default_rng(seed))


def _parameter_names(stub: Path) -> dict[str, tuple[str, ...]]:
    """Parameter names of the stub's functions, to label a failing call's arguments."""
    try:
        tree = ast.parse(stub.read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return {}
    return {node.name: tuple(a.arg for a in node.args.args) for node in tree.body
            if isinstance(node, ast.FunctionDef)}


def _driver_parameters(exercise: Exercise, driver: str) -> tuple[str, ...]:
    """The parameter names of a trusted driver, to label its arguments in a report."""
    module = importlib.import_module(f"grader.drivers.{exercise.drivers}")
    return tuple(inspect.signature(getattr(module, driver)).parameters)


def describe_call(call: Call, names: tuple[str, ...]) -> tuple[str, ...]:
    """``softmax(logits)`` followed by each argument: shape, dtype and values when small."""
    labels = [names[i] if i < len(names) else f"arg{i + 1}" for i in range(len(call.args))]
    labels += list(call.kwargs)
    values = list(call.args) + list(call.kwargs.values())
    lines = [f"вызов: {call.function}({', '.join(labels)})"]
    for label, value in zip(labels, values, strict=True):
        lines += describe_value(label, value)
    return tuple(lines)


def describe_value(label: str, value: Any) -> list[str]:
    if isinstance(value, AsTensor):
        return describe_value(label, value.array) + ["    (передан как torch.Tensor)"]
    if isinstance(value, Handle):
        return [f"  {label}: объект вашего класса"]
    if isinstance(value, Defined):
        return [f"  {label}: ваш {value.name}"]
    if isinstance(value, Rng):
        return [f"  {label}: np.random.default_rng({value.seed})"]
    if isinstance(value, Helper):
        lines = [f"  {label}: функция «{value.factory}» из набора проверки, с параметрами:"]
        for i, arg in enumerate(value.args):
            lines += ["  " + line for line in describe_value(f"параметр {i + 1}", arg)]
        return lines
    if isinstance(value, (list, tuple)) and any(isinstance(v, np.ndarray) for v in value) and len(value) <= 8:
        return [line for i, v in enumerate(value) for line in describe_value(f"{label}[{i}]", v)]
    if isinstance(value, dict):
        return [f"  {label}: словарь с ключами {sorted(value)}"]
    if isinstance(value, np.ndarray):
        head = f"  {label}: массив формы {value.shape}, {value.dtype}"
        if value.size <= 24:
            text = np.array2string(value, precision=6, max_line_width=90, separator=", ")
            return [head + ":"] + [f"    {line}" for line in text.splitlines()]
        with np.errstate(all="ignore"):
            return [head + f", значения от {value.min():.4g} до {value.max():.4g}"]
    return [f"  {label} = {value!r}"[:200]]
