"""Wrong variant of exercise 31: one call of loss_fn on the whole batch — no micro-batches at all."""

PART = "microbatch_gradient"
TITLE = "потеря посчитана сразу по всему батчу: ответ верен, но micro_batch не соблюдён"
HINTS = (
    "micro_batch — это ограничение памяти: больше micro_batch строк за один вызов loss_fn не помещается.",
    "Пройдите по кускам x[0:m], x[m:2m], … и вызывайте backward после каждого; градиенты сложатся в .grad.",
)


def microbatch_gradient(loss_fn, w, x, y, micro_batch):
    w = w.detach().clone().requires_grad_(True)
    loss_fn(w, x, y).backward()
    return w.grad
