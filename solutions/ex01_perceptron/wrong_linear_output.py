"""Wrong variant of exercise 1: the last layer is always left linear, whatever activation it names."""

PART = "mlp_forward"
TITLE = "у последнего слоя активация не применяется"
HINTS = (
    "Какой диапазон у выхода, если последний слой назван «sigmoid»?",
    "Соглашение «выходной слой линейный» здесь не действует: у каждого слоя своя активация, указанная в кортеже.",
    "Применяйте activation каждого слоя, включая последний.",
)


def mlp_forward(X, layers):
    H = X
    for index, (W, b, activation) in enumerate(layers):
        Z = H @ W.T + b
        H = Z if index == len(layers) - 1 else _ACTIVATIONS[activation](Z)
    return H
