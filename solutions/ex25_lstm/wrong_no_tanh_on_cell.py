"""Wrong variant of ex25: h = o * c, without the tanh on the cell state."""

PART = "lstm_cell"
TITLE = "h = o * c без tanh от состояния ячейки"
HINTS = (
    "В каком диапазоне лежат значения h у torch.nn.LSTMCell, а в каком — у вас?",
    (
        "Состояние ячейки c не ограничено, а скрытое состояние h перед умножением на выходной"
        " гейт сжимается нелинейностью."
    ),
    "Скрытое состояние равно o * tanh(c), а не o * c.",
)


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    i, f, g, o = _gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    c = f * c_prev + i * g
    h = o * c  # the mistake: tanh(c) is missing
    return h, c
