"""Wrong variant of exercise 30: the gradients are never cleared, so they accumulate over the batches."""

PART = "train_one_epoch"
TITLE = "нет optimizer.zero_grad(): градиенты копятся от батча к батчу"
HINTS = (
    "Что происходит с p.grad при втором вызове loss.backward(), если его никто не очистил?",
    "backward не записывает градиент, а прибавляет его к уже лежащему в .grad; без очистки шаг на батче k "
    "делается по сумме градиентов батчей 1..k.",
    "В начале обработки каждого батча (до backward) вызывайте optimizer.zero_grad().",
)


def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, count = 0.0, 0
    for x, y in loader:
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
        count += len(y)
    return total / count
