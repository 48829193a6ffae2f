"""Wrong variant of exercise 34: db averaged over the batch instead of summed."""

PART = "linear_backward"
TITLE = "db — среднее по батчу, а не сумма"
HINTS = (
    "Повторите батч дважды: во сколько раз должен вырасти db?",
    "Смещение добавляется к каждому примеру, поэтому его градиент — сумма вкладов всех позиций. "
    "Если потеря усредняется, множитель 1/N уже сидит в grad_out.",
    "Суммируйте grad_out по всем осям, кроме последней.",
)


def linear_backward(x, W, grad_out):
    g = grad_out.reshape(-1, W.shape[0])
    return grad_out @ W, g.T @ x.reshape(-1, W.shape[1]), g.mean(axis=0)
