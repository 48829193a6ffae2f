"""Wrong variant of ex38: group g takes input channels g, g + groups, g + 2 * groups, ... instead of a block."""

import numpy as np

PART = "conv2d_groups"
TITLE = "каналы входа взяты в группу через groups (c % groups == g), а не подряд идущим блоком"
HINTS = (
    "Какие каналы входа видит группа 0 при C_in=4, groups=2? Проверьте на входе, где отличен от нуля один канал.",
    "В PyTorch группа g получает подряд идущие каналы g*(C_in/groups) ... (g+1)*(C_in/groups)-1.",
    "Разбивайте ось каналов формой (groups, C_in/groups) — сначала номер группы, потом канал внутри неё.",
)


def conv2d_groups(x, weight, bias=None, stride=1, padding=0, groups=1):
    n, c_in, _, _ = x.shape
    c_out, c_group, k_h, k_w = weight.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = _windows(x_pad, k_h, k_w, stride)
    h_out, w_out = windows.shape[2:4]
    # The channel axis is split as (channel within group, group): channel c lands in group c % groups.
    windows = windows.reshape(n, c_group, groups, h_out, w_out, k_h, k_w)
    kernels = weight.reshape(groups, c_out // groups, c_group, k_h, k_w)
    out = np.einsum("ncghwpq,gocpq->ngohw", windows, kernels).reshape(n, c_out, h_out, w_out)
    if bias is not None:
        out = out + bias[:, None, None]
    return out
