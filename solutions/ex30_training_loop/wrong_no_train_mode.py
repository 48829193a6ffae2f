"""Wrong variant of exercise 30: model.train() is never called, so a model left in eval mode trains in eval mode."""

PART = "train_one_epoch"
TITLE = "нет model.train(): модель, оставленная в режиме eval, обучается в режиме eval"
HINTS = (
    "В каком режиме была модель, когда её передали вашей функции (например, после evaluate)?",
    "В режиме eval BatchNorm нормирует по накопленным running-статистикам и не обновляет их, "
    "а Dropout выключен: это уже другая функция потерь и другие градиенты.",
    "В начале эпохи явно переведите модель в режим обучения: model.train().",
)


def train_one_epoch(model, loader, loss_fn, optimizer):
    total, count = 0.0, 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
        count += len(y)
    return total / count
