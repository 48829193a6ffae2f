"""Wrong variant of exercise 18: a pooling layer without "stride" moves by 1 instead of by its window."""

PART = "output_shape"
TITLE = "шаг пулинга по умолчанию взят равным 1, а не размеру окна"
HINTS = (
    "Что выдаёт nn.MaxPool2d(2) на входе 1×4×4? А ваша функция для {'type': 'pool', 'kernel_size': 2}?",
    "В nn.MaxPool2d stride=None означает шаг, равный kernel_size: окна не перекрываются.",
    "Если ключа stride нет, для пулинга берите stride = kernel_size (для свёртки по-прежнему 1).",
)


def output_shape(input_shape, layers):
    shape = tuple(input_shape)
    for spec in layers:
        if spec["type"] in ("conv", "pool"):
            channels, height, width = shape
            k, stride = spec["kernel_size"], spec.get("stride", 1)
            padding, dilation = spec.get("padding", 0), spec.get("dilation", 1)
            channels = spec.get("out_channels", channels)
            height, width = (_conv_length(n, k, stride, padding, dilation) for n in (height, width))
            shape = (channels, height, width)
        elif spec["type"] == "flatten":
            shape = (_product(shape),)
        else:
            shape = (spec["out_features"],)
    return shape
