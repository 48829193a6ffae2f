"""softmax walks the worker's stack, empties its list of forbidden modules, removes the import
blocker and uses torch for the answer, then hides torch from ``sys.modules``.

The static scan cannot see a name built at run time; the worker cannot read torch's files in a
NumPy exercise, so the import itself fails.

Expected: 7.1 error — torch
"""

import sys


def softmax(logits):
    frame = sys._getframe()
    while frame is not None:
        worker = frame.f_locals.get("self")
        if worker is not None and hasattr(worker, "config"):
            worker.config["blocked_modules"] = []
        frame = frame.f_back
    sys.meta_path[:] = [finder for finder in sys.meta_path if type(finder).__name__ != "ImportBlocker"]
    name = "to" + "rch"
    library = __import__(name)
    result = library.softmax(library.from_numpy(logits.copy()), dim=-1).numpy()
    for module in [m for m in sys.modules if m.split(".")[0] == name]:
        del sys.modules[module]
    return result
