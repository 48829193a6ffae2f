"""Wrong variant of ex25: the candidate g uses sigmoid instead of tanh."""

import numpy as np

PART = "lstm_cell"
TITLE = "кандидат g через sigmoid вместо tanh"
HINTS = (
    "Все ли четыре блока пре-активаций проходят через одну и ту же нелинейность?",
    (
        "Гейты i, f, o — это доли от 0 до 1 (sigmoid), а кандидат g — новое содержимое "
        "памяти, которое может быть и отрицательным."
    ),
    "Для третьего блока (g) используйте tanh, а sigmoid оставьте для i, f и o.",
)


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    z = x @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh
    i, f, g, o = np.split(_sigmoid(z), 4, axis=1)  # the mistake: g is a sigmoid too
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c
