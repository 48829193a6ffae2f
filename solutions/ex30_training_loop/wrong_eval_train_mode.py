"""Wrong variant of exercise 30: evaluate forgets model.eval(), so BatchNorm uses batch statistics."""

import torch

PART = "evaluate"
TITLE = "нет model.eval(): при оценке BatchNorm работает по статистикам батча и портит running-статистики"
HINTS = (
    "В каком режиме модель пришла в evaluate (например, сразу после train_one_epoch)?",
    "В режиме train BatchNorm нормирует по текущему батчу и обновляет running_mean/running_var, "
    "поэтому результат зависит от состава батчей, а на батче из одного примера — ошибка.",
    "Перед циклом оценки вызовите model.eval().",
)


def evaluate(model, loader, loss_fn):
    total, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for x, y in loader:
            logits = model(x)
            total += loss_fn(logits, y).item() * len(y)
            correct += int((logits.argmax(dim=1) == y).sum())
            count += len(y)
    return total / count, correct / count
