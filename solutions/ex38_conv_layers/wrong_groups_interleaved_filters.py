"""Wrong variant of ex38: filter o is given group o % groups instead of o // (C_out / groups)."""

import numpy as np

PART = "conv2d_groups"
TITLE = "фильтры распределены по группам через один (o % groups), а не блоками"
HINTS = (
    "Какие входные каналы видит выходной канал 1 при groups=2 и C_out=4? Сравните с F.conv2d.",
    "PyTorch делит фильтры на группы подряд идущими блоками: первые C_out/groups фильтров — группа 0, "
    "следующие — группа 1, и так далее.",
    "Номер группы фильтра o равен o // (C_out // groups), а не o % groups.",
)


def conv2d_groups(x, weight, bias=None, stride=1, padding=0, groups=1):
    n, c_in, _, _ = x.shape
    c_out, c_group, k_h, k_w = weight.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = _windows(x_pad, k_h, k_w, stride)
    h_out, w_out = windows.shape[2:4]
    windows = windows.reshape(n, groups, c_group, h_out, w_out, k_h, k_w)
    # Filter o goes to group o % groups: the filters are dealt out like cards.
    kernels = weight.reshape(c_out // groups, groups, c_group, k_h, k_w).transpose(1, 0, 2, 3, 4)
    out = np.einsum("ngchwpq,gocpq->noghw", windows, kernels).reshape(n, c_out, h_out, w_out)
    out = out if bias is None else out + bias[:, None, None]
    return out
