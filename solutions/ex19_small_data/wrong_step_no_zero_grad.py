"""Wrong variant of exercise 19: gradients are never zeroed, so they accumulate across calls."""

PART = "fine_tune_step"
TITLE = "градиенты не обнуляются: на втором шаге к ним прибавляются градиенты первого"
HINTS = (
    "Первый шаг у вас верный, а второй — нет. Что осталось в p.grad после первого вызова?",
    "backward() прибавляет градиент к p.grad, а не записывает его заново; новый оптимизатор "
    "на каждом вызове старые градиенты не стирает.",
    "Перед backward() вызовите optimizer.zero_grad() (или model.zero_grad()).",
)


def fine_tune_step(model, x, y, lr):
    optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=lr)
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()
