"""Wrong variant of exercise 3: norms appended during the backward loop, so they come last layer first."""

PART = "gradient_norms"
TITLE = "нормы в обратном порядке: от последнего слоя к первому"
HINTS = (
    "Какой слой стоит в элементе 0 вашего ответа? Обратный проход идёт от выхода ко входу.",
    "Если добавлять нормы в список по ходу обратного прохода, первой окажется норма последнего слоя.",
    "Записывайте норму слоя layer в позицию layer (или разверните список в конце).",
)


def gradient_norms(x, weights, activation):
    act, derivative = _ACTIVATIONS[activation]
    h, pre = x, []
    for W in weights:
        pre.append(h @ W.T)
        h = act(pre[-1])
    grad_h, norms = np.ones_like(h), []
    for layer in range(len(weights) - 1, -1, -1):
        grad_z = grad_h * derivative(pre[layer])
        h_prev = x if layer == 0 else act(pre[layer - 1])
        norms.append(np.linalg.norm(grad_z.T @ h_prev))
        grad_h = grad_z @ weights[layer]
    return np.array(norms)
