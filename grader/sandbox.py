"""The parent's side of the sandbox: start worker processes and talk to them under limits.

A ``Session`` runs one submission for one grading run. It starts a worker as soon as it
is asked to (so the worker boots while the parent imports torch for its oracles), sends
requests, waits for each answer under a wall-clock deadline, reads the captured output,
and restarts the worker after a crash or a timeout. Whatever goes wrong in the worker
becomes a ``SandboxFailure`` with a reason a student can act on.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grader import wire

WORKER_SCRIPT = Path(__file__).with_name("worker.py")
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")
PASSED_THROUGH = ("CUDA_VISIBLE_DEVICES", "LD_LIBRARY_PATH", "SYSTEMROOT")
_ESCAPED = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(c) not in "\n\t"}


@dataclass(frozen=True)
class Limits:
    """Resource limits of one grading run, and who its worker runs as; CPU limits are enforced by the kernel."""

    cpu_per_check: float = 10.0  # CPU seconds for all calls of one check
    cpu_import: float = 10.0  # CPU seconds to import the student's file
    wall_slack: float = 10.0  # wall limit of a check: 2 x its CPU limit + this
    run_budget: float = 60.0  # wall seconds a whole run may wait on student code
    memory_bytes: int = 2 << 30
    torch_memory_bytes: int = 4 << 30  # importing torch alone maps over half a GiB
    output_bytes: int = 4 << 20
    worker_user: tuple[int, int] | None = None  # (uid, gid) of the worker, e.g. nobody's; None: the grader's own

    def wall_limit(self, cpu_limit: float) -> float:
        return 2 * cpu_limit + self.wall_slack


@dataclass(frozen=True)
class WorkerConfig:
    """What the worker needs to know before it loads the submission."""

    files: tuple[Path, ...]
    framework: str = "numpy"  # numpy | torch
    blocked_modules: tuple[str, ...] = ()
    device: str = "cpu"
    drivers: str | None = None  # the module of grader/drivers/ that checks may use


class SandboxFailure(BaseException):
    """The worker could not answer: it hung, crashed, exited or broke a limit.

    A ``BaseException`` so that Hypothesis stops at once instead of shrinking.
    """

    def __init__(self, kind: str, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.detail = detail


@dataclass
class _Process:
    popen: subprocess.Popen
    request_fd: int
    reply_fd: int
    output_files: tuple[Path, Path]
    configured: bool = False  # the worker has been sent the submission (it loads it then)
    ready: bool = False
    offsets: list[int] = field(default_factory=lambda: [0, 0])


class Session:
    """One submission, run in a worker process that is restarted when it dies."""

    def __init__(self, config: WorkerConfig, limits: Limits) -> None:
        self.config = config
        self.limits = limits
        self.spent = 0.0  # wall seconds spent waiting on student code
        self.check_key: str | None = None
        self.check_spent = 0.0
        self.cpu_limit = limits.cpu_per_check
        self.seed = 0
        self.import_failure: SandboxFailure | None = None
        self._process: _Process | None = None
        self._output = ""
        self._starts = 0
        self._tmp = Path(tempfile.mkdtemp(prefix="grade-"))
        if limits.worker_user is not None:
            self._tmp.chmod(0o711)  # that user reaches its own working folder here, and lists nothing

    # -- lifecycle --------------------------------------------------------------

    def prepare(self) -> None:
        """Boot a worker ahead of time: it imports NumPy (and torch) and waits; nothing of the submission is read."""
        if self._process is None:
            self._process = self._spawn(configure=False)

    def start(self) -> None:
        """Start a worker now (non-blocking); it loads the submission in the background."""
        if self._process is None:
            self._process = self._spawn()
        elif not self._process.configured:
            self._configure(self._process)

    def close(self) -> None:
        if self._process is not None:
            self._stop(self._process)
            self._process = None
        shutil.rmtree(self._tmp, ignore_errors=True)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def begin_check(self, key: str, cpu_limit: float, seed: int) -> None:
        self.check_key, self.check_spent, self.cpu_limit, self.seed = key, 0.0, cpu_limit, seed

    def take_output(self) -> str:
        """What the student's code printed since the last call of this method."""
        if self._process is not None:
            self._collect_output(self._process)
        output, self._output = self._output, ""
        return output

    # -- requests ---------------------------------------------------------------

    def request(self, message: dict[str, Any]) -> dict[str, Any]:
        """Send one request to a ready worker and return its reply."""
        if self.import_failure is not None:
            raise self.import_failure
        process = self._ready_process()
        deadline = self._deadline()
        message = {**message, "check": self.check_key, "cpu_limit": self.cpu_limit, "seed": self.seed}
        try:
            wire.send(process.request_fd, message)
        except OSError:
            raise self._lost(process, timed_out=False) from None
        reply = self._wait(process, deadline)
        if reply.get("status") == "output":  # its output files are full: start afresh next time
            self._stop(process)
            self._process = None
        return reply

    def _ready_process(self) -> _Process:
        self.start()
        process = self._process
        if not process.ready:
            deadline = time.monotonic() + self.limits.wall_limit(self.limits.cpu_import)
            reply = self._wait(process, min(deadline, self._budget_deadline()), importing=True)
            if reply.get("status") != "ready":
                self.import_failure = _import_failure(reply)
                raise self.import_failure
            process.ready = True
        return process

    def _wait(self, process: _Process, deadline: float, importing: bool = False) -> dict[str, Any]:
        started = time.monotonic()
        try:
            reply = wire.receive(process.reply_fd, deadline)
        except wire.ChannelTimeout:
            failure = self._lost(process, timed_out=True, importing=importing)
            if importing:
                self.import_failure = failure
            raise failure from None
        except (wire.ChannelClosed, OSError):
            failure = self._lost(process, timed_out=False, importing=importing)
            if importing:
                self.import_failure = failure
            raise failure from None
        except wire.WireError as e:
            self._lost(process, timed_out=False)
            raise SandboxFailure("protocol", f"процесс с вашим кодом прислал испорченные данные ({e})") from None
        finally:
            elapsed = time.monotonic() - started
            self.spent += elapsed
            self.check_spent += elapsed
        if not isinstance(reply, dict):
            self._lost(process, timed_out=False)
            raise SandboxFailure("protocol", "процесс с вашим кодом прислал ответ не того вида")
        return reply

    def _deadline(self) -> float:
        check_left = self.limits.wall_limit(self.cpu_limit) - self.check_spent
        return min(time.monotonic() + max(check_left, 0.0), self._budget_deadline())

    def _budget_deadline(self) -> float:
        left = self.limits.run_budget - self.spent
        if left <= 0:
            raise SandboxFailure("budget", f"исчерпан общий лимит времени на проверку "
                                           f"({self.limits.run_budget:.0f} с): проверка не запускалась")
        return time.monotonic() + left

    # -- processes --------------------------------------------------------------

    def _spawn(self, configure: bool = True) -> _Process:
        self._starts += 1
        request_r, request_w = os.pipe()
        reply_r, reply_w = os.pipe()
        out_paths = (self._tmp / f"stdout-{self._starts}.txt", self._tmp / f"stderr-{self._starts}.txt")
        workdir = self._tmp / f"cwd-{self._starts}"
        workdir.mkdir()
        if self.limits.worker_user is not None:
            os.chown(workdir, *self.limits.worker_user)
        with open(out_paths[0], "wb") as out, open(out_paths[1], "wb") as err:
            popen = subprocess.Popen(
                [sys.executable, "-s", "-P", str(WORKER_SCRIPT), str(request_r), str(reply_w), self.config.framework],
                stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=workdir,
                env=self._environment(workdir), pass_fds=(request_r, reply_w),
                start_new_session=True, **_identity(self.limits.worker_user),
            )
        os.close(request_r)
        os.close(reply_w)
        process = _Process(popen, request_w, reply_r, out_paths)
        if configure:
            self._configure(process)
        return process

    def _configure(self, process: _Process) -> None:
        """Send the worker what to load; it reads the submission's files only now."""
        process.configured = True
        try:
            wire.send(process.request_fd, {
                "files": [str(f) for f in self.config.files],
                "framework": self.config.framework,
                "blocked_modules": list(self.config.blocked_modules),
                "device": self.config.device,
                "drivers": self.config.drivers,
                "memory_bytes": self.limits.torch_memory_bytes if self.config.framework == "torch"
                else self.limits.memory_bytes,
                "output_bytes": self.limits.output_bytes,
                "cpu_total": int(self.limits.run_budget + self.limits.cpu_import),
                "cpu_import": self.limits.cpu_import,
            })
        except OSError:
            pass  # the worker died at once; the first wait reports how

    def _environment(self, workdir: Path) -> dict[str, str]:
        env = {
            "PATH": "/usr/bin:/bin", "HOME": str(workdir), "TMPDIR": str(workdir),
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "0",
            "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8",
        }
        env.update({name: "1" for name in THREAD_VARIABLES})
        env.update({name: os.environ[name] for name in PASSED_THROUGH if name in os.environ})
        return env

    def _lost(self, process: _Process, timed_out: bool, importing: bool = False) -> SandboxFailure:
        """Stop a worker that failed to answer and say why."""
        self._stop(process)
        self._process = None
        where = "при загрузке файла" if importing else "во время проверки"
        code = process.popen.returncode
        if timed_out:
            if self.spent >= self.limits.run_budget:
                return SandboxFailure("budget", f"исчерпан общий лимит времени на проверку "
                                                f"({self.limits.run_budget:.0f} с)")
            wall = self.limits.wall_limit(self.limits.cpu_import if importing else self.cpu_limit)
            return SandboxFailure("timeout", f"ваш код не ответил {where} за {wall:.0f} с "
                                             f"(бесконечный цикл, sleep или ожидание ввода?)")
        if code == -signal.SIGXCPU:
            limit = self.limits.cpu_import if importing else self.cpu_limit
            return SandboxFailure("cpu", f"превышен лимит процессорного времени ({limit:.0f} с) {where}: "
                                         f"бесконечный цикл или слишком медленный код")
        if code == -signal.SIGKILL:
            return SandboxFailure("killed", f"процесс с вашим кодом остановлен системой {where} "
                                            f"(превышен лимит времени или памяти)")
        if code == -signal.SIGXFSZ:
            size = self.limits.output_bytes >> 20
            return SandboxFailure("output", f"ваш код напечатал больше {size} МБ текста {where}")
        if code is not None and code < 0:
            name = _signal_name(-code)
            return SandboxFailure("crash", f"процесс с вашим кодом аварийно завершился {where} ({name})")
        return SandboxFailure("exit", f"процесс с вашим кодом завершился {where} с кодом {code} "
                                      f"(os._exit или закрытый канал связи)")

    def _stop(self, process: _Process) -> None:
        if process.popen.poll() is None:
            if process.ready:
                try:
                    wire.send(process.request_fd, {"op": "quit"})
                except OSError:
                    pass
            try:
                process.popen.wait(timeout=0.5 if process.ready else 0)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(process.popen.pid, signal.SIGKILL)  # also children the student forked
        except (ProcessLookupError, PermissionError):
            pass
        process.popen.wait()
        self._collect_output(process)
        for fd in (process.request_fd, process.reply_fd):
            try:
                os.close(fd)
            except OSError:
                pass

    def _collect_output(self, process: _Process) -> None:
        for index, path in enumerate(process.output_files):
            try:
                with open(path, "rb") as f:
                    f.seek(process.offsets[index])
                    data = f.read(self.limits.output_bytes)
            except OSError:
                continue
            process.offsets[index] += len(data)
            self._output += printable(data.decode("utf-8", errors="replace"))


