"""cross_entropy returns a ``float`` subclass whose ``__float__``, ``__eq__`` and ``__sub__`` lie.

Numbers cross only when their type is exactly ``int`` or ``float``.

Expected: 7.2 failed — функция вернула не данные
"""


class Close(float):
    def __float__(self):
        return 0.0

    def __eq__(self, other):
        return True

    __hash__ = float.__hash__

    def __sub__(self, other):
        return 0.0

    __rsub__ = __sub__

    def __abs__(self):
        return 0.0


def cross_entropy(logits, targets):
    return Close(123.0)
