"""Wrong variant of exercise 30: the number of correct answers is divided by the number of batches."""

import torch

PART = "evaluate"
TITLE = "accuracy: число верных ответов делится на число батчей (len(loader)), а не примеров"
HINTS = (
    "Может ли ваша accuracy оказаться больше 1?",
    "len(loader) у DataLoader — число батчей, а не примеров.",
    "Считайте примеры сами (сумма len(y) по батчам) и делите на них.",
)


def evaluate(model, loader, loss_fn):
    model.eval()
    total, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for x, y in loader:
            logits = model(x)
            total += loss_fn(logits, y).item() * len(y)
            correct += int((logits.argmax(dim=1) == y).sum())
            count += len(y)
    return total / count, correct / len(loader)
