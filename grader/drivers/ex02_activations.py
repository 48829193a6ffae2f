"""Driver of exercise 2: call the student's sigmoid and count NumPy's floating-point errors.

Loaded by path in the worker (standard library and NumPy only). Underflow is not counted:
exp(-800) rounding to 0 is the correct, harmless behaviour of a stable sigmoid.
"""

import numpy as np


def watch_floating_point(function, x):
    """Run ``function(x)`` with NumPy's overflow / invalid / divide errors counted, not printed.

    Returns {"value": what the function returned, "overflow": n, "invalid": n, "divide": n}.
    """
    counts = {"overflow": 0, "invalid": 0, "divide": 0}

    def record(kind, flag):
        for name in counts:
            if name in kind:
                counts[name] += 1

    with np.errstate(over="call", invalid="call", divide="call", under="ignore", call=record):
        value = function(x)
    return {"value": value, **counts}
