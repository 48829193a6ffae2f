"""Wrong variant of exercise 3: a max-pool without "stride" gets stride 1 instead of its kernel size."""

PART = "count_parameters"
TITLE = "у пулинга без stride шаг взят равным 1, а в nn.MaxPool2d он равен kernel_size"
HINTS = (
    "Сколько признаков получает первый линейный слой после flatten? Сравните с torch.",
    "В nn.Conv2d stride по умолчанию 1, а в nn.MaxPool2d stride=None означает stride = kernel_size.",
    "Если в описании пулинга нет ключа \"stride\", окна не перекрываются: шаг равен размеру окна.",
)


def _walk(spec, input_shape):
    shape = tuple(input_shape)
    for layer in spec:
        kind = layer["type"]
        if kind == "conv":
            k, s, p = layer["kernel"], layer.get("stride", 1), layer.get("padding", 0)
            out = (layer["out_channels"], _conv_out(shape[1], k, s, p), _conv_out(shape[2], k, s, p))
        elif kind == "maxpool":
            k, s = layer["kernel"], layer.get("stride", 1)
            out = (shape[0], _conv_out(shape[1], k, s, 0), _conv_out(shape[2], k, s, 0))
        elif kind == "flatten":
            out = (_prod(shape),)
        elif kind == "linear":
            out = (layer["out_features"],)
        else:
            out = shape
        yield layer, shape, out
        shape = out
