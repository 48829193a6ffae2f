"""Wrong variant of exercise 18: flatten counts only the spatial positions, H * W, forgetting channels."""

PART = "output_shape"
TITLE = "flatten без каналов: H·W вместо C·H·W"
HINTS = (
    "Сколько чисел в тензоре одного примера формы (16, 5, 5)? Столько же их должно остаться после развёртки.",
    "Flatten ничего не выбрасывает: он выстраивает все каналы всех позиций в один вектор.",
    "После flatten форма (C·H·W,).",
)


def output_shape(input_shape, layers):
    shape = tuple(input_shape)
    for spec in layers:
        if spec["type"] == "flatten":
            shape = (shape[1] * shape[2],) if len(shape) == 3 else shape
        else:
            shape = _reference_output_shape(shape, [spec])
    return shape


def _reference_output_shape(shape, layers):
    for spec in layers:
        kind = spec["type"]
        if kind in ("conv", "pool"):
            channels, height, width = shape
            k = spec["kernel_size"]
            stride = spec.get("stride", 1 if kind == "conv" else k)
            padding, dilation = spec.get("padding", 0), spec.get("dilation", 1)
            channels = spec.get("out_channels", channels)
            height, width = (_conv_length(n, k, stride, padding, dilation) for n in (height, width))
            shape = (channels, height, width)
        else:
            shape = (spec["out_features"],)
    return shape
