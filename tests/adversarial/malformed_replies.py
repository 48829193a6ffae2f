"""softmax sends the grader a reply of its own: lists nested 700 deep, shallow enough for the
JSON parser and deep enough to exhaust the stack of code that walks the tree recursively.
The grader refuses it as damaged data.

Expected: 7.1 error — испорченные данные
"""

import os
import struct
import sys

DEPTH = 700


def softmax(logits):
    body = b'{"body": {"$d": {"status": "ok", "value": ' + b"[" * DEPTH + b"]" * DEPTH + b'}}, "sizes": []}'
    os.write(int(sys.argv[2]), b"DLX1" + struct.pack(">I", len(body)) + body)
    return logits
