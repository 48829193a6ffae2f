"""Wrong variant of exercise 14: the decay term is subtracted without the learning rate (w - lr*g - lambda*w)."""

PART = "sgd_weight_decay_step"
TITLE = "затухание весов вычитается без умножения на lr"
HINTS = (
    "Во сколько раз у вас сжимаются веса при нулевом градиенте данных?",
    "Член λw — часть градиента, поэтому он, как и grad, умножается на скорость обучения.",
    "При grad = 0 шаг должен давать w · (1 − lr · λ).",
)


def sgd_weight_decay_step(w, grad, lr, weight_decay):
    return w - lr * grad - weight_decay * w
