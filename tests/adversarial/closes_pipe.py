"""softmax closes every file descriptor above stderr, the grader's pipes among them.

Expected: 7.1 error — закрытый канал связи
"""

import os


def softmax(logits):
    os.closerange(3, 1024)
    return logits
