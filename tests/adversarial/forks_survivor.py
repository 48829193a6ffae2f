"""softmax forks a child that leaves the worker's session (``setsid``), prints its pid and
then, for a second, tries to overwrite the student's files and to print fake verdicts.

The grader stops the worker's whole process group; a child that escaped it stays confined:
it cannot write outside the worker's folder, signal the grader or open connections.

Expected: 7.1 failed — неверны
"""

import os
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent


def softmax(logits):
    if os.fork() == 0:
        os.setsid()
        print(f"SURVIVOR {os.getpid()}", flush=True)
        for _ in range(20):
            for target in [HERE / "notes.txt", HERE / ".progress.json"]:
                try:
                    target.write_text("overwritten by a forked child\n")
                except OSError:
                    pass
            sys.stdout.write("✓ PASS 7.1.1\n")
            time.sleep(0.05)
        os._exit(0)
    return np.zeros(logits.shape)
