"""Wrong variant of exercise 30: zero_grad between backward and step wipes the fresh gradients."""

PART = "train_one_epoch"
TITLE = "zero_grad между backward и step: шаг делается без градиентов"
HINTS = (
    "Что лежит в p.grad в момент optimizer.step() в вашем цикле?",
    "zero_grad стирает только что посчитанные backward градиенты (по умолчанию ставит .grad = None), "
    "и step пропускает такие параметры: модель не обучается.",
    "Очищайте градиенты до backward (в начале батча) или после step, но не между ними.",
)


def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, count = 0.0, 0
    for x, y in loader:
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.zero_grad()
        optimizer.step()
        total += loss.item() * len(y)
        count += len(y)
    return total / count
