"""The file moves the worker into the student's folder and registers an ``atexit`` handler that
overwrites the student's other files, leaves a file in the repository and opens the grader's
own code for writing; softmax does the same, printing what it managed, and is wrong.

The worker may write only in its own temporary folder, and ``atexit`` runs in the worker.

Expected: 7.1 failed — неверны
"""

import atexit
import os
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPOSITORY = Path(sys.argv[0]).resolve().parent.parent  # the worker is grader/worker.py


def _vandalise():
    for target in [Path("notes.txt"), HERE / ".progress.json", REPOSITORY / "adversarial-was-here.txt"]:
        try:
            target.write_text("overwritten by the submission\n")
            print(f"ESCAPED: wrote {target}")
        except OSError:
            pass
    try:
        with open(REPOSITORY / "grader" / "compare.py", "a"):  # appends nothing, even where it may
            print("ESCAPED: opened the grader's compare.py for writing")
    except OSError:
        pass


try:
    os.chdir(HERE)
except OSError:
    pass
atexit.register(_vandalise)


def softmax(logits):
    _vandalise()
    return np.zeros(logits.shape)
