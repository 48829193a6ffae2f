"""Wrong variant of exercise 16: each bias counted with the layer's input size instead of its output size."""

PART = "count_parameters"
TITLE = "смещение слоя посчитано по числу входов n_i, а не выходов n_{i+1}"
HINTS = (
    "Сколько смещений у слоя nn.Linear(3, 5)? Посмотрите на форму layer.bias.",
    "Смещение — одно число на каждый выходной нейрон: у слоя n_i → n_{i+1} их n_{i+1}.",
    "Слой i даёт n_i·n_{i+1} весов плюс n_{i+1} смещений, если bias[i] истинно.",
)


def count_parameters(layer_sizes, bias):
    total = 0
    for n_in, n_out, has_bias in zip(layer_sizes[:-1], layer_sizes[1:], bias, strict=True):
        total += n_in * n_out + (n_in if has_bias else 0)
    return total
