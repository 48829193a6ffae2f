"""Wrong variant of exercise 30: evaluate averages the per-batch loss and accuracy with equal weights."""

import torch

PART = "evaluate"
TITLE = "потеря и accuracy — среднее по батчам, без весов по размерам батчей"
HINTS = (
    "Изменится ли ваш ответ, если тот же набор разбить на батчи по-другому?",
    "Среднее средних по батчам разного размера даёт примерам короткого батча больший вес; "
    "метрика набора должна быть средним по примерам.",
    "Копите сумму потерь (loss.item() * n) и число верных ответов, а делите в конце на общее число примеров.",
)


def evaluate(model, loader, loss_fn):
    model.eval()
    losses, accuracies = [], []
    with torch.no_grad():
        for x, y in loader:
            logits = model(x)
            losses.append(loss_fn(logits, y).item())
            accuracies.append((logits.argmax(dim=1) == y).double().mean().item())
    return sum(losses) / len(losses), sum(accuracies) / len(accuracies)
