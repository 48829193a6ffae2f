"""softmax sends SIGKILL to its parent, the grader, then to the grader's process group.

The worker cannot signal a process outside its sandbox; the test runs this through the
command line, in a child process of its own.

Expected: 7.1 error — PermissionError
"""

import os
import signal


def softmax(logits):
    parent = os.getppid()
    try:
        os.kill(parent, signal.SIGKILL)
    finally:
        os.killpg(os.getpgid(parent), signal.SIGKILL)
