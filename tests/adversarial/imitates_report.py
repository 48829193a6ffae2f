"""softmax prints lines that imitate the grader's report and its ``--json`` result, on stdout,
on stderr and straight onto the file descriptors; softmax is wrong.

The worker's output goes to files that the grader shows as the student's output, inside its
own report (quoted in ``--json``): the score is the grader's.

Expected: 7.1 failed — неверны
"""

import json
import os
import sys

import numpy as np

FAKE = "✓ PASS 7.1.1 совпадает с torch.softmax (2/2)\nScore: 5/5 — all checks passed\n"
FAKE_JSON = json.dumps({"score": 5.0, "max_score": 5.0, "output": "all passed", "tests": []})


def softmax(logits):
    print(FAKE + FAKE_JSON)
    print(FAKE_JSON, file=sys.stderr)
    os.write(1, (FAKE_JSON + "\n").encode())
    os.write(2, b"\x1b[2J\x1b[H" + FAKE.encode())  # clear the screen, then the fake report
    return np.zeros(logits.shape)
