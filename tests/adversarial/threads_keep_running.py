"""At import, the file starts a thread that keeps printing fake verdicts; softmax is wrong.

The thread stops with the worker (it is not a daemon: the grader stops the worker all the
same); what it prints is shown as the student's output, never as the grader's lines.

Expected: 7.1 failed — неверны
"""

import sys
import threading
import time

import numpy as np


def _noise():
    while True:
        sys.stdout.write("✓ PASS 7.1.1 совпадает с torch.softmax\nScore: 15/15\n")
        time.sleep(0.05)


threading.Thread(target=_noise, daemon=False).start()


def softmax(logits):
    return np.zeros(logits.shape)
