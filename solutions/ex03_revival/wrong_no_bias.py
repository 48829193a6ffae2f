"""Wrong variant of exercise 3: biases are not counted as parameters."""

PART = "count_parameters"
TITLE = "не учтены смещения (bias) свёрточных и линейных слоёв"
HINTS = (
    "Сравните ваш ответ для одного слоя nn.Linear(3, 2) с sum(p.numel()): 6 или 8?",
    "У слоя с bias=True, кроме весов, есть вектор смещений: по одному числу на выходной канал "
    "или выходной признак.",
    "Прибавляйте out_channels (out_features) для каждого слоя, у которого bias не выключен.",
)


def count_parameters(spec, input_shape):
    total = 0
    for layer, shape_in, _ in _walk(spec, input_shape):
        if layer["type"] == "conv":
            total += layer["out_channels"] * shape_in[0] * layer["kernel"] ** 2
        elif layer["type"] == "linear":
            total += layer["out_features"] * shape_in[0]
    return total