def printable(text: str) -> str:
    """Text from student code made safe for a terminal: control characters show as ``\\xNN``.

    Escape sequences could otherwise move the cursor or clear the screen, and carriage returns
    overwrite a line, to dress the student's output up as the grader's verdicts.
    """
    return text.translate(_ESCAPED)


def _identity(user: tuple[int, int] | None) -> dict[str, Any]:
    """Popen's arguments that start the worker as ``user`` (uid, gid), without the grader's other groups."""
    if user is None:
        return {}
    return {"user": user[0], "group": user[1], "extra_groups": []}


def _import_failure(reply: dict[str, Any]) -> SandboxFailure:
    status = reply.get("status")
    if status == "error":
        error = printable(f"{reply.get('type')}: {reply.get('message')}")
        return SandboxFailure("import", f"ваш файл не загружается: {error}",
                              detail=printable(str(reply.get("traceback", ""))))
    if status == "not_implemented":
        return SandboxFailure("import", "ваш файл не загружается: NotImplementedError при импорте")
    if status == "exit":
        return SandboxFailure("import", f"ваш файл вызывает sys.exit({printable(str(reply.get('code')))[:60]}) "
                                        "при загрузке")
    if status == "memory":
        return SandboxFailure("import", "ваш файл превышает лимит памяти при загрузке")
    return SandboxFailure("import", f"неожиданный ответ процесса с вашим кодом при загрузке ({str(status)[:40]!r})")


def _signal_name(number: int) -> str:
    try:
        name = signal.Signals(number).name
    except ValueError:
        return f"сигнал {number}"
    return {"SIGSEGV": "SIGSEGV, ошибка сегментации", "SIGABRT": "SIGABRT, аварийный останов",
            "SIGBUS": "SIGBUS, ошибка шины", "SIGFPE": "SIGFPE, арифметическая ошибка"}.get(name, name)
