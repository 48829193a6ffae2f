"""The data-only wire format between the grader and its worker process.

A message is a JSON tree plus NumPy arrays stored in ``.npy`` form; nothing is ever
pickled, so no message can make its reader run code. This module depends on the
standard library and NumPy only: the worker loads it by file path, without the
``grader`` package on its ``sys.path``.

Frame: ``MAGIC``, the header length (4 bytes, big-endian), a JSON header
``{"body": tree, "sizes": [...]}``, then the arrays' ``.npy`` bytes back to back.
"""

from __future__ import annotations

import io
import json
import os
import select
import struct
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

MAGIC = b"DLX1"
MAX_HEADER_BYTES = 16 << 20
MAX_PAYLOAD_BYTES = 512 << 20
MAX_DEPTH = 64  # lists, tuples and dicts inside one another


class WireError(Exception):
    """A value that cannot be sent, or bytes that are not a valid message."""


class ChannelClosed(Exception):
    """The other side closed the pipe (it exited or crashed)."""


class ChannelTimeout(Exception):
    """No complete message arrived before the deadline."""


@dataclass(frozen=True)
class Rng:
    """Asks the worker for a fresh ``np.random.Generator`` seeded with ``seed``."""

    seed: int


@dataclass(frozen=True)
class Handle:
    """An object that lives in the worker (an instance of the student's class)."""

    id: int


@dataclass(frozen=True)
class Defined:
    """Asks the worker for the object of this name that the submission defines (a class, a function)."""

    name: str


@dataclass(frozen=True)
class Helper:
    """Asks the worker for the callable that the exercise's trusted driver ``factory(*args)`` makes.

    How a student's function receives a function to work on (``numerical_gradient(f, x)``):
    the callable is ours, built inside the worker from data.
    """

    factory: str
    args: tuple[Any, ...] = ()


@dataclass(frozen=True)
class AsTensor:
    """Asks the worker to deliver ``array`` as a torch tensor on the grading device."""

    array: np.ndarray


@dataclass(frozen=True)
class TensorValue:
    """A torch tensor the worker returned, as data: its values and its metadata."""

    array: np.ndarray
    device: str
    requires_grad: bool


def encode(body: Any) -> bytes:
    """Serialise ``body`` into one frame."""
    arrays: list[np.ndarray] = []
    tree = _to_tree(body, arrays, depth=0)
    payloads = [_npy_bytes(a) for a in arrays]
    header = json.dumps({"body": tree, "sizes": [len(p) for p in payloads]}).encode()
    if sum(len(p) for p in payloads) > MAX_PAYLOAD_BYTES:
        raise WireError("the value is larger than 512 MiB")
    return b"".join([MAGIC, struct.pack(">I", len(header)), header, *payloads])


def decode_frame(header: bytes, payload: bytes) -> Any:
    """Rebuild the value from a frame's header and payload bytes."""
    try:
        meta = json.loads(header)
        sizes = [int(s) for s in meta["sizes"]]
        body = meta["body"]
    except (ValueError, KeyError, TypeError, RecursionError) as e:
        raise WireError(f"malformed message header: {e}") from None
    if sum(sizes) != len(payload) or any(s < 0 for s in sizes):
        raise WireError("message payload does not match its header")
    arrays, offset = [], 0
    for size in sizes:
        arrays.append(_read_npy(payload[offset : offset + size]))
        offset += size
    return _from_tree(body, arrays)


def send(fd: int, body: Any) -> None:
    """Write one message to ``fd`` (blocking)."""
    write_frame(fd, encode(body))


def write_frame(fd: int, frame: bytes) -> None:
    """Write an already encoded message to ``fd`` (blocking)."""
    data = memoryview(frame)
    while data:
        written = os.write(fd, data)
        data = data[written:]


def receive(fd: int, deadline: float | None = None) -> Any:
    """Read one message from ``fd``; ``deadline`` is a ``time.monotonic()`` instant."""
    start = _read_exact(fd, len(MAGIC) + 4, deadline)
    if start[: len(MAGIC)] != MAGIC:
        raise WireError("message does not start with the protocol's magic bytes")
    (header_len,) = struct.unpack(">I", start[len(MAGIC) :])
    if header_len > MAX_HEADER_BYTES:
        raise WireError("message header is too large")
    header = _read_exact(fd, header_len, deadline)
    try:
        sizes = json.loads(header)["sizes"]
        total = sum(int(s) for s in sizes)
    except (ValueError, KeyError, TypeError, RecursionError) as e:
        raise WireError(f"malformed message header: {e}") from None
    if not 0 <= total <= MAX_PAYLOAD_BYTES:
        raise WireError("message payload is too large")
    return decode_frame(header, _read_exact(fd, total, deadline))


