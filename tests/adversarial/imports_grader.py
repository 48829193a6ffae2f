"""softmax imports the grader package to find the reference and the checks through it.

The grader's files are not readable by the worker, so the import fails, whatever finder
the installation uses (an editable install's, or site-packages).

Expected: 7.1 error — PermissionError
"""

import importlib


def softmax(logits):
    catalog = importlib.import_module("grader.catalog")
    exercise, _ = catalog.find("7")
    reference = {}
    exec(exercise.reference_path.read_text(), reference)
    return reference["softmax"](logits)
