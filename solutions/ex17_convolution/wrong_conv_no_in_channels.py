"""Wrong variant of exercise 17: a filter counted as a flat k_h x k_w window, without the input channels."""

PART = "conv_params"
TITLE = "фильтр считается плоским k_h × k_w: забыты входные каналы"
HINTS = (
    "Какая форма у conv.weight для nn.Conv2d(3, 16, 3)? Сколько в ней осей?",
    "Каждый фильтр охватывает все c_in входных каналов: это блок c_in × k_h × k_w весов.",
    "Параметров c_out · (c_in · k_h · k_w + 1) при bias=True.",
)


def conv_params(c_in, c_out, k_h, k_w, bias=True):
    return c_out * (k_h * k_w + (1 if bias else 0))
