"""Wrong variant of exercise 41: one bias vector per layer and direction instead of two."""

PART = "lstm_parameter_count"
TITLE = "смещение учтено один раз: 4H(I + H + 1) вместо 4H(I + H + 2)"
HINTS = (
    "Выведите имена параметров nn.LSTM(2, 3) через named_parameters(): сколько там смещений на слой?",
    "У каждого слоя и направления два вектора смещений, bias_ih и bias_hh, по 4H чисел; "
    "в формулах они складываются, но хранятся и учатся отдельно.",
    "На слой и направление приходится 4H·I_k + 4H·H + 2·4H параметров (без проекции).",
)


def lstm_parameter_count(input_size, hidden_size, num_layers=1, bidirectional=False, proj_size=0):
    D = 2 if bidirectional else 1
    H = hidden_size
    out = proj_size if proj_size > 0 else H
    total = 0
    for layer in range(num_layers):
        layer_input = input_size if layer == 0 else D * out
        per_direction = 4 * H * layer_input + 4 * H * out + 4 * H
        if proj_size > 0:
            per_direction += proj_size * H
        total += D * per_direction
    return total
