"""Who runs student code when the batch runs as root: an unprivileged user (``nobody`` by default).

``resolve`` turns ``--worker-user`` into (uid, gid); ``grader.sandbox`` starts each worker
as that user without root's groups. ``preflight`` starts Python once as that user
before grading, so that an interpreter it cannot run (installed under ``/root``, say)
stops the batch with one line instead of failing every check.
"""

from __future__ import annotations

import os
import pwd
import subprocess
import sys

from grader.sandbox import WORKER_SCRIPT

DEFAULT = "nobody"


class IdentityProblem(Exception):
    """The worker user does not exist or cannot run the grader; one line."""


def runs_as_root() -> bool:
    return os.geteuid() == 0


def resolve(user: str) -> tuple[int, int] | None:
    """(uid, gid) of a user name or number; None for root (workers then keep root's rights)."""
    try:
        entry = pwd.getpwuid(int(user)) if user.isdigit() else pwd.getpwnam(user)
        uid, gid = entry.pw_uid, entry.pw_gid
    except KeyError:
        if not user.isdigit():
            raise IdentityProblem(f"--worker-user: no user named '{user}' on this machine") from None
        uid = gid = int(user)  # a bare uid without an account is as unprivileged as any
    return None if uid == 0 else (uid, gid)


def preflight(name: str, ids: tuple[int, int], torch: bool) -> None:
    """IdentityProblem unless Python, NumPy (torch) and the worker script work for that user."""
    modules = "numpy, torch" if torch else "numpy"
    code = f"import {modules}; open({str(WORKER_SCRIPT)!r}, 'rb').close()"
    try:
        run = subprocess.run([sys.executable, "-s", "-P", "-c", code], cwd="/", env={"PATH": "/usr/bin:/bin"},
                             stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
                             user=ids[0], group=ids[1], extra_groups=[])
        reason = (run.stderr.strip().splitlines() or [f"exit status {run.returncode}"])[-1] if run.returncode else ""
    except OSError as e:
        reason = f"{e.strerror}: {e.filename or sys.executable}"
    except subprocess.TimeoutExpired:
        reason = "Python did not start within 120 s"
    if reason:
        raise IdentityProblem(f"workers cannot run as {name}: {reason} (make the Python installation and the course "
                              f"readable by {name}, or name another user with --worker-user)")
