"""Wrong variant of exercise 31: each chunk's loss divided by the number of chunks."""

PART = "microbatch_gradient"
TITLE = "потеря куска поделена на число кусков: неверно, когда последний кусок короче"
HINTS = (
    "Возьмите N = 5 и micro_batch = 4: какой вес в общем среднем у примера из второго куска?",
    "Деление на число кусков верно, только если все куски одинаковые. Короткий кусок весит меньше.",
    "Вес куска — его доля примеров: len(xb) / N.",
)


def microbatch_gradient(loss_fn, w, x, y, micro_batch):
    w = w.detach().clone().requires_grad_(True)
    n = x.shape[0]
    chunks = (n + micro_batch - 1) // micro_batch
    for start in range(0, n, micro_batch):
        (loss_fn(w, x[start:start + micro_batch], y[start:start + micro_batch]) / chunks).backward()
    return w.grad
