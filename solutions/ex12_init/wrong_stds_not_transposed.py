"""Wrong variant of exercise 12: h @ W instead of h @ W.T (the weight read as (in, out))."""

PART = "activation_stds"
TITLE = "h @ W вместо h @ W.T: вес (out, in) использован как (in, out)"
HINTS = (
    "Какая форма у weights[0] и какая у x? Проверьте сеть с неквадратными слоями.",
    "Вес хранится как (d_{l+1}, d_l), как в nn.Linear; вход h имеет форму (N, d_l).",
    "Слой считает h @ W.T — тогда (N, d_l) @ (d_l, d_{l+1}) = (N, d_{l+1}).",
)


def activation_stds(x, weights, activation):
    act = {"tanh": np.tanh, "relu": lambda z: np.maximum(z, 0.0), "linear": lambda z: z}[activation]
    h = x
    stds = []
    for weight in weights:
        h = act(h @ weight)
        stds.append(h.std())
    return np.array(stds, dtype=np.float64)
