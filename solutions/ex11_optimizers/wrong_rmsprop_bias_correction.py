"""Wrong variant of exercise 11: Adam's bias correction added to RMSprop."""

PART = "rmsprop_step"
TITLE = "в RMSprop добавлена коррекция смещения, как в Adam (у torch.optim.RMSprop её нет)"
HINTS = (
    "Сравните первый шаг с torch: у вас |Δθ| ≈ lr, а у torch?",
    "torch.optim.RMSprop не делит square_avg на 1 − αᵗ: на первых шагах среднее занижено, "
    "и шаги получаются крупнее lr (на первом — в 1/√(1 − α) = 10 раз при α = 0.99).",
    "Уберите деление на 1 − alpha**t: знаменатель — просто √square_avg + eps.",
)


def rmsprop_step(param, grad, state, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0.0, centered=False):
    t = state.get("step", 0) + 1
    g = grad + weight_decay * param
    s = alpha * state.get("square_avg", 0.0) + (1 - alpha) * g * g
    new_state = {"step": t, "square_avg": s}
    variance = s / (1 - alpha ** t)
    if centered:
        a = alpha * state.get("grad_avg", 0.0) + (1 - alpha) * g
        new_state["grad_avg"] = a
        variance = variance - (a / (1 - alpha ** t)) ** 2
    return param - lr * g / (np.sqrt(variance) + eps), new_state
