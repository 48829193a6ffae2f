"""Wrong variant of exercise 30: optimizer.step() is called before loss.backward()."""

PART = "train_one_epoch"
TITLE = "optimizer.step() до loss.backward()"
HINTS = (
    "Какие градиенты видит optimizer.step() в вашем порядке вызовов?",
    "step использует то, что уже лежит в p.grad; сразу после zero_grad там пусто, и шаг ничего не меняет, "
    "а посчитанные backward градиенты обнуляются на следующем батче, не дойдя до шага.",
    "Порядок на батче: zero_grad → потеря → backward → step.",
)


def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, count = 0.0, 0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        optimizer.step()
        loss.backward()
        total += loss.item() * len(y)
        count += len(y)
    return total / count
