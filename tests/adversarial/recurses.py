"""softmax recurses without end through a C function (``map``), after lifting the interpreter's
recursion limit: the C stack runs out, the worker crashes, and the grader says so.

Expected: 7.1 error — аварийно завершился
"""

import sys


def softmax(logits):
    sys.setrecursionlimit(10**8)
    return list(map(softmax, [logits]))
