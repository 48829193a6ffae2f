"""Wrong variant of exercise 31: w.grad is zeroed before every micro-batch's backward."""

PART = "microbatch_gradient"
TITLE = "w.grad обнуляется перед каждым backward: остаётся градиент только последнего куска"
HINTS = (
    "Что лежит в w.grad после второго backward, если перед ним вы его обнулили?",
    "Накопление градиента и есть суммирование в .grad; обнулять нужно один раз — перед всем батчем.",
)


def microbatch_gradient(loss_fn, w, x, y, micro_batch):
    w = w.detach().clone().requires_grad_(True)
    n = x.shape[0]
    for start in range(0, n, micro_batch):
        xb, yb = x[start:start + micro_batch], y[start:start + micro_batch]
        w.grad = None
        (loss_fn(w, xb, yb) * (xb.shape[0] / n)).backward()
    return w.grad
