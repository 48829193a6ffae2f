"""Compare a student's result with an oracle's and explain the difference.

Every helper checks type, then shape, then dtype, then finiteness, then values, and on
the first problem raises ``Mismatch`` with Russian lines a student can act on: what was
expected, what came back, and by how much and where the values differ.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from grader.student import StudentError
from grader.wire import TensorValue


class Mismatch(Exception):
    """The student's result is wrong; ``lines`` say how."""

    def __init__(self, *lines: str) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


def expect(condition: bool, *lines: str) -> None:
    """Fail with ``lines`` unless ``condition`` holds."""
    if not condition:
        raise Mismatch(*lines)


def expect_raises(call: Callable[[], Any], error: str, description: str, *context: str) -> None:
    """``call()``, a call of the student's code, must raise the exception named ``error``."""
    try:
        got = call()
    except StudentError as e:
        expect(e.type_name == error, f"{description}: выброшено {e.type_name}, а нужно {error}")
        return
    raise Mismatch(f"{description}: функция вернула {str(got)[:120]} вместо {error}", *context)


def describe_type(value: Any) -> str:
    if isinstance(value, TensorValue):
        return "torch.Tensor"
    if isinstance(value, np.ndarray):
        return f"numpy.ndarray формы {value.shape} ({value.dtype})"
    if isinstance(value, np.generic):
        return f"numpy.{type(value).__name__}"
    return type(value).__name__


def expect_array(got: Any, expected: np.ndarray, *, name: str = "результат",
                 rtol: float = 1e-10, atol: float = 1e-12) -> np.ndarray:
    """``got`` must be a float64 array of ``expected``'s shape, close to it elementwise."""
    if isinstance(got, TensorValue):
        raise Mismatch(f"{name}: вернули torch.Tensor, а нужен numpy.ndarray (в этом упражнении только NumPy)")
    if not isinstance(got, np.ndarray):
        raise Mismatch(f"{name}: ожидался numpy.ndarray формы {expected.shape}, получено {describe_type(got)}")
    if got.shape != expected.shape:
        raise Mismatch(f"{name}: форма {got.shape}, а ожидалась {expected.shape}")
    if got.dtype != expected.dtype:
        raise Mismatch(f"{name}: тип элементов {got.dtype}, а ожидался {expected.dtype}")
    _expect_close(got, expected, name, rtol, atol)
    return got


def expect_tensor(got: Any, expected: np.ndarray, *, device: str, name: str = "результат",
                  rtol: float = 1e-10, atol: float = 1e-12) -> np.ndarray:
    """``got`` must be a torch tensor on ``device`` (where the inputs were), close to ``expected``."""
    if isinstance(got, np.ndarray):
        raise Mismatch(f"{name}: вернули numpy.ndarray, а нужен torch.Tensor")
    if not isinstance(got, TensorValue):
        raise Mismatch(f"{name}: ожидался torch.Tensor формы {expected.shape}, получено {describe_type(got)}")
    if got.device.split(":")[0] != device:
        raise Mismatch(f"{name}: тензор на устройстве {got.device}, а входы были на {device}: создавайте тензоры "
                       "на устройстве входа (device=x.device) и не вызывайте .cpu() или .cuda() сами")
    return expect_array(got.array, expected, name=name, rtol=rtol, atol=atol)


def expect_scalar(got: Any, expected: float, *, name: str = "результат",
                  rtol: float = 1e-10, atol: float = 1e-12) -> float:
    """``got`` must be a float64 number (Python float, NumPy scalar or 0-d array) close to ``expected``."""
    if isinstance(got, np.ndarray) and got.ndim == 0:
        got = got[()]
    if isinstance(got, (bool, np.bool_)) or not isinstance(got, (int, float, np.integer, np.floating)):
        raise Mismatch(f"{name}: ожидалось число (float), получено {describe_type(got)}")
    if isinstance(got, np.floating) and got.dtype != np.float64:
        raise Mismatch(f"{name}: число типа {got.dtype}, а ожидалось float64")
    try:
        value = float(got)
    except OverflowError:  # a Python int beyond float64's range
        raise Mismatch(f"{name}: получено целое число из {len(str(abs(got)))} цифр, оно не помещается "
                       f"в float64") from None
    _expect_close(np.asarray(value), np.asarray(float(expected)), name, rtol, atol)
    return value


def expect_int(got: Any, expected: int, *, name: str = "результат") -> int:
    """``got`` must be an integer (Python or NumPy, not bool) equal to ``expected``."""
    if isinstance(got, (bool, np.bool_)) or not isinstance(got, (int, np.integer)):
        raise Mismatch(f"{name}: ожидалось целое число (int), получено {describe_type(got)} {got!r}"[:300])
    expect(int(got) == expected, f"{name}: получено {int(got)}, а должно быть {expected}")
    return int(got)


def expect_tuple(got: Any, names: tuple[str, ...], *, name: str = "результат") -> tuple[Any, ...]:
    """``got`` must be a tuple (or list) of ``len(names)`` items; returns them."""
    if not isinstance(got, (tuple, list)) or len(got) != len(names):
        shape = f"{type(got).__name__} из {len(got)} элементов" if isinstance(got, (tuple, list)) \
            else describe_type(got)
        raise Mismatch(f"{name}: ожидался кортеж ({', '.join(names)}), получено {shape}")
    return tuple(got)


def _expect_close(got: np.ndarray, expected: np.ndarray, name: str, rtol: float, atol: float) -> None:
    with np.errstate(all="ignore"):
        finite = np.isfinite(expected)
        broken = finite & ~np.isfinite(got)
        if broken.any():
            where = _index(np.argwhere(broken)[0], got.ndim)
            raise Mismatch(f"{name}: {int(broken.sum())} из {got.size} значений NaN или бесконечны, "
                           f"а должны быть конечными (первое — {name}{where} = {got[tuple(np.argwhere(broken)[0])]})")
        close = np.isclose(got, expected, rtol=rtol, atol=atol, equal_nan=True)
        if close.all():
            return
        error = np.where(finite & np.isfinite(got), np.abs(got - expected), np.inf)
        if got.ndim == 0:
            raise Mismatch(f"{name}: получено {float(got):.10g}, ожидалось {float(expected):.10g} "
                           f"(ошибка {float(error):.3g}; допуск: rtol={rtol:g}, atol={atol:g})")
        worst = np.unravel_index(int(np.argmax(np.where(close, -1.0, error))), got.shape) if got.ndim else ()
        relative = error[worst] / max(abs(float(expected[worst])), 1e-300)
    raise Mismatch(
        f"{name}: неверны {int((~close).sum())} из {got.size} значений; "
        f"наибольшая ошибка {float(error[worst]):.3g} (относительная {relative:.3g})",
        f"в позиции {name}{_index(worst, got.ndim)}: получено {float(got[worst]):.10g}, "
        f"ожидалось {float(expected[worst]):.10g} (допуск: rtol={rtol:g}, atol={atol:g})",
    )


def _index(index: Any, ndim: int) -> str:
    return "" if ndim == 0 else "[" + ", ".join(str(int(i)) for i in index) + "]"
