"""Wrong variant of exercise 41: layers above the first read H features even when bidirectional."""

PART = "lstm_parameter_count"
TITLE = "вход слоёв k > 0 считается размером H, а не D·H у двунаправленной сети"
HINTS = (
    "Какой размер у output первого слоя двунаправленной сети, который читает второй слой?",
    "Второй слой получает конкатенацию прямого и обратного выходов: D·H признаков "
    "(D·P при proj_size = P), поэтому weight_ih_l1 имеет форму (4H, D·H).",
    "Для k > 0 берите I_k = D·H (или D·P с проекцией); для k = 0 — input_size.",
)


def lstm_parameter_count(input_size, hidden_size, num_layers=1, bidirectional=False, proj_size=0):
    D = 2 if bidirectional else 1
    H = hidden_size
    out = proj_size if proj_size > 0 else H
    total = 0
    for layer in range(num_layers):
        layer_input = input_size if layer == 0 else out
        per_direction = 4 * H * layer_input + 4 * H * out + 2 * 4 * H
        if proj_size > 0:
            per_direction += proj_size * H
        total += D * per_direction
    return total
