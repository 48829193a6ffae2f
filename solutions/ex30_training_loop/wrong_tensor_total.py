"""Wrong variant of exercise 30: batch losses are summed as tensors (without .item()), keeping every graph."""

PART = "train_one_epoch"
TITLE = "потери копятся как тензоры (без .item()): возвращается тензор, графы всех батчей живут до конца эпохи"
HINTS = (
    "Какой тип у значения, которое вы возвращаете? Есть ли у него requires_grad?",
    "total += loss * n складывает тензоры и строит граф над графами всех батчей: память растёт за эпоху, "
    "а наружу уходит тензор вместо числа.",
    "Копите число: loss.item() * n (или loss.detach()), а вернуть нужно float.",
)


def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, count = 0.0, 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total = total + loss * len(y)
        count += len(y)
    return total / count
