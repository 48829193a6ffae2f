"""Wrong variant of ex25: output holds h_0..h_{T-1}, the states before each step, not h_1..h_T."""

import numpy as np

PART = "lstm_forward"
TITLE = "выход сдвинут на шаг: сохраняется состояние до шага, а не после"
HINTS = (
    "Совпадает ли output[-1] с h_n, который вы возвращаете?",
    (
        "output[t] — это скрытое состояние, вычисленное по x[t], то есть после шага t; "
        "начальное h0 в output не входит."
    ),
    "Добавляйте h в output после вызова lstm_cell на шаге t, а не перед ним.",
)


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    h, c = h0, c0
    outputs = []
    for t in range(x.shape[0]):
        outputs.append(h)  # the mistake: stored before the step
        h, c = lstm_cell(x[t], h, c, W_ih, W_hh, b_ih, b_hh)
    return np.stack(outputs), (h, c)
