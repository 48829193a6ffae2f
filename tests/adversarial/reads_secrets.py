"""softmax hunts for the grading seed and the teacher's key: in its own environment, and in the
command line and environment of the grader and of every other process (/proc); it prints what
it finds, as a student would to read it in the feedback.

The worker's environment is scrubbed, and it cannot read other processes' entries in /proc.
The test runs `grade exercise --seed` with a key in the environment and looks for both.

Expected: 7.1 failed — неверны
"""

import os
import re
from pathlib import Path

import numpy as np


def _read(path):
    try:
        return Path(path).read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def softmax(logits):
    texts = [" ".join(f"{k}={v}" for k, v in os.environ.items())]
    try:
        pids = [pid for pid in os.listdir("/proc") if pid.isdigit()]
    except OSError:
        pids = []
    for pid in [str(os.getppid()), *pids]:
        texts += [_read(f"/proc/{pid}/cmdline"), _read(f"/proc/{pid}/environ")]
    for text in texts:
        for secret in re.findall(r"--seed[ =]\S+|DL_EXAM_KEY=\S+|\bSEED=\S+", text):
            print("FOUND:", secret)
    return np.zeros(logits.shape)
