"""Wrong variant of exercise 30: the epoch loss is the plain mean of the batch means."""

PART = "train_one_epoch"
TITLE = "средняя потеря эпохи — простое среднее потерь батчей, без весов по размерам"
HINTS = (
    "Последний батч короче остальных. Сколько «голосов» получает каждый его пример в вашем среднем?",
    "loss_fn возвращает среднее по батчу; среднее таких средних даёт примерам маленького батча больший вес.",
    "Копите loss.item() * (размер батча) и делите на общее число примеров.",
)


def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    losses = []
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return sum(losses) / len(losses)
