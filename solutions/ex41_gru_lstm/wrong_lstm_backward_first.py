"""Wrong variant of exercise 41: the next layer (and output) gets cat([backward, forward])."""

import torch

PART = "lstm_forward"
TITLE = "признаки направлений склеены в обратном порядке: [обратное, прямое]"
HINTS = (
    "Какая половина признаков output двунаправленной сети относится к прямому направлению?",
    "У nn.LSTM первые H признаков output — прямое направление, следующие H — обратное; "
    "в том же порядке вход следующего слоя встречается со столбцами weight_ih_l1.",
    "Склеивайте torch.cat([прямой выход, обратный выход], dim=2).",
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
    h_n, c_n = [], []
    for layer in range(num_layers):
        outputs = []
        for direction in range(D):
            suffix = f"_l{layer}" + ("_reverse" if direction == 1 else "")
            weights = [state_dict[name + suffix] for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
            index = layer * D + direction
            order = range(steps - 1, -1, -1) if direction == 1 else range(steps)
            out, h, c = _run_direction(layer_input, order, h0[index], c0[index], *weights)
            outputs.append(out)
            h_n.append(h)
            c_n.append(c)
        layer_input = torch.cat(outputs[::-1], dim=2)
    return layer_input, (torch.stack(h_n), torch.stack(c_n))
