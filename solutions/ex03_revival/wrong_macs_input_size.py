"""Wrong variant of exercise 3: conv MACs computed over the input's H x W instead of the output's."""

PART = "count_macs"
TITLE = "MAC свёртки посчитаны по размеру входа H×W, а не выхода H_out×W_out"
HINTS = (
    "Сколько раз ядро свёртки с шагом 4 прикладывается к картинке 224×224?",
    "Одно скалярное произведение длины C_in·k·k даёт ровно одно выходное значение.",
    "Умножайте C_in·k·k на число выходных значений C_out·H_out·W_out.",
)


def count_macs(spec, input_shape):
    total = 0
    for layer, shape_in, shape_out in _walk(spec, input_shape):
        if layer["type"] == "conv":
            total += shape_out[0] * shape_in[1] * shape_in[2] * shape_in[0] * layer["kernel"] ** 2
        elif layer["type"] == "linear":
            total += shape_in[0] * shape_out[0]
    return total
