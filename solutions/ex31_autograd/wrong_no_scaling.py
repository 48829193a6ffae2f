"""Wrong variant of exercise 31: each micro-batch's mean loss is backpropagated unscaled."""

PART = "microbatch_gradient"
TITLE = "потери микробатчей не масштабированы: градиент — сумма средних, в N/m раз больше"
HINTS = (
    "Разбейте батч на 4 одинаковых куска: во сколько раз ваш градиент больше градиента по всему батчу?",
    "loss_fn возвращает среднее по куску; сумма четырёх средних — это не среднее по всему батчу.",
    "Каждую потерю куска умножьте на его долю в батче: len(xb) / N.",
)


def microbatch_gradient(loss_fn, w, x, y, micro_batch):
    w = w.detach().clone().requires_grad_(True)
    for start in range(0, x.shape[0], micro_batch):
        loss_fn(w, x[start:start + micro_batch], y[start:start + micro_batch]).backward()
    return w.grad
