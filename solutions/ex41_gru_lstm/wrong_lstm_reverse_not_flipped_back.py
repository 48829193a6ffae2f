"""Wrong variant of exercise 41: the backward direction's outputs stay in processing order."""

import torch

PART = "lstm_forward"
TITLE = "выходы обратного направления не развёрнуты обратно во времени"
HINTS = (
    "Посмотрите на output[0] двунаправленной сети: какой шаг обратного направления там лежит?",
    "Обратное направление обрабатывает x[T−1], …, x[0], но его выход для шага t должен лежать на "
    "позиции t, рядом с прямым выходом для того же шага.",
    "Перед конкатенацией разверните последовательность выходов обратного направления по оси времени.",
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
            seq = torch.flip(layer_input, dims=[0]) if direction == 1 else layer_input
            out, h, c = _run_direction(seq, range(steps), h0[index], c0[index], *weights)
            outputs.append(out)
            h_n.append(h)
            c_n.append(c)
        layer_input = torch.cat(outputs, dim=2)
    return layer_input, (torch.stack(h_n), torch.stack(c_n))
