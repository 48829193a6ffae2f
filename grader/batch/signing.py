"""The teacher's key: signatures that make results tamper-evident, and per-student seeds.

The key comes from ``DL_EXAM_KEY`` or a key file and is removed from this process's
environment as soon as it is read, so no job or worker process inherits it. A signature
is HMAC-SHA256 over a result's canonical JSON; a per-student seed is HMAC-SHA256 of the
student's id, so a classmate's hard-coded outputs fail on another student's inputs.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from pathlib import Path
from typing import Any

KEY_VARIABLE = "DL_EXAM_KEY"
MIN_KEY_BYTES = 16
MAKE_KEY = "python3 -c 'import secrets; print(secrets.token_hex(32))' > teacher.key"


class KeyProblem(Exception):
    """No usable key; the message says what to do, in one line."""


def take_key(key_file: Path | None) -> bytes:
    """The key from ``key_file`` or ``$DL_EXAM_KEY``, which is then removed from this process's environment."""
    from_environment = os.environ.pop(KEY_VARIABLE, None)
    if key_file is not None:
        try:
            key = key_file.read_bytes().strip()
        except OSError as e:
            raise KeyProblem(f"cannot read the key file {key_file}: {e.strerror}") from None
    elif from_environment is not None:
        key = from_environment.strip().encode("utf-8")
    else:
        raise KeyProblem(f"no teacher's key: set {KEY_VARIABLE} or pass --key-file (make one: {MAKE_KEY})")
    if len(key) < MIN_KEY_BYTES:
        raise KeyProblem(f"the teacher's key is too short: use at least {MIN_KEY_BYTES} characters ({MAKE_KEY})")
    return key


def canonical(data: Any) -> bytes:
    """One byte string per JSON value: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sign(data: Any, key: bytes) -> str:
    return hmac.new(key, canonical(data), hashlib.sha256).hexdigest()


def verify(data: Any, signature: object, key: bytes) -> bool:
    return isinstance(signature, str) and hmac.compare_digest(sign(data, key), signature)


def student_seed(key: bytes, student: str) -> int:
    """The seed of a student's inputs: HMAC(key, student id) reduced to 32 bits."""
    digest = hmac.new(key, b"seed:" + student.encode("utf-8"), hashlib.sha256).digest()
    return int.from_bytes(digest[:4], "big")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