def _read_exact(fd: int, n: int, deadline: float | None) -> bytes:
    chunks, remaining = [], n
    while remaining:
        if deadline is not None:
            timeout = deadline - time.monotonic()
            if timeout <= 0 or not select.select([fd], [], [], timeout)[0]:
                raise ChannelTimeout()
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            raise ChannelClosed()
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    try:
        np.lib.format.write_array(buffer, np.asarray(array), allow_pickle=False)
    except ValueError:
        raise WireError(f"arrays of dtype {array.dtype} (Python objects) cannot be sent") from None
    return buffer.getvalue()


def _read_npy(data: bytes) -> np.ndarray:
    """An array over immutable bytes: read-only, and no one can make it writeable again."""
    try:
        array = np.lib.format.read_array(io.BytesIO(data), allow_pickle=False)
    except (ValueError, OSError, EOFError) as e:
        raise WireError(f"malformed array: {e}") from None
    if array.flags.writeable:
        array = np.frombuffer(array.tobytes(), dtype=array.dtype).reshape(array.shape)
    return array


def _to_tree(value: Any, arrays: list[np.ndarray], depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise WireError("the value is nested too deeply")
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float)) and type(value) in (int, float):
        return value
    if isinstance(value, np.ndarray):
        arrays.append(value)
        return {"$a": len(arrays) - 1}
    if isinstance(value, np.generic):
        arrays.append(np.asarray(value))
        return {"$s": len(arrays) - 1}
    if isinstance(value, (list, tuple)) and type(value) in (list, tuple):
        items = [_to_tree(v, arrays, depth + 1) for v in value]
        return items if isinstance(value, list) else {"$t": items}
    if isinstance(value, dict) and type(value) is dict:
        if not all(isinstance(k, str) for k in value):
            raise WireError("only dictionaries with string keys can be sent")
        return {"$d": {k: _to_tree(v, arrays, depth + 1) for k, v in value.items()}}
    if isinstance(value, Rng):
        return {"$rng": int(value.seed)}
    if isinstance(value, Handle):
        return {"$h": int(value.id)}
    if isinstance(value, Defined):
        return {"$def": str(value.name)}
    if isinstance(value, Helper):
        return {"$fn": str(value.factory), "args": _to_tree(tuple(value.args), arrays, depth + 1)}
    if isinstance(value, AsTensor):
        arrays.append(value.array)
        return {"$at": len(arrays) - 1}
    if isinstance(value, TensorValue):
        arrays.append(value.array)
        return {"$tv": len(arrays) - 1, "device": value.device, "grad": value.requires_grad}
    raise WireError(f"a value of type {type(value).__name__} cannot be sent")


def _from_tree(tree: Any, arrays: list[np.ndarray], depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise WireError("the message is nested too deeply")
    if isinstance(tree, list):
        return [_from_tree(v, arrays, depth + 1) for v in tree]
    if not isinstance(tree, dict):
        return tree
    try:
        if "$a" in tree:
            return arrays[tree["$a"]]
        if "$s" in tree:
            return arrays[tree["$s"]][()]
        if "$t" in tree:
            return tuple(_from_tree(v, arrays, depth + 1) for v in tree["$t"])
        if "$d" in tree:
            return {str(k): _from_tree(v, arrays, depth + 1) for k, v in tree["$d"].items()}
        if "$rng" in tree:
            return Rng(int(tree["$rng"]))
        if "$h" in tree:
            return Handle(int(tree["$h"]))
        if "$def" in tree:
            return Defined(str(tree["$def"]))
        if "$fn" in tree:
            return Helper(str(tree["$fn"]), tuple(_from_tree(tree["args"], arrays, depth + 1)))
        if "$at" in tree:
            return AsTensor(arrays[tree["$at"]])
        if "$tv" in tree:
            return TensorValue(arrays[tree["$tv"]], str(tree["device"]), bool(tree["grad"]))
    except (IndexError, KeyError, TypeError, ValueError, AttributeError) as e:
        raise WireError(f"malformed message body: {e}") from None
    raise WireError(f"unknown tag in message body: {sorted(tree)}")
