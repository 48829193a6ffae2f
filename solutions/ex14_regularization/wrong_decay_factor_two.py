"""Wrong variant of exercise 14: 2 * lambda * w added to the gradient (penalty lambda * ||w||^2)."""

PART = "sgd_weight_decay_step"
TITLE = "к градиенту добавлено 2λw вместо λw"
HINTS = (
    "Какой штраф соответствует weight_decay = λ в torch.optim.SGD: λ‖w‖² или (λ/2)‖w‖²?",
    "torch прибавляет к градиенту ровно weight_decay · w; это градиент штрафа (λ/2)‖w‖².",
    "Шаг: w − lr · (grad + λ · w).",
)


def sgd_weight_decay_step(w, grad, lr, weight_decay):
    return w - lr * (grad + 2.0 * weight_decay * w)
