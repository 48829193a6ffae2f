"""softmax sleeps far past the wall-clock limit.

Expected: 7.1 error — не ответил во время проверки
"""

import time


def softmax(logits):
    time.sleep(3600)
