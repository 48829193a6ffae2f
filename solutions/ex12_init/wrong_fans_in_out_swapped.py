"""Wrong variant of exercise 12: the weight is read as (in, out), the NumPy/Keras layout, not torch's (out, in)."""

PART = "fans"
TITLE = "fan_in и fan_out перепутаны: вес прочитан как (in, out), а в PyTorch он (out, in)"
HINTS = (
    "Какую форму имеет nn.Linear(3, 5).weight: (3, 5) или (5, 3)?",
    "В PyTorch слой считает y = x @ W.T, поэтому первая ось веса — выходы, вторая — входы.",
    "fan_in берётся из shape[1], fan_out — из shape[0] (оба умножаются на размер ядра).",
)


def fans(shape):
    if len(shape) < 2:
        raise ValueError("fan_in and fan_out are not defined for a shape with fewer than 2 dimensions")
    receptive_field = int(np.prod(shape[2:], dtype=np.int64))
    return int(shape[0]) * receptive_field, int(shape[1]) * receptive_field
