"""What a check sees of the submission: a proxy whose calls run in the worker.

``student.softmax(x)`` sends the call to the worker and returns the result as data, or
raises: ``StudentError`` for an exception in the student's code (Hypothesis may shrink
it), ``NotAttempted`` for a stub's ``NotImplementedError`` and ``SandboxFailure`` for
a hang, crash or broken limit (both stop the check at once).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from grader.sandbox import SandboxFailure, Session, printable
from grader.wire import Handle


class StudentError(Exception):
    """The student's code raised an exception."""

    def __init__(self, type_name: str, message: str, traceback: str) -> None:
        super().__init__(f"{type_name}: {message}")
        self.type_name = type_name
        self.message = message
        self.traceback = traceback


class NotAttempted(BaseException):
    """The function still raises ``NotImplementedError``: the stub is untouched."""


class BadReturn(Exception):
    """The function returned something that is not plain data (arrays, numbers, tuples)."""


@dataclass
class Call:
    """One call of a student's function (or of a method of ``receiver``), as the engine reports it."""

    function: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any] = field(default_factory=dict)
    receiver: Handle | None = None
    driver: bool = False  # a trusted driver's run, not a call of the student's own function


class Student:
    """The submission's functions, callable from a check."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self.last_call: Call | None = None
        self.last_result: Any = None
        self.constructed: dict[int, Call] = {}  # how each object in the worker was built

    @property
    def device(self) -> str:
        """Where the worker puts ``AsTensor`` inputs: ``cpu`` or ``cuda``."""
        return self._session.config.device

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self.call(name, *args, **kwargs)

    def call(self, function: str, *args: Any, **kwargs: Any) -> Any:
        self.last_call = Call(function, args, kwargs)
        return self._request({"op": "call", "target": function, "args": list(args), "kwargs": kwargs})

    def new(self, class_name: str, *args: Any, **kwargs: Any) -> StudentObject:
        """Construct the student's class in the worker; the object stays there."""
        self.last_call = Call(class_name, args, kwargs)
        request = {"op": "call", "target": class_name, "args": list(args), "kwargs": kwargs, "keep": True}
        handle = self._request(request)
        self.constructed[handle.id] = self.last_call
        return StudentObject(self, handle)

    def drive(self, driver: str, *args: Any) -> Any:
        """Run a trusted driver from the exercise's module in ``grader/drivers/`` on objects kept in the worker."""
        self.last_call = Call(driver, args, driver=True)
        return self._request({"op": "drive", "driver": driver, "args": list(args), "kwargs": {}})

    def replay(self, call: Call, args: tuple[Any, ...]) -> Any:
        """Make ``call`` again (a function, a method of the same object or a driver) with other arguments."""
        if call.driver:
            return self.drive(call.function, *args)
        if call.receiver is not None:
            return StudentObject(self, call.receiver)._call_method(call.function, args, {})
        return self.call(call.function, *args)

    def _request(self, request: dict[str, Any]) -> Any:
        """Send ``request`` to the worker; its value is also kept as ``last_result`` for the matcher."""
        self.last_result = _value_of(self._session.request(request))
        return self.last_result


class StudentObject:
    """An instance of the student's class living in the worker; methods are remote calls."""

    def __init__(self, student: Student, handle: Handle) -> None:
        self._student = student
        self.handle = handle

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self._call_method(name, args, kwargs)

    def attribute(self, name: str) -> Any:
        return self._student._request({"op": "getattr", "handle": self.handle.id, "name": name})

    def _call_method(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        self._student.last_call = Call(name, args, kwargs, receiver=self.handle)
        request = {"op": "call", "target": [self.handle.id, name], "args": list(args), "kwargs": kwargs}
        return self._student._request(request)


def _value_of(reply: dict[str, Any]) -> Any:
    status = reply.get("status")
    if reply.get("forbidden_loaded"):
        modules = ", ".join(reply["forbidden_loaded"])
        raise SandboxFailure("forbidden", f"во время вызова загружен запрещённый модуль: {modules}")
    if status == "ok":
        return reply.get("value")
    if status == "error":
        raise StudentError(*(printable(str(reply.get(key))) for key in ("type", "message", "traceback")))
    if status == "not_implemented":
        raise NotAttempted(reply.get("message", ""))
    if status == "missing":
        raise SandboxFailure("missing", f"в вашем файле нет «{printable(str(reply.get('name')))[:60]}»")
    if status == "exit":
        raise SandboxFailure("exit", f"ваш код вызвал sys.exit({printable(str(reply.get('code')))[:60]})")
    if status == "memory":
        raise SandboxFailure("memory", "ваш код превысил лимит памяти (MemoryError)")
    if status == "output":
        raise SandboxFailure("output", "ваш код напечатал слишком много текста (больше лимита вывода)")
    if status == "bad_return":
        raise BadReturn(printable(str(reply.get("message"))))
    raise SandboxFailure("protocol", f"неожиданный ответ процесса с вашим кодом ({str(status)[:40]!r})")
