"""Wrong variant of exercise 41: h_n and c_n stacked direction-major (all forward layers first)."""

import torch

PART = "lstm_forward"
TITLE = "h_n и c_n упорядочены по направлениям (сначала все прямые слои), а не по слоям"
HINTS = (
    "Для двунаправленной сети из двух слоёв выпишите, чему должен соответствовать h_n[1].",
    "PyTorch нумерует состояния как layer * num_directions + direction: h_n[1] — обратное "
    "направление первого слоя, а не прямое направление второго.",
    "Складывайте финальные состояния в порядке (слой 0 прямой, слой 0 обратный, слой 1 прямой, …) "
    "и читайте h0, c0 по тому же индексу.",
)


def lstm_forward(x, state_dict, num_layers, bidirectional, h0=None, c0=None):
    steps, batch, _ = x.shape
    D = 2 if bidirectional else 1
    H = state_dict["weight_hh_l0"].shape[1]
    if h0 is None:
        h0 = torch.zeros(num_layers * D, batch, H, dtype=x.dtype, device=x.device)
    if c0 is None:
        c0 = torch.zeros(num_layers * D, batch, H, dtype=x.dtype, device=x.device)
    layer_input = x
    h_n = [[None] * num_layers for _ in range(D)]
    c_n = [[None] * num_layers for _ in range(D)]
    for layer in range(num_layers):
        outputs = []
        for direction in range(D):
            suffix = f"_l{layer}" + ("_reverse" if direction == 1 else "")
            weights = [state_dict[name + suffix] for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
            index = direction * num_layers + layer
            order = range(steps - 1, -1, -1) if direction == 1 else range(steps)
            out, h, c = _run_direction(layer_input, order, h0[index], c0[index], *weights)
            outputs.append(out)
            h_n[direction][layer] = h
            c_n[direction][layer] = c
        layer_input = torch.cat(outputs, dim=2)
    return layer_input, (torch.stack(sum(h_n, [])), torch.stack(sum(c_n, [])))
