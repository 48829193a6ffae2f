"""softmax answers with a reply of its own written straight onto the grader's pipe: an array
whose .npy bytes hold a pickle that would create a file (MARKER is filled in) when loaded.

The wire format never unpickles: the grader refuses the message and stops the worker.

Expected: 7.1 error — испорченные данные
"""

import io
import json
import os
import struct
import sys

import numpy as np

MARKER = ""


class Payload:
    def __reduce__(self):
        return (open, (MARKER, "w"))


def softmax(logits):
    buffer = io.BytesIO()
    np.save(buffer, np.array([Payload()], dtype=object), allow_pickle=True)
    npy = buffer.getvalue()
    header = json.dumps({"body": {"$d": {"status": "ok", "value": {"$a": 0}}}, "sizes": [len(npy)]}).encode()
    os.write(int(sys.argv[2]), b"DLX1" + struct.pack(">I", len(header)) + header + npy)
    return np.zeros(logits.shape)
