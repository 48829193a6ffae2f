"""softmax runs the course's reference solution, found on disk next to the grader's worker.

The worker may read only the Python installation and the submission's own files, so the
reference (and every file of the repository) cannot be opened.

Expected: 7.1 error — PermissionError
"""

import sys
from pathlib import Path


def softmax(logits):
    repository = Path(sys.argv[0]).resolve().parent.parent  # the worker is grader/worker.py
    reference = {}
    source = (repository / "solutions" / "ex07_softmax_ce.py").read_text()
    exec(compile(source, "reference", "exec"), reference)
    return reference["softmax"](logits)
