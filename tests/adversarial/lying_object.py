"""softmax returns an object whose ``__eq__``, ``__array__``, ``__float__`` and ``__len__`` all lie.

Only data crosses from the worker to the grader, so the object never reaches a comparison:
the worker refuses to send it.

Expected: 7.1 failed — функция вернула не данные
"""

import numpy as np


class Liar:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = object.__hash__

    def __array__(self, dtype=None, copy=None):
        return np.full((2, 3), 1 / 3)

    def __float__(self):
        return 1.0

    def __len__(self):
        return 2

    def __getattr__(self, name):
        return lambda *args, **kwargs: True


def softmax(logits):
    return Liar()
