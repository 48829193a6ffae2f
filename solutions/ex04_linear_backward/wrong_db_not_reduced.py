"""Wrong variant of exercise 4: db returned per example, not reduced over the batch."""

PART = "linear_backward"
TITLE = "db не свёрнут по батчу: возвращается grad_out формы (N, n_out)"
HINTS = (
    "Какой формы b и какой формы ваш db?",
    "Градиент имеет форму переменной: у b одна копия на весь батч, значит, вклады примеров нужно собрать.",
    "Сверните grad_out по оси 0.",
)


def linear_backward(x, W, b, grad_out):
    return grad_out @ W, grad_out.T @ x, np.array(grad_out)
